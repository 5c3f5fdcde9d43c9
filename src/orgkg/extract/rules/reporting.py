"""Reports-to by its label (``Reports to:``, ``Responsible to:``, ``Relève de :``) or a prose phrase
(``[phrases] reports_to``: "Rattaché directement à la directrice des affaires juridiques")."""

from __future__ import annotations

import re

from orgkg.extract.rules.labels import Found, first_value
from orgkg.extract.rules.titles import phrase
from orgkg.extract.structure import Document, Span


def reports_to(doc: Document) -> Found | None:
    found = first_value(doc, "reports_to", loose=False, max_words=12) or phrase(
        doc, "reports_to", stop=".;:(),")
    return found if found and len(found[0].split()) <= 12 else None


def location(doc: Document) -> Found | None:
    """A place labelled (``Localisation : Paris``, ``Work Location: Toronto``), else named after
    ``[phrases] location`` (``localisé à Paris``), its first capitalised words."""
    if (labelled := first_value(doc, "location", max_words=14)) and labelled[0][:1].isupper():
        return labelled
    found = phrase(doc, "location", stop=".;:(),")
    if not found:
        return None
    value = found[0]
    if m := re.search(r"\s+[àa]\s+(?=[A-Z])", value):  # ``le site de Beauvau à Paris``: the town
        value, found = value[m.end() :], (value[m.end() :], Span(found[1].start + m.end(), found[1].end))
    words = value.split()
    if not words or not words[0][:1].isupper():
        return None
    return found if len(words) <= 4 else None
