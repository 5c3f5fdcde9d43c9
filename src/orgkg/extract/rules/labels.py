"""Label-value fields found by the lexicon key of their label, and values made clean.

``labelled(doc, "level")`` gives the fields whose label is one of the
``[labels] level`` entries (any language; a bilingual label ``Level / Niveau``
matches by either side). ``clean`` drops what is never part of a value:
markdown bullets and emphasis, surrounding quotes, a template placeholder,
another field's label run into it (``Chief Operating Officer * Effective``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from orgkg.extract.lexicon import LANGUAGES, alternation, fold, table, words
from orgkg.extract.needles import Needled
from orgkg.extract.structure import PLACEHOLDER, Document, Field, Span, per_document

Found = tuple[str, Span]
MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)")

#: a run-in label or bullet that ends a value: `` * Effective``, ``  Position Number:``.
RUN_IN = re.compile(r"\s+[*\u2022]\s+\S.*$|\s{2,}[A-Z][\w /&']{1,30}:.*$")


BRACKETED = re.compile(r"\([^)]*\)")
#: an ordinal closing a label: ``Poste 1``, ``Post 2`` (a page listing several posts, each under its number).
ORDINAL = re.compile(r"[ \t]+\d{1,2}$")
ALTERNATIVES = re.compile(r"\s+/\s+|\s*\|\s*")


@lru_cache(maxsize=4096)  # a document's labels are asked for again and again (every ``labelled`` call)
def label_keys(label: str) -> tuple[str, ...]:
    """The folded forms a label may match by: whole, and each side of ``English / Français``."""
    whole = fold(BRACKETED.sub("", label))
    counted = (uncounted,) if (uncounted := COUNT.sub("", whole)) != whole else ()
    return (whole, *counted, *(fold(p) for p in ALTERNATIVES.split(label) if "/" in label))


#: a date in figures: ``11/07/22``, ``12.01.2026``, ``2026-01-12``.
DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
#: a count opening a label: ``1 vacancy in the following location``.
COUNT = re.compile(r"^\d{1,3} (?=[a-z])")


def labelled(doc: Document, key: str, *, loose: bool = True, numbered: bool = False) -> list[Field]:
    """Fields whose label is a ``[labels] key`` entry, in document order; a label alone on its line over
    another label (``Direction générale`` over ``Grade(s) recherché(s)``) has no value. ``numbered``: also
    an entry closed by an ordinal (``Poste 1 : ADJOINT ADMINISTRATIF, G6``, the first post of a page)."""
    known = words("labels", key)

    def keys(label: str) -> tuple[str, ...]:
        ordinal = ORDINAL.search(label.strip()) if numbered else None
        return label_keys(label) + (label_keys(label.strip()[: ordinal.start()]) if ordinal else ())

    return [f for f in doc.fields if (loose or not f.loose) and any(k in known for k in keys(f.label))
            and not (f.loose and fold(f.value(doc.text).rstrip(" :*_")) in every_label())]


def headed(doc: Document, key: str, heads: str, *, most: int = 5) -> list[Field]:
    """Fields whose label is a ``[labels] key`` entry (``labelled``), or a label of up to ``most`` words whose
    last or first word is a ``[words] heads`` entry: a kind of ``Budget`` (``Sector Budget``, ``Budget de la
    direction``), of ``staff`` (``Branch staff``, ``Effectifs de la direction``), in document order."""
    known, said = words("words", heads), set(labelled(doc, key))
    for f in doc.fields:
        named = fold(BRACKETED.sub("", f.label)).split()
        if f not in said and 0 < len(named) <= most and (named[-1] in known or named[0] in known):
            said.add(f)
    return sorted(said, key=lambda f: f.label_start)


@cache
def every_label() -> frozenset[str]:
    """Every ``[labels]`` entry of every language, folded."""
    kinds = {str(k) for lang in LANGUAGES for k in table("labels", lang)}
    return frozenset().union(*(words("labels", k) for k in kinds))


@per_document  # the rules clean the same spans again and again
def clean(doc: Document, start: int, end: int) -> tuple[str, Span] | None:
    """The value between ``start`` and ``end`` without bullets, quotes, placeholders or run-in labels."""
    raw = doc.text[start:end]
    if PLACEHOLDER.search(raw):
        return None
    cut = RUN_IN.search(raw)
    if cut:
        end = start + cut.start()
    while start < end and doc.text[start] in " \t*_\"'\u201c\u2018`#>\u2022-":
        start += 1
    while end > start and doc.text[end - 1] in " \t*_\"'\u201d\u2019`:;,":
        end -= 1
    value = re.sub(r"\s+", " ", MD_LINK.sub(r"\1", doc.text[start:end])).strip()
    return (value, Span(start, end)) if value else None


def first_value(doc: Document, key: str, *, loose: bool = True, max_words: int = 20) -> Found | None:
    for f in labelled(doc, key, loose=loose):
        found = clean(doc, f.value_start, f.value_end)
        if found and len(found[0].split()) <= max_words:
            return found
    return None


@cache
def inline_label(group: str, key: str) -> Needled:
    """A label (the lexicon's ``[group] key``) and its colon inside a running line, a form flattened to one
    paragraph: ``... Centre hospitalier de X Adresse : 2 rue ...``; tried only where one of the labels
    stands (``Needled``'s heads), not at every character."""
    return Needled(rf"(?i)(?<!\w)(?:{alternation(group, key)})[ \t]*:")


@cache
def _long_labels() -> re.Pattern[str]:
    """Every ``[labels]`` entry of two words or more (``direct reports``, ``position number``), as a whole."""
    said = sorted((w for w in every_label() if len(w.split()) >= 2), key=len, reverse=True)
    return re.compile(r"(?i)(?<=\s)(?:" + "|".join(r"[ \t]+".join(map(re.escape, w.split())) for w in said)
                      + r")(?=\s|$)")


def before_run_in_label(value: str) -> str:
    """A value read from a table row flattened into prose, up to the next row's label run into it, that
    label's words in capitals (``Operations Manager Direct Reports Divisional staff`` -> ``Operations
    Manager``); not a unit after a title's comma (``Assistant Deputy Minister, Human Resources Services
    Branch``: no row runs in after a comma)."""
    links = words("words", "title_links")
    for m in _long_labels().finditer(value):
        said, before = m.group(0).split(), value[: m.start()].split()
        capitals = all(w[:1].isupper() for w in said if fold(w) not in links)
        if capitals and before and fold(before[-1]) not in links and not before[-1].endswith(","):
            # not ``Director of X and Business Unit``
            return value[: m.start()].rstrip(" ,;-")
    return value
