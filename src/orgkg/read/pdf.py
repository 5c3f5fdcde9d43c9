"""PDF with a text layer: reading order, tables, no page headers or footers.

pdfplumber (on pdfminer.six) gives each page's lines and ruled tables with
their positions; ``layout.compose`` turns them into paragraphs. A PDF with
no text layer is a scan: it is read with Tesseract OCR when ``tesseract`` is
installed (see ``ocr``), and refused with a message saying so when not.
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path
from typing import Any

from orgkg.errors import InputError
from orgkg.read import ocr
from orgkg.read.base import Reader, ReadText
from orgkg.read.layout import Line, compose

#: What one compressed stream, and all of them, may expand to; past it the file is a decompression bomb.
MAX_STREAM = 256 * 1024**2
MAX_TOTAL = 1024**3
_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def _check(path: Path, data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise InputError(str(path), "not a PDF: it does not start with %PDF-")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(str(path), "truncated PDF: no %%EOF marker at the end",
                         "copy or download the file again")
    total = 0
    for stream in _STREAM.finditer(data):
        size = _inflated(data, stream.end(), MAX_STREAM + 1)
        total += size
        if size > MAX_STREAM or total > MAX_TOTAL:
            what = "a compressed stream expands" if size > MAX_STREAM else "its compressed streams expand"
            raise InputError(str(path), f"PDF decompression bomb: {what} to more than "
                             f"{(MAX_STREAM if size > MAX_STREAM else MAX_TOTAL) // 1024**2} MiB",
                             "a hostile or broken file; orgkg does not read it")


def _inflated(data: bytes, start: int, cap: int) -> int:
    """How many bytes the Flate stream at ``start`` inflates to, counted up to ``cap`` (0 if not Flate)."""
    inflate, size, pos = zlib.decompressobj(), 0, start
    try:
        while pos < len(data) and not inflate.eof and size < cap:
            size += len(inflate.decompress(data[pos:pos + 65536], 1 << 20))
            pos += 65536
            while inflate.unconsumed_tail and not inflate.eof and size < cap:
                size += len(inflate.decompress(inflate.unconsumed_tail, 1 << 20))
    except zlib.error:
        pass
    return size


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _first_word(text: str, chars: list[dict[str, Any]]) -> float:
    """How wide the line's first word is (its characters, whether or not spaces are glyphs)."""
    word = text.split()[0] if text.split() else ""
    glyphs = [c for c in chars if not c["text"].isspace()][: len(word)]
    return float(glyphs[-1]["x1"] - glyphs[0]["x0"]) if glyphs else 0.0


#: How far right of a character its second impression may fall, as a share of the font size: a
#: bold faked by drawing each glyph twice shifts it a point or so; the narrowest real neighbour
#: (``i``, ``l``, ``.``) is over a fifth of the size away.
OVERPRINT = 0.15


def _overprinted(chars: list[dict[str, Any]]) -> set[int]:
    """The second impressions of glyphs drawn twice a hair apart (a browser's or printer's fake
    bold), which would otherwise read as doubled letters: ``AAbboouutt`` for ``About``."""
    drop: set[int] = set()
    prev: dict[str, Any] | None = None
    for char in chars:
        if (prev is not None and char["text"] == prev["text"] and not char["text"].isspace()
                and char["size"] == prev["size"]
                and abs(char["top"] - prev["top"]) <= OVERPRINT * char["size"]
                and abs(char["x0"] - prev["x0"]) <= OVERPRINT * char["size"]):
            drop.add(id(char))
            continue
        prev = char
    return drop


def page_lines(number: int, page: Any) -> list[Line]:
    """A page's text lines and table rows, top to bottom.

    A ruled row with text in one cell only is a frame drawn around the text (a web page's box, a
    form's band), not a row of a table: its text is read as lines, so its lists and paragraphs
    keep their line breaks; a row with two cells or more is a table row, its cells joined by tabs.
    """
    drop = _overprinted(page.chars)
    if drop:
        page = page.filter(lambda obj: id(obj) not in drop)
    rows = [(row, cells) for table in page.find_tables()
            for row, cells in zip(table.rows, table.extract(), strict=False)
            if sum(1 for cell in cells if cell and cell.strip()) >= 2]
    boxes = [row.bbox for row, _ in rows]
    body = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = [Line(number, ln["x0"], ln["x1"], ln["top"], ln["bottom"], ln["text"],
                  _first_word(ln["text"], ln["chars"]), page_width=page.width)
             for ln in body.extract_text_lines(return_chars=True) if ln["text"].strip()]
    for row, cells in rows:
        text = "\t".join(" ".join((c or "").split()) for c in cells)
        x0, top, x1, bottom = row.bbox
        lines.append(Line(number, x0, x1, top, bottom, text, table_row=True, page_width=page.width))
    return sorted(lines, key=lambda ln: (ln.top, ln.x0))


def _open(path: Path, data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as err:
        if isinstance(err.args[0] if err.args else None, PDFPasswordIncorrect):
            raise InputError(str(path), "password-protected PDF",
                             "save an unprotected copy and build again") from None
        raise InputError(str(path), f"damaged PDF: {err.args[0] if err.args else err}") from None


class PdfReader(Reader):
    """PDF text by lines, page by page, running headers dropped; scans through OCR (in the worker)."""

    isolated = True  # pdfplumber and OCR run in the worker, under its limits
    libraries = ("pdfplumber",)
    suffixes = (".pdf",)
    media_type = "application/pdf"

    def read(self, path: Path, data: bytes) -> ReadText:
        import pdfplumber

        _check(path, data)
        with _open(path, data) as pdf:
            try:
                pages = [page_lines(i, page) for i, page in enumerate(pdf.pages)]
            except Exception as err:  # pdfminer raises many kinds on damaged content streams
                raise InputError(str(path), f"damaged PDF: {type(err).__name__}: {err}") from None
            if not any(pages):
                return ocr.read_scanned(path, pdf)
        text, starts = compose(pages)
        return ReadText(text, None, f"orgkg.read.pdf (pdfplumber {pdfplumber.__version__})", starts)
