"""The standard vocabularies orgkg writes, with typo-safe names.

rdflib ships ORG, SKOS, PROV and DCTERMS as ``DefinedNamespace``s; ADMS and
XKOS and the Web Annotation terms (OA) are declared here the same way, for the few terms orgkg uses.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

from orgkg.mapping.iris import BASE
from orgkg.mapping.vocab import ORGKG


class ADMS(DefinedNamespace):
    _NS = Namespace("http://www.w3.org/ns/adms#")
    _fail = True
    Identifier: URIRef
    identifier: URIRef


class XKOS(DefinedNamespace):
    _NS = Namespace("http://rdf-vocabulary.ddialliance.org/xkos#")
    _fail = True
    next: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms orgkg writes."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True
    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef


ID = Namespace(BASE)

PREFIXES: dict[str, str] = {
    "orgkg": str(ORGKG._NS),
    "org": str(ORG._NS),
    "skos": str(SKOS._NS),
    "prov": str(PROV._NS),
    "adms": str(ADMS._NS),
    "xkos": str(XKOS._NS),
    "oa": str(OA._NS),
    "dcterms": str(DCTERMS._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "owl": str(OWL._NS),
    "xsd": str(XSD._NS),
    "id": str(ID),
}


def bind_prefixes(graph: Graph) -> None:
    """Bind orgkg's prefixes explicitly, so every output uses the same ones."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


# For Turtle output: "id:post\/x" would need escaped slashes, so instance IRIs are written whole.
TURTLE_PREFIXES = {p: ns for p, ns in PREFIXES.items() if p != "id"}

__all__ = ["ADMS", "DCTERMS", "ID", "OA", "ORG", "ORGKG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS",
           "SKOS", "TURTLE_PREFIXES", "XKOS", "XSD", "bind_prefixes"]
