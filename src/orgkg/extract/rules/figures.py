"""Figures written around a number: years of experience and staff counts, English and French.

Each ``[phrases] experience`` / ``[phrases] staff`` entry is a template with
``{n}`` where the number stands (digits or a ``[numbers]`` word): "{n} ans
d'expérience", "expérience minimale de {n} ans", "{n} collaborateurs".
"""

from __future__ import annotations

import re
from functools import cache

from orgkg.extract.lexicon import LANGUAGES, table
from orgkg.extract.records import StaffCount
from orgkg.extract.structure import Document, Span


@cache
def _numbers() -> dict[str, int]:
    out: dict[str, int] = {}
    for lang in LANGUAGES:
        out.update({str(k): int(str(v)) for k, v in table("numbers", lang).items()})
    return out


@cache
def _template(group: str) -> re.Pattern[str]:
    number = r"(?P<n>\d{1,3}(?:[ \u00a0,]\d{3})*|" + "|".join(sorted(_numbers(), key=len, reverse=True)) + ")"
    parts = []
    for lang in LANGUAGES:
        entries = table("phrases", lang).get(group, [])
        for entry in entries if isinstance(entries, list) else []:
            words = re.escape(str(entry)).replace("'", "['\u2019]").replace(r"\ ", r"\s+")
            parts.append(words.replace(r"\{n\}", "{n}"))
    alternation = "|".join(f"(?:{p.format(n=number)})" for p in parts).replace("(?P<n>", "(?:")
    return re.compile(rf"(?i)(?<!\w)(?:{alternation})(?!\w)")


def _value(token: str) -> int | None:
    token = re.sub(r"[ \u00a0,]", "", token.casefold())
    return int(token) if token.isdigit() else _numbers().get(token)


def _number_in(text: str) -> tuple[int, int] | None:
    """The span of the number inside a matched phrase."""
    m = re.search(r"\d{1,3}(?:[ \u00a0,]\d{3})*|\b(?:" + "|".join(_numbers()) + r")\b", text, re.I)
    return (m.start(), m.end()) if m else None


def experience_years(doc: Document) -> tuple[float, Span] | None:
    m = _template("experience").search(doc.text)
    if not m or not (at := _number_in(m.group(0))):
        return None
    n = _value(m.group(0)[at[0] : at[1]])
    return (float(n), Span(m.start() + at[0], m.start() + at[1])) if n else None


def staff_counts(doc: Document) -> list[tuple[StaffCount, Span]]:
    out: list[tuple[StaffCount, Span]] = []
    for m in _template("staff").finditer(doc.text):
        at = _number_in(m.group(0))
        n = _value(m.group(0)[at[0] : at[1]]) if at else None
        if n and at and n not in {c.count for c, _ in out}:
            scope = (m.group(0)[: at[0]] + m.group(0)[at[1] :]).strip()
            out.append((StaffCount(n, scope), Span(m.start() + at[0], m.start() + at[1])))
    return out
