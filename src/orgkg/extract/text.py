"""Text helpers every extractor shares: OCR repairs, numbers, sections, sentences.

They read wording and structure only; none knows a particular document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from orgkg.extract.lexicon import abbreviation_guard, numbers, words
from orgkg.extract.needles import AtLineStart

# ---------------------------------------------------------------- OCR repairs

# Letters OCR confuses with digits, repaired only inside number-like tokens.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_NUMBERISH = re.compile(r"(?<![A-Za-z])[0-9OIl|][0-9OIl|.,/-]*(?![A-Za-z])")


def _has_digit_and_lookalike(tok: str) -> bool:
    return any(c.isdigit() for c in tok)


def repair_number(token: str) -> str:
    """Repair one OCR'd number: ``66O`` -> ``660``, ``7O.7`` -> ``70.7``, ``I993`` -> ``1993``.

    A token is repaired only when it already holds a real digit, so words
    such as ``I`` or ``Ol`` stay as they are.
    """
    if not _has_digit_and_lookalike(token):
        return token
    return token.translate(_DIGIT_LOOKALIKES)


def repair_numbers(text: str) -> str:
    """Repair every number-like token in ``text`` (see ``repair_number``)."""
    return _NUMBERISH.sub(lambda m: repair_number(m.group(0)), text)


_LEVEL = re.compile(r"\b([A-Z]{2,4})\s*[-\u2010-\u2015]\s*([0-9OIl|]{1,2})\b")


def repair_level(text: str) -> str:
    """A group-and-level code with OCR noise: ``EX-O3`` -> ``EX-03``, ``AS - 7`` -> ``AS-07``."""
    m = _LEVEL.search(text)
    if not m:
        return text.strip()
    digits = m.group(2).translate(_DIGIT_LOOKALIKES)
    return f"{m.group(1)}-{int(digits):02d}"


def join_digit_groups(text: str) -> str:
    """OCR splits thousands: ``2 185`` -> ``2185`` (a 1-3 digit group then exactly 3 digits)."""
    return re.sub(r"\b(\d{1,3})[ \u00a0,](\d{3})\b(?![.,]?\d)", r"\1\2", text)


# ---------------------------------------------------------------- numbers

#: English numbers written in words (lexicon en ``[numbers]``).
NUMBER_WORDS = numbers(("en",))
NUMBER = r"(?:\d+(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b)"


def to_number(token: str) -> float | None:
    """``"6"``, ``"six"``, ``"(6)"`` -> 6.0; anything else -> None."""
    t = token.strip().strip("()").lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    t = repair_number(t).replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def to_int(token: str) -> int | None:
    n = to_number(token)
    return int(n) if n is not None and n == int(n) else None


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9,
          "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "g": 1e9}


def parse_amount(text: str) -> float | None:
    """A money amount as a plain number: ``7O.7 million $`` -> 70700000.0."""
    t = join_digit_groups(repair_numbers(text))
    t = re.sub(r"(?<=\d),(?=\d{1,2}(?!\d))", ".", t)  # a decimal comma: ``31,5 millions``
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|millions?|milliards?|billion|[kmbg])?\b", t, re.I)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    scale = _SCALE.get((m.group(2) or "").lower(), 1.0)
    return round(value * scale, 2)


def currency_of(text: str, default: str | None = None) -> str | None:
    """The currency a money phrase names, or ``default`` (the jurisdiction's)."""
    t = text.upper()
    for code in ("CAD", "USD", "EUR", "GBP", "AUD", "NZD"):
        if code in t:
            return code
    if "US$" in t:
        return "USD"
    if "C$" in t or "CDN" in t:
        return "CAD"
    return default


def parse_percent(text: str) -> float | None:
    """``35%``, ``25 %``, ``**20%**`` -> the number; None when there is no percent."""
    m = re.search(r"(\d{1,3}(?:\.\d+)?)\s*%", repair_numbers(text))
    return float(m.group(1)) if m else None


# ---------------------------------------------------------------- wording

SPACES = re.compile(r"\s+")
SPACE_COMMA = re.compile(r"\s+,")


def squash(text: str) -> str:
    """Fold runs of white space (and markdown emphasis) into single spaces."""
    text = text.replace("**", "").replace("\u00a0", " ")
    return SPACES.sub(" ", text).strip()


def first_sentence(text: str, max_words: int = 60, min_clause_words: int = 6) -> str:
    """The first sentence of a statement, without its closing full stop.

    A full stop ends it when a capital or the end follows (so ``U.S.``,
    ``e.g.`` and an abbreviation such as ``Snr.`` do not); a colon or semicolon
    ends it too once the clause has ``min_clause_words`` words, as duty
    statements chain tasks that way.
    """
    text = squash(text)
    # the full stop looked for first: the lookbehinds, tried at every character, took most of the time
    stop = rf"(?=\.)(?<![A-Z])(?<!\b[a-z])(?i:{abbreviation_guard()})\.(?=\s+[A-Z\u00c0-\u00de(\"]|\s*$)"
    m = re.search(stop, text)
    out = text[: m.start()] if m else text
    for clause in re.finditer(r"[;:]", out):
        if len(out[: clause.start()].split()) >= min_clause_words:
            out = out[: clause.start()]
            break
    words = out.split()
    return " ".join(words[:max_words]).rstrip(" ,;:.")


def strip_bullet(line: str) -> str:
    """Drop list markers: ``•``, ``-``, ``*``, ``1.``, ``a.``, ``A.``, ``(i)``, OCR'd ``e``/``s``."""
    return re.sub(
        r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u25e6*\-\u2013\u2014>]+|\(?[0-9]{1,2}[.)]|"
        r"\(?[a-zA-Z][.)]|\([ivx]+\))\s+",
        "",
        line,
    ).strip()


def clean_title(title: str) -> str:
    """A position title as a person writes it: no markup, trailing punctuation or spacing."""
    t = squash(title).strip(" .,:;*_-\u2013\u2014")
    return SPACE_COMMA.sub(",", t)


#: a Roman numeral up to ten, kept as written in a title set in title case: ``Park Ranger II``.
ROMAN_NUMERAL = re.compile(r"I{1,3}|IV|VI{0,3}|IX|X")


def title_case(phrase: str) -> str:
    """``PARK RANGER II`` -> ``Park Ranger II``, ``SENSORY EFFORT/MULTIPLE DEMANDS`` -> ``Sensory
    Effort/Multiple Demands``: each word (each part around a slash) capitalised, a ``[words] title_small``
    word after the first in lower case, a Roman numeral or a word with a digit as written."""
    small = words("words", "title_small")

    def part(p: str, first: bool) -> str:
        low = p.lower()
        return low if low in small and not first else low[:1].upper() + low[1:]

    return " ".join(w if ROMAN_NUMERAL.fullmatch(w) or re.search(r"\d", w) else
                    "/".join(part(p, k == 0 and i == 0) for i, p in enumerate(w.split("/")))
                    for k, w in enumerate(phrase.split()))


def singular(word: str) -> str:
    """A plural's singular: ``Technicians`` -> ``Technician``, ``CEOs`` -> ``CEO``, ``Secretaries`` ->
    ``Secretary``, ``bureaus`` -> ``bureau``; a word ending in ``ss``, or in ``us`` after a consonant, is no
    plural (``Boss``, ``Campus``), nor an ``s`` after no letter (``3s``)."""
    if len(word) > 3 and word.endswith("ies") and word[-4].islower():
        return word[:-3] + "y"
    if len(word) < 2 or not word.endswith("s") or not word[-2].isalpha() or word.endswith("ss") \
            or (word.endswith("us") and (len(word) < 3 or word[-3] not in "aeiouAEIOU")):
        return word
    return word[:-1]


def singular_title(title: str) -> str:
    """A title named in the plural, in the singular: its head's last word, before a comma (``Sector Account
    Executives`` -> ``Sector Account Executive``; ``Chiefs, Operations`` -> ``Chief, Operations``)."""
    head, sep, rest = title.partition(",")
    said = head.rstrip()
    word = said.rsplit(maxsplit=1)[-1] if said.split() else ""
    return said[: len(said) - len(word)] + singular(word) + head[len(said) :] + sep + rest


def strip_parenthetical_acronym(title: str) -> str:
    """``Chief, Client Solutions Officer (CCSO)`` -> ``Chief, Client Solutions Officer``."""
    return re.sub(r"\s*\([A-Z][A-Za-z&/.]{1,9}\)\s*$", "", title).strip()


# ---------------------------------------------------------------- layout

def tidy(text: str) -> str:
    """The layout every extractor reads: no trailing blanks, at most one empty line in a row,
    no run of blanks longer than 40 characters.

    Paragraph breaks survive (structure), long runs of white space do not, so
    line-anchored patterns such as ``^\\s*HEADING`` stay linear in the text's size.
    Tidy text is its own tidy form. A text is tidied once: ``extract`` and ``recognise``
    tidy what they are given; the build tidies a document's text (its evidence offsets
    count in it) and gives it to ``extract_tidy``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"([ \t]{40})[ \t]+", r"\1", text)  # a column gap, however wide, stays a gap
    lines = [ln.rstrip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


#: an FLSA status in a value: ``Non-Exempt``, ``Nonexempt``, ``non exempt``, ``Exempt``.
EXEMPT = re.compile(r"(?i)\b(non[\s-]*)?exempt\b")


def flsa_status(value: str) -> str | None:
    """The FLSA status a value states first, as ``Non-Exempt`` or ``Exempt``; None when it states none."""
    m = EXEMPT.search(value)
    return ("Non-Exempt" if m.group(1) else "Exempt") if m else None


# ---------------------------------------------------------------- sections

def find_sections(text: str, headings: Iterable[str], *, flags: int = re.I) -> dict[str, str]:
    """Split ``text`` at the given headings (regular expressions) in document order.

    Returns heading pattern -> the text from after that heading up to the next
    heading found. Headings that do not occur are absent from the result.
    """
    hits: list[tuple[int, int, str]] = []
    for h in headings:
        m = re.search(h, text, flags)
        if m:
            hits.append((m.start(), m.end(), h))
    hits.sort()
    out: dict[str, str] = {}
    for i, (_, end, h) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        out[h] = text[end:stop]
    return out


def between(text: str, start: str, stop: str, *, flags: int = re.I | re.M) -> str:
    """The text after ``start``'s first match up to ``stop``'s next match after it, or to the end; ``""``
    when ``start`` does not occur. A ``^`` in ``stop`` matches only where a line begins."""
    m = re.search(start, text, flags)
    if not m:
        return ""
    end = re.compile(stop, flags).search(text, m.end())
    return text[m.end() : end.start() if end else len(text)]


@functools.lru_cache(maxsize=256)
def _field(label: str, stop: str) -> AtLineStart:
    """A form line's label and value (``field_value``), compiled once (not looked up in ``re``'s
    cache, which a document's own patterns overflow)."""
    return AtLineStart(rf"[ \t*]*(?:{label})[ \t*]*:[ \t*]*(.+?)[ \t*]*(?:{stop}|$)", re.I)


def field_value(text: str, label: str, *, stop: str = r"\n") -> str | None:
    """The value after ``Label:`` on a form line, e.g. ``Ministry:  Health``."""
    m = _field(label, stop).search(text)
    if not m:
        return None
    value = squash(m.group(1))
    return value or None
