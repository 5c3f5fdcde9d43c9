"""Identifiers: the value of a field whose label names a number (``Announcement number``, ``Job ID``,
``Campaign Reference``), also with the label alone on its line and the value below, or a sentence
that states one (``The position description number for this position is 57673.``), or a numbering
label run into its code, with or without a colon (``Offre n° O059241212001588``, ``(réf. E00038399)``), or
a line naming the post with its notice's number after it (``Directrice adjointe ou directeur adjoint
2025-246-340``), a requisition's code under the posting's age on a job site (``Posted 4 Days Ago`` /
``R-5180``).

The label words are ``[labels] identifier`` and ``[words] reference_labels`` / ``number_labels`` in the
lexicon; a value holds a digit and is one code.
"""

from __future__ import annotations

import re
from functools import cache

from orgkg.extract.lexicon import fold, patterns, written
from orgkg.extract.needles import AtLineStart, Needled, positions
from orgkg.extract.records import Identifier
from orgkg.extract.rules.labels import clean, labelled
from orgkg.extract.structure import Document, Span

#: one code: ``EDA-HQ-2019-0029``, ``57673``, ``G2308b``.
CODE = re.compile(r"[A-Za-z0-9][\w./-]*\d[\w./-]*")
PROSE = Needled(
    r"(?i)\b(?P<label>(?:position(?:\s+description)?|job|competition|announcement|vacancy|requisition|"
    r"reference)\s+(?:number|no\.?|#|id))\s+(?:for\s+this\s+(?:position|job|post|role|vacancy)\s+)?is\s+"
    r"(?P<value>[A-Za-z0-9][\w/-]*\d[\w/-]*)")


#: a line naming the post, then its notice's number, a year first: ``Commissaire adjoint 2023-391-210``.
#: Its first word may be hyphenated (``Présidente-directrice générale adjointe ... 2022-4601-175``).
TITLE_NUMBER = AtLineStart(r"[ \t#*]*(?P<title>[A-Z\u00c0-\u00de][^\W\d_]*(?:[-'\u2019][^\W\d_]+)*"
                           r"(?:[ \t]+[^\W\d_][\w'\u2019-]*){0,12})"
                           r"[ \t]+(?P<value>(?:19|20)\d\d-\d{1,6}-\d{1,6})[ \t*]*$")


@cache
def _aged() -> Needled:
    """A job site's posting header: the posting's age on its own line (``[words] posting_age_leads`` ...
    ``posting_age_ends``: ``Posted 4 Days Ago``, ``Posted Today``), its requisition's code alone on the
    next (``R-5180``)."""
    leads, ends = ("|".join(patterns("words", key)) for key in ("posting_age_leads", "posting_age_ends"))
    return Needled(rf"(?im)^[ \t]*(?:{leads})\b[^\n]{{0,20}}\b(?:{ends})[ \t]*\n"
                   rf"[ \t]*(?P<value>{CODE.pattern})[ \t]*$")


def _date(code: str) -> bool:
    """``2024-03-15``: a date written year first, not a number."""
    _, month, day = (int(n) for n in code.split("-"))
    return 1 <= month <= 12 and 1 <= day <= 31 and len(code) == 10


@cache
def _numbered(groups: tuple[str, ...] = ("reference_labels",), *, leading: bool = False) -> re.Pattern[str]:
    """A ``[words] reference_labels`` (or other ``groups``) entry, then its code: the label's words as
    written, any case; ``leading``: only where the label leads its line."""
    found = {p for group in groups for p in patterns("words", group)}
    labels = "|".join(sorted(found, key=len, reverse=True))
    start = r"(?m)^[ \t#*]*" if leading else r"(?<![\w.])"
    # a label ending with a word stops at the word's end (``post``, not ``postal``); one ending with a
    # sign runs into its code (``Recruitment #26-005482-0006``, ``Job #123``)
    return re.compile(rf"(?i){start}(?P<label>{labels})(?:(?<=[#.\u00b0])|(?!\w))[ \t]*[.:]?\s*"
                      rf"(?P<value>{CODE.pattern})(?=[\s),;\]]|$)")


@cache
def _run_in() -> Needled:
    """``_numbered`` of the reference and number labels, tried only where the first word of one of them
    stands (``_firsts``), not its lookbehind and alternation at every character."""
    groups = ("reference_labels", "number_labels")
    firsts = _firsts(groups)
    return Needled(_numbered(groups),
                   places=lambda text, low: sorted({at for w in firsts for at in positions(low, w)}))


def _firsts(groups: tuple[str, ...]) -> tuple[str, ...]:
    """The first words of the ``[words] groups`` entries, lowercased, none that opens with another."""
    found = {w.split()[0].lower() for g in groups for w in written("words", g)}
    return tuple(sorted(w for w in found if not any(v != w and w.startswith(v) for v in found)))


#: What ends a numbering label and its code leading a line: a colon or a dash before the rest.
LEAD_END = re.compile(r"[ \t]*[:\u2013\u2014-][ \t]*(?=\S)")


def numbered_lead(text: str) -> re.Match[str] | None:
    """``POST 10/56 : OHS INSPECTOR``: a numbering label and its code leading a line, up to the colon
    or dash after them (the rest of the line is what the number names)."""
    m = _numbered(("reference_labels", "number_labels", "line_number_labels")).match(text)
    if not m:
        return None
    return LEAD_END.match(text, m.end())


def reference(text: str) -> re.Match[str] | None:
    """``Offre n° O059241212001588``, ``réf. E00038399``: the whole of ``text`` a numbering label and
    its code (a posting's number, never its title)."""
    return _numbered().fullmatch(text.strip().strip("()"))


def scheme(label: str) -> str:
    """The kind of number a label names: a position's, a job code, else a competition's."""
    folded = fold(label)
    if "position" in folded or "post" in folded.split():
        return "position number"
    return "job code" if "code" in folded else "competition number"


def _of_supervisor(text: str, start: int) -> bool:
    """Whether the words before a numbering label on its line name the supervisor (``[labels]
    reports_to``: ``Supervisor Position #``)."""
    before = fold(text[text.rfind("\n", 0, start) + 1 : start])
    return bool(before) and any(before.endswith(w) for w in written("labels", "reports_to"))


#: how far into a number's field its code may stand, in words: ``AC/SRH, N° 21/2025 du 16 juillet 2025``.
CODE_WITHIN = 3


def _code_within(value: str) -> str | None:
    """The first code among a number field's first words (``CODE_WITHIN``), its value a phrase: the series'
    letters, a numbering sign, then the code (``AC/SRH, N° 21/2025 du 16 juillet 2025`` -> ``21/2025``)."""
    for m in re.finditer(r"\S+", value):
        if m.start() and len(value[: m.start()].split()) >= CODE_WITHIN:
            return None
        if code := CODE.fullmatch(m.group(0).rstrip(",;.")):
            return code.group(0)
    return None


def identifiers(doc: Document) -> list[tuple[Identifier, Span]]:
    """Identifiers named by a label or stated in a sentence, each with its span, in document order."""
    out: list[tuple[Identifier, Span]] = []
    for f in labelled(doc, "identifier"):
        found = clean(doc, f.value_start, f.value_end)
        said = CODE.match(found[0]) if found else None
        code = said.group(0) if said else None
        if found and len(found[0].split()) > 2:
            code = _code_within(found[0])  # ``AC/SRH, N° 21/2025 du 16 juillet 2025`` (``DWS 12/2024``: none)
        if found and code and (at := doc.text.find(code, found[1].start, found[1].end + 1)) >= 0:
            out.append((Identifier(scheme(f.label), code), Span(at, at + len(code))))
    run_in = _run_in().finditer(doc.text)
    leading = _numbered(("line_number_labels",), leading=True).finditer(doc.text)
    for m in sorted((*run_in, *leading), key=lambda m: m.start("label")):
        if _of_supervisor(doc.text, m.start()):
            continue  # ``Supervisor Position #: 88705``: the supervisor's number, not the post's
        value, start = m.group("value").rstrip("."), m.start("value")
        out.append((Identifier(scheme(m.group("label")), value), Span(start, start + len(value))))
    for m in TITLE_NUMBER.finditer(doc.text):
        if not _date(m.group("value")):  # ``Directrice adjointe ou directeur adjoint 2025-246-340``
            out.append((Identifier("competition number", m.group("value")), Span(m.start("value"),
                                                                                 m.end("value"))))
    for m in _aged().finditer(doc.text):  # ``Posted 4 Days Ago`` / ``R-5180``
        value = m.group("value")
        out.append((Identifier("requisition number", value), Span(m.start("value"), m.end("value"))))
    for m in PROSE.finditer(doc.text):
        out.append((Identifier(scheme(m.group("label")), m.group("value")), Span(m.start("value"),
                                                                                 m.end("value"))))
    unique: dict[str, tuple[Identifier, Span]] = {}
    for ident, span in out:
        unique.setdefault(ident.value, (ident, span))
    return sorted(unique.values(), key=lambda found: found[1].start)
