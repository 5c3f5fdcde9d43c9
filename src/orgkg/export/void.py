"""A VoID description of the published dataset, in its own named graph.

Hand-written rather than ``rdflib.void.generateVoID`` (which copies the graph
several times): the dataset, its triple count, its SPARQL endpoint and
vocabularies, and one subset per document graph with that graph's count.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from orgkg.mapping.iris import BASE
from orgkg.mapping.namespaces import ORG, ORGKG, PROV, SKOS

VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
GRAPH = ox.NamedNode(f"{BASE}void")
DATASET = ox.NamedNode(f"{BASE}void#dataset")


def _v(local: str) -> ox.NamedNode:
    return ox.NamedNode(VOID + local)


def _count(n: int) -> ox.Literal:
    return ox.Literal(n)


def description(counts: Mapping[ox.NamedNode, int], endpoint: str | None) -> list[ox.Triple]:
    """The VoID triples for named graphs with these triple counts."""
    t = [
        ox.Triple(DATASET, RDF_TYPE, _v("Dataset")),
        ox.Triple(DATASET, DCTERMS_TITLE, ox.Literal("orgkg knowledge graph of organisations and positions")),
        ox.Triple(DATASET, _v("triples"), _count(sum(counts.values()))),
        ox.Triple(DATASET, _v("uriSpace"), ox.Literal(BASE)),
    ]
    for ns in (ORGKG._NS, ORG._NS, SKOS._NS, PROV._NS):
        t.append(ox.Triple(DATASET, _v("vocabulary"), ox.NamedNode(str(ns))))
    if endpoint:
        t.append(ox.Triple(DATASET, _v("sparqlEndpoint"), ox.NamedNode(endpoint)))
    for graph, n in sorted(counts.items(), key=lambda kv: kv[0].value):
        t += [ox.Triple(DATASET, _v("subset"), graph), ox.Triple(graph, RDF_TYPE, _v("Dataset")),
              ox.Triple(graph, _v("triples"), _count(n))]
    return t
