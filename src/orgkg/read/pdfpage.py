"""What PDFium (pypdfium2's low-level API) reads of a PDF page: its characters and drawn lines.

Positions are in points from the top-left corner of the page as it is shown (its ``/Rotate``
applied), measured as pdfminer measures them, so the layout rules keep their tolerances: a
character's box runs from where it starts to its advance, and from its font's descent below the
baseline to one font size above that (not the ink of the glyph). The line breaks PDFium infers
are left out (``layout`` finds lines); a space it infers is kept, as it stands for a space
character it dropped (one drawn on its own, or twice). A drawn line is an edge: each straight
horizontal or vertical step of a painted path, so a rectangle's four sides, in the form
pdfplumber's table finder reads. A fillable form's answers are added as characters where they
are shown (``pdfform``).
"""

from __future__ import annotations

import ctypes
import itertools
import re
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2.raw as fpdf

from orgkg.read.layout import Glyph
from orgkg.read.pdfform import answers

Edge = dict[str, Any]
#: The line breaks PDFium makes up.
_BREAKS = "\r\n"
#: PDFium's code for a hyphen ending a line.
_HYPHEN = "\x02"
#: An ``FS_RECTF``'s four floats: left, top, right, bottom.
_CORNERS = struct.Struct("4f")
#: A character UTF-16 does not write as one unit (or half of one).
_NOT_ONE_UNIT = re.compile(r"[\ud800-\udfff\U00010000-\U0010ffff]")


class _Display:
    """User space to the page as shown: x from its left edge, y (``top``) down from its top edge."""

    def __init__(self, page: Any) -> None:
        x0, y0, x1, y1 = page.get_mediabox()
        turn = page.get_rotation()
        self.height = x1 - x0 if turn in (90, 270) else y1 - y0
        self.width = y1 - y0 if turn in (90, 270) else x1 - x0
        # pdfminer's page matrix for each /Rotate (x' = a x + c y + e, y' = b x + d y + f)
        self.m = {90: (0.0, -1.0, 1.0, 0.0, -y0, x1), 180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
                  270: (0.0, 1.0, -1.0, 0.0, y1, -x0)}.get(turn, (1.0, 0.0, 0.0, 1.0, -x0, -y0))

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return a * x + c * y + e, self.height - (b * x + d * y + f)

    def turn(self, m: Any) -> tuple[float, float, float, float]:
        """A matrix's linear part (a, b, c, d) as shown."""
        a, b, c, d = self.m[:4]
        return m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d


@dataclass(frozen=True)
class Drawn:
    """A page's characters in the order they are drawn, its edges, and its width as shown."""

    chars: list[Glyph]
    edges: list[Edge]
    width: float


def drawn(page: Any) -> Drawn:
    """What is drawn on a page (a ``pypdfium2.PdfPage``), and the answers in its form's fields."""
    shown = _Display(page)
    text = fpdf.FPDFText_LoadPage(page.raw)
    try:
        chars = _glyphs(text, shown)
    finally:
        fpdf.FPDFText_ClosePage(text)
    if page.formenv:
        chars += answers(page, shown.point, chars)
    edges: list[Edge] = []
    for i in range(fpdf.FPDFPage_CountObjects(page.raw)):
        _collect(_OBJECT(page.raw, i), (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), shown, edges)
    return Drawn(chars, edges, shown.width)


class _Run(NamedTuple):
    """What the characters of a run (one font and size on one baseline) share: their top, bottom
    and size when upright; when not, how far across the baseline their box starts and ends."""

    top: float
    bottom: float
    size: float
    upright: bool
    across: tuple[float, float]


def _unchecked(function: Any, result: Any = ctypes.c_int) -> Any:
    """A PDFium function called with its arguments as given (handles, ints, pointers), without
    ctypes converting and checking each against the type pypdfium2 declares: for the calls made
    once per character, drawn object or path segment, where that check cost twice the call."""
    return ctypes.cast(function, ctypes.CFUNCTYPE(result))


_LOOSE_BOX = _unchecked(fpdf.FPDFText_GetLooseCharBox)
_OBJECT = _unchecked(fpdf.FPDFPage_GetObject, fpdf.FPDF_PAGEOBJECT)
_OBJECT_KIND = _unchecked(fpdf.FPDFPageObj_GetType)
_SEGMENT = _unchecked(fpdf.FPDFPath_GetPathSegment, fpdf.FPDF_PATHSEGMENT)
_SEGMENT_KIND = _unchecked(fpdf.FPDFPathSegment_GetType)
_SEGMENT_END = _unchecked(fpdf.FPDFPathSegment_GetPoint)
_SEGMENT_CLOSES = _unchecked(fpdf.FPDFPathSegment_GetClose)


def _glyphs(text: Any, shown: _Display) -> list[Glyph]:
    """The page's characters. (Run for every character of a PDF: its box read in one unpacking, an
    upright glyph made as the tuple it is, a run's figures kept in locals.)"""
    box, generated = _LOOSE_BOX, fpdf.FPDFText_IsGenerated
    rect, x, y = fpdf.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    at, corners = ctypes.byref(rect), _CORNERS.unpack_from
    a, _, c, _, e, _ = shown.m
    run = _Run(0.0, 0.0, 0.0, True, (0.0, 0.0))
    top, bottom, size, upright = run.top, run.bottom, run.size, run.upright
    low = high = 0.0  # the run's vertical extent
    found: list[Glyph] = []
    add, glyph = found.append, tuple.__new__
    for i, char in enumerate(_chars(text)):
        if char in _BREAKS and generated(text, i):
            continue
        box(text, i, at)
        r_left, r_top, r_right, r_bottom = corners(rect)
        # The characters of a run share their vertical extent; a space PDFium makes up has none
        # and takes its line's.
        if r_top != r_bottom and (r_bottom != low or r_top != high):
            low, high = r_bottom, r_top
            run = _run(text, i, shown)
            top, bottom, size, upright = run.top, run.bottom, run.size, run.upright
        if char == _HYPHEN:
            char = "-"
        if upright:
            left, right = a * r_left + c * r_top + e, a * r_right + c * r_bottom + e
            add(glyph(Glyph, (char, right if right < left else left, right if right > left else left,
                              top, bottom, size, True)))
            continue
        # sideways: across the baseline from the font's descent, along it the advance; its size the height
        fpdf.FPDFText_GetCharOrigin(text, i, x, y)
        start = shown.point(x.value, y.value)[0]
        y0, y1 = shown.point(r_left, r_top)[1], shown.point(r_right, r_bottom)[1]
        x0, x1 = sorted((start + run.across[0], start + run.across[1]))
        add(Glyph(char, x0, x1, min(y0, y1), max(y0, y1), abs(y1 - y0), upright=False))
    return found


def _chars(text: Any) -> Sequence[str]:
    """Each character as ``FPDFText_GetUnicode`` gives it, read in one call as UTF-16 (a call
    per character cost more than the rest of reading it). That call writes U+FFFE for a hyphen
    ending a line: such a character is asked for alone; a page whose text does not come back one
    code per character (surrogates) is read a character at a time."""
    count = fpdf.FPDFText_CountChars(text)
    buffer = ctypes.create_string_buffer(2 * count + 2)
    written = fpdf.FPDFText_GetText(text, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    said = buffer.raw[: 2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    one = fpdf.FPDFText_GetUnicode
    if len(said) != count or _NOT_ONE_UNIT.search(said):
        return [chr(one(text, i)) for i in range(count)]
    if "\ufffe" not in said:
        return said
    return [chr(one(text, i)) if char == "\ufffe" else char for i, char in enumerate(said)]


def _run(text: Any, i: int, shown: _Display) -> _Run:
    """The run of the text object drawing character ``i``, from that character's baseline and
    its font's descent; upright is pdfminer's test."""
    m, x, y, descent = fpdf.FS_MATRIX(), ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
    _MATRIX(text, i, ctypes.byref(m))
    _ORIGIN(text, i, ctypes.byref(x), ctypes.byref(y))
    font = _FONT(_TEXT_OBJECT(text, i))
    if not font or not _DESCENT(font, _ONE, ctypes.byref(descent)):
        descent.value = 0.0
    a, b, c, d = shown.turn(m)
    points = _FONT_SIZE(text, i)
    size = points * abs(d)
    _, baseline = shown.point(x.value, y.value)
    bottom = baseline - descent.value * size
    across = (c * points * descent.value, c * points * (descent.value + 1))
    return _Run(bottom - size, bottom, size, a * d > 0 and b * c <= 0, across)


_MATRIX, _ORIGIN = _unchecked(fpdf.FPDFText_GetMatrix), _unchecked(fpdf.FPDFText_GetCharOrigin)
_TEXT_OBJECT = _unchecked(fpdf.FPDFText_GetTextObject, fpdf.FPDF_PAGEOBJECT)
_FONT, _DESCENT = _unchecked(fpdf.FPDFTextObj_GetFont, fpdf.FPDF_FONT), _unchecked(fpdf.FPDFFont_GetDescent)
_FONT_SIZE = _unchecked(fpdf.FPDFText_GetFontSize, ctypes.c_double)
#: The font size a font's descent is asked for (it is read per point of size).
_ONE = ctypes.c_float(1.0)


_Matrix = tuple[float, float, float, float, float, float]


def _times(m: Any, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = outer
    return (m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d,
            m.e * a + m.f * c + e, m.e * b + m.f * d + f)


def _collect(obj: Any, outer: _Matrix, shown: _Display, found: list[Edge]) -> None:
    """The edges of a painted path, or of the paths of a form (their matrices applied)."""
    kind = _OBJECT_KIND(obj)
    if kind not in (fpdf.FPDF_PAGEOBJ_PATH, fpdf.FPDF_PAGEOBJ_FORM):
        return
    m = fpdf.FS_MATRIX()
    fpdf.FPDFPageObj_GetMatrix(obj, m)
    matrix = _times(m, outer)
    if kind == fpdf.FPDF_PAGEOBJ_FORM:
        for j in range(fpdf.FPDFFormObj_CountObjects(obj)):
            _collect(fpdf.FPDFFormObj_GetObject(obj, j), matrix, shown, found)
        return
    a, b, c, d, e, f = matrix
    for points in _subpaths(obj):
        ends = [shown.point(a * x + c * y + e, b * x + d * y + f) for x, y in points]
        found.extend(edge for p, q in itertools.pairwise(ends) if (edge := _edge(p, q)))


def _subpaths(path: Any) -> Iterator[list[tuple[float, float]]]:
    """Each subpath's points, as pdfminer lists them: where each segment ends (a curve's control
    points left out), and the start again where the subpath is closed."""
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    points: list[tuple[float, float]] = []
    bezier = 0
    for i in range(fpdf.FPDFPath_CountSegments(path)):
        segment = _SEGMENT(path, i)
        kind = _SEGMENT_KIND(segment)
        if kind == fpdf.FPDF_SEGMENT_MOVETO:
            if len(points) > 1:
                yield points
            points, bezier = [], 0
        if kind == fpdf.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue
        _SEGMENT_END(segment, at_x, at_y)
        points.append((x.value, y.value))
        if _SEGMENT_CLOSES(segment) and points:
            points.append(points[0])
    if len(points) > 1:
        yield points


def _edge(p: tuple[float, float], q: tuple[float, float]) -> Edge | None:
    if p[0] != q[0] and p[1] != q[1]:
        return None
    x0, x1, top, bottom = min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1])
    return {"object_type": "curve_edge", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": "v" if p[0] == q[0] else "h"}
