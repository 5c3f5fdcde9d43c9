"""Map one document's ``Extraction`` to the triples of its named graph.

This is the one place that knows the ontology's terms (with ``terms`` and
``register``). Every node gets an IRI minted from a stable key (see
``iris``); there are no blank nodes. Things that several documents can name
(organisations, units, classes, levels, factors) are keyed by their names
within their jurisdiction; things that belong to one document (its
accountabilities, budgets, ratings) are numbered under it.

Posts follow the identity rules of the ontology: a post with a position
number is that number (``terms.numbered_post``); the post a document
describes without one belongs to the document; a post it only mentions is
keyed by its organisation and title, unless it is the described post itself
(the same title) or ``links`` (computed over all documents by the build)
joins it to a described or registered post.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD

from orgkg.extract.records import UNTITLED, Extraction, Identifier, MentionedPosition, Position
from orgkg.mapping.evidence import Facts, Statement, as_triples, statements
from orgkg.mapping.iris import child, mint, normalise
from orgkg.mapping.namespaces import ORGKG, XKOS
from orgkg.mapping.scopes import scope_level
from orgkg.mapping.terms import Terms, document_post, numbered_post

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


#: What a mentioned post is known by: its document's scope, organisation and the title given.
MentionKey = tuple[str, str, str, str]


def mention_key(ex: Extraction, title: str) -> MentionKey:
    """The key of a post ``ex``'s document mentions by ``title`` (no position number)."""
    o = ex.organisation
    scope = o.jurisdiction or o.organization or ""
    return (scope, o.organization or "", "title", title)


def document_iri(name: str) -> URIRef:
    return mint("document", name)


def graph_iri(name: str) -> URIRef:
    return mint("graph", name)


def decimal(value: float) -> Literal:
    """An ``xsd:decimal`` in plain notation (``70700000``, ``22.5``), never ``7.07E+7``."""
    return Literal(format(Decimal(str(value)).normalize(), "f"), datatype=XSD.decimal)


class _Mapper(Terms):
    """Builds one document's graph; one instance per document."""

    def __init__(self, ex: Extraction, prov: Provenance, links: Mapping[MentionKey, URIRef],
                 text: str | None = None) -> None:
        o = ex.organisation
        # Classes, levels and factors are named within a jurisdiction; mentioned
        # posts within their organisation. With neither stated, within the document.
        super().__init__(o.jurisdiction or o.organization or f"document {prov.document_key}")
        self.ex, self.prov, self.source_text = ex, prov, text
        self.facts = Facts()
        self.doc = document_iri(prov.document_key)
        self.links = links
        self.post = self.described_iri(ex.subject)
        self.own_titles = {normalise(t) for t in [ex.subject.title, *ex.subject.other_titles]}

    def fact(self, field: str, values: tuple[object, ...], s: URIRef, p: URIRef,
             o: URIRef | Literal) -> None:
        """Add a triple that holds a record field's value, noted for its evidence."""
        self.add(s, p, o)
        self.facts.note(field, values, (s, p, o))

    # ------------------------------------------------------------ document
    def document(self) -> None:
        d, p = self.doc, self.prov
        self.source(d, ORGKG.SourceDocument, name=p.name, sha256=p.sha256, media_type=p.media_type,
                    reader=p.reader, graph=graph_iri(p.document_key))
        self.text(d, ORGKG.documentFamily, p.family)
        self.add(d, ORGKG.familyConfidence, Literal(Decimal(f"{p.confidence:.2f}")))
        self.text(d, ORGKG.loaderVersion, p.loader_version)
        self.text(d, ORGKG.encoding, p.encoding)

    # ------------------------------------------------------------ organisation
    def organisation(self) -> URIRef | None:
        """Build jurisdiction > organisation > units; return where the post sits."""
        o = self.ex.organisation
        chain = self.place(o.jurisdiction, o.organization, o.units)
        for field, name, node in chain:
            self.facts.note(field, (name,), (node, SKOS.prefLabel, Literal(name)))
        return chain[-1][2] if chain else None

    # ------------------------------------------------------------ posts
    def described_iri(self, s: Position) -> URIRef:
        numbers = [i.value for i in s.identifiers if i.scheme == "position number"]
        if numbers:
            return numbered_post(numbers[0])
        return document_post(self.prov.document_key, s.title)

    def mention_iri(self, m: MentionedPosition) -> URIRef:
        if m.identifier:
            return numbered_post(m.identifier)
        key = mention_key(self.ex, m.title)
        if normalise(m.title) in self.own_titles:
            return self.post
        return self.links.get(key) or mint("post", *key)

    def mentioned(self, m: MentionedPosition) -> URIRef:
        ids = [Identifier("position number", m.identifier)] if m.identifier else []
        post = self.mention_iri(m)
        self.add(post, RDF.type, ORG.Post)
        self.add(post, ORGKG.primaryTitle, Literal(m.title))
        self.add(post, ORGKG.title, Literal(m.title))
        self.add(post, ORGKG.mentionedIn, self.doc)
        self.identifiers(post, ids, field="mentioned identifiers")
        series_class = self.series_classes.get(normalise(m.title))
        if series_class is not None:
            self.add(post, ORG.role, series_class)
        return post

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
            self.fact("level", (s.level,), post, ORGKG.level, self.level(s.level))
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
    def build(self) -> tuple[Graph, list[Statement]]:
        """The graph of the document's facts, and its evidence (``statements``)."""
        s, o = self.ex.subject, self.ex.organisation
        self.document()
        self.series_classes = self.series()
        where = self.organisation()
        post = self.post
        self.add(post, RDF.type, ORG.Post)
        self.add(post, RDF.type, ORGKG.DescribedPost)
        self.add(post, ORGKG.describedBy, self.doc)
        self.add(post, ORGKG.primaryTitle, Literal(s.title))
        if s.title == UNTITLED:  # the placeholder is shown, never a fact read
            self.add(post, RDF.type, ORGKG.UntitledPost)
        for title in [s.title, *s.other_titles]:
            if title != UNTITLED:
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
        return self.g, statements(self.doc, self.ex.evidence, self.facts, post, self.source_text)


def to_graph(extraction: Extraction, provenance: Provenance, *,
             text: str | None = None, links: Mapping[MentionKey, URIRef] | None = None
             ) -> tuple[URIRef, Graph]:
    """The named-graph IRI and the triples of one document.

    ``text`` is the text the evidence offsets index (``graph.build.indexed_text``):
    given, each quote also keeps the rest of its sentence (``oa:prefix``, ``oa:suffix``).
    ``links`` joins mentioned posts (by ``mention_key``) to the described or
    registered post the build found for them; without it, mentions keep
    their own nodes.
    """
    iri, graph, evidence = mapped(extraction, provenance, text=text, links=links)
    if evidence:
        graph += as_triples(evidence)
    return iri, graph


def mapped(extraction: Extraction, provenance: Provenance, *,
           text: str | None = None, links: Mapping[MentionKey, URIRef] | None = None
           ) -> tuple[URIRef, Graph, list[Statement]]:
    """``to_graph``'s graph without its evidence, and the evidence as the graph file writes it
    (``mapping.evidence.statements``): what the build writes, without an rdflib term for it."""
    graph, evidence = _Mapper(extraction, provenance, links or {}, text).build()
    return graph_iri(provenance.document_key), graph, evidence
