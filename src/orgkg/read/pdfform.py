"""The answers typed into a fillable PDF form, as characters where a viewer shows them.

A fillable form (AcroForm) keeps what was typed in its fields' values, not in the page's text: a
text field's or a list's value is read from its widget (PDFium's form environment) and written as
characters inside the field's box, so ``layout`` reads it in its place among the printed text; a
check box or radio button is ``☒`` when checked, ``☐`` when not. A one-line answer takes the line
of the label printed beside it (the nearest characters left or right of the box whose middle falls
within its height), so the two read as ``Label: value`` or ``☒ Label``; a multi-line answer's
lines run from the box's top down, wrapped at its width. Each character is given half its size in
width: only the order of the words and the gaps between them matter to ``layout``. Hidden fields
and passwords are left out.
"""

from __future__ import annotations

import bisect
import ctypes
import statistics
import textwrap
from collections.abc import Callable
from typing import Any, NamedTuple

import pypdfium2.raw as fpdf

from orgkg.read.layout import Glyph

Point = Callable[[float, float], tuple[float, float]]
#: The fields whose value is text a person typed or chose.
_TEXT_FIELDS = (fpdf.FPDF_FORMFIELD_TEXTFIELD, fpdf.FPDF_FORMFIELD_COMBOBOX, fpdf.FPDF_FORMFIELD_LISTBOX)
#: Check boxes and radio buttons, and how a checked and an unchecked one read.
_BOXES = (fpdf.FPDF_FORMFIELD_CHECKBOX, fpdf.FPDF_FORMFIELD_RADIOBUTTON)
_CHECKED, _UNCHECKED = "\u2612", "\u2610"
#: How far inside its box a field's text starts (points), and a character's width for its size.
_INSET = 2.0
_WIDTH = 0.5


class Field(NamedTuple):
    """A filled field: its value, and its box as shown (left, top, right, bottom from the top-left)."""

    value: str
    box: tuple[float, float, float, float]
    multiline: bool


class _Printed:
    """The page's printed characters (upright, no spaces) by the height of their middle, and their
    usual size."""

    def __init__(self, chars: list[Glyph]) -> None:
        upright = [g for g in chars if g.upright and g.text.strip()]
        self.glyphs = sorted(upright, key=_middle)
        self.middles = [_middle(g) for g in self.glyphs]
        self.size = statistics.median(g.size for g in upright) if upright else 10.0

    def level(self, box: tuple[float, float, float, float]) -> list[Glyph]:
        """The characters whose middle is within the box's height."""
        return self.glyphs[bisect.bisect_left(self.middles, box[1]):bisect.bisect_right(self.middles, box[3])]

    def label(self, box: tuple[float, float, float, float]) -> Glyph | None:
        """The character nearest the box on its height (a label left of a field, right of a check
        box): the line the field's answer is read on."""
        left, _, right, _ = box
        beside = [g for g in self.level(box) if g.x1 <= left + _INSET or g.x0 >= right - _INSET]
        return min(beside, key=lambda g: max(left - g.x1, g.x0 - right), default=None)

    def shows(self, field: Field) -> bool:
        """Whether the page prints the field's answer inside its box already (a form printed to PDF
        with its fields kept): added again, its characters would interleave with the printed ones."""
        left, _, right, _ = field.box
        inside = "".join(g.text for g in self.level(field.box) if left <= (g.x0 + g.x1) / 2 <= right)
        return "".join(field.value.split()) in inside


def _middle(glyph: Glyph) -> float:
    return (glyph.top + glyph.bottom) / 2


def answers(page: Any, point: Point, chars: list[Glyph]) -> list[Glyph]:
    """The characters of the page's filled fields (a ``pypdfium2.PdfPage`` loaded with its form)."""
    placed: list[Glyph] = []
    printed: _Printed | None = None
    for i in range(fpdf.FPDFPage_GetAnnotCount(page.raw)):
        annot = fpdf.FPDFPage_GetAnnot(page.raw, i)
        try:
            field = _field(page.formenv.raw, annot, point)
        finally:
            fpdf.FPDFPage_CloseAnnot(annot)
        if field is not None:
            printed = printed or _Printed(chars)
            if printed.shows(field):
                continue
            placed.extend(_multiline(field, printed) if field.multiline else _beside(field, printed))
    return placed


def _field(form: Any, annot: Any, point: Point) -> Field | None:
    if (fpdf.FPDFAnnot_GetSubtype(annot) != fpdf.FPDF_ANNOT_WIDGET
            or fpdf.FPDFAnnot_GetFlags(annot) & fpdf.FPDF_ANNOT_FLAG_HIDDEN):
        return None
    kind, flags = fpdf.FPDFAnnot_GetFormFieldType(form, annot), fpdf.FPDFAnnot_GetFormFieldFlags(form, annot)
    if kind in _BOXES:
        value = _CHECKED if fpdf.FPDFAnnot_IsChecked(form, annot) else _UNCHECKED
    elif kind in _TEXT_FIELDS and not flags & fpdf.FPDF_FORMFLAG_TEXT_PASSWORD:
        value = _value(form, annot)
    else:
        return None
    rect = fpdf.FS_RECTF()
    if not value.strip() or not fpdf.FPDFAnnot_GetRect(annot, rect):
        return None
    (x0, y0), (x1, y1) = point(rect.left, rect.top), point(rect.right, rect.bottom)
    box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return Field(value, box, kind == fpdf.FPDF_FORMFIELD_TEXTFIELD
                 and bool(flags & fpdf.FPDF_FORMFLAG_TEXT_MULTILINE))


def _value(form: Any, annot: Any) -> str:
    size = fpdf.FPDFAnnot_GetFormFieldValue(form, annot, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    fpdf.FPDFAnnot_GetFormFieldValue(form, annot, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", "surrogatepass")


def _typed(text: str, x: float, top: float, size: float) -> list[Glyph]:
    step = _WIDTH * size
    return [Glyph(char, x + k * step, x + (k + 1) * step, top, top + size, size)
            for k, char in enumerate(text)]


def _beside(field: Field, printed: _Printed) -> list[Glyph]:
    """A one-line answer on the line of its label (centred in its box when it has none)."""
    left, top, _, bottom = field.box
    text = " ".join(field.value.split())
    label = printed.label(field.box)
    if label is None:
        size = min(bottom - top, 12.0) * 0.8
        return _typed(text, left + _INSET, (top + bottom - size) / 2, size)
    glyphs = _typed(text, left + _INSET, label.top, label.size)
    return [g._replace(bottom=label.bottom) for g in glyphs]


def _multiline(field: Field, printed: _Printed) -> list[Glyph]:
    """A multi-line answer's lines from the box's top down, in the page's usual type size."""
    left, top, right, _ = field.box
    size = printed.size
    width = max(1, int((right - left - 2 * _INSET) / (_WIDTH * size)))
    lines = [wrapped for line in field.value.splitlines()
             for wrapped in (textwrap.wrap(line, width) or [""])]
    return [glyph for n, line in enumerate(lines)
            for glyph in _typed(line, left + _INSET, top + _INSET + 1.2 * size * n, size)]
