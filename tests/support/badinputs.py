"""Bad input files that are awkward to commit (binary, huge or special), made on demand.

``MAKERS`` maps a name used in ``tests/cases/bad-input/*/expected.json``
(``"make": NAME``) to a function writing that file at a given path.
"""

from __future__ import annotations

import io
import os
import zipfile
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
    "fifo": _fifo,
}
