"""Word ``.docx``: every word the document shows, in reading order.

python-docx opens the package (parts, styles, list numbering); the body's XML is then walked in one
pass, so nothing Word shows is lost to the object model: content controls (``w:sdt``, around
blocks, rows, cells or runs; one still showing its placeholder is no answer and is left out),
tracked insertions (deleted text stays out), smart tags, simple fields, hyperlinks, text boxes
(read once, though Word stores each twice: ``mc:Choice`` and its ``mc:Fallback``), SmartArt
diagrams and tables inside table cells.

Headers, footers and comments are left out (they repeat on every page or are not the document's
text). A list item is written as it is seen: ``• text`` for bullets, ``1. text`` for numbered
items, indented two spaces per level. A table row is its cells' text joined by tabs, the way a
text export writes it; a table inside a cell follows its row, row by row. A text box or a diagram
follows the paragraph it is anchored in; a diagram is a box per line, an org chart's boxes below
their superior as indented bullets.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText
from orgkg.read.opc import without_missing_parts
from orgkg.read.smartart import DIAGRAM
from orgkg.read.smartart import lines as diagram_lines

#: Refuse archives whose parts would expand to more than this many bytes (zip bombs).
MAX_EXPANDED = 200 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P, R, TBL, TR, TC, SDT = (_W + name for name in ("p", "r", "tbl", "tr", "tc", "sdt"))
TEXT_BOX = _W + "txbxContent"
#: What wraps paragraphs, tables, rows or cells without being one: content controls, custom XML.
_WRAPPERS = frozenset(_W + name for name in ("sdt", "sdtContent", "customXml"))
#: What wraps runs inside a paragraph and shows their text (``w:del``, ``w:moveFrom`` do not).
_INLINE = _WRAPPERS | {_W + name for name in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple",
                                              "dir", "bdo")}
#: A run's characters that are no ``w:t``, as python-docx and Word's text export write them.
_CHARACTERS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_CHECKED, _UNCHECKED = "\u2612", "\u2610"
#: Where a text box or diagram is not shown: the fallback copy, deleted text, inside another box.
_HIDDEN = frozenset({_MC + "Fallback", _W + "del", _W + "moveFrom", TEXT_BOX})


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

    def __init__(self, part: Any) -> None:
        self.part = part
        self.formats: dict[tuple[str, str], str] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.styles: dict[str | None, str] = {}  # a style's name by its id (each look-up is an XPath)
        try:
            root = part.numbering_part.element
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

    def prefix(self, p: Any) -> str:
        """The list marker of a paragraph (python-docx's ``CT_P``), or ``""``."""
        ppr = p.pPr
        num = ppr.numPr if ppr is not None else None
        if num is None or num.numId is None:
            style = self._style(p.style)
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

    def _style(self, key: str | None) -> str:
        if key not in self.styles:
            from docx.enum.style import WD_STYLE_TYPE

            style = self.part.get_style(key, WD_STYLE_TYPE.PARAGRAPH)
            self.styles[key] = (style.name or "") if style is not None else ""
        return self.styles[key]

    def _count(self, list_id: str, level: int) -> str:
        for key in [k for k in self.counters if k[0] == list_id and k[1] > level]:
            del self.counters[key]
        n = self.counters[(list_id, level)] = self.counters.get((list_id, level), 0) + 1
        return f"{n}. "


def _within(container: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """The children of ``container`` with one of ``tags``, and those inside content controls."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS and not _placeholder(child):
            yield from _within(child, tags)


def _cells(row: Any, shown: bool = True) -> Iterator[tuple[Any, bool]]:
    """A table row's cells, those inside content controls too, each with whether it shows an
    answer (not one inside a control still showing its placeholder: that cell is there, empty)."""
    for child in row:
        if child.tag == TC:
            yield child, shown
        elif child.tag in _WRAPPERS:
            yield from _cells(child, shown and not _placeholder(child))


def _run(run: Any) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag == _W + "br":  # a page or column break is no character
            out.append("\n" if child.get(_W + "type", "textWrapping") == "textWrapping" else "")
        elif tag in _CHARACTERS:
            out.append(_CHARACTERS[tag])
        elif tag == _W + "fldChar":
            out.append(_form_field(child))
    return "".join(out)


def _form_field(start: Any) -> str:
    """What a legacy form field shows that is no run of text: a check box's ``☒`` or ``☐``, a drop-down's
    chosen entry (a text field's answer is its result runs)."""
    data = start.find(_W + "ffData")
    box = data.find(_W + "checkBox") if data is not None else None
    if box is not None:
        state = _first(box, "checked", "default")
        checked = state is not None and state.get(_W + "val", "1") in ("1", "true", "on")
        return _CHECKED if checked else _UNCHECKED
    choices = data.find(_W + "ddList") if data is not None else None
    if choices is None:
        return ""
    entries = [entry.get(_W + "val", "") for entry in choices.iter(_W + "listEntry")]
    chosen = _first(choices, "result", "default")
    return entries[_number(chosen)] if _number(chosen) < len(entries) else ""


def _text(element: Any) -> str:
    """A paragraph's text: its runs, and those inside the inline wrappers that show them."""
    return "".join(_run(child) if child.tag == R else
                   _text(child) if child.tag in _INLINE and not _placeholder(child) else ""
                   for child in element)


def _placeholder(element: Any) -> bool:
    """Whether a content control shows its placeholder ("Click or tap here to enter text."): no answer."""
    return element.tag == SDT and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


class _Body:
    """One document's walk: its list numbering and its diagrams' parts."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.numbering = _Numbering(part)
        self.drawn = next(part.element.iter(TEXT_BOX, DIAGRAM), None) is not None

    def lines(self, container: Any) -> Iterator[str]:
        """The lines of a body, text box or content control: paragraphs, then what they anchor."""
        for block in _within(container, (P, TBL)):
            if block.tag == TBL:
                yield from self.table(block)
                continue
            yield self.numbering.prefix(block) + _text(block)
            if self.drawn:
                yield from self.anchored(block)

    def anchored(self, paragraph: Any) -> Iterator[str]:
        """The lines of the text boxes and diagrams a paragraph shows, each once."""
        for found in paragraph.iter(TEXT_BOX, DIAGRAM):
            if _hidden(found, paragraph):
                continue
            if found.tag == TEXT_BOX:
                yield from self.lines(found)
            else:
                yield from self.diagram(found.get(_REL + "dm"))

    def table(self, table: Any) -> Iterator[str]:
        """Each row's cells joined by tabs (a merged cell once, a vertically merged one on each of
        its rows, as python-docx gives them); the rows of a table inside a cell after its row; a row
        deleted with changes tracked left out."""
        above: dict[int, str] = {}
        for row in _within(table, (TR,)):
            if row.find(f"{_W}trPr/{_W}del") is not None:  # deleted with changes tracked: not shown
                continue
            cells: list[str] = []
            inner: list[str] = []
            here: dict[int, str] = {}
            offset = _number(row.find(f"{_W}trPr/{_W}gridBefore"))
            for cell, shown in _cells(row):
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and merge.get(_W + "val", "continue") == "continue":
                    text = above.get(offset, "")
                else:
                    text = self.cell(cell, inner) if shown else ""
                here[offset] = text
                cells.append(text)
                offset += _number(cell.find(f"{_W}tcPr/{_W}gridSpan")) or 1
            above = here
            yield "\t".join(cells)
            yield from inner

    def cell(self, cell: Any, inner: list[str]) -> str:
        """A cell's paragraphs joined by spaces (with their text boxes); its tables' rows to ``inner``."""
        texts = []
        for block in _within(cell, (P, TBL)):
            if block.tag == TBL:
                inner.extend(self.table(block))
                continue
            texts.append(_text(block).strip())
            if self.drawn:
                texts.extend(line.strip() for line in self.anchored(block))
        return " ".join(text for text in texts if text)

    def diagram(self, rel: str | None) -> list[str]:
        part = self.part.related_parts.get(rel) if rel else None
        return diagram_lines(part.blob) if part is not None else []


def _hidden(found: Any, paragraph: Any) -> bool:
    """Whether a text box or diagram is a fallback copy, deleted, or inside another text box."""
    parent = found.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _HIDDEN:
            return True
        parent = parent.getparent()
    return False


def _first(element: Any, *names: str) -> Any:
    """The first of ``names`` that is a child of ``element`` (in the order of ``names``), or None."""
    return next((child for name in names if (child := element.find(_W + name)) is not None), None)


def _number(element: Any) -> int:
    value = element.get(_W + "val", "") if element is not None else ""
    return int(value) if value.isdecimal() else 0


class DocxReader(Reader):
    """Word documents: every paragraph, table row, text box and diagram in reading order, list
    numbering kept (in the worker)."""

    suffixes = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    isolated = True
    libraries = ("docx",)

    def read(self, path: Path, data: bytes) -> ReadText:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        _check_archive(path, data)
        try:
            try:
                document = docx.Document(io.BytesIO(data))
            except KeyError:  # a relationship names a part the archive does not hold
                document = docx.Document(io.BytesIO(without_missing_parts(data)))
        except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as err:
            raise InputError(str(path), f"damaged DOCX: {err}", "save it again from Word") from None
        body = document.element.body
        lines = list(_Body(document.part).lines(body)) if body is not None else []
        version = getattr(docx, "__version__", "?")
        return ReadText("\n".join(lines), None, f"orgkg.read.docx (python-docx {version})")
