"""Text for people: findings grouped by rule, each with the text it is about, then the counts by severity."""

from __future__ import annotations

from itertools import groupby

from orgkg.validate.formats.base import Formatter
from orgkg.validate.model import Finding, Quote, Report, Severity

MAX_QUOTES = 6  # quotes shown under a finding; JSON gives them all
QUOTE_WIDTH = 100


class TextFormatter(Formatter):
    name = "text"

    def format(self, report: Report) -> str:
        lines: list[str] = []
        for rule, group in groupby(report.findings, key=lambda f: f.rule):
            items = list(group)
            lines.append(f"{rule} ({_shape_name(items[0])}): {len(items)}")
            for f in items:
                lines.append(_line(f))
                lines += [_quote(q) for q in f.quotes[:MAX_QUOTES]]
                if len(f.quotes) > MAX_QUOTES:
                    lines.append(f"            ... and {len(f.quotes) - MAX_QUOTES} more places")
            lines.append("")
        counts = report.counts()
        summary = ", ".join(f"{counts[s]} {s.value.lower()}{'s' if counts[s] != 1 else ''}" for s in Severity)
        if not report.findings:
            lines.append("No findings: the organisation conforms to every rule.")
        lines.append(summary)
        return "\n".join(lines) + "\n"


def _quote(q: Quote) -> str:
    words = " ".join(q.text.split())
    if len(words) > QUOTE_WIDTH:
        words = words[:QUOTE_WIDTH - 3].rstrip() + "..."
    return f"            \u201c{words}\u201d ({q.document}, characters {q.start}-{q.end})"


def _shape_name(f: Finding) -> str:
    return str(f.result.shape).rsplit("#", 1)[-1]


def _line(f: Finding) -> str:
    who = f.title or f.focus
    where = f" [{f.document}]" if f.document else ""
    return f"  {f.severity.value:9s} {who}{where}: {f.message}"
