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

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS, XSD

from orgkg.extract.register import Register, RegisterEntry
from orgkg.mapping.iris import mint, minted
from orgkg.mapping.mapper import decimal, document_iri, graph_iri
from orgkg.mapping.namespaces import ADMS, ORGKG
from orgkg.mapping.terms import SCHEME_CONCEPTS, Terms
from orgkg.mapping.triples import Triples, iri, literal, name, string

Line = tuple[str, str]


@dataclass(frozen=True)
class RegisterSource:
    """The register file: its name (what rows cite), content digest and how it was read."""

    name: str
    sha256: str
    reader: str
    media_type: str


@dataclass
class RegisterParts:
    """What the build takes from a register's graph, as its rows give it (IRIs as strings): the
    same as reading it from the graph (``graph.structure``, ``graph.identity``), without indexing
    millions of triples. ``named``: each post's units (in order) and titles; ``organisation``:
    the organisation each unit sits in (None: none, or only a jurisdiction)."""

    lines: dict[Line, None] = field(default_factory=dict)  # (post, supervisor), first stated first
    posts: dict[str, None] = field(default_factory=dict)
    units: dict[Line, None] = field(default_factory=dict)  # (post, unit)
    vacant: dict[str, None] = field(default_factory=dict)
    titles: dict[Line, None] = field(default_factory=dict)  # (post, title)
    levels: dict[Line, None] = field(default_factory=dict)  # (post, level node)
    labels: dict[str, str] = field(default_factory=dict)  # level node -> its label
    named: dict[str, tuple[dict[str, None], dict[str, None]]] = field(default_factory=dict)
    organisation: dict[str, str | None] = field(default_factory=dict)


#: The terms every row writes, as its statements write them (looked up once: a namespace's is slow).
_A, _POST, _REGISTERED, _ROW = "a", name(ORG.Post), name(ORGKG.RegisteredPost), name(ORGKG.RegisterRow)
_REGISTERED_IN, _PRIMARY_TITLE, _TITLE, _ROW_TITLE = map(name, (
    ORGKG.registeredIn, ORGKG.primaryTitle, ORGKG.title, ORGKG.rowTitle))
_POST_IN, _ROW_UNIT, _REPORTS_TO, _PRIMARY_REPORTS_TO, _ROW_REPORTS_TO = map(name, (
    ORG.postIn, ORGKG.rowUnit, ORG.reportsTo, ORGKG.primaryReportsTo, ORGKG.rowReportsTo))
_ROLE, _ROW_CLASS, _LEVEL, _ROW_LEVEL, _FTE, _VACANT, _WORKS_AT = map(name, (
    ORG.role, ORGKG.rowClass, ORGKG.level, ORGKG.rowLevel, ORGKG.fte, ORGKG.vacant, ORGKG.workLocation))
_IN_REGISTER, _REGISTERS, _ROW_NUMBER, _EFFECTIVE = map(name, (
    ORGKG.inRegister, ORGKG.registers, ORGKG.rowNumber, ORGKG.effectiveDate))
_IDENTIFIER, _IDENTIFIER_CLASS, _NOTATION, _SCHEME_OF = map(name, (
    ADMS.identifier, ADMS.Identifier, SKOS.notation, DCTERMS.type))
_POSITIVE = f"^^{name(XSD.positiveInteger)}"
_NUMBER_SCHEME = "position number"


class _RegisterMapper(Terms):
    """A register's graph, written row by row as statements (``Triples``): its shared nodes (units,
    classes, levels, identifiers) through ``Terms`` like a document's, its rows' own as text."""

    def __init__(self, register: Register, source: RegisterSource) -> None:
        super().__init__(_scope(register, source))
        # millions of triples for a large register: rdflib's own store is too slow
        self.g = self.rows_graph = Triples()
        self.register, self.info = register, source
        self.node = document_iri(source.name)
        self.rows = mint("part", source.name)
        self.parts = RegisterParts()
        self.places: dict[tuple[str | None, str | None, tuple[str, ...]], str | None] = {}
        self.classes: dict[tuple[str | None, str | None], str] = {}
        self.levels: dict[str, str] = {}
        self.literals: dict[tuple[str, object], str] = {}  # FTEs, dates, vacancies: few values, many rows
        self.sites: dict[str, str] = {}
        self.node_text, self.scheme_text = iri(self.node), ""

    def build(self) -> Triples:
        s = self.info
        self.source(self.node, ORGKG.PositionRegister, name=s.name, sha256=s.sha256, media_type=s.media_type,
                    reader=s.reader, graph=graph_iri(s.name))
        for entry in self.register.entries:
            self.entry(entry)
        return self.rows_graph

    # Rows share units, classes and levels: each is written once (its triples would be the same).
    def unit(self, e: RegisterEntry) -> str | None:
        """The unit (or organisation) a row's post sits in, written once per place."""
        key = (e.jurisdiction, e.organization, e.units)
        if key not in self.places:
            chain = self.place(e.jurisdiction, e.organization, [(u, None) for u in e.units])
            self.places[key] = str(chain[-1][2]) if chain else None
            if chain:
                self.parts.organisation.setdefault(str(chain[-1][2]), next(
                    (n for field, n, _ in chain if field == "organization"), None))
        return self.places[key]

    def role(self, e: RegisterEntry) -> str:
        if (e.class_title, e.class_code) not in self.classes:
            self.classes[e.class_title, e.class_code] = iri(self.job_class(e.class_title, e.class_code))
        return self.classes[e.class_title, e.class_code]

    def grade(self, label: str) -> str:
        if label not in self.levels:
            node = str(self.level(label))
            self.levels[label] = iri(node)
            self.parts.labels[node] = label
        return self.levels[label]

    def literal(self, key: tuple[str, object], make: Callable[[], Literal]) -> str:
        if key not in self.literals:
            self.literals[key] = literal(make())
        return self.literals[key]

    def site(self, location: str) -> str:
        if location not in self.sites:
            site = mint("site", self.scope, location)
            self.add(site, RDF.type, ORG.Site)
            self.add(site, RDFS.label, Literal(location))
            self.sites[location] = iri(site)
        return self.sites[location]

    def entry(self, e: RegisterEntry) -> None:
        """A row: its post's statements, then the row's (each subject's at once: rows do not share them)."""
        parts = self.parts
        number = minted("post", "number", e.number)  # ``terms.numbered_post``
        post, row = iri(number), iri(f"{self.rows}/row/{e.row}")  # ``iris.child``
        on_post = [f"{_A} {_POST}", f"{_A} {_REGISTERED}", f"{_REGISTERED_IN} {self.node_text}"]
        on_row = []
        parts.posts[number] = None
        units, titles = parts.named.setdefault(number, ({}, {}))
        if e.title:
            title = string(e.title)
            on_post += [f"{_PRIMARY_TITLE} {title}", f"{_TITLE} {title}"]
            on_row.append(f"{_ROW_TITLE} {title}")
            parts.titles[number, e.title] = None
            titles[e.title] = None
        on_post.append(f"{_IDENTIFIER} {self.number(e.number)}")
        unit = self.unit(e)
        if unit is not None:
            on_post.append(f"{_POST_IN} <{unit}>")
            on_row.append(f"{_ROW_UNIT} <{unit}>")
            parts.units[number, unit] = None
            units[unit] = None
        if e.reports_to:
            boss = minted("post", "number", e.reports_to)
            on_post += [f"{_REPORTS_TO} <{boss}>", f"{_PRIMARY_REPORTS_TO} <{boss}>"]
            on_row.append(f"{_ROW_REPORTS_TO} <{boss}>")
            parts.lines[number, boss] = None
        self.row_values(e, number, on_post, on_row)
        on_row += [f"{_A} {_ROW}", f"{_IN_REGISTER} {self.node_text}", f"{_REGISTERS} {post}",
                   f'{_ROW_NUMBER} "{e.row}"{_POSITIVE}']
        if (day := e.effective) is not None:
            date = self.literal(("date", day), lambda: Literal(day.isoformat(), datatype=XSD.date))
            on_row.append(f"{_EFFECTIVE} {date}")
        self.rows_graph.subject(post, on_post)
        self.rows_graph.subject(row, on_row)

    def number(self, number: str) -> str:
        """The node of a post's position number, written as ``Terms.identifiers`` writes an
        identifier (the same node as a document's that states the number; its notation; its
        scheme, labelled)."""
        if not self.scheme_text:
            self.scheme_text = iri(SCHEME_CONCEPTS[_NUMBER_SCHEME])
            self.add(SCHEME_CONCEPTS[_NUMBER_SCHEME], SKOS.prefLabel, Literal(_NUMBER_SCHEME))
        node = iri(minted("identifier", self.scope, _NUMBER_SCHEME, number))
        self.rows_graph.subject(node, [f"{_A} {_IDENTIFIER_CLASS}", f"{_NOTATION} {string(number)}",
                                       f"{_SCHEME_OF} {self.scheme_text}"])
        return node

    def row_values(self, e: RegisterEntry, number: str, on_post: list[str], on_row: list[str]) -> None:
        """A row's class, level, FTE, vacancy and location."""
        if e.class_code or e.class_title:
            role = self.role(e)
            on_post.append(f"{_ROLE} {role}")
            on_row.append(f"{_ROW_CLASS} {role}")
        if e.level:
            level = self.grade(e.level)
            on_post.append(f"{_LEVEL} {level}")
            self.parts.levels[number, level[1:-1]] = None
            on_row.append(f"{_ROW_LEVEL} {level}")
        if (fte := e.fte) is not None:
            on_post.append(f"{_FTE} {self.literal(('fte', fte), lambda: decimal(fte))}")
        if e.vacant is not None:
            on_post.append(f"{_VACANT} {self.literal(('vacant', e.vacant), lambda: Literal(e.vacant))}")
            if e.vacant:
                self.parts.vacant[number] = None
        if e.location:
            on_post.append(f"{_WORKS_AT} {self.site(e.location)}")


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


def register_parts(register: Register, source: RegisterSource) -> tuple[URIRef, Triples, RegisterParts]:
    """``register_graph``, and what the build takes from the graph (``RegisterParts``) as its rows give it."""
    mapper = _RegisterMapper(register, source)
    return graph_iri(source.name), mapper.build(), mapper.parts
