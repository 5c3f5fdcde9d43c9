"""Turtle: the standard ``sh:ValidationReport``."""

from __future__ import annotations

from orgkg.validate.formats.base import Formatter
from orgkg.validate.model import Report


class TurtleFormatter(Formatter):
    name = "turtle"

    def format(self, report: Report) -> str:
        return (report.results_graph_turtle or "").rstrip("\n") + "\n"
