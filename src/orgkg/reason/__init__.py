"""OWL reasoning over the built graph with HermiT: consistency, and what it infers.

    report = reason(Path("out"))
    report.consistent, report.inferred   # e.g. (post, orgkg:SupervisoryPost) pairs

The ontology and the union of the document graphs (less the few triples that
are not OWL 2 DL, see ``owlinput``) go to HermiT through owlready2, in a
separate process with a heap size and a time limit. New class memberships
are written to a named graph of their own (``write``); an inconsistency is
narrowed to documents, individuals and axioms (``diagnose``).
"""

from __future__ import annotations

import time
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from orgkg.graph.built import INFERRED_GRAPH, BuiltGraph
from orgkg.reason import diagnose, hermit
from orgkg.reason.hermit import Limits
from orgkg.reason.model import Culprit, ReasonReport
from orgkg.reason.owlinput import document_name, graphs_of, owl_input, union
from orgkg.reason.write import write
from orgkg.resources import ontology_path


def reason(folder: Path, limits: Limits | None = None, *, save: bool = True) -> ReasonReport:
    limits = limits or Limits()
    start = time.perf_counter()
    hermit.require_java()
    ontology = Graph().parse(ontology_path(), format="turtle")
    built = BuiltGraph.open(folder)
    graphs = {k: g for k, g in graphs_of(built).items() if k != str(INFERRED_GRAPH)}
    del built
    data = union(graphs, sorted(graphs))
    graph, dropped = owl_input(ontology, data)
    outcome = hermit.run(graph, limits)
    report = ReasonReport(outcome.consistent, dropped=dict(sorted(dropped.items())))
    if outcome.consistent:
        report.inferred = _new_types(outcome.types, graph)
        if save:
            report.written = str(write(folder, report.inferred))
    else:
        names = diagnose.narrow(ontology, graphs, limits)
        report.documents = tuple(sorted(document_name(graphs[n]) for n in names))
        report.culprits = diagnose.culprits(ontology, graphs, names)
    report.seconds = time.perf_counter() - start
    return report


def _new_types(types: frozenset[tuple[str, str]], graph: Graph) -> list[tuple[str, str]]:
    """Class memberships the reasoner adds to what the graph states (named orgkg/ORG classes only)."""
    stated = {(str(s), str(o)) for s, o in graph.subject_objects(RDF.type)}
    classes = {str(c) for c in graph.subjects(RDF.type, OWL.Class)}
    return sorted((s, c) for s, c in types if (s, c) not in stated and c in classes)


__all__ = ["Culprit", "Limits", "ReasonReport", "reason"]
