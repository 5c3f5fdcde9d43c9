"""Where the chart gets validation findings: ``orgkg.validate.marks``.

The chart needs only ``post IRI -> [(severity, message)]`` (see ``findings``):
``findings_for`` takes them from ``orgkg.validate.marks`` (what the last
``orgkg validate`` of the build kept, else validated now). ``from_findings``
turns the validator's findings (objects with ``post``, ``severity`` and
``message``, as ``orgkg.validate.model.Finding``) into that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from enum import Enum
from typing import Protocol

from orgkg.chart.findings import Findings
from orgkg.graph.built import BuiltGraph


class ValidatorFinding(Protocol):
    @property
    def post(self) -> str | None: ...

    @property
    def severity(self) -> Enum | str: ...

    @property
    def message(self) -> str: ...


def from_findings(items: Iterable[ValidatorFinding]) -> Findings:
    """The validator's findings about posts, grouped by post IRI."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in items:
        if f.post is not None:
            severity = f.severity.value if isinstance(f.severity, Enum) else f.severity
            out[str(f.post)].append((str(severity), f.message))
    return dict(out)


def findings_for(graph: BuiltGraph) -> Findings:
    """Findings of validating the graph with orgkg's shapes, per post."""
    from orgkg.validate import marks

    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for post, severity, message in marks(graph):
        out[post].append((severity, message))
    return dict(out)
