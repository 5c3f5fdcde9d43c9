"""graph.turtle writes a graph's facts exactly as rdflib's Turtle serializer does (the graph files keep
rdflib's text), and leaves to rdflib what it does not write the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from orgkg.graph import turtle
from orgkg.graph.build import load
from orgkg.mapping.evidence import is_evidence
from orgkg.mapping.namespaces import ORG, ORGKG, bind_prefixes
from tests.conftest import SAMPLES

CORPUS = Path(__file__).parent / "corpus" / "dev" / "docs"


def rdflib_text(triples: list[tuple[object, object, object]]) -> str:
    """What rdflib writes after its ``@prefix`` lines."""
    g = Graph()
    for t in triples:
        g.add(t)  # type: ignore[arg-type]
    bind_prefixes(g)
    text = g.serialize(format="turtle")
    lines = text.split("\n")
    while lines and lines[0].startswith("@prefix"):
        lines.pop(0)
    return "\n".join(lines)


def facts_of(path: Path) -> list[tuple[object, object, object]]:
    loaded = load(path)
    assert loaded.graph is not None
    return [t for t in loaded.graph if not is_evidence(str(t[0]))]


@pytest.mark.parametrize("path", [*sorted(SAMPLES.glob("*.txt")), *sorted(CORPUS.glob("*.md"))[:6]],
                         ids=lambda p: p.name)
def test_a_documents_facts_are_written_as_rdflib_writes_them(path: Path) -> None:
    triples = facts_of(path)
    assert turtle.facts(triples) == rdflib_text(triples)  # type: ignore[arg-type]


POST = URIRef("https://w3id.org/orgkg/id/post/x")
ODD, FLAG, LIST = (URIRef(f"https://w3id.org/orgkg/ontology#{n}") for n in ("odd", "flag", "list"))
OTHER = URIRef("https://w3id.org/orgkg/id/post/y")


def test_literals_names_and_order_as_rdflib_writes_them() -> None:
    triples = [
        (POST, RDF.type, ORG.Post), (POST, RDF.type, ORGKG.DescribedPost), (POST, RDFS.label, Literal("x")),
        (POST, ORGKG.title, Literal('Chief "Data" Officer')), (POST, ORGKG.title, Literal("Zed\nline two")),
        (POST, ORGKG.title, Literal("Directeur", lang="fr")), (POST, ORGKG.order, Literal(3)),
        (POST, ORGKG.order, Literal("3", datatype=XSD.positiveInteger)), (POST, ORGKG.amount, Literal(2.5)),
        (POST, ORGKG.amount, Literal("70700000", datatype=XSD.decimal)), (POST, FLAG, Literal(True)),
        (POST, ORG.reportsTo, OTHER), (OTHER, ORG.reportsTo, URIRef("https://w3id.org/orgkg/id/z")),
        (OTHER, SKOS.prefLabel, Literal("y\u2028z")), (OTHER, ODD, URIRef("http://example.org/a(b)%zz")),
        (OTHER, ODD, URIRef("https://w3id.org/orgkg/ontology#end.")),
        (OTHER, ODD, URIRef("http://www.w3.org/ns/org#")), (OTHER, LIST, RDF.nil),
        (URIRef("https://w3id.org/orgkg/id/graph/g"), ODD, POST),
    ]
    assert turtle.facts(triples) == rdflib_text(triples)  # type: ignore[arg-type]


@pytest.mark.parametrize("triple", [
    (BNode("b"), RDF.type, ORG.Post),
    (POST, ORG.reportsTo, BNode("b")),
    (POST, RDF.type, RDFS.Class),
    (POST, URIRef("http://example.org/unbound#p"), Literal("x")),
])
def test_what_rdflib_writes_otherwise_is_left_to_it(triple: tuple[object, object, object]) -> None:
    assert turtle.facts([(POST, RDF.type, ORG.Post), triple]) is None  # type: ignore[list-item]
