"""Evidence for every value of an extraction: where in the read text it was read.

A rule that knows its span gives it (``Extraction.evidence`` already holds
it); for every other value of the record, ``attach`` finds where the text says
it: the value itself (case, white space, markdown emphasis, dashes and quotes
folded), a number as the document writes it (``70.7 million``, ``850,000``,
``six``), or, for a value a rule composed (``Finance Branch`` from
``Branch: Finance``, ``Executive Group`` from ``EX-03``), the longest part of
it the text holds. Each item's ``quote`` is exactly ``text[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from orgkg.extract.records import Evidence, Extraction, Span
from orgkg.extract.text import NUMBER_WORDS

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " "})
_FOLD_PAIRS = tuple((chr(k), str(v)) for k, v in _FOLD.items())
_SKIP = set("*_`#")
#: separators that do not fold to themselves: a run of two or more white space or emphasis characters,
#: or an emphasis character alone (found left to right, each is a whole run).
_IRREGULAR = re.compile(r"[\s*_`#]{2,}|[*_`#]")
_LEAD = re.compile(r"[\s*_`#]+")
_SPACE = re.compile(r"\s")
_OCR = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1"})
_WORDS = {v: k for k, v in NUMBER_WORDS.items()}


class Folded:
    """``text`` lower-cased with emphasis dropped and white space runs made one space,
    with the offset in ``text`` of every folded character."""

    def __init__(self, text: str) -> None:
        low = text
        for char, folded in _FOLD_PAIRS:  # quicker than translate on a long text
            low = low.replace(char, folded)
        low = low.casefold() if len(low.casefold()) == len(low) else low
        low = low.lower() if len(low.lower()) == len(low) else low
        # Only the separators that do not fold to themselves are visited: a single white space
        # character between words becomes one space in place; the other runs of white space and
        # emphasis marks (and those opening the text) fold to one space at their first white
        # space character, or to nothing.
        parts: list[str] = []
        where: list[int] = []
        lead = _LEAD.match(low)
        start = lead.end() if lead else 0
        for m in _IRREGULAR.finditer(low, start):
            parts.append(low[start:m.start()])
            where.extend(range(start, m.start()))
            if (space := _SPACE.search(low, m.start(), m.end())) is not None:
                parts.append(" ")
                where.append(space.start())
            start = m.end()
        parts.append(low[start:])
        where.extend(range(start, len(low)))
        self.text, self.folded, self.where = text, _SPACE.sub(" ", "".join(parts)), where
        self._bare: tuple[str, list[int]] | None = None

    @property
    def bare(self) -> str:
        return self._bare_index()[0]

    @property
    def bare_where(self) -> list[int]:
        return self._bare_index()[1]

    def _bare_index(self) -> tuple[str, list[int]]:
        if self._bare is None:
            runs: list[str] = []
            where: list[int] = []
            for m in re.finditer(r"[^\W_]+", self.folded):
                runs.append(m.group())
                where.extend(self.where[m.start() : m.end()])
            self._bare = ("".join(runs).translate(_OCR), where)
        return self._bare

    def find_bare(self, value: str) -> tuple[int, int] | None:
        """Letters and digits only, OCR look-alikes folded (``EX - O3`` holds ``EX-03``)."""
        needle = "".join(c for c in fold(value) if c.isalnum()).translate(_OCR)
        enough = len(needle) >= 3 or (len(needle) == 2 and any(c.isdigit() for c in value))
        at = self.bare.find(needle) if enough else -1
        while at >= 0:
            start, end = self.bare_where[at], self.bare_where[at + len(needle) - 1] + 1
            if not (start and self.text[start - 1].isalnum()) and not \
                    (end < len(self.text) and self.text[end].isalnum()):
                return start, end
            at = self.bare.find(needle, at + 1)
        at = self.bare.find(needle) if len(needle) >= 4 else -1  # run together by OCR: ``LEVELEX-OI``
        return (self.bare_where[at], self.bare_where[at + len(needle) - 1] + 1) if at >= 0 else None

    def find(self, value: str, *, word: bool = True) -> tuple[int, int] | None:
        """The first span of ``text`` that folds to ``value`` (on word boundaries when ``word``)."""
        needle = fold(value)
        if not needle:
            return None
        edge = word and needle[0].isalnum()
        tail = word and needle[-1].isalnum()
        text, n = self.folded, len(needle)
        at = text.find(needle)
        while at >= 0:  # the first occurrence on word boundaries (a pattern per value would be compiled
            # per value: thousands of them push the rules' own patterns out of ``re``'s cache)
            if not (edge and at and _word(text[at - 1])) and not (tail and at + n < len(text)
                                                                   and _word(text[at + n])):
                return self.where[at], self.where[at + n - 1] + 1
            at = text.find(needle, at + 1)
        return None


def _word(c: str) -> bool:
    """Whether ``c`` is a word character as ``re``'s ``\\w`` reads one."""
    return c.isalnum() or c == "_"


def fold(value: str) -> str:
    value = "".join(c for c in value.translate(_FOLD).lower() if c not in _SKIP)
    return re.sub(r"\s+", " ", value).strip()


def _string_span(doc: Folded, value: str) -> tuple[int, int] | None:
    """The value, else its longest run of leading words, else its longest word the text holds."""
    if (span := doc.find(value)) or (span := doc.find_bare(value)):
        return span
    words = value.split()
    for n in range(len(words) - 1, 1, -1):
        if span := doc.find(" ".join(words[:n])):
            return span
    for n in range(len(words) - 1, 1, -1):
        if span := doc.find(" ".join(words[-n:])):
            return span
    # Longest first; words of one length in the order the value gives them (not a set's order,
    # which changes from run to run).
    for w in sorted(dict.fromkeys(re.split(r"[\s\-/,.;:()'\"]+", value)), key=len, reverse=True):
        if len(w) >= 2 and (span := doc.find(w)):
            return span
    return None


def _number_forms(value: float) -> Iterator[str]:
    """How a document may write ``value``: ``70.7 million``, ``70,700,000``, ``850K``, ``six``."""
    for scale, words in ((1e9, ("billion", "b")), (1e6, ("million", "m")), (1e3, ("thousand", "k"))):
        v = value / scale
        if v >= 0.1 and round(v, 3) == v:
            for w in words:
                yield f"{v:g} {w}"
                yield f"{v:g}{w}"
            yield f"{v:g}"
    if value == int(value):
        n = int(value)
        yield f"{n:,}"
        yield f"{n:,}".replace(",", " ")
        yield str(n)
        if n in _WORDS:
            yield _WORDS[n]
    else:
        yield f"{value:g}"


def _number_span(doc: Folded, value: float) -> tuple[int, int] | None:
    forms = list(_number_forms(value))
    for form in forms:
        if span := doc.find(form):
            return span
    return next((span for form in forms if (span := doc.find_bare(form))), None)


Value = str | float


def _said(value: str | None) -> tuple[str, ...]:
    """A text field's value, none when the record leaves it empty."""
    return (value,) if value else ()


def _counted(value: float | None) -> tuple[float, ...]:
    """A number field's value, none when the record has no number (0 is a value)."""
    return () if value is None else (value,)


#: Each field of the position record and how its values read from an extraction, in the
#: record's order; a list field gives one value per element (only the first way ``reports_to``
#: is named: the one the header or first statement gives).
FIELDS: tuple[tuple[str, Callable[[Extraction], Iterable[Value]]], ...] = (
    ("title", lambda ex: (ex.subject.title,)),
    ("identifiers", lambda ex: [i.value for i in ex.subject.identifiers]),
    ("jurisdiction", lambda ex: _said(ex.organisation.jurisdiction)),
    ("organization", lambda ex: _said(ex.organisation.organization)),
    ("location", lambda ex: _said(ex.organisation.location)),
    ("level", lambda ex: _said(ex.subject.level)),
    ("flsa", lambda ex: _said(ex.subject.flsa)),
    ("education", lambda ex: _said(ex.subject.education)),
    ("org_units", lambda ex: [name for name, _ in ex.organisation.units]),
    ("reports_to", lambda ex: [r.title for r in ex.subject.reports_to[:1]]),
    ("direct_reports", lambda ex: [r.title for r in ex.subject.direct_reports]),
    ("peers", lambda ex: [r.title for r in ex.subject.peers]),
    ("supervises_count", lambda ex: _counted(ex.subject.supervises_count)),
    ("job_class", lambda ex: [c.title or c.code or "" for c in (ex.subject.job_class,) if c]),
    ("series", lambda ex: ex.series),
    ("duties", lambda ex: [d.text for d in ex.subject.duties]),
    ("experience_years", lambda ex: _counted(ex.subject.experience_years)),
    ("budgets", lambda ex: [b.amount for b in ex.subject.budgets]),
    ("staff_counts", lambda ex: [c.count for c in ex.subject.staff_counts]),
    ("factors", lambda ex: [f.name for f in ex.subject.factors]),
    ("total_points", lambda ex: _counted(ex.subject.total_points)),
)


def values(ex: Extraction) -> Iterator[tuple[str, Value]]:
    """Every value of the position record ``ex`` gives, as (field, value), field by field (``FIELDS``)."""
    for name, read in FIELDS:
        for value in read(ex):
            yield name, value


def _shown(value: str | float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def attach(text: str, ex: Extraction) -> None:
    """Give every value of ``ex`` one evidence item, keeping those its rules gave."""
    doc = Folded(text)
    given: dict[tuple[str, str], list[Evidence]] = {}
    for e in ex.evidence:
        given.setdefault((e.field, e.value), []).append(e)
    out: list[Evidence] = []
    for key, value in values(ex):
        shown = _shown(value)
        if given.get((key, shown)):
            out.append(given[(key, shown)].pop(0))
            continue
        if isinstance(value, (int, float)):
            span = _number_span(doc, float(value))
            if not span and key == "supervises_count" and ex.subject.direct_reports:
                span = _string_span(doc, ex.subject.direct_reports[0].title)  # counted from the list
        else:
            span = _string_span(doc, value)
            code = ex.subject.job_class.code if ex.subject.job_class else None
            if not span and key == "job_class" and code:
                span = doc.find(code)  # a class named by its group code: ``IT`` in ``IT-03``
        if span:
            out.append(Evidence.at(key, shown, Span(*span), text))
    ex.evidence = out


def coverage(ex: Extraction) -> tuple[int, int]:
    """(values with evidence, values) of one extraction."""
    return len(ex.evidence), sum(1 for _ in values(ex))
