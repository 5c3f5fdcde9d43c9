"""Typed records that extractors produce: what a document says, no RDF.

An ``Extraction`` is one document's reading: the position it describes
(``subject``), the positions it only mentions (supervisor, subordinates, peers),
the organisation it sits in and, for class specifications, the class series.
The mapping stage (``orgkg.mapping``) is the only place that turns these into
triples; nothing here knows an ontology term.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Offsets into the document's read text (Unicode code points), end exclusive: where a part of
    the document (a heading, a list item, a sentence) or a value stands."""

    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where one value was read.

    ``start``/``end`` are offsets in Unicode code points into the document's
    read text: ``orgkg.extract.text.tidy`` of what the reader returned, which
    is exactly what ``orgkg read FILE`` prints; ``quote`` is ``text[start:end]``.
    ``field`` is the position record's key (``title``, ``org_units``,
    ``duties`` ...); a list field gives one item per element, ``value`` being
    that element as the record shows it (a duty's text, a unit's name).
    """

    field: str
    value: str
    start: int
    end: int
    quote: str

    @classmethod
    def at(cls, field: str, value: str, span: Span, text: str) -> Evidence:
        """``value`` of ``field``, read at ``span`` of ``text`` (the quote is what the text says there)."""
        return cls(field, value, span.start, span.end, text[span.start : span.end])


@dataclass(frozen=True)
class Identifier:
    """A number that names a position or job: ``scheme`` is one of SCHEMES."""

    scheme: str
    value: str


#: the title shown for a post whose document names none (the record's title is then null; the graph
#: types the post orgkg:UntitledPost).
UNTITLED = "Untitled position"

SCHEMES = ("position number", "job code", "competition number", "benchmark", "document")


@dataclass(frozen=True)
class JobClass:
    """A classification: a group code (``EX``), a job code, a class title."""

    code: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Duty:
    text: str
    percent: float | None = None


@dataclass(frozen=True)
class Budget:
    """An amount the post is accountable for, in its currency, and the scope as the document words it
    (the graph also keeps its level: post, unit, sector, branch, organisation; never added across)."""

    amount: float
    currency: str | None
    scope: str


@dataclass(frozen=True)
class StaffCount:
    """A number of staff the post leads, direct, indirect, FTEs..., and the scope as the document words it."""

    count: int
    scope: str


@dataclass(frozen=True)
class Factor:
    """One job-evaluation factor rating (BC benchmark tables, point-factor plans)."""

    name: str
    degree: str | None
    points: float | None


@dataclass(frozen=True)
class MentionedPosition:
    """A position the document names without describing it."""

    title: str
    identifier: str | None = None


@dataclass
class Organisation:
    """Where the subject sits: the government, its department, its units.

    ``units`` run outermost first, each a (name, kind) pair where kind is the
    level word the document uses (branch, division, bureau, section, unit).
    """

    jurisdiction: str | None = None
    organization: str | None = None
    units: list[tuple[str, str]] = field(default_factory=list)
    location: str | None = None


@dataclass
class Position:
    """The position (or job class) a document describes."""

    title: str
    other_titles: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    reports_to: list[MentionedPosition] = field(default_factory=list)
    direct_reports: list[MentionedPosition] = field(default_factory=list)
    peers: list[MentionedPosition] = field(default_factory=list)
    supervises_count: int | None = None
    job_class: JobClass | None = None
    level: str | None = None
    flsa: str | None = None
    duties: list[Duty] = field(default_factory=list)
    education: str | None = None
    experience_years: float | None = None
    experience_at_class: str | None = None
    budgets: list[Budget] = field(default_factory=list)
    staff_counts: list[StaffCount] = field(default_factory=list)
    factors: list[Factor] = field(default_factory=list)
    total_points: float | None = None


@dataclass
class Extraction:
    """Everything one extractor read from one document.

    ``subject.reports_to`` lists every way the document names the supervisor,
    the first being the one its header or first statement gives; likewise
    ``subject.other_titles`` holds titles beyond ``subject.title``. ``series``
    lists the class titles of the subject's class series, lowest first.
    """

    family: str
    subject: Position
    organisation: Organisation = field(default_factory=Organisation)
    series: list[str] = field(default_factory=list)
    confidence: float = 1.0
    evidence: list[Evidence] = field(default_factory=list)
