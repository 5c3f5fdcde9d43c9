"""Lines of a tidied text, each with its offsets, list marker, indent and markdown.

A ``Line`` knows where it starts and ends in the text (code points), how deep
it is indented, which list marker opens it (bullet, number, lower or upper
letter, roman numeral) and where its body starts after that marker and any
markdown emphasis. Nothing here reads a value; it only says what each line is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

#: a number in Roman numerals, as a list or a heading numbers itself: ``iv``, ``II`` (with ``(?i)``).
ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|x{1,2})"
#: a list marker: ``•``, ``-``, ``*``, ``→``, ``❖``, ``✓``, ``1.``, ``1)``, ``(a)``, ``a.``, ``A)``, ``iv.``,
#: ``(ii)``, ``1.2``; ``q``, ``Ø``, ``ü`` before a capital are Wingdings bullets a PDF printed as letters
#: (``q Préparer le budget``);
#: ``!"`` is a bullet glyph a PDF printed without its character map (``!"Coordinates the ...``); a full stop
#: before a capital opens an item typed with it (``. Gérer les décisions de l'Assemblée``).
MARKER = re.compile(
    r"(?P<bullet>[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u00b7\u2219*+\-\u2013\u2014>\u27a2\uf0b7\uf0a7o"
    r"\u2192\u2794\u27a4\u25ba\u25b8\u25a1\u2751\u2756\u2713\u2714\u2605\u2606\u27a3]"
    r"(?=\s)|[q\u00d8\u00fc](?=[ \t]+[A-Z\u00c0-\u00de])"
    r"|!\"(?=[ \t]*[A-Z])|\.(?=[ \t]+[A-Z\u00c0-\u00de]))"
    rf"|\(?(?P<roman>{ROMAN})[.)](?=\s)"
    r"|\(?(?P<number>\d{1,2}(?:\.\d{1,2})*)(?:[.)]|(?<=\.\d)|(?<=\.\d\d))(?=\s)"
    r"|\(?(?P<lower>[a-z])[.)](?=\s)"
    r"|\(?(?P<upper>[A-Z])[.)](?=\s)"
)
#: a bullet glyph printed alone on its line, its item's text on the next line, indented further (a PDF that
#: sets its bullets in a column of their own: ``   •`` / ``      Prepares and maintains ...``).
LONE_BULLET = re.compile(r"[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u00b7\u2219\uf0b7\uf0a7]")
#: a markdown heading ``## Text`` and a setext underline.
ATX = re.compile(r"^(#{1,6})[ \t]+")
UNDERLINE = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
#: a template placeholder: Liquid / Jinja / Handlebars.
PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
EMPHASIS = "*_`"


@dataclass(frozen=True)
class Line:
    """One line: ``start``/``end`` in the text, its body after marker and emphasis."""

    index: int
    start: int
    end: int
    indent: int
    marker: str  # "", "bullet", "number", "lower", "upper", "roman"
    atx: int  # the markdown heading level (``##`` -> 2), 0 when none
    body_start: int
    body_end: int
    bold: bool  # the whole body is wrapped in ``**`` / ``__``

    @property
    def blank(self) -> bool:
        return self.body_start >= self.body_end


def _trim(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Shrink ``[start, end)`` past spaces and markdown emphasis at both ends."""
    bold = False
    while True:
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end - start >= 2 and text[start] in EMPHASIS and text[end - 1] == text[start]:
            k = 2 if end - start >= 4 and text[start + 1] == text[start] == text[end - 2] else 1
            bold = bold or k == 2
            start, end = start + k, end - k
            continue
        return start, end, bold


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its marker, indent and trimmed body."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.lstrip(" \t")
        indent = len(raw[: len(raw) - len(stripped)].expandtabs(4))
        at = start + len(raw) - len(stripped)
        atx = ATX.match(stripped)
        level = len(atx.group(1)) if atx else 0
        if atx:
            at += atx.end()
        kind = ""
        m = MARKER.match(text, at, end) if not atx else None
        if m and m.end() < end:
            kind = m.lastgroup or ""
            at = m.end()
        b0, b1, bold = _trim(text, at, end)
        out.append(Line(i, start, end, indent, kind, level, b0, b1, bold))
    return _lone_bullets(text, out)


def _lone_bullets(text: str, lines: list[Line]) -> list[Line]:
    """A bullet alone on its line opens the next line's item: that line is the bullet's item (at the
    bullet's indent), the bullet's own line blank. Under a marked item (``1. ... by:`` over lone bullets)
    the lines stay that item's continuation, as they read before."""
    item = -1  # the indent of the marked line whose continuation lines follow, -1 when none
    for k, ln in enumerate(lines[:-1]):
        if ln.blank:
            continue
        nxt = lines[k + 1]
        if ln.marker:
            item = ln.indent
        elif ln.indent <= item:
            item = -1
        if ln.marker or item >= 0 or not LONE_BULLET.fullmatch(text, ln.body_start, ln.body_end) \
                or nxt.blank or nxt.marker or nxt.atx or nxt.indent <= ln.indent:
            continue
        lines[k] = replace(ln, body_start=ln.body_end)
        lines[k + 1] = replace(nxt, indent=ln.indent, marker="bullet")
    return lines


def front_matter_end(lines: list[Line], text: str) -> int:
    """The index of the line after a YAML front matter block (``---`` ... ``---``), or 0."""
    if not lines or text[lines[0].start : lines[0].end].strip() != "---":
        return 0
    for ln in lines[1:60]:
        if text[ln.start : ln.end].strip() in ("---", "..."):
            return ln.index + 1
    return 0
