"""PDF with a text layer: reading order, tables, no page headers or footers.

PDFium (pypdfium2) gives each page's characters and drawn lines (``glyphs``);
``layout.text_lines`` groups the characters into lines, pdfplumber's table
finder finds ruled tables among the lines, and ``layout.compose`` turns lines
and table rows into paragraphs. A PDF with no text layer is a scan: it is read
with Tesseract OCR when ``tesseract`` is installed (see ``ocr``), and refused
with a message saying so when not.
"""

from __future__ import annotations

import bisect
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from orgkg.errors import InputError
from orgkg.read import ocr
from orgkg.read.base import Reader, ReadText
from orgkg.read.layout import Glyph, Line, compose, text_lines

if TYPE_CHECKING:  # PDFium is loaded when a PDF is read (a build of text documents never loads it)
    from orgkg.read.pdfpage import Drawn

#: What one compressed stream, and all of them, may expand to; past it the file is a decompression bomb.
MAX_STREAM = 256 * 1024**2
MAX_TOTAL = 1024**3
_STREAM = re.compile(rb"stream\r?\n")


def _check(path: Path, data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise InputError(str(path), "not a PDF: it does not start with %PDF-")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(str(path), "truncated PDF: no %%EOF marker at the end",
                         "copy or download the file again")
    total = 0
    for start in _streams(data):
        size = _inflated(data, start, MAX_STREAM + 1)
        total += size
        if size > MAX_STREAM or total > MAX_TOTAL:
            what = "a compressed stream expands" if size > MAX_STREAM else "its compressed streams expand"
            raise InputError(str(path), f"PDF decompression bomb: {what} to more than "
                             f"{(MAX_STREAM if size > MAX_STREAM else MAX_TOTAL) // 1024**2} MiB",
                             "a hostile or broken file; orgkg does not read it")


def _streams(data: bytes) -> Iterator[int]:
    """Where each stream's data starts: after ``stream`` and its end of line, not ``endstream``'s.
    (The word is searched alone: a lookbehind in the pattern for ``end`` made ``re`` try it at
    every byte, 20 times slower.)"""
    for found in _STREAM.finditer(data):
        if data[max(0, found.start() - 3):found.start()] != b"end":
            yield found.end()


def _inflated(data: bytes, start: int, cap: int) -> int:
    """How many bytes the Flate stream at ``start`` inflates to, counted up to ``cap`` (0 if not Flate)."""
    inflate, size, pos, view = zlib.decompressobj(), 0, start, memoryview(data)  # slices not copied
    try:
        while pos < len(data) and not inflate.eof and size < cap:
            size += len(inflate.decompress(view[pos:pos + 65536], 1 << 20))
            pos += 65536
            while inflate.unconsumed_tail and not inflate.eof and size < cap:
                size += len(inflate.decompress(inflate.unconsumed_tail, 1 << 20))
    except zlib.error:
        pass
    return size


Box = tuple[float, float, float, float]


def _first_word(text: str, chars: tuple[Glyph, ...]) -> float:
    """How wide the line's first word is (a ``TextLine``'s glyphs are its words' letters, no spaces)."""
    words = text.split(maxsplit=1)
    drawn = chars[: len(words[0])] if words else ()
    return drawn[-1].x1 - drawn[0].x0 if drawn else 0.0


#: How far right of a character its second impression may fall, as a share of the font size: a
#: bold faked by drawing each glyph twice shifts it a point or so; the narrowest real neighbour
#: (``i``, ``l``, ``.``) is over a fifth of the size away.
OVERPRINT = 0.15


def _once(chars: list[Glyph]) -> list[Glyph]:
    """The characters without the second impressions of glyphs drawn twice a hair apart (a
    browser's or printer's fake bold), which would otherwise read as doubled letters:
    ``AAbboouutt`` for ``About``."""
    kept: list[Glyph] = []
    prev: Glyph | None = None
    for char in chars:
        if (prev is not None and char.text == prev.text and not char.text.isspace()
                and char.size == prev.size
                and abs(char.top - prev.top) <= OVERPRINT * char.size
                and abs(char.x0 - prev.x0) <= OVERPRINT * char.size):
            continue
        kept.append(char)
        prev = char
    return kept


class _Placed:
    """A page's characters with their centres, by the height of their middle."""

    def __init__(self, chars: list[Glyph]) -> None:
        middles = [(c.top + c.bottom) / 2 for c in chars]
        order = sorted(range(len(chars)), key=middles.__getitem__)
        self.middles = [middles[i] for i in order]
        self.placed = [((chars[i].x0 + chars[i].x1) / 2, middles[i], chars[i]) for i in order]

    def in_cell(self, box: Box) -> list[tuple[float, float, Glyph]]:
        """The characters pdfplumber's test puts in a table cell: their centre in it, its right
        and bottom edges out."""
        top, bottom = box[1], box[3]
        return _placed_within(self.placed[bisect.bisect_left(self.middles, top):
                                          bisect.bisect_left(self.middles, bottom)], box)

    def in_box(self, box: Box) -> list[Glyph]:
        """The characters whose centre is in the box, its edges in."""
        x0, top, x1, bottom = box
        band = self.placed[bisect.bisect_left(self.middles, top):bisect.bisect_right(self.middles, bottom)]
        return [c for x, y, c in band if x0 <= x <= x1 and top <= y <= bottom]


def _rows(chars: list[Glyph], page: Drawn) -> tuple[list[tuple[Box, list[str]]], _Placed | None]:
    """The ruled tables' rows with two cells of text or more, and their cells' text (pdfplumber's
    table finder over the drawn lines; a cell holds the characters whose centre falls in it); and
    the characters placed, when a row has two cells or more (a row of one cell, a frame, has no
    two cells of text)."""
    if not page.edges:
        return [], None
    from pdfplumber.table import TableFinder

    rows = []
    placed: _Placed | None = None
    for table in TableFinder(cast(Any, page)).tables:  # it reads the page's edges
        for row in table.rows:
            if sum(1 for cell in row.cells if cell) < 2:
                continue
            placed = placed or _Placed(chars)
            inside = placed.in_cell(row.bbox)
            cells = [[c for *_, c in _placed_within(inside, cell)] if cell else [] for cell in row.cells]
            if sum(1 for cell in cells if any(not c.text.isspace() for c in cell)) >= 2:
                rows.append((row.bbox, [" ".join(" ".join(ln.text for ln in text_lines(cell)).split())
                                        for cell in cells]))
    return rows, placed


def _placed_within(placed: list[tuple[float, float, Glyph]], box: Box) -> list[tuple[float, float, Glyph]]:
    """The characters (with their centres) that pdfplumber's test puts in a table cell: their
    centre in it, its right and bottom edges out."""
    x0, top, x1, bottom = box
    return [p for p in placed if x0 <= p[0] < x1 and top <= p[1] < bottom]


def page_lines(number: int, page: Drawn) -> list[Line]:
    """A page's text lines and table rows, top to bottom.

    A ruled row with text in one cell only is a frame drawn around the text (a web page's box, a
    form's band), not a row of a table: its text is read as lines, so its lists and paragraphs
    keep their line breaks; a row with two cells or more is a table row, its cells joined by tabs.
    """
    chars = _once(page.chars)
    rows, placed = _rows(chars, page)
    if rows and placed is not None:
        inside = {id(c) for box, _ in rows for c in placed.in_box(box)}
        body = [c for c in chars if id(c) not in inside]
    else:
        body = chars
    lines = []
    for ln in text_lines(body):
        if ln.text.strip():
            x0, top, x1, bottom = ln.box
            lines.append(Line(number, x0, x1, top, bottom, ln.text, _first_word(ln.text, ln.glyphs),
                              page_width=page.width))
    for (x0, top, x1, bottom), cells in rows:
        lines.append(Line(number, x0, x1, top, bottom, "\t".join(cells), table_row=True,
                          page_width=page.width))
    return sorted(lines, key=lambda ln: (ln.top, ln.x0))


def _open(path: Path, data: bytes) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as fpdf

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == fpdf.FPDF_ERR_PASSWORD:
            raise InputError(str(path), "password-protected PDF",
                             "save an unprotected copy and build again") from None
        raise InputError(str(path), f"damaged PDF: {err}") from None


class PdfReader(Reader):
    """PDF text by lines, page by page, running headers dropped; scans through OCR (in the worker)."""

    isolated = True  # PDFium and OCR run in the worker, under its limits
    libraries = ("pypdfium2", "pdfplumber.table")
    suffixes = (".pdf",)
    media_type = "application/pdf"

    def read(self, path: Path, data: bytes) -> ReadText:
        import pdfplumber
        import pypdfium2 as pdfium

        from orgkg.read.pdfpage import drawn

        _check(path, data)
        pdf = _open(path, data)
        try:
            if pdf.get_formtype() == pdfium.raw.FORMTYPE_ACRO_FORM:
                pdf.init_forms()  # before any page is loaded: its fields' answers are read with it
            pages = []
            for i in range(len(pdf)):
                page = pdf[i]
                try:
                    pages.append(page_lines(i, drawn(page)))
                finally:
                    page.close()
            if not any(pages):
                return ocr.read_scanned(path, pdf)
        except pdfium.PdfiumError as err:
            raise InputError(str(path), f"damaged PDF: {err}") from None
        finally:
            pdf.close()
        text, starts = compose(pages)
        return ReadText(text, None, f"orgkg.read.pdf (pypdfium2 {pdfium.version.PYPDFIUM_INFO}, "
                                    f"pdfplumber {pdfplumber.__version__})", starts)
