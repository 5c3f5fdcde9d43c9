"""SVG and PNG drawn by Graphviz ``dot`` from the DOT source (labels never overlap)."""

from __future__ import annotations

import shutil
import subprocess
from typing import ClassVar

from orgkg.chart.formats.base import ChartWriter
from orgkg.chart.formats.dot import dot_source
from orgkg.chart.style import Chart
from orgkg.errors import ChartError

NO_DOT = "install graphviz (apt-get install graphviz) or use .html/.dot"


def dot_program() -> str:
    exe = shutil.which("dot")
    if exe is None:
        raise ChartError("dot", "Graphviz's `dot` is not installed", NO_DOT)
    return exe


def run_dot(source: str, fmt: str, *, timeout: float = 600.0) -> bytes:
    """``dot -T<fmt>`` over the source; a missing or failing ``dot`` is a ChartError."""
    exe = dot_program()
    done = subprocess.run([exe, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise ChartError("dot", f"failed: {done.stderr.decode('utf-8', 'replace').strip()[:300]}")
    return done.stdout


class _Rendered(ChartWriter):
    fmt: ClassVar[str]

    def check(self) -> None:
        dot_program()

    def render(self, chart: Chart) -> bytes:
        return run_dot(dot_source(chart), self.fmt)


class SvgWriter(_Rendered):
    suffixes = (".svg",)
    description = "a static SVG org chart drawn by Graphviz dot"
    fmt = "svg"


class PngWriter(_Rendered):
    suffixes = (".png",)
    description = "a static PNG org chart drawn by Graphviz dot"
    fmt = "png"
