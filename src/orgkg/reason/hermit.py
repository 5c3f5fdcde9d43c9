"""Run HermiT (the jar owlready2 ships) on a graph, with a heap size and a wall-clock limit.

The graph is loaded into an owlready2 ``World`` of its own (``only_local``:
nothing is fetched), saved as N-Triples the way owlready2's
``sync_reasoner_hermit`` saves it, and HermiT classifies and realises it
(``-c -O -D -I``). owlready2's own runner has no time limit and keeps only the
types of individuals it knows, so orgkg runs the same command itself and
reads every ``Type( individual class )`` line HermiT prints.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from orgkg.errors import ReasonerError

_TYPE = re.compile(r"^Type\(\s*<([^>]+)>\s+<([^>]+)>\s*\)\s*$", re.M)


@dataclass(frozen=True)
class Limits:
    heap_mb: int = 2000
    timeout: float = 300.0


@dataclass(frozen=True)
class Outcome:
    consistent: bool
    types: frozenset[tuple[str, str]]


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise ReasonerError("java", "no Java runtime found; HermiT needs one",
                            "install Java 17 (tools/system-deps.sh does) and retry")
    return java


def _owl_file(graph: Graph, folder: Path) -> Path:
    """The graph through owlready2 (parsed as OWL, only local) and back out as N-Triples."""
    import owlready2

    source, target = folder / "input.nt", folder / "owl.nt"
    graph.serialize(source, format="nt", encoding="utf-8")
    world = owlready2.World()
    try:
        with source.open("rb") as f:
            world.get_ontology("https://w3id.org/orgkg/reason-input/").load(
                fileobj=f, format="ntriples", only_local=True)
        with target.open("wb") as f:
            world.save(f, format="ntriples")
    except Exception as err:  # owlready2 raises bare Exceptions for unreadable OWL
        raise ReasonerError("owlready2", f"cannot load the graph as OWL: {err}".splitlines()[0]) from None
    finally:
        world.close()
    return target


def run(graph: Graph, limits: Limits) -> Outcome:
    """HermiT's verdict on ``graph`` and, when consistent, the types it infers or states."""
    from owlready2 import reasoning

    java = require_java()
    with tempfile.TemporaryDirectory(prefix="orgkg-reason-") as tmp:
        path = _owl_file(graph, Path(tmp))
        command = [java, f"-Xmx{limits.heap_mb}M", "-cp", reasoning._HERMIT_CLASSPATH,
                   "org.semanticweb.HermiT.cli.CommandLine", "-c", "-O", "-D", "-I", path.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=limits.timeout,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise ReasonerError("HermiT", f"did not finish within {limits.timeout:g} s",
                                "raise --timeout, or --heap if it was short of memory") from None
    output = done.stdout + done.stderr
    if done.returncode != 0:
        if "Inconsistent ontology" in output or "InconsistentOntologyException" in output:
            return Outcome(False, frozenset())
        last = (output.strip().splitlines() or ["no output"])[-1]
        raise ReasonerError("HermiT", f"the reasoner failed: {last[:300]}")
    return Outcome(True, frozenset(_TYPE.findall(done.stdout)))
