"""What reasoning produces: typed outcome data, no formatting."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Culprit:
    """Why the graph is inconsistent, as far as narrowing found: the axiom, the individual, the documents."""

    axiom: str
    individual: str | None = None
    values: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass
class ReasonReport:
    consistent: bool
    inferred: list[tuple[str, str]] = field(default_factory=list)  # (individual IRI, class IRI)
    dropped: dict[str, int] = field(default_factory=dict)  # what was left out as not OWL DL, with counts
    culprits: list[Culprit] = field(default_factory=list)
    documents: tuple[str, ...] = ()  # the smallest set of documents found inconsistent with the ontology
    seconds: float = 0.0
    written: str | None = None  # the file the inferences were written to
