"""The report as one offline HTML page: headline figures, tables and the plots inlined as SVG.

The page carries everything it shows (style and plots inline, no script, a
Content-Security-Policy that forbids fetching anything), so it opens from a
file anywhere. Every text from the graph goes in escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from pathlib import Path
from typing import TypeVar

from orgkg import htmlpage
from orgkg.report.figures import Figures, Unit
from orgkg.report.plots import PLOTS, PlotFormat, inline_svg, render

ASSETS = Path(__file__).resolve().parent / "assets"
MOST_ROWS = 40  # a longer table shows this many rows and says how to list the rest
T = TypeVar("T")


def render_page(figures: Figures, *, title: str = "Spans and layers") -> str:
    """The whole page, from the figures."""
    sections = "\n".join(_section(figures, *section) for section in SECTIONS)
    body = htmlpage.fill(htmlpage.asset(ASSETS, "body.html"), {
        "TITLE": escape(title), "CARDS": _cards(figures), "SECTIONS": sections,
        "FOOTER": escape(f"orgkg report: {figures.whole.posts:,} posts, {figures.depth} layers.")})
    return htmlpage.page(title=title, generator="orgkg report", css=htmlpage.asset(ASSETS, "report.css"),
                         body=body)


def _section(figures: Figures, name: str, heading: str, plot: str, side: Callable[[Figures], str]) -> str:
    """A section: its heading, its plot inlined as SVG and, beside it, its tables."""
    svg = inline_svg(render(PLOTS[plot], figures, PlotFormat.svg))
    return (f'<section id="{name}">\n  <h2>{escape(heading)}</h2>\n'
            f'  <div class="row"><figure class="plot" id="plot-{plot}">{svg}</figure>\n'
            f"  <div>{side(figures)}</div></div>\n</section>")


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.0f} %"


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _cards(f: Figures) -> str:
    s = f.spans
    cards = [("posts", f"{f.whole.posts:,}", ""), ("layers", str(f.depth), ""),
             ("managers", f"{s.managers:,}", ""), ("mean span", _number(s.mean), ""),
             ("widest span", "–" if s.widest is None else str(s.widest), ""),
             ("managers with 1 or 2 reports", _percent(s.narrow_share), " narrow"),
             ("vacant posts", f"{f.whole.vacant:,}", "")]
    return "\n".join(f'<div class="card{extra}"><span class="value">{escape(value)}</span>'
                     f'<span class="label">{escape(label)}</span></div>' for label, value, extra in cards)


def _table(head: Sequence[str], rows: Iterable[Sequence[object]], numeric: set[int], more: str = "") -> str:
    cells = "".join(f'<th{" class=n" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{escape(str(v))}</td>'
                                    for i, v in enumerate(row)) + "</tr>\n" for row in rows)
    tail = f'<p class="more">{escape(more)}</p>' if more else ""
    return f"<table><thead><tr>{cells}</tr></thead><tbody>\n{body}</tbody></table>{tail}"


def _first(items: list[T], what: str, query: str) -> tuple[list[T], str]:
    """The first ``MOST_ROWS`` items of a longer table, and a line saying how many more there are
    and which named query lists them all ("" when every item is shown)."""
    shown = items[:MOST_ROWS]
    left = len(items) - len(shown)
    return shown, f"{left:,} more {what}: `orgkg query {query} --graph DIR`" if left else ""


def _span_table(f: Figures) -> str:
    s = f.spans
    lead = (f"<p>{s.managers:,} managers with {s.reports:,} filled direct reports and {s.vacant:,} vacant "
            f"ones; {s.narrow:,} managers ({_percent(s.narrow_share)}) have only 1 or 2 reports.</p>")
    rows = [(x.span, x.managers, x.vacant) for x in s.distribution]
    return lead + _table(["span", "managers", "their vacant reports"], rows, {0, 1, 2})


def _layer_table(f: Figures) -> str:
    rows = [(n, x.posts, x.managers, x.vacant) for n, x in f.layers.items()]
    return _table(["layer", "posts", "managers", "vacant"], rows, {0, 1, 2, 3})


def _chain(f: Figures) -> str:
    if not f.chain:
        return "<p>No post.</p>"
    items = "".join(f'<li><span class="layer">layer {x.layer}</span>{escape(x.title or x.post)}</li>'
                    for x in f.chain)
    return f'<ol class="chain">{items}</ol>'


def _unit_table(units: Sequence[Unit]) -> str:
    shown, more = _first(list(units), "units", "managers-per-staff")
    rows = [(u.name, u.posts, u.managers, u.staff, _number(u.managers_per_staff, 2),
             "–" if u.layers is None else u.layers) for u in shown]
    return _table(["unit", "posts", "managers", "staff", "managers per staff post", "layers"], rows,
                  {1, 2, 3, 4, 5}, more)


def _level_table(f: Figures) -> str:
    shown, more = _first(list(f.levels.items()), "levels", "positions-per-level")
    return _table(["level", "posts"], shown, {1}, more)


#: The page's sections in order: its id, heading, plot (of ``PLOTS``) and what stands beside the plot.
SECTIONS: tuple[tuple[str, str, str, Callable[[Figures], str]], ...] = (
    ("spans", "Spans of control", "span-distribution", _span_table),
    ("layers", "Layers", "positions-per-layer",
     lambda f: f"{_layer_table(f)}\n  <h3>The longest chain</h3>\n  {_chain(f)}"),
    ("units", "Units", "layers-per-unit", lambda f: _unit_table(f.units)),
    ("levels", "Levels", "positions-per-level", _level_table),
)
