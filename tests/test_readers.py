"""Readers: every format and encoding hands the loaders the same normalised text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from orgkg.errors import InputError
from orgkg.extract import extract
from orgkg.read import Worker, read
from orgkg.read.docx import DocxReader
from orgkg.read.pdf import PdfReader
from tests.support.badinputs import SAMPLE_TEXT, scanned_pdf
from tests.support.officeforms import MAKERS as FORMS
from tests.support.project import project

#: ``tests/cases/read/<case>/expected.json``: a Word file or PDF built the way employers' forms are
#: (``make``: a maker in ``tests.support.officeforms``), every line of the text it shows, and the
#: record fields those lines give.
READ_CASES = sorted(Path(__file__).parent.joinpath("cases", "read").glob("*/expected.json"))

FRENCH = "Poste : gestionnaire des données\nRôle : élaborer les stratégies, coûts à l'égard des activités\n"
QUOTES = "Duties – “fused” business • 25% of time\n"


@pytest.mark.parametrize(("encoding", "label"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("latin-1", "iso-8859-1"), ("cp1252", "iso-8859-1"),
])
def test_text_encodings_are_detected(encoding: str, label: str, tmp_path: Path) -> None:
    path = tmp_path / "job.txt"
    path.write_bytes((FRENCH * 5).encode(encoding))
    doc = read(path)
    assert doc.text == FRENCH * 5
    assert doc.encoding == label


def test_windows_1252_punctuation_is_told_from_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "job.txt"
    path.write_bytes((QUOTES + FRENCH).encode("cp1252") * 5)
    doc = read(path)
    assert doc.text == (QUOTES + FRENCH) * 5 and doc.encoding == "windows-1252"


def test_a_scraped_page_s_character_references_are_their_characters(tmp_path: Path) -> None:
    path = tmp_path / "job.txt"
    path.write_text("Title: Clerk &amp; Recorder Specialist-WV Secretary of State&#39;s Office\n"
                    "Terms&notes &bogus; &#x2019;\n", encoding="utf-8")
    assert read(path).text == ("Title: Clerk & Recorder Specialist-WV Secretary of State's Office\n"
                               "Terms&notes &bogus; \u2019\n")


def test_html_reads_blocks_lists_and_tables(tmp_path: Path) -> None:
    page = ("<html><head><meta charset='windows-1252'><title>T</title><style>p{}</style>"
            "<script>alert(1)</script></head><body><h1>Job Title: Clerk</h1><p>Duties &amp; tasks:</p>"
            "<ul><li>Files records</li><li>Answers <b>enquiries</b></li></ul>"
            "<table><tr><td>Level</td><td>Range 18</td></tr></table></body></html>")
    path = tmp_path / "job.html"
    path.write_bytes(page.encode("cp1252"))
    doc = read(path)
    assert doc.text.split("\n\n") == ["Job Title: Clerk", "Duties & tasks:",
                                          "• Files records", "• Answers enquiries", "Level\tRange 18"]
    assert "alert" not in doc.text and doc.encoding == "windows-1252"


def test_rtf_reads_paragraphs_and_table_rows(tmp_path: Path) -> None:
    path = tmp_path / "job.rtf"
    path.write_bytes(rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}Job Title: Caf\'e9 Clerk\par "
                     rb"{\trowd\cellx1000\cellx2000 Level\cell Range 18\cell\row}Duties\par}")
    doc = read(path)
    assert doc.text.split("\n")[:3] == ["Job Title: Café Clerk", "Level\tRange 18", "Duties"]
    assert doc.encoding == "cp1252" and doc.media_type == "application/rtf"


def test_an_isolated_reader_runs_in_the_worker(tmp_path: Path) -> None:
    from tests.support.badinputs import MAKERS

    MAKERS["pdf"](tmp_path / "job.pdf")
    worker = Worker({"PdfReader": PdfReader})
    try:
        assert "Records Clerk" in read(tmp_path / "job.pdf", worker=worker).text
        assert worker.process is not None and worker.process.is_alive()
    finally:
        worker.close()


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="tesseract-ocr not installed (tools/system-deps.sh)")
def test_a_scanned_pdf_is_read_with_ocr(tmp_path: Path) -> None:
    scanned_pdf(tmp_path / "scan.pdf")
    doc = read(tmp_path / "scan.pdf")
    assert "Records Clerk" in doc.text and "JOB DUTIES" in doc.text
    assert doc.reader.startswith("orgkg.read.ocr (tesseract")


def test_a_scanned_pdf_without_ocr_says_it_needs_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned_pdf(tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on the search path
    with pytest.raises(InputError, match="scanned PDF without a text layer: it needs OCR"):
        read(tmp_path / "scan.pdf")


def test_a_bold_faked_by_drawing_each_glyph_twice_reads_once(tmp_path: Path) -> None:
    """Browsers print bold as each glyph drawn twice a point apart: read once, real doubles kept."""
    from tests.support.badinputs import raw_pdf

    twice = b"".join(b"BT /F1 12 Tf %.1f 700 Td (%s) Tj ET\n" % (72 + 8 * i + shift, char.encode())
                     for i, char in enumerate("Abbey") for shift in (0, 1))
    (tmp_path / "job.pdf").write_bytes(raw_pdf(twice + b"BT /F1 12 Tf 72 680 Td (Level: 11) Tj ET\n"))
    text = read(tmp_path / "job.pdf").text
    assert "Abbey" in text and "AA" not in text and "Level: 11" in text


def test_text_in_a_ruled_frame_keeps_its_lines_and_a_two_cell_row_stays_a_table_row(tmp_path: Path) -> None:
    """A box drawn around a list (a web page's frame) is no table: its items stay on their lines."""
    from tests.support.badinputs import raw_pdf

    items = [b"- Files records", b"- Answers enquiries", b"- Keeps the register"]
    text = b"BT /F1 11 Tf 80 726 Td (Duties) Tj ET\n" + b"".join(
        b"BT /F1 11 Tf 80 %d Td (%s) Tj ET\n" % (700 - 16 * i, item) for i, item in enumerate(items))
    frame = b"0.5 w 70 640 300 80 re S 70 720 300 20 re S\n"  # a heading's band over the list's box
    table = (b"70 560 150 20 re S 220 560 150 20 re S\n"
             b"BT /F1 11 Tf 76 566 Td (Level) Tj ET BT /F1 11 Tf 226 566 Td (Range 18) Tj ET\n")
    (tmp_path / "job.pdf").write_bytes(raw_pdf(frame + text + table))
    lines = [ln.strip() for ln in read(tmp_path / "job.pdf").text.split("\n") if ln.strip()]
    assert lines == ["Duties", *(item.decode() for item in items), "Level\tRange 18"]


def test_a_bullet_printed_without_its_glyph_starts_a_line() -> None:
    """``!"`` at a line's start is a bullet whose glyph was printed without its character map."""
    from orgkg.read.layout import Line, compose

    full = Line(0, 72, 540, 100, 112, "More specifically, you will be expected to perform the following",
                30.0, page_width=612)
    items = [Line(0, 72, 300, 114 + 14 * i, 126 + 14 * i, text, 40.0, page_width=612)
             for i, text in enumerate(['!"Coordinate the data system', '!"Manage the work plan'])]
    text, _ = compose([[full, *items]])
    assert text.split("\n")[1:] == ['!"Coordinate the data system', '!"Manage the work plan']


def test_the_sample_text_survives_a_pdf_round_trip(tmp_path: Path) -> None:
    from tests.support.convert import to_pdf

    (tmp_path / "job.pdf").write_bytes(to_pdf(SAMPLE_TEXT, "t"))
    assert read(tmp_path / "job.pdf").text.strip() == SAMPLE_TEXT.strip()


def test_a_hyphen_ending_a_line_is_kept(tmp_path: Path) -> None:
    """PDFium reports a hyphen at a line's end as a soft-hyphen mark: it is read as the hyphen printed."""
    from tests.support.badinputs import raw_pdf

    (tmp_path / "job.pdf").write_bytes(raw_pdf(b"BT /F1 11 Tf 72 700 Td (a new on-) Tj ET\n"
                                               b"BT /F1 11 Tf 72 686 Td (line search tool) Tj ET\n"))
    assert read(tmp_path / "job.pdf").text.split("\n")[:2] == ["a new on-", "line search tool"]


def test_words_set_apart_by_a_space_drawn_alone_or_by_kerning_read_apart(tmp_path: Path) -> None:
    """A space drawn on its own, or a word gap made by moving the pen (TJ), separates words even
    when the gap is narrower than three points."""
    from tests.support.badinputs import raw_pdf

    alone = b"".join(b"BT /F1 11 Tf %.1f 680 Td (%s) Tj ET\n" % (x, word)
                     for x, word in ((72, b"mission"), (108.5, b" "), (111.2, b"by")))
    kerned = b"BT /F1 11 Tf 72 700 Td [(Job) -300 (Title:) -250 (Clerk) 20 (s)] TJ ET\n"
    lines = read_lines(tmp_path, raw_pdf(kerned + alone))
    assert lines == ["Job Title: Clerks", "mission by"]


def test_a_landscape_page_reads_upright(tmp_path: Path) -> None:
    """A page turned a quarter (/Rotate 90) whose text is drawn turned back reads as it is shown."""
    from tests.support.badinputs import raw_pdf

    text = b"".join(b"BT /F1 11 Tf 0 1 -1 0 %d 72 Tm (%s) Tj ET\n" % (60 + 14 * i, line)
                    for i, line in enumerate((b"Working Title: Records Clerk", b"Ministry: Health")))
    pdf = raw_pdf(text).replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 612 792] /Rotate 90")
    assert read_lines(tmp_path, pdf) == ["Working Title: Records Clerk", "Ministry: Health"]


def read_lines(tmp_path: Path, pdf: bytes) -> list[str]:
    (tmp_path / "job.pdf").write_bytes(pdf)
    return [ln.strip() for ln in read(tmp_path / "job.pdf").text.split("\n") if ln.strip()]


@pytest.mark.parametrize("case", READ_CASES, ids=lambda p: p.parent.name)
def test_every_word_a_form_or_template_shows_is_read(case: Path, tmp_path: Path) -> None:
    expected: dict[str, Any] = json.loads(case.read_text(encoding="utf-8"))
    path = tmp_path / expected["name"]
    FORMS[expected["make"]](path)
    worker = Worker({"DocxReader": DocxReader, "PdfReader": PdfReader})
    try:
        text = read(path, worker=worker).text
    finally:
        worker.close()
    assert text.split("\n") == expected["text"]
    record = project(extract(text), path.name)
    assert {key: record[key] for key in expected["record"]} == expected["record"]
