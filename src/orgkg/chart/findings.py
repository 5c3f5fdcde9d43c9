"""Validation findings as the chart takes them: an optional mapping post IRI -> findings.

The chart does not validate; whoever has findings (``orgkg.validate``) passes a
mapping of post IRI to ``(severity, message)`` pairs, and the chart shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SEVERITIES = ("Violation", "Warning", "Info")


@dataclass(frozen=True, order=True)
class Finding:
    severity: str
    message: str

    @property
    def rank(self) -> int:
        """0 for a Violation, 1 for a Warning, 2 for anything else."""
        return SEVERITIES.index(self.severity) if self.severity in SEVERITIES else len(SEVERITIES)


Findings = Mapping[str, Iterable[tuple[str, str]]]


def severity_name(value: str) -> str:
    """``Violation`` from ``Violation``, ``sh:Violation`` or the full ``sh:`` IRI."""
    name = value.rsplit("#", 1)[-1].rsplit(":", 1)[-1].strip()
    return name[:1].upper() + name[1:]


def normalise(findings: Findings | None) -> dict[str, tuple[Finding, ...]]:
    """Findings per post IRI, most severe first, duplicates dropped."""
    out: dict[str, tuple[Finding, ...]] = {}
    for iri, pairs in (findings or {}).items():
        unique = {Finding(severity_name(s), m) for s, m in pairs}
        out[str(iri)] = tuple(sorted(unique, key=lambda f: (f.rank, f.message)))
    return out


def worst(findings: Iterable[Finding]) -> str | None:
    """The most severe finding's severity, or None without findings."""
    ranked = sorted(findings, key=lambda f: f.rank)
    return ranked[0].severity if ranked else None
