"""Identifiers: the value of a field whose label names a number (``Announcement number``, ``Job ID``,
``Campaign Reference``), also with the label alone on its line and the value below, or a sentence
that states one (``The position description number for this position is 57673.``).

The label words are ``[labels] identifier`` in the lexicon; a value holds a digit and is one code.
"""

from __future__ import annotations

import re

from orgkg.extract.lexicon import fold
from orgkg.extract.records import Identifier
from orgkg.extract.rules.labels import clean, labelled
from orgkg.extract.structure import Document, Span

#: one code: ``EDA-HQ-2019-0029``, ``57673``, ``G2308b``.
CODE = re.compile(r"[A-Za-z0-9][\w./-]*\d[\w./-]*")
PROSE = re.compile(
    r"(?i)\b(?P<label>(?:position(?:\s+description)?|job|competition|announcement|vacancy|requisition|"
    r"reference)\s+(?:number|no\.?|#|id))\s+(?:for\s+this\s+(?:position|job|post|role|vacancy)\s+)?is\s+"
    r"(?P<value>[A-Za-z0-9][\w/-]*\d[\w/-]*)")


def scheme(label: str) -> str:
    """The kind of number a label names: a position's, a job code, else a competition's."""
    folded = fold(label)
    if "position" in folded or "post" in folded.split():
        return "position number"
    return "job code" if "code" in folded else "competition number"


def identifiers(doc: Document) -> list[tuple[Identifier, Span]]:
    """Identifiers named by a label or stated in a sentence, each with its span, in document order."""
    out: list[tuple[Identifier, Span]] = []
    for f in labelled(doc, "identifier"):
        found = clean(doc, f.value_start, f.value_end)
        code = CODE.match(found[0]) if found else None
        if found and code and len(found[0].split()) <= 2:
            start = found[1].start
            out.append((Identifier(scheme(f.label), code.group(0)), Span(start, start + code.end())))
    for m in PROSE.finditer(doc.text):
        out.append((Identifier(scheme(m.group("label")), m.group("value")), Span(m.start("value"),
                                                                                 m.end("value"))))
    unique: dict[str, tuple[Identifier, Span]] = {}
    for ident, span in out:
        unique.setdefault(ident.value, (ident, span))
    return sorted(unique.values(), key=lambda found: found[1].start)
