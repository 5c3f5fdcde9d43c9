"""The standard vocabularies orgkg writes, with typo-safe names.

rdflib ships ORG, SKOS, PROV and DCTERMS as ``DefinedNamespace``s; ADMS and
XKOS are declared here the same way, and the Web Annotation terms (OA) as a
closed namespace, for the few terms orgkg uses.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    ClosedNamespace,
    DefinedNamespace,
    Namespace,
)

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


# The W3C Web Annotation terms orgkg writes (closed: an unknown name raises AttributeError).
OA = ClosedNamespace(URIRef("http://www.w3.org/ns/oa#"), [
    "Annotation", "SpecificResource", "TextPositionSelector", "TextQuoteSelector", "hasBody", "hasTarget",
    "hasSource", "hasSelector", "start", "end", "exact", "prefix", "suffix"])


ID = Namespace(BASE)

PREFIXES: dict[str, str] = {
    "orgkg": str(ORGKG._NS),
    "org": str(ORG._NS),
    "skos": str(SKOS._NS),
    "prov": str(PROV._NS),
    "adms": str(ADMS._NS),
    "xkos": str(XKOS._NS),
    "oa": str(OA),
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


class Remembered:
    """A namespace whose terms are looked up once each (rdflib's namespace look-up is slow in loops
    that write the same terms millions of times): ``Remembered(ORG).Post`` is ``ORG.Post``."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = URIRef(getattr(self._namespace, name))
        setattr(self, name, term)
        return term
