"""Map a position register's entries to the triples of its named graph.

Each row is a post named by its position number (``terms.numbered_post``:
the same node as any document that states the number), with what the
register says of it: title, place in the organisation, reporting line,
class, level, FTE, vacancy and location. The row itself is kept as an
``orgkg:RegisterRow`` (its number in the file and its effective date), the
evidence for those statements, and carries the register's own title,
supervisor, unit, class and level (``orgkg:rowTitle`` ...): in the union of
every named graph a numbered post also holds what its documents say, and the
reconciliation rules (``shapes/register.ttl``) tell the two apart by the row.
The register is named within its jurisdiction (or else its organisation), as
a document is, so its classes, levels and units are the same nodes as theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG as ORG_TERMS
from rdflib.namespace import RDF as RDF_TERMS
from rdflib.namespace import RDFS as RDFS_TERMS
from rdflib.namespace import XSD as XSD_TERMS

from orgkg.extract.records import Identifier
from orgkg.extract.register import Register, RegisterEntry
from orgkg.mapping.iris import child, mint
from orgkg.mapping.mapper import decimal, document_iri, graph_iri
from orgkg.mapping.namespaces import ORGKG as ORGKG_TERMS
from orgkg.mapping.namespaces import Remembered
from orgkg.mapping.terms import Terms, numbered_post
from orgkg.mapping.triples import Triples


@dataclass(frozen=True)
class RegisterSource:
    """The register file: its name (what rows cite), content digest and how it was read."""

    name: str
    sha256: str
    reader: str
    media_type: str


# A row is written with the same few terms: each looked up once (rdflib's look-up is slow per row).
ORG, RDF, RDFS, XSD, ORGKG = map(Remembered, (ORG_TERMS, RDF_TERMS, RDFS_TERMS, XSD_TERMS, ORGKG_TERMS))


class _RegisterMapper(Terms):
    def __init__(self, register: Register, source: RegisterSource) -> None:
        super().__init__(_scope(register, source))
        self.g = Triples()  # millions of triples for a large register: rdflib's own store is too slow
        self.register, self.info = register, source
        self.node = document_iri(source.name)
        self.rows = mint("part", source.name)
        self.places: dict[tuple[str | None, str | None, tuple[tuple[str, str | None], ...]],
                          list[tuple[str, str, URIRef]]] = {}
        self.classes: dict[tuple[str | None, str | None], URIRef] = {}
        self.levels: dict[str, URIRef] = {}

    def build(self) -> Graph:
        s = self.info
        self.source(self.node, ORGKG.PositionRegister, name=s.name, sha256=s.sha256, media_type=s.media_type,
                    reader=s.reader, graph=graph_iri(s.name))
        for entry in self.register.entries:
            self.entry(entry)
        return self.g

    # Rows share units, classes and levels: each is written once (its triples would be the same).
    def place(self, jurisdiction: str | None, organization: str | None,
              units: Sequence[tuple[str, str | None]]) -> list[tuple[str, str, URIRef]]:
        key = (jurisdiction, organization, tuple(units))
        if key not in self.places:
            self.places[key] = super().place(jurisdiction, organization, units)
        return self.places[key]

    def job_class(self, title: str | None, code: str | None) -> URIRef:
        if (title, code) not in self.classes:
            self.classes[title, code] = super().job_class(title, code)
        return self.classes[title, code]

    def level(self, label: str) -> URIRef:
        if label not in self.levels:
            self.levels[label] = super().level(label)
        return self.levels[label]

    def entry(self, e: RegisterEntry) -> None:
        post = numbered_post(e.number)
        row = child(self.rows, "row", e.row)
        self.add(post, RDF.type, ORG.Post)
        self.add(post, RDF.type, ORGKG.RegisteredPost)
        self.add(post, ORGKG.registeredIn, self.node)
        if e.title:
            title = Literal(e.title)
            self.add(post, ORGKG.primaryTitle, title)
            self.add(post, ORGKG.title, title)
            self.add(row, ORGKG.rowTitle, title)
        self.identifiers(post, [Identifier("position number", e.number)])
        chain = self.place(e.jurisdiction, e.organization, [(u, None) for u in e.units])
        if chain:
            self.add(post, ORG.postIn, chain[-1][2])
            self.add(row, ORGKG.rowUnit, chain[-1][2])
        if e.reports_to:
            supervisor = numbered_post(e.reports_to)
            self.add(post, ORG.reportsTo, supervisor)
            self.add(post, ORGKG.primaryReportsTo, supervisor)
            self.add(row, ORGKG.rowReportsTo, supervisor)
        if e.class_code or e.class_title:
            role = self.job_class(e.class_title, e.class_code)
            self.add(post, ORG.role, role)
            self.add(row, ORGKG.rowClass, role)
        if e.level:
            level = self.level(e.level)
            self.add(post, ORGKG.level, level)
            self.add(row, ORGKG.rowLevel, level)
        if e.fte is not None:
            self.add(post, ORGKG.fte, decimal(e.fte))
        if e.vacant is not None:
            self.add(post, ORGKG.vacant, Literal(e.vacant))
        if e.location:
            site = mint("site", self.scope, e.location)
            self.add(site, RDF.type, ORG.Site)
            self.add(site, RDFS.label, Literal(e.location))
            self.add(post, ORGKG.workLocation, site)
        self.add(row, RDF.type, ORGKG.RegisterRow)
        self.add(row, ORGKG.inRegister, self.node)
        self.add(row, ORGKG.registers, post)
        self.add(row, ORGKG.rowNumber, Literal(e.row, datatype=XSD.positiveInteger))
        if e.effective:
            self.add(row, ORGKG.effectiveDate, Literal(e.effective.isoformat(), datatype=XSD.date))


def _scope(register: Register, source: RegisterSource) -> str:
    """What the register's terms are named within: its one jurisdiction, else its one organisation."""
    for names in ({e.jurisdiction for e in register.entries}, {e.organization for e in register.entries}):
        named = {n for n in names if n}
        if len(named) == 1:
            return named.pop()
    return f"register {source.name}"


def register_graph(register: Register, source: RegisterSource) -> tuple[URIRef, Graph]:
    """The named-graph IRI and the triples of one position register."""
    return graph_iri(source.name), _RegisterMapper(register, source).build()
