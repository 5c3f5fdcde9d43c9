"""From positioned characters on pages to the text a person reads (no PDF library here).

PDFs store characters, not words or lines: ``text_lines`` groups them into
words and lines. PDFs store lines, not paragraphs. ``running_lines`` finds page headers and
footers: lines at the top or bottom of pages that repeat (digits aside) on
at least half of the pages. ``compose`` joins the remaining lines back into
paragraphs: a line continues the previous one when the previous one stopped
only because the next word would not fit; vertical gaps become empty lines;
left indentation becomes leading spaces; table rows are kept as they are.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

#: A list marker starts a new line even when the line before it looks wrapped (``!"``: a bullet glyph
#: printed without its character map).
_MARKER = re.compile(r"^(?:(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2043\uf0b7\uf0a7*\-\u2013]|"
                     r"\d{1,2}[.)]|[A-Za-z][.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s|!\"[ \t]*[A-Z])")
ZONE = 2  # lines at each end of a page that may be a running header or footer
#: How far apart (points) two characters may be and still be in one word (across) or one line
#: (up and down): pdfplumber's tolerances, which these rules took over with its way of grouping.
TOLERANCE = 3.0
LIGATURES = {"\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb01": "fi", "\ufb02": "fl",
             "\ufb06": "st", "\ufb05": "st"}


class Glyph(NamedTuple):
    """A character drawn on a page: its box in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool = True


_X0, _X1, _TOP, _BOTTOM = (attrgetter(name) for name in ("x0", "x1", "top", "bottom"))
#: A glyph's line, start and end, upright and sideways.
_AXES = {True: (_TOP, _X0, _X1), False: (_X0, _TOP, _BOTTOM)}
#: A word whose text holds none of these has one glyph a letter.
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")


@dataclass(frozen=True)
class TextLine:
    """Words side by side, joined by single spaces; ``glyphs`` repeats a ligature once per letter."""

    text: str
    glyphs: tuple[Glyph, ...]

    @property
    def box(self) -> tuple[float, float, float, float]:
        glyphs = self.glyphs
        return min(map(_X0, glyphs)), min(map(_TOP, glyphs)), max(map(_X1, glyphs)), max(map(_BOTTOM, glyphs))


def _clusters(values: Iterable[float]) -> dict[float, int]:
    """Each value's group: sorted values join a group while each is within the tolerance of the last."""
    found: dict[float, int] = {}
    group, last = -1, -math.inf
    for value in sorted(set(values)):
        group += value > last + TOLERANCE
        found[value], last = group, value
    return found


def text_lines(glyphs: Sequence[Glyph]) -> list[TextLine]:
    """Glyphs grouped into lines and words as pdfplumber groups them: characters whose tops are
    within the tolerance of each other (in a chain) make a line, read left to right; a space or a
    gap wider than the tolerance ends a word; words whose tops differ more start a new line
    (sideways text: lines by their left edge, read top to bottom)."""
    words = [word for upright, run in itertools.groupby(glyphs, key=attrgetter("upright"))
             for word in _words(list(run), upright)]
    group = _clusters(top for top, _, _ in words)
    lines = []
    for _, line in itertools.groupby(words, key=lambda word: group[word[0]]):
        parts = list(line)
        drawn = tuple(glyph for *_, glyphs in parts for glyph in glyphs)
        lines.append(TextLine(" ".join(text for _, text, _ in parts), drawn))
    return lines


def _words(glyphs: list[Glyph], upright: bool) -> Iterator[tuple[float, str, list[Glyph]]]:
    """Each word's top, text and glyphs (a ligature's glyph once per letter), line by line.
    (Run for every character of a PDF: each glyph's line, start and end read once into lists.)"""
    across, along, end = (list(map(field, glyphs)) for field in _AXES[upright])
    group = _clusters(across)
    line_of = list(map(group.__getitem__, across))
    for _, line in itertools.groupby(sorted(range(len(glyphs)), key=line_of.__getitem__),
                                     key=line_of.__getitem__):
        word: list[Glyph] = []
        last = 0  # the word's last glyph, read only when it has one
        for i in sorted(line, key=along.__getitem__):
            glyph = glyphs[i]
            if glyph.text.isspace():
                if word:
                    yield _word(word)
                    word = []
                continue
            if word and (along[i] < along[last] or along[i] > end[last] + TOLERANCE
                         or abs(across[i] - across[last]) > TOLERANCE):
                yield _word(word)
                word = []
            word.append(glyph)
            last = i
        if word:
            yield _word(word)


def _word(glyphs: list[Glyph]) -> tuple[float, str, list[Glyph]]:
    text = "".join([g.text for g in glyphs])
    if not _LIGATURE.search(text):
        return min(map(_TOP, glyphs)), text, glyphs
    letters = [LIGATURES.get(g.text, g.text) for g in glyphs]
    return (min(g.top for g in glyphs), "".join(letters),
            [g for g, text in zip(glyphs, letters, strict=True) for _ in text])


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    first_word: float = 0.0  # width of the line's first word
    table_row: bool = False
    page_width: float = 0.0


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().casefold()))


def running_lines(pages: list[list[Line]]) -> set[Line]:
    """The header and footer lines.

    With several pages: lines at a page's top or bottom that repeat (digits
    aside) on half the pages or more. On a single page: a first or last line
    in a smaller type than the body, set apart from it by an empty line.
    """
    if len(pages) < 2:
        return _set_apart(pages[0]) if pages else set()
    zones = [[*lines[:ZONE], *lines[-ZONE:]] for lines in pages]
    seen = Counter(key for zone in zones for key in {_key(ln.text) for ln in zone})
    need = max(2, (len(pages) + 1) // 2)
    return {ln for zone in zones for ln in zone if seen[_key(ln.text)] >= need}


def _set_apart(lines: list[Line]) -> set[Line]:
    if len(lines) < 3:
        return set()
    body = statistics.median(ln.bottom - ln.top for ln in lines)
    found = set()
    for edge, neighbour in ((lines[0], lines[1]), (lines[-1], lines[-2])):
        gap = max(neighbour.top - edge.bottom, edge.top - neighbour.bottom)
        if edge.bottom - edge.top < 0.9 * body and gap > body:
            found.add(edge)
    return found


def _pitch(lines: list[Line]) -> float:
    """The distance from one line to the next within a paragraph (steps over empty lines excluded)."""
    height = statistics.median(ln.bottom - ln.top for ln in lines)
    steps = [b.top - a.top for a, b in itertools.pairwise(lines)
             if a.page == b.page and 0 < b.top - a.top <= 1.9 * height]
    return statistics.median(steps) if steps else 1.2 * height


def _right_edge(prose: list[Line], left: float) -> float:
    """Where full lines end: the longest line, unless no line comes near a symmetric margin."""
    longest = max(ln.x1 for ln in prose)
    symmetric = max(ln.page_width for ln in prose) - left
    return longest if longest >= 0.75 * symmetric else symmetric


def _continues(prev: Line, line: Line, right: float, space: float) -> bool:
    if prev.table_row or line.table_row or _MARKER.match(line.text):
        return False
    return prev.x1 + space + line.first_word > right


def compose(pages: list[list[Line]]) -> tuple[str, tuple[int, ...]]:
    """The text of the pages' lines, and the offset where each page's text starts."""
    drop = running_lines(pages)
    lines = [ln for page in pages for ln in page if ln not in drop]
    prose = [ln for ln in lines if not ln.table_row]
    if not prose:
        prose = lines
    if not lines:
        return "", tuple(0 for _ in pages)
    pitch, left = max(_pitch(prose), 1.0), min(ln.x0 for ln in prose)
    right, top = _right_edge(prose, left), min(ln.top for ln in lines)
    leading = pitch - statistics.median(ln.bottom - ln.top for ln in prose)
    char = max(1.0, statistics.median((ln.x1 - ln.x0) / max(1, len(ln.text)) for ln in prose))
    out: list[str] = []
    starts: dict[int, int] = {}
    prev: Line | None = None
    for ln in lines:
        if prev is not None:
            space = ln.top - prev.bottom - leading if ln.page == prev.page else ln.top - top
            gap = round(space / pitch)
            if gap <= 0 and _continues(prev, ln, right, char):
                out.append(" " + ln.text)
                prev = ln
                continue
            out.append("\n" * (1 + max(0, gap)))
        if ln.page not in starts:
            starts[ln.page] = sum(map(len, out))
        indent = "" if ln.table_row else " " * max(0, round((ln.x0 - left) / char))
        out.append(indent + ln.text)
        prev = ln
    text = "".join(out)
    offsets, last = [], 0
    for page in range(len(pages)):
        last = starts.get(page, last)
        offsets.append(last)
    return text, tuple(offsets)
