"""The package's imports run one way (the project guide): no module imports one that imports it back,
no two stages import each other, and the stages before ``mapping`` (``read``, ``extract``) know no RDF
library: they give typed records. Read from the source (every import, those inside functions too),
so a loop that only shows when a function first runs is found as well."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
MODULES = {".".join(p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__"): p
           for p in sorted((SRC / "orgkg").rglob("*.py"))}


def imported(name: str, path: Path) -> Iterator[str]:
    """Every module ``name`` imports (under ``if TYPE_CHECKING:`` too: a loop in the types is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            # ``from orgkg.read import ocr`` imports the submodule orgkg.read.ocr, not what the package says
            yield from (f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names)


def graph(level: int | None = None) -> dict[str, set[str]]:
    """Each module's (or, at ``level`` 2, each subpackage's: ``orgkg.graph``) imports within orgkg."""
    def at(name: str) -> str:
        return name if level is None else ".".join(name.split(".")[:level])
    found: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        found.setdefault(at(name), set()).update(at(m) for m in imported(name, path)
                                                 if m in MODULES and at(m) != at(name))
    return found


@pytest.mark.parametrize("level", [None, 2], ids=["modules", "stages"])
def test_no_import_loop(level: int | None) -> None:
    try:
        tuple(TopologicalSorter(graph(level)).static_order())
    except CycleError as err:
        pytest.fail(f"an import loop: {' -> '.join(err.args[1])}")


@pytest.mark.parametrize("stage", ["orgkg.read", "orgkg.extract"])
def test_the_stages_before_mapping_know_no_rdf(stage: str) -> None:
    rdf = sorted({(name, m) for name, path in MODULES.items() if name.startswith(stage)
                  for m in imported(name, path) if m.split(".")[0] in {"rdflib", "pyoxigraph"}})
    assert rdf == []
