"""Bad input files that are awkward to commit (binary, huge or special), made on demand.

``MAKERS`` maps a name used in ``tests/cases/bad-input/*/expected.json``
(``"make": NAME``) to a function writing that file at a given path.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from tests.support.convert import FONT, to_docx, to_pdf

SAMPLE_TEXT = """JOB DESCRIPTION

Working Title: Records Clerk
Ministry: Health

JOB DUTIES AND TASKS

1. Files records
2. Answers enquiries
"""


def _png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)


def _zip(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", SAMPLE_TEXT * 20)
    path.write_bytes(buf.getvalue())


def _nul_bytes(path: Path) -> None:
    path.write_bytes(SAMPLE_TEXT.encode() + b"\x00\x01\x02\x00\x00\x07" * 50 + SAMPLE_TEXT.encode())


def _undecodable(path: Path) -> None:
    path.write_bytes(bytes(range(128, 256)) * 20)


def _truncated_docx(path: Path) -> None:
    data = to_docx(SAMPLE_TEXT, "sample")
    path.write_bytes(data[: len(data) // 2])


def _docx_without_body(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    path.write_bytes(buf.getvalue())


def _old_office(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"\xff" * 512)


def _truncated_pdf(path: Path) -> None:
    data = to_pdf(SAMPLE_TEXT, "sample")
    path.write_bytes(data[: len(data) // 2])


def _password_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-pw", user_password="user-pw")
    pdf.add_page()
    pdf.add_font("body", fname=str(FONT))
    pdf.set_font("body", size=11)
    pdf.multi_cell(0, 6, SAMPLE_TEXT)
    path.write_bytes(bytes(pdf.output()))


def _pdf(path: Path) -> None:
    path.write_bytes(to_pdf(SAMPLE_TEXT, "sample"))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def scanned_pdf(path: Path, text: str = SAMPLE_TEXT) -> None:
    """A PDF holding only a picture of ``text``: what a scanner makes."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 2200), 255)
    font = ImageFont.truetype(str(FONT), 34)
    ImageDraw.Draw(image).multiline_text((120, 150), text, fill=0, font=font, spacing=18)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    pdf = FPDF(format="letter")
    pdf.add_page()
    pdf.image(buf, x=0, y=0, w=pdf.w, h=pdf.h)
    path.write_bytes(bytes(pdf.output()))


def raw_pdf(content: bytes, *, compress: bool = False, to_unicode: bytes | None = None) -> bytes:
    """A one-page PDF written by hand around a content stream (Helvetica as /F1; ``to_unicode``: the
    font's ToUnicode CMap)."""
    body = zlib.compress(content, 9) if compress else content
    head = b"<< /Length %d%s >>" % (len(body), b" /Filter /FlateDecode" if compress else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        head + b"\nstream\n" + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica%s >>" % (b"" if to_unicode is None else
                                                                       b" /ToUnicode 6 0 R"),
    ]
    if to_unicode is not None:
        objects.append(b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream")
    return pdf_of(objects)


def pdf_of(objects: list[bytes], version: bytes = b"1.4") -> bytes:
    """A PDF file of numbered ``objects`` (1 the catalogue), with its cross-reference table and trailer."""
    out, offsets = bytearray(b"%%PDF-%s\n" % version), []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _text_operators() -> bytes:
    return b"".join(b"BT /F1 11 Tf 72 %d Td (%s) Tj ET\n" % (740 - 14 * i, line.encode())
                    for i, line in enumerate(SAMPLE_TEXT.splitlines()) if line)


def _pdf_bomb(path: Path) -> None:
    """300 MiB of page content in a 300 KB file (Flate)."""
    squeeze = zlib.compressobj(9)
    block = b" " * (1 << 20)
    stream = b"".join(squeeze.compress(block) for _ in range(300)) + squeeze.flush()
    pdf = raw_pdf(b"")
    path.write_bytes(pdf.replace(b"<< /Length 0 >>\nstream\n\nendstream",
                                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                                 + stream + b"\nendstream"))


def _pdf_library_warning(path: Path) -> None:
    """A readable PDF whose content makes pdfminer log a warning (a gray level that is a name)."""
    path.write_bytes(raw_pdf(b"/P0 g\n/P0 G\n" + _text_operators()))


def _pdf_lone_surrogate(path: Path) -> None:
    """A readable PDF whose font's ToUnicode map gives the capital C a lone UTF-16 surrogate (D800, the
    title's ``Clerk``): PDFium hands that code on as the character, which no UTF-8 file can hold."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lone def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <43> <D800> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    path.write_bytes(raw_pdf(_text_operators(), to_unicode=cmap))


def _nul_late(path: Path) -> None:
    """Text with one NUL byte after the first 64 KiB."""
    path.write_bytes((SAMPLE_TEXT * 1000).encode()[:70_000] + b"\x00" + SAMPLE_TEXT.encode())


def _html_charset_undefined(path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in SAMPLE_TEXT.splitlines() if line)
    path.write_text(f'<html><head><meta charset="undefined"></head><body>{body}</body></html>',
                    encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


MAKERS: dict[str, Callable[[Path], None]] = {
    "png": _png,
    "zip": _zip,
    "nul-bytes": _nul_bytes,
    "undecodable": _undecodable,
    "truncated-docx": _truncated_docx,
    "docx-without-body": _docx_without_body,
    "old-office": _old_office,
    "truncated-pdf": _truncated_pdf,
    "password-pdf": _password_pdf,
    "pdf": _pdf,
    "pdf-lone-surrogate": _pdf_lone_surrogate,
    "fifo": _fifo,
    "pdf-bomb": _pdf_bomb,
    "pdf-library-warning": _pdf_library_warning,
    "nul-late": _nul_late,
    "html-charset-undefined": _html_charset_undefined,
    "empty": _empty,
}
