"""Turtle: the standard ``sh:ValidationReport``."""

from __future__ import annotations

from rdflib import Graph

from orgkg.validate.formats.base import Formatter
from orgkg.validate.model import Report
from orgkg.validate.report import report_graph


class TurtleFormatter(Formatter):
    name = "turtle"

    def format(self, report: Report) -> str:
        graph = report_graph([f.result for f in report.findings], report.shapes or Graph())
        return graph.serialize(format="turtle").rstrip("\n") + "\n"
