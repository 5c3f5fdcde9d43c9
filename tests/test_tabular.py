"""The tabular layer: one set of formats for positions, query and validate; document text stays text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from orgkg import tabular
from tests.conftest import run

#: a terminal hyperlink's markup; its target is no web address, which no title holds (titles.WEB_ADDRESS)
TITLE = "Analyst [/] [red]Red[/red] [link=mailto:evil@example.org]click[/link]"
DOCUMENT = f"""Job Title: {TITLE}
Organization: Department of Tests
Reports to: Director [bold]General[/bold]

Duties
- Analyses data (60%)
- Writes reports (40%)
"""


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document whose title and supervisor hold terminal markup."""
    folder = tmp_path_factory.mktemp("markup")
    (folder / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    result = run("build", str(folder / "doc.txt"), "--out", str(folder / "out"))
    assert result.exit_code == 0, result.stderr
    return folder / "out"


@pytest.mark.parametrize("args", [
    ["positions"],
    ["query", "find-posts", "--param", "text=analyst"],
    ["query", "describe-post", "--param", "post=<{post}>"],
])
def test_document_text_is_printed_as_text_never_as_markup(marked_up: Path, args: list[str]) -> None:
    records = json.loads(run("positions", "--graph", str(marked_up), "--format", "json").stdout)
    post = next(r["iri"] for r in records if r["source"] == "doc.txt")
    result = run(*[a.format(post=post) for a in args], "--graph", str(marked_up), "--format", "table")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())  # a long cell may wrap
    assert "[red]Red[/red]" in text and "[link=mailto:evil@example.org]click[/link]" in text
    assert "\x1b" not in result.stdout  # no colour, no terminal hyperlink (OSC 8)


def test_every_format_writes_the_same_rows() -> None:
    rows = [("a", [1, 2], None, True), ("[b]", [], {"x": 1}, False)]
    cols = ("name", "items", "more", "flag")

    def written(fmt: str) -> str:
        out = io.StringIO()
        tabular.write(tabular.Rows(cols, iter(rows)), fmt, out)
        return out.getvalue()

    assert json.loads(written("json")) == [dict(zip(cols, r, strict=True)) for r in rows]
    assert list(csv.reader(io.StringIO(written("csv")))) == [
        list(cols), ["a", "1; 2", "", "true"], ["[b]", "", "1", "false"]]
    assert "[b]" in written("table")


@pytest.mark.parametrize("command", [["positions"], ["query", "documents"], ["validate"]])
def test_format_choices_come_from_the_tabular_layer(built: Path, command: list[str]) -> None:
    for fmt in tabular.FORMATS:
        result = run(*command, "--graph", str(built), "--format", fmt)
        assert result.exit_code in (0, 1), result.stderr  # validate: 1 for the samples' Violation
        assert result.stdout.strip()


def test_a_summary_is_aligned_text_numbers_to_the_right() -> None:
    """Summaries on standard error (export's counts, chart's figures): plain columns, no borders."""
    out = io.StringIO()
    tabular.write_text(tabular.Rows(("graph", "local", ""), [("g/long-name", 745, ""), ("g/b", None, "kept")],
                                    text=lambda v: "-" if v is None else tabular.cell_text(v),
                                    footer=lambda n: f"{n} graphs"), out)
    assert out.getvalue().splitlines() == ["graph        local",
                                           "g/long-name    745",
                                           "g/b              -  kept",
                                           "2 graphs"]
