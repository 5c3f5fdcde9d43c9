"""Where the chart gets validation findings: ``orgkg.validate``, once it offers an entry point.

The chart needs only ``post IRI -> [(severity, message)]`` (see ``findings``).
``from_findings`` turns the validator's findings (objects with ``post``,
``severity`` and ``message``, as ``orgkg.validate.model.Finding``) into that.
Until ``orgkg.validate`` has a function that validates a store, ``findings_for``
returns None and charts are drawn without findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from enum import Enum
from typing import Protocol

import pyoxigraph as ox

from orgkg.chart.findings import Findings


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


def findings_for(store: ox.Store) -> Findings | None:
    """Findings of validating the store, per post; None while no validator entry point exists.

    To wire it: ``return from_findings(validate(store).findings)`` with the
    validator's store-level function.
    """
    return None
