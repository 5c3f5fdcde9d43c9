"""The report's plots, drawn with matplotlib from the typed figures: SVG to inline, or PNG files.

    svg = render(PLOTS["span-distribution"], figures, PlotFormat.svg)   # bytes

Each plot is a function ``Figures -> matplotlib Figure`` listed in ``PLOTS``
by name. Figures are made with ``matplotlib.figure.Figure`` directly (no
pyplot, so no global state and no GUI backend); text is drawn as paths, so
an SVG needs no font and asks for nothing; the same figures give the same
bytes (a fixed ``svg.hashsalt``, no date in the metadata).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgkg.report.figures import Figures

if TYPE_CHECKING:  # matplotlib is imported when a plot is drawn: every orgkg command would pay for it
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

INK, ACCENT, NARROW, MUTED = "#1f3b57", "#3b7dd8", "#d9822b", "#9aa9b8"
RC: dict[Any, Any] = {"svg.hashsalt": "orgkg-report", "svg.fonttype": "path", "font.family": "DejaVu Sans",
      "font.size": 9, "axes.edgecolor": MUTED, "axes.labelcolor": INK, "xtick.color": INK,
      "ytick.color": INK, "axes.spines.top": False, "axes.spines.right": False}
MOST_BARS = 25  # more categories than this: the largest are drawn, and the plot says how many are left


class PlotFormat(Enum):
    svg = "svg"
    png = "png"


def _figure(title: str, height: float = 3.2) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, height), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title, loc="left", color=INK, fontsize=11)
    return fig, ax


def span_distribution(f: Figures) -> Figure:
    fig, ax = _figure("Managers by span of control")
    spans = f.spans.distribution
    ax.bar([s.span for s in spans], [s.managers for s in spans], width=0.8,
           color=[NARROW if 1 <= s.span <= 2 else ACCENT for s in spans])
    ax.set_xlabel("filled direct reports (span); spans of 1 or 2 in orange")
    ax.set_ylabel("managers")
    _integers(ax.xaxis)
    return fig


def positions_per_layer(f: Figures) -> Figure:
    fig, ax = _figure("Posts per layer from the top")
    layers = list(f.layers)
    ax.barh(layers, [x.posts for x in f.layers.values()], color=ACCENT, label="posts")
    ax.barh(layers, [x.managers for x in f.layers.values()], color=INK, height=0.4, label="of which managers")
    ax.invert_yaxis()
    ax.set_ylabel("layer (1 = top)")
    ax.set_xlabel("posts")
    _integers(ax.yaxis)
    fig.legend(frameon=False, loc="outside upper right", ncols=2)
    return fig


def layers_per_unit(f: Figures) -> Figure:
    units = [u for u in f.units if u.layers is not None]
    if len(units) <= MOST_BARS:  # few units: one bar each
        fig, ax = _figure("Layers per unit", height=max(2.4, 0.28 * len(units) + 1.2))
        ax.barh([_short(u.name) for u in units], [u.layers or 0 for u in units], color=ACCENT)
        ax.invert_yaxis()
        ax.set_xlabel("layers its posts span")
        _integers(ax.xaxis)
        return fig
    fig, ax = _figure(f"Units by the layers their posts span ({len(units):,} units)")
    counts: dict[int, int] = {}
    for u in units:
        counts[u.layers or 0] = counts.get(u.layers or 0, 0) + 1
    ax.bar(list(counts), list(counts.values()), color=ACCENT)
    ax.set_xlabel("layers")
    ax.set_ylabel("units")
    _integers(ax.xaxis)
    return fig


def positions_per_level(f: Figures) -> Figure:
    shown = list(f.levels.items())[:MOST_BARS]
    left = len(f.levels) - len(shown)
    title = "Posts per level" + (f" (the {len(shown)} largest of {len(f.levels)})" if left else "")
    fig, ax = _figure(title, height=max(2.4, 0.28 * len(shown) + 1.2))
    ax.barh([_short(level) for level, _ in shown], [posts for _, posts in shown], color=ACCENT)
    ax.invert_yaxis()
    ax.set_xlabel("posts")
    _integers(ax.xaxis)
    return fig


def _integers(axis: Axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _short(text: str, most: int = 38) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


PLOTS: dict[str, Callable[[Figures], Figure]] = {
    "span-distribution": span_distribution,
    "positions-per-layer": positions_per_layer,
    "layers-per-unit": layers_per_unit,
    "positions-per-level": positions_per_level,
}


def render(plot: Callable[[Figures], Figure], figures: Figures, fmt: PlotFormat) -> bytes:
    """One plot as SVG or PNG bytes."""
    import matplotlib as mpl

    with mpl.rc_context(RC):
        fig = plot(figures)
        out = io.BytesIO()
        metadata = {"Date": None} if fmt is PlotFormat.svg else {"Software": None}
        fig.savefig(out, format=fmt.value, dpi=150, metadata=metadata)
    return out.getvalue()


def inline_svg(svg: bytes) -> str:
    """An SVG ready to sit inside an HTML page: no XML prolog, doctype or metadata block."""
    text = svg.decode("utf-8")
    text = re.sub(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*", "", text)
    return re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL).strip()


def write_plots(figures: Figures, folder: Path, fmt: PlotFormat) -> list[Path]:
    """Each plot as ``folder/<name>.<svg|png>``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, plot in PLOTS.items():
        path = folder / f"{name}.{fmt.value}"
        path.write_bytes(render(plot, figures, fmt))
        written.append(path)
    return written
