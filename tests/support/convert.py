"""Write a text document as a Word file and as a PDF, the way people's files look.

Used by the test set-up to turn the five samples into DOCX and PDF. A run of
tab-separated lines becomes a table, ``•`` lines become a real bulleted list
(DOCX), each page gets a running header and a "Page N of M" footer (PDF, DOCX),
and long lines wrap as a word processor wraps them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BULLET = re.compile(r"^\s*•\s+")


def blocks(text: str) -> Iterator[tuple[str, list[str]]]:
    """``("table", rows)``, ``("bullet", [level, text])`` or ``("para", [line])`` in order.

    A bullet's level is the rank of its indent among the document's bullet indents.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    indents = sorted({len(ln) - len(ln.lstrip()) for ln in lines if BULLET.match(ln)})
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            yield "table", lines[i:j]
            i = j
            continue
        if BULLET.match(lines[i]):
            level = indents.index(len(lines[i]) - len(lines[i].lstrip()))
            yield "bullet", [str(min(level, 2)), BULLET.sub("", lines[i])]
        else:
            yield "para", [lines[i]]
        i += 1


def to_docx(text: str, title: str) -> bytes:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = f"{title} — confidential"
    d.sections[0].footer.paragraphs[0].text = "Job description archive"
    for kind, rows in blocks(text):
        if kind == "table":
            cells = [r.split("\t") for r in rows]
            table = d.add_table(rows=len(cells), cols=max(len(c) for c in cells))
            for r, row in enumerate(cells):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif kind == "bullet":
            level = int(rows[0])
            d.add_paragraph(rows[1], style="List Bullet" + (f" {level + 1}" if level else ""))
        else:
            d.add_paragraph(rows[0])
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(text: str, title: str) -> bytes:
    from fpdf import FPDF

    class Page(FPDF):
        def header(self) -> None:
            self.set_font("body", size=8)
            self.cell(0, 5, f"{title} — confidential", align="R")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Page(format="A4")
    pdf.add_font("body", fname=str(FONT))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("body", size=10)
    for kind, rows in blocks(text):
        if kind == "table":
            cells = [r.split("\t") for r in rows]
            width = max(len(c) for c in cells)
            with pdf.table(first_row_as_headings=False, line_height=5) as table:
                for row in cells:
                    r = table.row()
                    for value in row + [""] * (width - len(row)):
                        r.cell(value)
        elif kind == "bullet":
            pdf.set_x(pdf.l_margin + 6 * int(rows[0]))
            pdf.multi_cell(0, 5, "• " + rows[1], new_x="LMARGIN", new_y="NEXT")
        elif rows[0].strip():
            pdf.multi_cell(0, 5, rows[0], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(5)
    return bytes(pdf.output())
