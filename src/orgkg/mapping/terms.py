"""What every mapper writes the same way: organisations, classes, levels, schemes, identifiers.

A document's mapper and a register's mapper both name these things within a
``scope`` (a jurisdiction, an organisation, or a document of its own), so a
class or level written by either is one node.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS

from orgkg.extract.records import Identifier
from orgkg.mapping.iris import mint
from orgkg.mapping.namespaces import ADMS, ORGKG

SCHEME_CONCEPTS: dict[str, URIRef] = {
    "position number": ORGKG.PositionNumber,
    "job code": ORGKG.JobCode,
    "competition number": ORGKG.CompetitionNumber,
    "benchmark": ORGKG.BenchmarkNumber,
    "document": ORGKG.DocumentNumber,
}


def class_keys(title: str | None, code: str | None) -> list[str]:
    """What a job class is compared by (``orgkg:classKey``): its code and its title, each case
    folded as SPARQL's ``LCASE`` folds it and marked as which it is, so two classes agree when they
    share a key (the same code, or the same title) and a code never matches a title."""
    return [f"{kind} {value.lower()}" for kind, value in (("code", code), ("title", title)) if value]


def numbered_post(number: str) -> URIRef:
    """The post a position number names: one node wherever the number is stated."""
    return mint("post", "number", number)


def document_post(document_key: str, title: str) -> URIRef:
    """The post a document describes without a position number: it belongs to the document."""
    return mint("post", "document", document_key, label=title)


class Terms:
    """A graph under construction and the builders of its shared terms."""

    def __init__(self, scope: str) -> None:
        self.scope, self.g = scope, Graph(store="SimpleMemory")

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def text(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value:
            self.add(s, p, Literal(value))

    def source(self, node: URIRef, kind: URIRef, *, name: str, sha256: str, media_type: str,
               reader: str | None, graph: URIRef) -> None:
        """What is known of a source file (a document or a register), and its named graph's origin."""
        self.add(node, RDF.type, kind)
        self.add(node, RDF.type, PROV.Entity)
        self.text(node, DCTERMS.identifier, name)
        self.text(node, ORGKG.sha256, sha256)
        self.text(node, ORGKG.mediaType, media_type)
        self.text(node, ORGKG.readerVersion, reader)
        self.add(graph, PROV.wasDerivedFrom, node)

    def fact(self, field: str, values: tuple[object, ...], s: URIRef, p: URIRef,
             o: URIRef | Literal) -> None:
        """Add a triple that holds a record field's value (a document's mapper notes its evidence)."""
        self.add(s, p, o)

    def place(self, jurisdiction: str | None, organization: str | None,
              units: Sequence[tuple[str, str | None]]) -> list[tuple[str, str, URIRef]]:
        """Build jurisdiction > organisation > units (outermost first).

        Returns each node built as (record field, name, IRI), outermost first:
        the last is where a post sits.
        """
        chain: list[tuple[str, str, URIRef]] = []
        here: URIRef | None = None
        if jurisdiction:
            here = self.org(mint("org", jurisdiction), jurisdiction, formal=True)
            self.add(here, RDF.type, ORGKG.Jurisdiction)
            chain.append(("jurisdiction", jurisdiction, here))
        if organization:
            dept = self.org(mint("org", self.scope, organization), organization, formal=True)
            chain.append(("organization", organization, dept))
            if here is not None:
                self.add(dept, ORG.subOrganizationOf, here)
            here = dept
        path = [self.scope, organization or ""]
        for name, kind in units:
            path.append(name)
            unit = self.org(mint("unit", *path), name, formal=False)
            self.text(unit, ORGKG.unitKind, kind)
            if here is not None:
                self.add(unit, ORG.subOrganizationOf, here)
                if (here, RDF.type, ORG.FormalOrganization) in self.g:
                    self.add(unit, ORG.unitOf, here)
            chain.append(("org_units", name, unit))
            here = unit
        return chain

    def org(self, iri: URIRef, name: str, *, formal: bool) -> URIRef:
        self.add(iri, RDF.type, ORG.FormalOrganization if formal else ORG.OrganizationalUnit)
        self.add(iri, SKOS.prefLabel, Literal(name))
        return iri

    def identifiers(self, post: URIRef, ids: list[Identifier], *, field: str = "identifiers") -> None:
        for ident in ids:
            node = mint("identifier", self.scope, ident.scheme, ident.value)
            self.fact(field, (ident.value,), post, ADMS.identifier, node)
            self.add(node, RDF.type, ADMS.Identifier)
            self.add(node, SKOS.notation, Literal(ident.value))
            scheme = SCHEME_CONCEPTS.get(ident.scheme, ORGKG.DocumentNumber)
            self.add(node, DCTERMS.type, scheme)
            # The concept's label goes with it, so each named graph reads on its own.
            self.add(scheme, SKOS.prefLabel, Literal(ident.scheme))

    def job_class(self, title: str | None, code: str | None) -> URIRef:
        node = mint("class", self.scope, title or code or "")
        self.add(node, RDF.type, ORGKG.JobClass)
        self.add(node, RDF.type, ORG.Role)
        self.add(node, RDF.type, SKOS.Concept)
        self.text(node, SKOS.prefLabel, title)
        self.text(node, SKOS.notation, code)
        for key in class_keys(title, code):
            self.add(node, ORGKG.classKey, Literal(key))
        self.add(node, SKOS.inScheme, self.scheme("classes", "classification plan"))
        return node

    def scheme(self, kind: str, label: str) -> URIRef:
        node = mint("scheme", self.scope, kind)
        self.add(node, RDF.type, SKOS.ConceptScheme)
        self.add(node, SKOS.prefLabel, Literal(f"{self.scope} {label}"))
        return node

    def level(self, label: str) -> URIRef:
        node = mint("level", self.scope, label)
        self.add(node, RDF.type, ORGKG.Level)
        self.add(node, RDF.type, SKOS.Concept)
        self.add(node, SKOS.prefLabel, Literal(label))
        self.add(node, SKOS.inScheme, self.scheme("levels", "levels"))
        return node
