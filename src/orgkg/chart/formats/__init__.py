"""Chart writers by file extension (one module per format)."""

from __future__ import annotations

from pathlib import Path

from orgkg.chart.formats.base import ChartWriter
from orgkg.chart.formats.dot import DotWriter
from orgkg.chart.formats.gexf import GexfWriter
from orgkg.chart.formats.graphml import GraphmlWriter
from orgkg.chart.formats.html import HtmlWriter
from orgkg.chart.formats.mermaid import MermaidWriter
from orgkg.chart.formats.rendered import PngWriter, SvgWriter
from orgkg.errors import ChartError

WRITERS: dict[str, type[ChartWriter]] = {
    suffix: cls
    for cls in (HtmlWriter, SvgWriter, PngWriter, GraphmlWriter, GexfWriter, DotWriter, MermaidWriter)
    for suffix in cls.suffixes
}


def writer_for(out: Path) -> ChartWriter:
    """The writer for ``out``'s extension, or a ChartError listing the known ones."""
    try:
        return WRITERS[out.suffix.lower()]()
    except KeyError:
        raise ChartError(str(out), f"no chart format for the extension {out.suffix or '(none)'!r}",
                         f"use one of {', '.join(sorted(WRITERS))}") from None
