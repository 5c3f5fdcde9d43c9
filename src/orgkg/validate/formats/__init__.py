"""Report formatters by name."""

from __future__ import annotations

from orgkg.validate.formats.base import Formatter
from orgkg.validate.formats.json import JsonFormatter
from orgkg.validate.formats.text import TextFormatter
from orgkg.validate.formats.turtle import TurtleFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter, "json": JsonFormatter, "turtle": TurtleFormatter,
}

__all__ = ["FORMATTERS", "Formatter"]
