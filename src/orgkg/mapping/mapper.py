"""Map one document's ``Extraction`` to the triples of its named graph.

This is the one place that knows the ontology's terms. Every node gets an IRI
minted from a stable key (see ``iris``); there are no blank nodes. Things
that several documents can name (organisations, units, posts, classes,
levels, factors) are keyed by their names within their jurisdiction, so two
documents that name the same post build one node; things that belong to one
document (its accountabilities, budgets, ratings) are numbered under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from orgkg.extract.records import Extraction, Identifier, MentionedPosition, Position
from orgkg.mapping.evidence import Facts, annotate
from orgkg.mapping.iris import child, mint, normalise
from orgkg.mapping.namespaces import ADMS, ORGKG, XKOS
from orgkg.mapping.scopes import scope_level

SCHEME_CONCEPTS: dict[str, URIRef] = {
    "position number": ORGKG.PositionNumber,
    "job code": ORGKG.JobCode,
    "competition number": ORGKG.CompetitionNumber,
    "benchmark": ORGKG.BenchmarkNumber,
    "document": ORGKG.DocumentNumber,
}
FLSA = {"exempt": (ORGKG.FLSAExempt, "Exempt"), "non exempt": (ORGKG.FLSANonExempt, "Non-Exempt")}


@dataclass(frozen=True)
class Provenance:
    """What is known of the document itself, recorded on its ``prov:Entity``."""

    name: str
    sha256: str
    family: str
    confidence: float
    loader_version: str
    media_type: str = "text/plain"
    encoding: str | None = None
    reader: str | None = None
    key: str = ""

    @property
    def document_key(self) -> str:
        """What the document's IRIs are minted from: its file name, unless two share it."""
        return self.key or self.name


def document_iri(name: str) -> URIRef:
    return mint("document", name)


def graph_iri(name: str) -> URIRef:
    return mint("graph", name)


def decimal(value: float) -> Literal:
    """An ``xsd:decimal`` in plain notation (``70700000``, ``22.5``), never ``7.07E+7``."""
    return Literal(format(Decimal(str(value)).normalize(), "f"), datatype=XSD.decimal)


class _Mapper:
    """Builds one document's graph; one instance per document."""

    def __init__(self, ex: Extraction, prov: Provenance, text: str | None = None) -> None:
        self.ex, self.prov, self.g, self.source_text = ex, prov, Graph(), text
        self.facts = Facts()
        self.doc = document_iri(prov.document_key)
        o = ex.organisation
        # Classes, levels and factors are named within a jurisdiction; posts
        # within their organisation. With neither stated, within the document.
        self.scope = o.jurisdiction or o.organization or f"document {prov.document_key}"
        self.post_scope = (self.scope, o.organization or "")

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def fact(self, field: str, values: tuple[object, ...], s: URIRef, p: URIRef,
             o: URIRef | Literal) -> None:
        """Add a triple that holds a record field's value, noted for its evidence."""
        self.add(s, p, o)
        self.facts.note(field, values, (s, p, o))

    def text(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value:
            self.add(s, p, Literal(value))

    # ------------------------------------------------------------ document
    def document(self) -> None:
        d, p = self.doc, self.prov
        self.add(d, RDF.type, ORGKG.SourceDocument)
        self.add(d, RDF.type, PROV.Entity)
        self.text(d, DCTERMS.identifier, p.name)
        self.text(d, ORGKG.sha256, p.sha256)
        self.text(d, ORGKG.documentFamily, p.family)
        self.add(d, ORGKG.familyConfidence, Literal(Decimal(f"{p.confidence:.2f}")))
        self.text(d, ORGKG.loaderVersion, p.loader_version)
        self.text(d, ORGKG.mediaType, p.media_type)
        self.text(d, ORGKG.encoding, p.encoding)
        self.text(d, ORGKG.readerVersion, p.reader)
        self.add(graph_iri(p.document_key), PROV.wasDerivedFrom, d)

    # ------------------------------------------------------------ organisation
    def organisation(self) -> URIRef | None:
        """Build jurisdiction > organisation > units; return where the post sits."""
        o, here = self.ex.organisation, None
        if o.jurisdiction:
            here = self.org(mint("org", o.jurisdiction), o.jurisdiction, formal=True)
            self.add(here, RDF.type, ORGKG.Jurisdiction)
            self.facts.note("jurisdiction", (o.jurisdiction,),
                            (here, SKOS.prefLabel, Literal(o.jurisdiction)))
        if o.organization:
            dept = self.org(mint("org", self.scope, o.organization), o.organization, formal=True)
            self.facts.note("organization", (o.organization,),
                            (dept, SKOS.prefLabel, Literal(o.organization)))
            if here is not None:
                self.add(dept, ORG.subOrganizationOf, here)
            here = dept
        path = [self.scope, o.organization or ""]
        for name, kind in o.units:
            path.append(name)
            unit = self.org(mint("unit", *path), name, formal=False)
            self.facts.note("org_units", (name,), (unit, SKOS.prefLabel, Literal(name)))
            self.text(unit, ORGKG.unitKind, kind)
            if here is not None:
                self.add(unit, ORG.subOrganizationOf, here)
                if (here, RDF.type, ORG.FormalOrganization) in self.g:
                    self.add(unit, ORG.unitOf, here)
            here = unit
        return here

    def org(self, iri: URIRef, name: str, *, formal: bool) -> URIRef:
        self.add(iri, RDF.type, ORG.FormalOrganization if formal else ORG.OrganizationalUnit)
        self.add(iri, SKOS.prefLabel, Literal(name))
        return iri

    # ------------------------------------------------------------ posts
    def post_iri(self, title: str, identifiers: list[Identifier]) -> URIRef:
        numbers = [i.value for i in identifiers if i.scheme == "position number"]
        if numbers:
            return mint("post", *self.post_scope, "number", numbers[0])
        return mint("post", *self.post_scope, "title", title)

    def mentioned(self, m: MentionedPosition) -> URIRef:
        ids = [Identifier("position number", m.identifier)] if m.identifier else []
        post = self.post_iri(m.title, ids)
        self.add(post, RDF.type, ORG.Post)
        self.add(post, ORGKG.primaryTitle, Literal(m.title))
        self.add(post, ORGKG.title, Literal(m.title))
        self.add(post, ORGKG.mentionedIn, self.doc)
        self.identifiers(post, ids, field="mentioned identifiers")
        series_class = self.series_classes.get(normalise(m.title))
        if series_class is not None:
            self.add(post, ORG.role, series_class)
        return post

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

    def reporting(self, post: URIRef, s: Position) -> None:
        supervisors = [self.mentioned(m) for m in s.reports_to]
        for m, (i, sup) in zip(s.reports_to, enumerate(supervisors), strict=True):
            self.fact("reports_to", (m.title, m.identifier), post, ORG.reportsTo, sup)
            if i == 0:
                self.add(post, ORGKG.primaryReportsTo, sup)
        for m in s.direct_reports:
            sub = self.mentioned(m)
            self.fact("direct_reports", (m.title, m.identifier), sub, ORG.reportsTo, post)
            self.add(sub, ORGKG.primaryReportsTo, post)
        for m in s.peers:
            peer = self.mentioned(m)
            self.fact("peers", (m.title,), peer, ORGKG.peerOf, post)
            if supervisors:
                self.add(peer, ORG.reportsTo, supervisors[0])
                self.add(peer, ORGKG.primaryReportsTo, supervisors[0])
        if s.supervises_count is not None:
            self.fact("supervises_count", (s.supervises_count,), post, ORGKG.supervisesCount,
                      Literal(s.supervises_count, datatype=XSD.nonNegativeInteger))

    # ------------------------------------------------------------ classification
    def job_class(self, title: str | None, code: str | None) -> URIRef:
        node = mint("class", self.scope, title or code or "")
        self.add(node, RDF.type, ORGKG.JobClass)
        self.add(node, RDF.type, ORG.Role)
        self.add(node, RDF.type, SKOS.Concept)
        self.text(node, SKOS.prefLabel, title)
        self.text(node, SKOS.notation, code)
        self.add(node, SKOS.inScheme, self.scheme("classes", "classification plan"))
        return node

    def scheme(self, kind: str, label: str) -> URIRef:
        node = mint("scheme", self.scope, kind)
        self.add(node, RDF.type, SKOS.ConceptScheme)
        self.add(node, SKOS.prefLabel, Literal(f"{self.scope} {label}"))
        return node

    def series(self) -> dict[str, URIRef]:
        titles = self.ex.series
        if not titles:
            return {}
        node = mint("series", self.scope, *titles)
        self.add(node, RDF.type, ORGKG.ClassSeries)
        self.add(node, RDF.type, SKOS.OrderedCollection)
        self.add(node, SKOS.prefLabel, Literal(f"{titles[0]} to {titles[-1]} series"))
        classes = [self.job_class(t, None) for t in titles]
        cells = [child(node, "list", i) for i in range(1, len(classes) + 1)]
        self.add(node, SKOS.memberList, cells[0])
        for i, (cls, cell) in enumerate(zip(classes, cells, strict=True)):
            self.fact("series", (titles[i],), node, SKOS.member, cls)
            self.add(cls, ORGKG.inSeries, node)
            self.add(cls, ORGKG.seriesRank, Literal(i + 1, datatype=XSD.positiveInteger))
            self.add(cell, RDF.first, cls)
            self.add(cell, RDF.rest, cells[i + 1] if i + 1 < len(cells) else RDF.nil)
            if i + 1 < len(classes):
                self.add(cls, XKOS.next, classes[i + 1])
        return {normalise(t): c for t, c in zip(titles, classes, strict=True)}

    def classification(self, post: URIRef, s: Position) -> None:
        if s.job_class and (s.job_class.title or s.job_class.code):
            self.fact("job_class", (s.job_class.code, s.job_class.title), post, ORG.role,
                      self.job_class(s.job_class.title, s.job_class.code))
        if s.level:
            level = mint("level", self.scope, s.level)
            self.add(level, RDF.type, ORGKG.Level)
            self.add(level, RDF.type, SKOS.Concept)
            self.add(level, SKOS.prefLabel, Literal(s.level))
            self.add(level, SKOS.inScheme, self.scheme("levels", "levels"))
            self.fact("level", (s.level,), post, ORGKG.level, level)
        flsa = FLSA.get(normalise(s.flsa or ""))
        if flsa is not None:
            self.fact("flsa", (s.flsa, flsa[1]), post, ORGKG.flsaStatus, flsa[0])
            self.add(flsa[0], SKOS.prefLabel, Literal(flsa[1]))

    # ------------------------------------------------------------ the post's content
    def content(self, post: URIRef, s: Position) -> None:
        base = mint("part", self.prov.document_key)
        for i, d in enumerate(s.duties, 1):
            node = child(base, "duty", i)
            self.add(post, ORGKG.hasAccountability, node)
            self.add(node, RDF.type, ORGKG.Accountability)
            self.fact("duties", (d.text,), node, ORGKG.statement, Literal(d.text))
            self.add(node, ORGKG.order, Literal(i, datatype=XSD.positiveInteger))
            if d.percent is not None:
                self.add(node, ORGKG.shareOfTime, decimal(d.percent))
        for i, b in enumerate(s.budgets, 1):
            node = child(base, "budget", i)
            self.add(post, ORGKG.managesBudget, node)
            self.add(node, RDF.type, ORGKG.Budget)
            self.fact("budgets", (b.amount, b.scope), node, ORGKG.amount, decimal(b.amount))
            self.text(node, ORGKG.currency, b.currency)
            self.text(node, ORGKG.scope, b.scope)
            self.text(node, ORGKG.scopeLevel, scope_level(b.scope))
            self.add(node, ORGKG.order, Literal(i, datatype=XSD.positiveInteger))
        for i, c in enumerate(s.staff_counts, 1):
            node = child(base, "staff", i)
            self.add(post, ORGKG.hasStaffCount, node)
            self.add(node, RDF.type, ORGKG.StaffCount)
            self.fact("staff_counts", (c.count, c.scope), node, ORGKG.count,
                      Literal(c.count, datatype=XSD.nonNegativeInteger))
            self.text(node, ORGKG.scope, c.scope)
            self.text(node, ORGKG.scopeLevel, scope_level(c.scope))
            self.add(node, ORGKG.order, Literal(i, datatype=XSD.positiveInteger))
        self.qualifications(post, s, base)
        self.evaluation(post, s, base)

    def qualifications(self, post: URIRef, s: Position, base: URIRef) -> None:
        if s.education:
            node = child(base, "education", 1)
            self.add(post, ORGKG.hasQualification, node)
            self.add(node, RDF.type, ORGKG.EducationRequirement)
            self.fact("education", (s.education,), node, ORGKG.statement, Literal(s.education))
        if s.experience_years is not None or s.experience_at_class:
            node = child(base, "experience", 1)
            self.add(post, ORGKG.hasQualification, node)
            self.add(node, RDF.type, ORGKG.ExperienceRequirement)
            if s.experience_years is not None:
                self.fact("experience_years", (s.experience_years,), node, ORGKG.years,
                          decimal(s.experience_years))
            if s.experience_at_class:
                cls = self.series_classes.get(normalise(s.experience_at_class))
                self.add(node, ORGKG.atLevelOf, cls or self.job_class(s.experience_at_class, None))

    def evaluation(self, post: URIRef, s: Position, base: URIRef) -> None:
        if not s.factors and s.total_points is None:
            return
        ev = child(base, "evaluation", 1)
        self.add(post, ORGKG.hasEvaluation, ev)
        self.add(ev, RDF.type, ORGKG.JobEvaluation)
        if s.total_points is not None:
            self.fact("total_points", (s.total_points,), ev, ORGKG.totalPoints, decimal(s.total_points))
        for i, f in enumerate(s.factors, 1):
            node = child(ev, "rating", i)
            factor = mint("factor", self.scope, f.name)
            self.add(factor, RDF.type, ORGKG.EvaluationFactor)
            self.add(factor, SKOS.prefLabel, Literal(f.name))
            self.add(factor, SKOS.inScheme, self.scheme("factors", "job evaluation factors"))
            self.add(ev, ORGKG.hasFactorRating, node)
            self.add(node, RDF.type, ORGKG.FactorRating)
            self.fact("factors", (f.name, f.points, f.degree), node, ORGKG.factor, factor)
            self.add(node, ORGKG.order, Literal(i, datatype=XSD.positiveInteger))
            self.text(node, ORGKG.degree, f.degree)
            if f.points is not None:
                self.add(node, ORGKG.points, decimal(f.points))

    # ------------------------------------------------------------ all together
    def build(self) -> Graph:
        s, o = self.ex.subject, self.ex.organisation
        self.document()
        self.series_classes = self.series()
        where = self.organisation()
        post = self.post_iri(s.title, s.identifiers)
        self.add(post, RDF.type, ORG.Post)
        self.add(post, RDF.type, ORGKG.DescribedPost)
        self.add(post, ORGKG.describedBy, self.doc)
        self.add(post, ORGKG.primaryTitle, Literal(s.title))
        for title in [s.title, *s.other_titles]:
            self.fact("title", (title,), post, ORGKG.title, Literal(title))
        if where is not None:
            self.add(post, ORG.postIn, where)
        if o.location:
            site = mint("site", self.scope, o.location)
            self.add(site, RDF.type, ORG.Site)
            self.add(site, RDFS.label, Literal(o.location))
            self.fact("location", (o.location,), post, ORGKG.workLocation, site)
        self.identifiers(post, s.identifiers)
        self.classification(post, s)
        self.reporting(post, s)
        self.content(post, s)
        annotate(self.g, self.doc, self.ex.evidence, self.facts, post, self.source_text)
        return self.g


def to_graph(extraction: Extraction, provenance: Provenance, *,
             text: str | None = None) -> tuple[URIRef, Graph]:
    """The named-graph IRI and the triples of one document.

    ``text`` is the text the evidence offsets index (``graph.build.indexed_text``):
    given, each quote also keeps the rest of its sentence (``oa:prefix``, ``oa:suffix``).
    """
    return graph_iri(provenance.document_key), _Mapper(extraction, provenance, text).build()
