"""Word ``.docx``: body paragraphs, lists and tables in reading order.

Headers, footers and comments are left out (they repeat on every page or are
not the document's text). A list item is written as it is seen: ``• text``
for bullets, ``1. text`` for numbered items, indented two spaces per level.
A table row is its cells' text joined by tabs, the way a text export writes it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText

#: Refuse archives whose parts would expand to more than this many bytes (zip bombs).
MAX_EXPANDED = 200 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_archive(path: Path, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            expanded = sum(info.file_size for info in z.infolist())
    except zipfile.BadZipFile:
        raise InputError(str(path), "truncated or damaged DOCX: not a complete ZIP archive",
                         "save it again from Word") from None
    if "word/document.xml" not in names:
        raise InputError(str(path), "not a Word document: the archive has no word/document.xml")
    if expanded > MAX_EXPANDED:
        raise InputError(str(path), f"the DOCX would expand to {expanded} bytes (a zip bomb?)")


class _Numbering:
    """Turns list paragraphs into ``• `` or ``N. `` prefixes, counting per list and level."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.styles: dict[str | None, str] = {}  # a style's name by its id (each look-up is an XPath)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(_W + "abstractNumId"): a for a in root.iter(_W + "abstractNum")}
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            a = abstract.get(ref.get(_W + "val")) if ref is not None else None
            for lvl in a.iter(_W + "lvl") if a is not None else ():
                fmt = lvl.find(_W + "numFmt")
                key = (num.get(_W + "numId") or "", lvl.get(_W + "ilvl") or "0")
                self.formats[key] = fmt.get(_W + "val") if fmt is not None else "bullet"

    def prefix(self, paragraph: Any) -> str:
        ppr = paragraph._p.pPr
        num = ppr.numPr if ppr is not None else None
        if num is None or num.numId is None:
            style = self._style(paragraph)
            level = int(style[-1]) - 1 if style[-1:].isdigit() else 0
            if style.startswith("List Bullet"):
                return "  " * level + "• "
            if style.startswith("List Number"):
                return "  " * level + self._count(style, level)
            return ""
        num_id, level = str(num.numId.val), int(num.ilvl.val) if num.ilvl is not None else 0
        indent = "  " * level
        if self.formats.get((num_id, str(level)), "bullet") in ("bullet", "none"):
            return indent + "• "
        return indent + self._count(num_id, level)

    def _style(self, paragraph: Any) -> str:
        key = paragraph._p.style
        if key not in self.styles:
            self.styles[key] = (paragraph.style.name or "") if paragraph.style is not None else ""
        return self.styles[key]

    def _count(self, list_id: str, level: int) -> str:
        for key in [k for k in self.counters if k[0] == list_id and k[1] > level]:
            del self.counters[key]
        n = self.counters[(list_id, level)] = self.counters.get((list_id, level), 0) + 1
        return f"{n}. "


def _cell_text(cell: Any) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _rows(table: Any) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell is returned once per grid column it spans
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(_cell_text(cell))
        lines.append("\t".join(cells))
    return lines


class DocxReader(Reader):
    """Word documents: paragraphs and table rows in document order, list numbering kept (in the worker)."""

    suffixes = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    isolated = True
    libraries = ("docx",)

    def read(self, path: Path, data: bytes) -> ReadText:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table

        _check_archive(path, data)
        try:
            document = docx.Document(io.BytesIO(data))
        except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as err:
            raise InputError(str(path), f"damaged DOCX: {err}", "save it again from Word") from None
        numbering, lines = _Numbering(document), []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_rows(block))
            else:
                lines.append(numbering.prefix(block) + block.text)
        version = getattr(docx, "__version__", "?")
        return ReadText("\n".join(lines), None, f"orgkg.read.docx (python-docx {version})")
