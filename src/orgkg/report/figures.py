"""The organisation-design figures as typed data, read from the graph by named queries.

    figures = read_figures(BuiltGraph.open(Path("out")))
    figures.spans.narrow_share      # managers with only 1 or 2 filled direct reports
    figures.depth                   # layers from the top to the deepest post

Each figure comes from one whole-organisation query of ``queries/`` (layers,
spans, units, levels, the longest chain), which read the layers and the posts
above each post that ``orgkg build`` derives (``graph.structure``). Nothing
here formats: the page and the plots (``report.page``, ``report.plots``) do.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgkg.graph.built import BuiltGraph
from orgkg.graph.structure import LayerFigures
from orgkg.query.rows import Row, rows


@dataclass(frozen=True)
class SpanCount:
    """How many managers have this span (filled direct reports), and their vacant reports."""

    span: int
    managers: int
    vacant: int


@dataclass(frozen=True)
class Spans:
    """Spans of control over the whole organisation; vacant reports counted apart."""

    managers: int
    reports: int
    vacant: int
    mean: float | None
    widest: int | None
    narrow: int  # managers with 1 or 2 filled direct reports
    narrow_share: float | None
    distribution: tuple[SpanCount, ...]


@dataclass(frozen=True)
class Unit:
    """A unit (or organisation) that posts sit in: managers per staff post, and layers spanned."""

    iri: str
    name: str
    posts: int
    managers: int
    staff: int
    managers_per_staff: float | None  # None when the unit has no staff post
    layers: int | None  # None for an organisation (layers are measured for units)


@dataclass(frozen=True)
class Link:
    """One post of the longest chain."""

    layer: int
    post: str
    title: str | None


@dataclass(frozen=True)
class Figures:
    """``layers``: each layer's figures by its number, top first; ``levels``: how many posts hold
    each level (class level, grade or band), most first."""

    layers: dict[int, LayerFigures]
    spans: Spans
    units: tuple[Unit, ...]
    levels: dict[str, int]
    chain: tuple[Link, ...]

    @property
    def whole(self) -> LayerFigures:
        """The whole organisation's posts, managers and vacant posts: every layer added up."""
        return sum(self.layers.values(), LayerFigures(0, 0, 0))

    @property
    def depth(self) -> int:
        """How many layers there are, top to deepest post (0 for no post)."""
        return max(self.layers, default=0)


def read_figures(graph: BuiltGraph) -> Figures:
    """Every figure of the report, from the graph's named queries."""
    return Figures(
        layers={r["layer"]: LayerFigures(r["posts"], r["managers"], r["vacant"])
                for r in rows(graph, "positions-per-layer")},
        spans=_spans(graph),
        units=_units(graph),
        levels={r["level"]: r["posts"] for r in rows(graph, "positions-per-level")},
        chain=tuple(Link(r["layer"], r["post"], r["title"]) for r in rows(graph, "longest-chain")
                    if r["post"] is not None),  # no post at all: one empty row
    )


def _spans(graph: BuiltGraph) -> Spans:
    [s] = list(rows(graph, "span-summary"))
    managers = s["managers"] or 0
    return Spans(
        managers=managers, reports=s["reports"] or 0, vacant=s["vacant"] or 0,
        mean=float(s["meanSpan"]) if managers else None, widest=s["widest"] if managers else None,
        narrow=s["narrow"] or 0, narrow_share=float(s["narrowShare"]) if managers else None,
        distribution=tuple(SpanCount(r["span"], r["managers"], r["vacant"])
                           for r in rows(graph, "span-distribution")),
    )


def _units(graph: BuiltGraph) -> tuple[Unit, ...]:
    layers = {r["unit"]: r["layers"] for r in rows(graph, "layers-per-unit")}
    return tuple(_unit(r, layers.get(r["unit"])) for r in rows(graph, "managers-per-staff"))


def _unit(r: Row, layers: int | None) -> Unit:
    ratio = r["managersPerStaff"]
    return Unit(r["unit"], r["name"] or r["unit"].rsplit("/", 1)[-1], r["posts"], r["managers"], r["staff"],
                None if ratio is None else float(ratio), layers)
