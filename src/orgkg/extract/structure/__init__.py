"""A document's structure, parsed once: lines, headings, sections, fields, lists, paragraphs."""

from orgkg.extract.records import Span
from orgkg.extract.structure.document import Document, Heading, Item, Section, parse, per_document
from orgkg.extract.structure.fields import Field
from orgkg.extract.structure.lines import PLACEHOLDER, Line

__all__ = ["PLACEHOLDER", "Document", "Field", "Heading", "Item", "Line", "Section", "Span", "parse",
           "per_document"]
