"""What a validation engine is: shapes and a built graph in, SHACL results out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from orgkg.validate.model import Result


class Engine(ABC):
    """Runs standard SHACL shapes over the union of a graph folder's named graphs."""

    name: str

    @abstractmethod
    def run(self, store: ox.Store, shapes: Graph, ontology: Graph) -> list[Result]:
        """Every validation result, in no particular order."""


def ontology_graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")
