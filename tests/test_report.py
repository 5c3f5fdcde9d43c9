"""`orgkg report`: spans and layers counted by hand on a small organisation, then the page itself.

The small organisation is ``tests.support.orgs.small_org`` (nine posts, four
layers); a register-like named graph marks one analyst's post vacant. The
page is opened in headless Chromium with every request blocked and recorded:
it must ask for nothing, log no error and draw every plot. A screenshot of
the five samples' report is saved to ``artifacts/report-samples.png`` (copied
to ``docs/report-samples.png``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from orgkg.graph.built import BuiltGraph
from orgkg.graph.structure import LayerFigures
from orgkg.mapping.vocab import ORGKG
from orgkg.query.values import with_values
from orgkg.report import PLOTS, PlotFormat, read_figures, render_page, write_plots
from orgkg.report.figures import Figures, SpanCount, Spans
from tests.conftest import ROOT, run
from tests.support.browser import Chromium
from tests.support.orgs import small_org, store_of

ARTIFACTS = ROOT / "artifacts"
REGISTER = URIRef("https://w3id.org/orgkg/id/graph/test-register")


def post(graph: BuiltGraph, title: str) -> str:
    """The IRI of the post with this title."""
    text = "SELECT ?p WHERE { ?p <https://w3id.org/orgkg/ontology#primaryTitle> ?t }"
    [row] = list(graph.query(with_values(text, {"t": ox.Literal(title)})))  # type: ignore[arg-type]
    return str(row["p"].value)  # type: ignore[index]


@pytest.fixture(scope="module")
def graph() -> BuiltGraph:
    """The small organisation, and a register's graph marking one post vacant, built together."""
    register = Graph()
    register.add((URIRef(post(store_of(small_org()), "Analyst 3")), ORGKG.vacant, Literal(True)))
    return store_of(small_org(), {REGISTER: register})


@pytest.fixture(scope="module")
def figures(graph: BuiltGraph) -> Figures:
    return read_figures(graph)


def test_layers_by_hand(figures: Figures) -> None:
    assert list(figures.layers.items()) == [(1, LayerFigures(1, 1, 0)), (2, LayerFigures(2, 2, 0)),
                                            (3, LayerFigures(5, 1, 1)), (4, LayerFigures(1, 0, 0))]
    assert (figures.whole, figures.depth) == (LayerFigures(9, 4, 1), 4)


def test_spans_by_hand_with_the_vacancy_apart(figures: Figures) -> None:
    """Director 2, Manager A 3 filled + 1 vacant, Manager B 1, Clerk 1."""
    assert figures.spans == Spans(
        managers=4, reports=7, vacant=1, mean=1.75, widest=3, narrow=3, narrow_share=0.75,
        distribution=(SpanCount(1, 2, 0), SpanCount(2, 1, 0), SpanCount(3, 1, 1)))


def test_managers_per_staff_and_layers_per_unit_by_hand(figures: Figures) -> None:
    units = {u.name: (u.posts, u.managers, u.staff, u.managers_per_staff, u.layers) for u in figures.units}
    assert units == {"Data Section": (2, 1, 1, 1.0, 2), "Analysis Branch": (3, 3, 0, None, 3)}


def test_levels_and_the_longest_chain_by_hand(figures: Figures, graph: BuiltGraph) -> None:
    assert list(figures.levels.items()) == [("AN-05", 2), ("AN-03", 1), ("CR-04", 1), ("EX-01", 1)]
    assert [(x.layer, x.title) for x in figures.chain] == [
        (1, "Director"), (2, "Manager B"), (3, "Clerk"), (4, "Assistant")]
    assert figures.chain[-1].post == post(graph, "Assistant")


def test_an_empty_graph_gives_a_page_without_figures(tmp_path: Path) -> None:
    empty = read_figures(BuiltGraph(ox.Store()))
    assert (empty.whole.posts, empty.depth, empty.spans.managers, empty.spans.mean) == (0, 0, 0, None)
    assert "No post." in render_page(empty)


def test_the_same_graph_gives_the_same_page(figures: Figures) -> None:
    assert render_page(figures) == render_page(figures)


def test_text_from_the_graph_is_escaped(figures: Figures) -> None:
    page = render_page(figures, title="<script>alert(1)</script>")
    assert "<script" not in page and "&lt;script&gt;" in page


def test_each_plot_is_written_as_svg_or_png(figures: Figures, tmp_path: Path) -> None:
    svgs = write_plots(figures, tmp_path / "svg", PlotFormat.svg)
    pngs = write_plots(figures, tmp_path / "png", PlotFormat.png)
    assert [p.stem for p in svgs] == [p.stem for p in pngs] == list(PLOTS)
    for path in svgs:
        assert ET.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    for path in pngs:
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and path.stat().st_size > 5_000


# ------------------------------------------------------------------ the command and the page


@pytest.fixture(scope="module")
def page(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    result = run("report", "--graph", str(built), "--out", str(folder / "report.html"),
                 "--plots", str(folder / "plots"), "--plot-format", "png")
    assert result.exit_code == 0, result.stderr
    assert "28 posts, 3 layers, 9 managers" in result.stderr
    assert sorted(p.name for p in (folder / "plots").iterdir()) == sorted(f"{n}.png" for n in PLOTS)
    return folder / "report.html"


def test_a_graph_folder_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    result = run("report", "--graph", str(tmp_path / "nowhere"), "--out", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "no such graph folder" in result.stderr


def test_the_page_carries_everything_it_needs(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.IGNORECASE)
    assert not re.search(r"<(link|iframe|img|object|embed|script)\b", text, re.IGNORECASE)
    assert "default-src 'none'" in text
    assert text.count("<svg") == len(PLOTS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium(width=1280, height=1850) as b:
        yield b


BARS = """[...document.querySelectorAll('figure.plot')].map(f => {
  const svg = f.querySelector('svg'); const box = svg.getBoundingClientRect();
  const fills = [...svg.querySelectorAll('g[id^="patch_"] path')].map(p => p.style.fill);
  return [f.id, Math.round(box.width), Math.round(box.height),
          fills.filter(c => c === 'rgb(59, 125, 216)' || c === 'rgb(217, 130, 43)').length]; })"""


def test_the_page_opens_offline_with_no_error_and_draws_every_plot(browser: Chromium, page: Path) -> None:
    browser.open(page)
    drawn = {name: (w, h, bars) for name, w, h, bars in browser.evaluate(BARS)}
    assert set(drawn) == {f"plot-{n}" for n in PLOTS}
    for name, (width, height, bars) in drawn.items():
        assert width > 300 and height > 150 and bars >= 3, name
    assert drawn["plot-span-distribution"][2] == 5  # spans 1, 3, 4, 5, 6 on the samples
    cards = browser.evaluate("[...document.querySelectorAll('.card')].map(c => c.textContent)")
    assert "28posts" in cards and "3layers" in cards and "56 %managers with 1 or 2 reports" in cards
    browser.screenshot(ARTIFACTS / "report-samples.png")
    assert (ARTIFACTS / "report-samples.png").stat().st_size > 50_000
    assert browser.requests_elsewhere() == [] and browser.errors == []
