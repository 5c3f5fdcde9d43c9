"""The reasoner's input: the ontology and the data as OWL 2 DL, in N-Triples.

orgkg's graphs are RDF first; a few of their triples are not OWL 2 DL and
are left out (and counted) before HermiT sees them:

* ``rdf:first`` / ``rdf:rest`` cells and ``skos:memberList`` of class series
  (RDF lists are reserved OWL syntax; the order is also in orgkg:seriesRank);
* ``prov:wasDerivedFrom`` from a named graph's IRI to its document (a graph
  is not an individual of the organisation);
* ``rdfs:subPropertyOf rdfs:label`` on ``orgkg:title`` (a data property under
  an annotation property);
* the evidence annotations (``mapping.evidence``): their bodies are reified
  ``rdf:Statement``s, reserved vocabulary in OWL 2 DL, and they say where a
  fact was read, nothing about the organisation;
* ``xsd:date`` values (a register row's effective date): OWL 2's datatype
  map has ``xsd:dateTime`` but not ``xsd:date``, and HermiT refuses it.
"""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from orgkg.graph.built import BuiltGraph
from orgkg.graph.terms import to_rdflib
from orgkg.mapping.evidence import is_evidence

GRAPH_PREFIX = "https://w3id.org/orgkg/id/graph/"


def _drop_reason(s: object, p: object, o: object) -> str | None:
    if is_evidence(str(s)):
        return "evidence annotations (where each fact was read)"
    if p in (RDF.first, RDF.rest):
        return "rdf:first/rdf:rest cells of class-series lists"
    if p == SKOS.memberList:
        return "skos:memberList of class series"
    if p == PROV.wasDerivedFrom and str(s).startswith(GRAPH_PREFIX):
        return "prov:wasDerivedFrom of named graphs"
    if p == RDFS.subPropertyOf and o == RDFS.label:
        return "rdfs:subPropertyOf rdfs:label (a data property under an annotation property)"
    if isinstance(o, Literal) and o.datatype == XSD.date:
        return "xsd:date values (not in OWL 2's datatype map)"
    return None


def owl_input(ontology: Graph, data: Graph) -> tuple[Graph, Counter[str]]:
    """The DL part of ontology + data, and what was left out."""
    out, dropped = Graph(), Counter[str]()
    for t in (*ontology, *data):
        why = _drop_reason(*t)
        if why:
            dropped[why] += 1
        else:
            out.add(t)
    return out, dropped


def graphs_of(graph: BuiltGraph) -> dict[str, Graph]:
    """Each named graph as an rdflib graph, by IRI."""
    out: dict[str, Graph] = {}
    for q in graph.quads():
        g = out.setdefault(q.graph_name.value, Graph())  # type: ignore[union-attr]
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # type: ignore[arg-type]
    return out


def union(graphs: dict[str, Graph], names: list[str]) -> Graph:
    g = Graph()
    for name in names:
        for t in graphs[name]:
            g.add(t)
    return g


def document_name(graph: Graph) -> str:
    """The file name of the document a named graph was read from."""
    from rdflib.namespace import DCTERMS

    from orgkg.mapping.namespaces import ORGKG

    for doc in graph.subjects(RDF.type, ORGKG.SourceDocument):
        name = graph.value(doc, DCTERMS.identifier)
        if name is not None:
            return str(name)
    return "?"


def functional_properties(ontology: Graph) -> list[URIRef]:
    from rdflib.namespace import OWL

    return sorted(p for p in ontology.subjects(RDF.type, OWL.FunctionalProperty) if isinstance(p, URIRef))
