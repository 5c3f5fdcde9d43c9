"""The report as one offline HTML page: headline figures, tables and the plots inlined as SVG.

The page carries everything it shows (style and plots inline, no script, a
Content-Security-Policy that forbids fetching anything), so it opens from a
file anywhere. Every text from the graph goes in escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from string import Template

from orgkg.report.figures import Figures, Unit
from orgkg.report.plots import PLOTS, PlotFormat, inline_svg, render

ASSETS = Path(__file__).resolve().parent / "assets"
MOST_ROWS = 40  # a longer table shows this many rows and says how to list the rest


def render_page(figures: Figures, *, title: str = "Spans and layers") -> str:
    """The whole page, from the figures."""
    plots = {f"plot_{name.replace('-', '_')}": inline_svg(render(plot, figures, PlotFormat.svg))
             for name, plot in PLOTS.items()}
    page = Template((ASSETS / "report.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=escape(title), css=(ASSETS / "report.css").read_text(encoding="utf-8"),
        cards=_cards(figures), span_table=_span_table(figures), layer_table=_layer_table(figures),
        chain=_chain(figures), unit_table=_unit_table(figures.units), level_table=_level_table(figures),
        footer=escape(f"orgkg report: {figures.whole.posts:,} posts, {figures.depth} layers."), **plots)


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
    shown = list(units[:MOST_ROWS])
    more = (f"{len(units) - len(shown):,} more units: `orgkg query managers-per-staff --graph DIR`"
            if len(units) > len(shown) else "")
    rows = [(u.name, u.posts, u.managers, u.staff, _number(u.managers_per_staff, 2),
             "–" if u.layers is None else u.layers) for u in shown]
    return _table(["unit", "posts", "managers", "staff", "managers per staff post", "layers"], rows,
                  {1, 2, 3, 4, 5}, more)


def _level_table(f: Figures) -> str:
    shown = f.levels[:MOST_ROWS]
    more = (f"{len(f.levels) - len(shown):,} more levels: `orgkg query positions-per-level --graph DIR`"
            if len(f.levels) > len(shown) else "")
    return _table(["level", "posts"], [(x.level, x.posts) for x in shown], {1}, more)
