"""Formats: the samples as Word files and PDFs give the same position records as the text.

The test set-up writes each sample as DOCX (python-docx: real lists and
tables, a page header) and as PDF (fpdf2: wrapped lines, tables, running
header and "Page N of M" footer), once per session.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

from orgkg.graph.store import trig_text
from orgkg.mapping.namespaces import ORGKG
from orgkg.read import read
from tests.conftest import SAMPLES, SHARED, run
from tests.support.convert import to_docx, to_pdf

WRITERS = {".docx": to_docx, ".pdf": to_pdf}


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Folders of the samples in each format, and each folder built."""
    folders = {".txt": SAMPLES}
    for suffix, write in WRITERS.items():
        folder = tmp_path_factory.mktemp(suffix[1:])
        for sample in sorted(SAMPLES.glob("*.txt")):
            data = write(sample.read_text(encoding="utf-8"), sample.stem)
            (folder / (sample.stem + suffix)).write_bytes(data)
        folders[suffix] = folder
    return folders


def records(folder: Path, out: Path) -> list[dict[str, Any]]:
    assert run("build", str(folder), "--out", str(out)).exit_code == 0
    result = run("positions", "--graph", str(out), "--format", "json")
    rows = json.loads(result.stdout)
    for row in rows:  # the same document in another format: compare all but the file name
        if row.get("source"):
            row["source"] = Path(row["source"]).stem
            del row["iri"]  # a post without a position number belongs to its document, named by its file
    return sorted(rows, key=lambda r: (r.get("source") or "", r.get("title") or ""))


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_converted_samples_give_the_same_position_records(
        suffix: str, converted: dict[str, Path], tmp_path: Path) -> None:
    assert records(converted[suffix], tmp_path / "other") == records(SAMPLES, tmp_path / "txt")


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="shared/eval not beside the repo")
@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_converted_samples_score_as_the_text(suffix: str, converted: dict[str, Path], tmp_path: Path) -> None:
    scores = {}
    for fmt in (".txt", suffix):
        rows = records(converted[fmt], tmp_path / fmt[1:])
        for row in rows:
            row["source"] = row["source"] and row["source"] + ".txt"
        pred = tmp_path / f"{fmt[1:]}.json"
        pred.write_text(json.dumps(rows), encoding="utf-8")
        done = subprocess.run([sys.executable, str(SHARED / "eval/score.py"), "--gold", str(SHARED / "gold"),
                               "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
        scores[fmt] = json.loads(done.stdout)
    assert scores[suffix] == scores[".txt"]


def test_the_document_records_format_and_reader(converted: dict[str, Path], tmp_path: Path) -> None:
    assert run("build", str(converted[".pdf"]), "--out", str(tmp_path)).exit_code == 0
    ds = Dataset()
    ds.parse(data=trig_text(tmp_path / "current"), format="trig")
    docs = {s: g for s, _, _, g in ds.quads((None, RDF.type, ORGKG.SourceDocument, None))}
    assert len(docs) == 5
    for doc, g in docs.items():
        graph = ds.graph(g)
        assert str(graph.value(doc, ORGKG.mediaType)) == "application/pdf"
        assert str(graph.value(doc, ORGKG.readerVersion)).startswith("orgkg.read.pdf (pypdfium2 ")


def test_pdf_pages_map_back_and_running_headers_are_gone(converted: dict[str, Path]) -> None:
    doc = read(converted[".pdf"] / "003_12d5e8fc9094d42c.pdf")
    assert len(doc.pages) >= 3 and doc.pages[0] == 0
    assert "— confidential" not in doc.text
    assert list(doc.pages) == sorted(set(doc.pages)) and doc.pages[-1] < len(doc.text)
    docx = read(converted[".docx"] / "003_12d5e8fc9094d42c.docx")
    assert "— confidential" not in docx.text and docx.pages == ()
