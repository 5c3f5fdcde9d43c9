"""The findings of the last ``orgkg validate`` of a built graph, kept in its version folder.

``orgkg chart`` marks each post with its findings. At 100,000 positions
validating takes minutes, and the chart did it again after ``orgkg validate``
had just done it (bench/results/organisation.md). So ``orgkg validate`` keeps
what the chart reads, each finding's post, severity and message
(``findings.json``), in the build's version folder, with the key of what it
validated: the build (its id: a new build is a new version folder), the
inferred triples ``orgkg reason`` added, the shapes and ontology files, the
maximum span and the engine. ``kept`` gives them back only for the same key,
so the chart marks the same findings as validating again would; otherwise
(an older layout, another graph, other shapes) the chart validates.

Keeping them is a convenience: a version folder that cannot be written (a
read-only copy of a build) keeps nothing, and validation answers the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from orgkg.graph.built import BuiltGraph
from orgkg.graph.output import built_id
from orgkg.graph.store import INFERRED_TRIG
from orgkg.resources import ontology_path
from orgkg.validate.model import Finding
from orgkg.validate.shapes import default_folder

FILE = "findings.json"
FORMAT = "orgkg findings 1"

#: One finding as kept: the post it is about, its severity (``Severity.value``) and its message.
Kept = tuple[str, str, str]


def key(graph: BuiltGraph, shapes: Path | None, max_span: int | None, engine: str) -> str | None:
    """What the findings of validating ``graph`` so depend on, as one digest (None: not kept)."""
    folder = graph.folder
    build = built_id(folder) if folder is not None else None
    if folder is None or build is None:
        return None
    digest = hashlib.sha256(json.dumps([FORMAT, build, str(max_span), engine]).encode("utf-8"))
    files = [folder / INFERRED_TRIG, ontology_path(), *sorted((shapes or default_folder()).glob("*.ttl"))]
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def keep(graph: BuiltGraph, digest: str | None, findings: Iterable[Finding]) -> None:
    """Write the findings about posts into the graph's version folder under ``digest``."""
    if graph.folder is None or digest is None:
        return
    rows = [[f.post, f.severity.value, f.message] for f in findings if f.post is not None]
    path = graph.folder / FILE
    part = path.with_name(f".{FILE}.{os.getpid()}")
    try:
        part.write_text(json.dumps({"key": digest, "findings": rows}), encoding="utf-8")
        os.replace(part, path)
    except OSError:  # a version folder that cannot be written keeps nothing (see above)
        part.unlink(missing_ok=True)


def kept(graph: BuiltGraph, digest: str | None) -> list[Kept] | None:
    """The findings kept for ``digest`` in the graph's version folder, None when there are none."""
    if graph.folder is None or digest is None:
        return None
    try:
        data = json.loads((graph.folder / FILE).read_text(encoding="utf-8"))
        if data["key"] != digest:
            return None
        return [(str(post), str(severity), str(message)) for post, severity, message in data["findings"]]
    except (OSError, ValueError, KeyError, TypeError):  # none kept, or not as written here
        return None
