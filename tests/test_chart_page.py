"""The chart page, checked in real headless Chromium as a person would use it.

The page is opened from a file URL with every request other than the page
itself blocked and recorded; it must ask for nothing else and log no error.
Clicks and typing are real input events. A screenshot of the five samples'
chart is saved to ``artifacts/chart-samples.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from bench.synthetic import nquads

from orgkg.chart import Chart, ColourBy, measure, reporting_view, writer_for
from orgkg.graph.built import BuiltGraph
from tests.conftest import ROOT, run
from tests.support.browser import Chromium

ARTIFACTS = ROOT / "artifacts"
COUNT = "document.querySelectorAll('#nodes .node').length"
PANEL = "document.getElementById('panel').textContent"
CHIEF = "Chief, Client Solutions Officer"


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium() as page:
        yield page


@pytest.fixture(scope="module")
def samples(built: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.DiGraph]:
    page = tmp_path_factory.mktemp("page") / "chart.html"
    result = run("chart", "--graph", str(built), "--out", str(page), "--colour-by", "unit")
    assert result.exit_code == 0, result.stderr
    return page, reporting_view(BuiltGraph.open(built))


def test_the_page_carries_everything_it_needs(samples: tuple[Path, nx.DiGraph]) -> None:
    text = samples[0].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.IGNORECASE)
    assert not re.search(r"<(link|iframe|img|object|embed)\b", text, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc\b", text, re.IGNORECASE)
    assert "default-src 'none'" in text
    assert text.count("<script") == 2  # the data and the viewer, both inline


def test_it_loads_offline_with_no_error_and_draws_every_position(
        browser: Chromium, samples: tuple[Path, nx.DiGraph]) -> None:
    page, view = samples
    browser.open(page)
    assert browser.evaluate(COUNT) == view.number_of_nodes()
    mentioned = sum(1 for _, d in view.nodes(data=True) if not d["described"])
    assert browser.evaluate("document.querySelectorAll('#nodes .node.mentioned').length") == mentioned
    assert browser.evaluate("getComputedStyle(document.querySelector('.node.mentioned .box'))"
                            ".strokeDasharray") != "none"  # drawn dashed, unlike described posts
    browser.click("#expand")
    assert browser.evaluate(COUNT) == view.number_of_nodes()
    assert browser.evaluate("document.getElementById('status').textContent").startswith("28 positions")
    assert browser.requests_elsewhere() == []
    assert browser.errors == []


def test_searching_a_title_finds_it_and_clicking_shows_its_facts(
        browser: Chromium, samples: tuple[Path, nx.DiGraph]) -> None:
    browser.open(samples[0])
    browser.type_into("#search", "client solutions")
    browser.wait_for("document.querySelectorAll('#results li').length > 0")  # results come on a timer
    assert browser.evaluate("[...document.querySelectorAll('#results li')].map(li => li.firstChild"
                            ".textContent)") == [CHIEF]
    browser.press("Enter")
    facts = browser.evaluate(PANEL)
    for fact in (CHIEF, "Described in 000_90ea68258074114b.txt", "Systems Branch", "EX — Executive Group",
                 "EX-03", "ADM, Systems Branch", "Director General, HRI Systems", "Duties"):
        assert fact in facts
    browser.click("#panel button.link")  # the supervisor: a mentioned-only post
    assert browser.evaluate("document.querySelector('#panel h2').textContent") == "ADM, Systems Branch"
    assert "Mentioned only, in 000_90ea68258074114b.txt" in browser.evaluate(PANEL)
    browser.click("#fit")
    iri = next(n for n, d in samples[1].nodes(data=True) if d["title"] == "IT Program Manager")
    browser.click(f'.node[data-iri="{iri}"] .box')
    assert "IT Project Manager I to IT Program Manager series (rank 4)" in browser.evaluate(PANEL)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "chart-samples.png")
    assert (ARTIFACTS / "chart-samples.png").stat().st_size > 20_000
    assert browser.requests_elsewhere() == [] and browser.errors == []


def test_positions_with_a_violation_are_marked_and_their_findings_shown(
        browser: Chromium, built: Path, tmp_path: Path) -> None:
    view = reporting_view(BuiltGraph.open(built))
    iri = next(n for n, d in view.nodes(data=True) if d["title"] == "User Systems Coordinator")
    view = reporting_view(BuiltGraph.open(built), {iri: [("Violation", "No supervisor is stated")]})
    measure(view)
    page = writer_for(tmp_path / "chart.html").write(Chart(view, ColourBy.level), tmp_path / "chart.html")
    browser.open(page)
    marked = browser.evaluate("[...document.querySelectorAll('.node.violation')].map(n => n.dataset.iri)")
    assert marked == [iri]
    browser.click(f'.node[data-iri="{iri}"] .box')
    assert "Violation" in browser.evaluate(PANEL) and "No supervisor is stated" in browser.evaluate(PANEL)
    assert browser.errors == []


def test_a_large_organisation_starts_collapsed_and_search_reaches_deep_positions(
        browser: Chromium, tmp_path: Path) -> None:
    store = ox.Store()
    store.load("".join(nquads(600)).encode("utf-8"), ox.RdfFormat.N_QUADS)
    view = reporting_view(BuiltGraph(store))
    shape = measure(view)
    page = writer_for(tmp_path / "big.html").write(Chart(view), tmp_path / "big.html")
    browser.open(page)
    first = browser.evaluate(COUNT)
    assert 20 <= first <= 250 < view.number_of_nodes()
    deepest = max(view.nodes(data=True), key=lambda x: (x[1]["depth"], x[0]))[1]
    assert deepest["depth"] == shape.layers - 1
    browser.type_into("#search", deepest["title"])
    browser.press("Enter")
    assert browser.evaluate("document.querySelector('#panel h2').textContent") == deepest["title"]
    assert browser.evaluate("document.querySelector('.node.selected .title').textContent") in deepest["title"]
    assert browser.evaluate(COUNT) > first
    assert browser.requests_elsewhere() == [] and browser.errors == []


def test_the_panel_shows_the_sentence_behind_each_fact(
        browser: Chromium, samples: tuple[Path, nx.DiGraph]) -> None:
    page, view = samples
    chief = next(data for _, data in view.nodes(data=True) if data["title"] == CHIEF and data["described"])
    assert any(field == "title" and exact for field, _, _, exact, _ in chief["evidence"])
    browser.open(page)
    browser.type_into("#search", "client solutions")
    browser.press("Enter")
    shown = browser.evaluate("[...document.querySelectorAll('#panel ul.evidence li')].map(li => ["
                             "li.querySelector('.field').textContent, li.querySelector('q').textContent,"
                             " li.querySelector('mark').textContent])")
    expected = [[(field[:1].upper() + field[1:]).replace("_", " "), before + exact + after, exact]
                for field, _, before, exact, after in chief["evidence"]]
    assert shown == expected
    text = run("read", str(ROOT / "data/documents" / chief["document"])).stdout
    assert all(sentence in text for _, sentence, _ in shown)
    assert browser.errors == []
