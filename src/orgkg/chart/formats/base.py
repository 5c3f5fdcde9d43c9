"""The one extension point of charts: a writer per file format, chosen by extension."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from orgkg.chart.style import Chart


class ChartWriter(ABC):
    """Turns a chart into the bytes of one file format."""

    suffixes: ClassVar[tuple[str, ...]]
    description: ClassVar[str]

    def check(self) -> None:  # noqa: B027 (most formats need nothing)
        """Raise a ChartError before any work if this format cannot be written here."""

    @abstractmethod
    def render(self, chart: Chart) -> bytes:
        """The whole file."""

    def write(self, chart: Chart, out: Path) -> Path:
        """Write the file beside its final name, then move it into place."""
        data = self.render(chart)
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(f".{out.name}.partial")
        partial.write_bytes(data)
        partial.replace(out)
        return out
