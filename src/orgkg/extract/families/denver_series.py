"""Denver class specifications: the class series and the classes a spec names.

The series comes from ``DISTINGUISHING CHARACTERISTICS`` (or ``... FACTORS``):
"X is the second class in a three class series consisting of A, B and C" /
"The Y series consists of the A, the B and the C" / "... also contains the A
and B" -- the names are read as listed (a list's items are separated by commas
and by "and the"/"or the"), never invented; when none are listed the classes it
is "distinguished from" fill the series. Supervised classes come from
"classified as X I, II, or III" (Roman shorthand expanded).
"""

from __future__ import annotations

import re

from orgkg.extract.text import NUMBER_WORDS, clean_title, squash, to_int

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10}


def split_names(items: str, expect: set[int] | None = None) -> list[str]:
    """``the A, B, and C`` / ``the A, the B and the C`` / ``X I, II, or III`` -> class names.

    Commas and "and the"/"or the" always separate items; a bare "and"/"or" only
    when the list is one item or splitting there gives an expected count.
    """
    items = squash(items.replace("*", " "))
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=(?:the|an?)\s)", items) if p]
    if len(parts) == 1 or (expect and len(parts) not in expect):
        finer = [p for part in parts for p in re.split(r"\s+(?:and|or)\s+", part) if p]
        if len(parts) == 1 or (expect and len(finer) in expect):
            parts = finer
    names: list[str] = []
    for part in parts:
        part = clean_title(re.sub(r"(?i)^(?:the|an?)\s+", "", part))
        if part.upper() in ROMAN and names:
            base = re.sub(r"\s+[IVX]+$", "", names[-1])
            part = f"{base} {part.upper()}"
        if part:
            names.append(part)
    return names


def _roman_key(name: str) -> tuple[str, int]:
    m = re.match(r"^(.*?)\s+([IVX]+)$", name)
    return (m.group(1).casefold(), ROMAN.get(m.group(2), 0)) if m else (name.casefold(), 0)


def _order_numerals(names: list[str]) -> list[str]:
    """Within classes that share a base name, order them I < II < III in place."""
    out = list(names)
    for base in {_roman_key(n)[0] for n in names}:
        slots = [i for i, n in enumerate(names) if _roman_key(n)[0] == base]
        for i, n in zip(slots, sorted((names[i] for i in slots), key=_roman_key), strict=True):
            out[i] = n
    return out


def series(section: str, title: str) -> list[str]:
    text = squash(section.replace("*", " "))
    m = re.search(r"is\s+the\s+(\w+)\s+(?:class|level)\s+in\s+an?\s+(\w+)[\s-]+(?:class|level)\s+series",
                  text, re.I)
    if not m:
        return []
    rank = ORDINALS.get(m.group(1).lower()) or to_int(re.sub(r"\D", "", m.group(1)) or "x")
    size = to_int(m.group(2)) or NUMBER_WORDS.get(m.group(2).lower(), 1 if "single" in
                                                     m.group(2).lower() else None)
    listed = re.search(r"series\s+(?:(?:that|which)\s+)?(?:also\s+)?(?:contain(?:s|ing)?|includ(?:es?|ing)|"
                       r"consist(?:s|ing)?\s+of|compris(?:es?|ing)|(?:is\s+)?made\s+up\s+of)"
                       r"\s+(.+?)(?:\s+class(?:es)?)?\.(?=\s|$)", text[m.start(2):], re.I)
    expect = size - 1 if size else None
    named_self = bool(listed and re.search(rf"(?<!\w){re.escape(title)}(?!\w)", listed.group(1), re.I))
    counts = {size if named_self else size - 1} if size else None
    others = split_names(listed.group(1), counts) if listed else []
    if size == 1:
        return []
    if not others:
        others = [clean_title(d) for d in re.findall(
            r"distinguished\s+from\s+(?:the\s+)?(.+?)(?:,|\s+(?:which|in\s+that|by|as)\b)", text)]
        others = others if expect is None or len(set(others)) == expect else []
    others = _order_numerals([o for o in dict.fromkeys(others) if o.casefold() != title.casefold()])
    pos = min(max((rank or len(others) + 1) - 1, 0), len(others))
    return [*others[:pos], title, *others[pos:]]


def canon(name: str, series: list[str]) -> str:
    """Write ``name`` as the series does: ``Information Technology X`` -> ``IT X``."""
    for member in series:
        if member.casefold() == name.casefold():
            return member
    acronyms = {a for s in series for a in re.findall(r"\b[A-Z]{2,5}\b", s) if a not in ROMAN}
    out = name
    for acr in acronyms:
        spelled = r"\b" + r"\s+".join(f"{c}[a-z]+" for c in acr) + r"\b"
        out = re.sub(spelled, acr, out)
    return out


def classes(section: str) -> list[str]:
    """Classes named as supervised: ``... incumbents classified as X I, II, or III``."""
    names: list[str] = []
    text = squash(section.replace("*", " "))
    for m in re.finditer(r"classified\s+as\s+(.+?)(?:[.;](?=\s|$)|$)", text, re.I):
        names.extend(split_names(m.group(1)))
    return list(dict.fromkeys(names))
