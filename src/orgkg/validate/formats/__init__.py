"""Report formats by name: ``text`` and ``turtle`` here; table, csv and json through ``rows``."""

from __future__ import annotations

from orgkg import tabular
from orgkg.validate.formats.base import Formatter
from orgkg.validate.formats.rows import rows
from orgkg.validate.formats.text import TextFormatter
from orgkg.validate.formats.turtle import TurtleFormatter

FORMATTERS: dict[str, type[Formatter]] = {"text": TextFormatter, "turtle": TurtleFormatter}
FORMATS = ("text", *tabular.FORMATS, "turtle")

__all__ = ["FORMATS", "FORMATTERS", "Formatter", "rows"]
