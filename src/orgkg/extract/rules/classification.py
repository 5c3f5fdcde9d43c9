"""Level and class: a level field, else a classification said in prose, else a code in the title.

A level field is any ``[labels] level`` entry (``Level:``, ``Position Level:``,
``Grade:``, ``Niveau du poste :``, ``Classification:``); prose gives it as
"classified as a AS-05", "classé IT-03", "at the EC-05 level". A Government of
Canada group code (``IT`` in ``IT-03``) names the class by the ``[groups]``
table, in the document's language.
"""

from __future__ import annotations

import re

from orgkg.extract.lexicon import language, table
from orgkg.extract.records import JobClass
from orgkg.extract.rules.labels import Found, clean, labelled
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import repair_level

CODE = r"[A-Z]{2,3}[ \t]?-[ \t]?[0-9OIl]{1,2}\b|[A-Z]{2,3}[0-9]{1,2}\b"
PROSE = re.compile(
    rf"(?:\bclassifi(?:ed|cation)\s+(?:as\s+|at\s+|of\s+)?(?:an?\s+|the\s+)?|\bclass[ée]e?s?\s+(?:au\s+niveau\s+)?"
    rf"|\bat\s+the\s+|\bau\s+niveau\s+|\bniveau\s+)\[?(?P<code>{CODE})"
    rf"|\((?P<code2>{CODE})\s+level\)")
GROUP_CODE = re.compile(r"\b([A-Z]{2,3})[ \t]?-[ \t]?[0-9OIl]{1,2}\b")


def _code(value: str) -> str:
    return repair_level(value) if GROUP_CODE.fullmatch(value.strip()) else value


#: a level named by a letter: ``Band A``, ``Grade C``, ``Catégorie A``, ``Groupe II``.
LETTER_LEVEL = re.compile(r"(?i)(?:pay\s*)?(?:band|grade|level|niveau|groupe|cat[ée]gorie)\s+[A-Z]{1,3}\+?")


def level(doc: Document, title: str = "") -> Found | None:
    """The level, grade or band and the span it was read from."""
    for loose in (False, True):
        for f in labelled(doc, "level", loose=loose):
            found = clean(doc, f.value_start, f.value_end)
            if found and len(found[0].split()) <= 6 and (re.search(r"\d|^[A-Z]{2,5}\d?$", found[0])
                                                        or LETTER_LEVEL.fullmatch(found[0])):
                code = re.search(CODE, found[0])
                if code and len(found[0].split()) > 3:  # ``Administrative Services, AS-05``
                    start = found[1].start + found[0].find(code.group(0))
                    return _code(code.group(0)), Span(start, start + len(code.group(0)))
                return _code(found[0]), found[1]
    m = PROSE.search(doc.text)
    if m:
        key = "code" if m.group("code") else "code2"
        return _code(m.group(key)), Span(m.start(key), m.end(key))
    return None


def group_class(code: str, doc: Document) -> JobClass | None:
    """The class a Government of Canada group code names (``IT-03`` -> IT, Information Technology)."""
    m = GROUP_CODE.match(code)
    if not m:
        return None
    names = table("groups", language(doc.text))
    name = names.get(m.group(1))
    return JobClass(m.group(1), str(name)) if name else None
