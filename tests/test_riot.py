"""Every export format re-read by a second, independent parser: Apache Jena's `riot` (Java).

The counts riot reads must be the counts orgkg says it wrote (triples for
Turtle, N-Triples and RDF/XML; quads for N-Quads, TriG and JSON-LD), and riot
must neither warn nor fail on any file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgkg.export.files import FORMATS
from tests.conftest import run
from tests.support import riot

pytestmark = pytest.mark.skipif(riot.missing() is not None, reason=str(riot.missing()))


def test_riot_reads_every_export_format_with_the_same_count(built: Path, tmp_path: Path) -> None:
    written: dict[str, int] = {}
    files: dict[str, Path] = {}
    for f in FORMATS.values():
        out = tmp_path / f"graph.{f.extensions[0]}"
        result = run("export", "--graph", str(built), "--out", str(out))
        assert result.exit_code == 0, result.stderr
        written[out.name] = int(re.match(r"(\d+) ", result.stderr).group(1))  # type: ignore[union-attr]
        files[f.name] = out
    cp = riot.classpath(tmp_path)
    plain = [p for name, p in files.items() if name != "jsonld"]
    read, log = riot.counts(cp, plain)
    read_jsonld, log_jsonld = riot.counts(cp, [files["jsonld"]], syntax="jsonld10")
    read |= read_jsonld
    assert read == written, log + log_jsonld
    for line in (log + log_jsonld).splitlines():
        assert " WARN " not in line and " ERROR " not in line, line
