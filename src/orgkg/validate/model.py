"""What validation produces: typed results and findings, no formatting.

A ``Result`` is one SHACL validation result as the report states it (focus
node, path, value, severity, the shape and constraint component that found
it, the message). A ``Finding`` is a result made readable: the position it
concerns, that position's title and source document, and the quotes of the
text it is about. ``Report`` holds the
findings and counts them by severity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node


class Severity(Enum):
    """SHACL's three severities, most severe first."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"

    @property
    def iri(self) -> URIRef:
        return URIRef(str(SH) + self.value)

    @property
    def rank(self) -> int:
        return list(Severity).index(self)

    @classmethod
    def from_iri(cls, iri: Node) -> Severity:
        name = str(iri).rsplit("#", 1)[-1]
        for s in cls:
            if s.value == name:
                return s
        return cls.VIOLATION  # SHACL: a severity other than these three counts as a violation


@dataclass(frozen=True)
class Result:
    """One ``sh:ValidationResult``. ``path`` is a SPARQL property path text (``^<iri>``)."""

    focus: Node
    severity: Severity
    shape: Node
    component: URIRef
    path: str | None = None
    value: Node | None = None
    message: str = ""

    def key(self) -> tuple[str, str, str, str, str, str]:
        """The canonical tuple two engines' results are compared by (messages aside)."""
        return (_canon(self.focus), self.path or "", _canon(self.value), self.severity.value,
                _canon(self.shape), str(self.component))


def _canon(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.n3()
    return str(term)


@dataclass(frozen=True)
class Quote:
    """The words of a document a finding is about: ``text`` is ``orgkg read``'s text[start:end]."""

    field: str
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """A result with what a person needs to read it.

    ``focus`` is the node the rule checked; ``post`` the position the finding
    is about (the focus itself, or the post owning a duty, budget or staff
    count), None for a class or a series; ``title`` and ``document`` describe
    that post (or the focus).
    """

    result: Result
    rule: str
    post: str | None = None
    title: str | None = None
    document: str | None = None
    detail: str = ""  # the value found and the limit, for a rule that compares with one (``limits``)
    quotes: tuple[Quote, ...] = ()  # the text it is about, from the graph's evidence (``quotes``)

    @property
    def severity(self) -> Severity:
        return self.result.severity

    @property
    def focus(self) -> str:
        return str(self.result.focus)

    @property
    def message(self) -> str:
        return f"{self.result.message} {self.detail}" if self.detail else self.result.message


@dataclass
class Report:
    """All findings of one validation run, in a stable order."""

    findings: list[Finding] = field(default_factory=list)
    shapes: Graph | None = None  # the shapes validated against (the Turtle report copies paths from them)

    def counts(self) -> dict[Severity, int]:
        c = Counter(f.severity for f in self.findings)
        return {s: c.get(s, 0) for s in Severity}

    @property
    def has_violations(self) -> bool:
        """Decided from the results, not ``sh:conforms`` (which any Warning makes false)."""
        return any(f.severity is Severity.VIOLATION for f in self.findings)
