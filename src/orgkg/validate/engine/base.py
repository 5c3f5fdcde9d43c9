"""What a validation engine is: shapes and a built graph in, SHACL results out."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path

from rdflib import Graph

from orgkg.graph.built import BuiltGraph
from orgkg.validate.model import Result

# Queries on the store at once: pyoxigraph lets go of Python's lock while it evaluates, and
# validation only reads, so checks (and the describing of findings) run one per core.
WORKERS = max(2, os.cpu_count() or 1)


class Engine(ABC):
    """Runs standard SHACL shapes over the union of a graph folder's named graphs."""

    name: str

    @abstractmethod
    def run(self, graph: BuiltGraph, shapes: Graph, ontology: Graph) -> list[Result]:
        """Every validation result, in no particular order."""


def ontology_graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")
