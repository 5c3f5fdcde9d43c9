"""The position's title: a title field, else the document's first heading, else its first short line.

A title is at most 120 characters and never a section's name (``Summary``,
``Key Responsibilities``), a sentence, a placeholder or a label; a trailing
``job description`` / ``description de poste`` is the document's kind, not the title.
"""

from __future__ import annotations

import re

from orgkg.extract.lexicon import fold, words
from orgkg.extract.rules.duties import SECTION_NO
from orgkg.extract.rules.labels import Found, clean, first_value
from orgkg.extract.structure import Document, Span

MAX = 120
KIND = re.compile(r"\s*[-\u2013:|]?\s*\b(?:job|position|role)\s+"
                  r"(?:description|profile|specification|posting)s?$"
                  r"|\s*[-\u2013:|]?\s*\b(?:description|profil)\s+(?:de\s+|du\s+)?poste$", re.I)


def is_section_name(text: str) -> bool:
    folded = fold(SECTION_NO.sub("", text))
    return any(folded in words("headings", g) for g in ("duties", "stop", "not_titles")) or any(
        folded.startswith(w) for w in words("headings", "duties") if len(w.split()) >= 2)


def acceptable(title: str) -> bool:
    """A title a person would write: short, not a sentence, a section name or a label."""
    t = title.strip()
    return (0 < len(t) <= MAX and len(t.split()) <= 15 and not t.endswith((":", ";"))
            and not re.search(r"[.!?]\s+[A-Z]|\{\{|\{%|^\W*$", t) and not is_section_name(t))


def _trim_kind(doc: Document, found: Found) -> Found:
    value, span = found
    m = KIND.search(value)
    if m and m.start() > 0:
        end = span.start + len(doc.text[span.start : span.end].rstrip()) - (len(value) - m.start())
        return value[: m.start()].strip(), Span(span.start, max(end, span.start + 1))
    return found


def title(doc: Document) -> Found | None:
    """The title and the span it was read from."""
    for loose in (False, True):
        found = first_value(doc, "title", loose=loose, max_words=15)
        if found and acceptable(found[0]):
            return _trim_kind(doc, found)
    for h in doc.headings:
        if h.line > doc.front_end + 40:
            break
        found = clean(doc, h.start, h.end)
        if found and acceptable(found[0]) and not KIND.fullmatch(" " + found[0]):
            return _trim_kind(doc, found)
    return None
