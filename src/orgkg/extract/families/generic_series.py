"""Generic class-series rules: the series a class specification places its class in.

Two wordings are read. A stated series: "the second level in a three-level
series that includes the A, B and C classes" (the names listed, or, when the
class title ends in a level number, the levels 1..N of its base name -- but
never when a class it is distinguished from shares the base name without a
level, e.g. "X Supervisor": then the names are not guessed). And
distinctions: "distinguished from the Environmental Specialist 1 ... from the
Environmental Specialist 3 class", where the named classes share the title's
base name and differ in their level (arabic or Roman numeral); the series is
then those levels in order, the described class among them.
"""

from __future__ import annotations

import re

from orgkg.extract.text import NUMBER_WORDS, clean_title, squash, to_int

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
LEVELLED = re.compile(r"^(.*\S)\s+(\d{1,2}|[IVX]{1,4})$")
STATED = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:level|class)\s+(?:in|of)\s+an?\s+(\w+)[\s-]+(?:level|class)\s+series", re.I)


def _level(token: str) -> int | None:
    return int(token) if token.isdigit() else (ROMAN.index(token) + 1 if token in ROMAN else None)


def _write(base: str, level: int, roman: bool) -> str:
    return f"{base} {ROMAN[level - 1] if roman else level}"


def _listed(text: str, after: int) -> list[str]:
    """``... series that includes the A, B, and C classes.`` -> [A, B, C]."""
    m = re.search(r"series\s+(?:(?:that|which)\s+)?(?:also\s+)?(?:contain(?:s|ing)?|includ(?:es?|ing)|"
                  r"consist(?:s|ing)?\s+of|compris(?:es?|ing)|(?:is\s+)?made\s+up\s+of)\s+"
                  r"([^.;]{3,300}?)(?:\s+class(?:es)?)?[.;](?:\s|$)", text[after:], re.I)
    if not m:
        return []
    parts = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group(1))
    return [clean_title(re.sub(r"(?i)^(?:the|an?)\s+", "", p)) for p in parts if p.strip()]


def _unlevelled(text: str, base: str) -> bool:
    """A class "distinguished from" that shares the base name but has no level (``X Supervisor``)."""
    named = re.findall(r"distinguished\s+from\s+(?:the\s+)?" + re.escape(base) + r"\s+(\w+)", text, re.I)
    return any(_level(t.upper()) is None for t in named)


def series(text: str, title: str) -> list[str]:
    """The class series, lowest first, or [] when the document states none."""
    flat = squash(text)
    levelled = LEVELLED.match(title)
    base, own = (levelled.group(1), _level(levelled.group(2))) if levelled else (title, None)
    roman = bool(levelled and not levelled.group(2).isdigit())
    stated = STATED.search(flat)
    if stated:
        names = _listed(flat, stated.start())
        if len(names) >= 2:
            return [title if n.casefold() == title.casefold() else n for n in names]
        word = stated.group(2).lower()
        size = to_int(word) or NUMBER_WORDS.get(word)
        rank = ORDINALS.get(stated.group(1).lower()) or to_int(re.sub(r"\D", "", stated.group(1)))
        if size and own and rank == own and 1 < size <= len(ROMAN) and not _unlevelled(flat, base):
            return [title if k == own else _write(base, k, roman) for k in range(1, size + 1)]
    if own is None:
        return []
    named = re.findall(r"distinguished\s+from\s+(?:the\s+)?" + re.escape(base) + r"\s+(\d{1,2}|[IVX]{1,4})\b",
                       flat, re.I)
    levels = {lv for t in named if (lv := _level(t.upper())) and lv <= len(ROMAN)}
    if not levels - {own}:
        return []
    top = max(levels | {own})  # numbered levels start at 1, so the lower ones belong to the series too
    return [title if k == own else _write(base, k, roman) for k in range(1, top + 1)]
