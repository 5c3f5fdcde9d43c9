"""The fallback reader for any job or position description no family claims.

It reads wording common to most layouts: form labels on their own lines
(``Job Title:``, ``Department:``, ``Reports to:``, ``Pay Band:`` ...; also
table rows ``| Reports to | X |`` and tab-separated rows), the duties as the
shared rule reads them (``rules.duties``: one duty per list item or paragraph
under a duties heading, with its share of time), and phrases
such as "reporting to the X", "under the supervision of the X",
"supervises N", "N years of experience", "Bachelor's degree in ...",
"$N million budget". The functions are small rules other families may reuse.
"""

from __future__ import annotations

import enum
import functools
import html
import itertools
import re
from collections.abc import Iterator

from orgkg.extract.base import Extractor
from orgkg.extract.families.generic_forms import as_written, factors, federal, label_rows, web_jurisdiction
from orgkg.extract.families.generic_phrases import listed_staff, supervision
from orgkg.extract.families.generic_series import series
from orgkg.extract.lexicon import LANGUAGES, alternation, fold, patterns, words, words_in
from orgkg.extract.needles import AtLineStart, Needled, NeedleIndex, Started
from orgkg.extract.records import (
    UNTITLED,
    Evidence,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    Span,
    StaffCount,
)
from orgkg.extract.rules.budgets import budgets
from orgkg.extract.rules.classification import (
    CLASS_CODE_LABELS,
    EMPLOYMENT_WORDS,
    class_coded,
    class_named,
    class_of,
    class_sought,
    experience_class,
    form_level,
    form_level_labels,
    grade_said,
    group_class,
    pay_plan,
    plan_fields,
    spelled_class,
    superiors,
)
from orgkg.extract.rules.classification import level as shared_level
from orgkg.extract.rules.duties import duties
from orgkg.extract.rules.duties_prose import of_others, prose_duties, told_in, told_in_paragraphs
from orgkg.extract.rules.education import education
from orgkg.extract.rules.experience import experience_years
from orgkg.extract.rules.figures import (
    staff_supervised,
    team_led,
)
from orgkg.extract.rules.identifiers import identifiers as shared_identifiers
from orgkg.extract.rules.labels import Found, every_label, first_value
from orgkg.extract.rules.location import location, town_of_body
from orgkg.extract.rules.offered import offered_at
from orgkg.extract.rules.organisation import (
    PARTNER,
    RESIDENCE,
    begins_a_body,
    body_above,
    body_by_initials,
    body_of_unit,
    employer_statement,
    employer_then_title,
    french_kinds,
    french_local_government,
    french_unit,
    jurisdiction,
    local_body,
    local_department,
    names_unit,
    organisation_named,
    path_steps,
    placed_in,
    populated_place,
    post_within,
    service_named,
    subject_body,
    unit_chain,
    unit_headed,
    unit_hiring,
    unit_line,
    unit_of_superior,
    unit_word,
    units_above,
    units_labelled,
    units_named,
)
from orgkg.extract.rules.placement import organisation_stated, partner, presented, units_stated, without_body
from orgkg.extract.rules.reporting import (
    deputy,
    deputy_of,
    is_deputy,
    peers_labelled,
    peers_named,
    reports_to,
    second_body,
    seconded,
    superiors_named,
    supervised_counted,
    supervised_listed,
    supervises_stated,
    team_head,
)
from orgkg.extract.rules.staff import staff_counts
from orgkg.extract.rules.subordinates import figure_of_subordinates, subordinates
from orgkg.extract.rules.subordinates import peers as peers_listed
from orgkg.extract.rules.titles import (
    KIND,
    POSTED_BY,
    acceptable,
    announced,
    board_posting,
    employer_above,
    employer_below,
    employer_name,
    is_section_name,
    names_a_body,
    names_a_post,
    notice,
    posting_employer,
    run_in_title,
    sought,
    title_field,
    title_in_prose,
    unbracketed,
    without_kind,
    without_marks,
    without_run_in_label,
)
from orgkg.extract.rules.titles import title as shared_title
from orgkg.extract.structure import Document, parse
from orgkg.extract.text import (
    clean_title,
    squash,
    strip_bullet,
)


def _labels(kind: str, group: str = "labels", languages: tuple[str, ...] = ("en",)) -> list[str]:
    """The ``[group] kind`` entries as label patterns, the longest (the most particular) first: ``Work
    Location`` is read before ``Location`` where a form has both. English only unless said: the shared rules
    read the French ``[labels]`` (their values want more than a form's line, ``20 avenue de Ségur - 75 007
    Paris``); ``[form_labels]`` are generic's own."""
    return list(patterns(group, kind, languages=languages, apostrophe="['\u2019]?"))


#: ``Class Code``, ``Code de la classe d'emplois``: a class's number.
CLASS_CODE = list(CLASS_CODE_LABELS)
LABELS: dict[str, list[str]] = {
    "title": _labels("title"),
    # ``Department/Office``, ``Département / Bureau``: a UN notice's organisation, not a unit
    # a UN notice's bilingual ``Département / Bureau``: the French labels are otherwise the shared rules'
    "organization": [*_labels("organization"), r"d[ée]partement\s*/\s*bureau"],
    # ``Service: Financial Management`` in a UK table is a unit; the shared rules read ``Service`` as one only
    # in French (a US posting's ``Service: Competitive`` is the kind of appointment)
    "unit": [*_labels("unit"), r"service"],
    "location": _labels("location"),
    "reports_to": _labels("reports_to"),
    "level": list(form_level_labels()),
    "class": _labels("class"),
    "position number": _labels("position_number", "form_labels", LANGUAGES),
    "job code": [*_labels("job_code", "form_labels"), *CLASS_CODE],
    "competition number": _labels("competition_number", "form_labels", LANGUAGES),
    "flsa": _labels("flsa", "form_labels"),
    "supervised": [*_labels("supervised"), *_labels("supervises")],
}
#: an identifier: ``PD 0H4471`` (a prefix, a number), ``22 EL WMS2 0258`` (upper-case code
#: groups), else one token.
IDENTIFIER = re.compile(r"(?:[A-Z0-9][A-Z0-9./-]*(?: [A-Z0-9][A-Z0-9./-]*){1,3}$)"
                        r"|(?:[A-Z]{1,4} (?=\S*\d))?\S+")
#: a second word after a label: ``Division and Bureau``, ``Work Address and Phone``.
COMPOUND = r"(?:[ \t]*(?:and|/|&)[ \t]*\w+(?:[ \t]+\w+)?){0,3}"
FEDERAL = "United States Federal Government"
#: the post's number closing its title's field: ``Title: Election Services Manager #00002``, ``Title:
#: Director of Elections    POS#103000001`` (a state's job board gives the position number so).
TITLE_NUMBER = re.compile(r"(?:(?<=\s)POS)?#[ \t]?([A-Z]{0,4}\d[\w-]*)[ \t]*$")
#: a name's word: ``Athens-Clarke``, ``St.``; a possessive ends it (``City of Toronto's Technology ...``).
_JWORD = r"[A-Z](?:[\w\-]|\.(?=\w)|(?<![a-z]{2})\.|['\u2019](?!s\b))*"
JURISDICTION = re.compile(
    r"\b(?:Government|State|Province|Commonwealth|County|City(?:\s+and\s+County)?|Town|Village|"
    rf"Township|(?:Regional\s+)?Municipality|Region|District)\s+of\s+(?:the\s+)?{_JWORD}"
    rf"(?:[ \t]+(?!Job\b|Position\b|Class\w*\b|Specifications?\b|Human\b|Department\b|[A-Z]{{2,}}\b)"
    rf"{_JWORD}){{0,2}}"  # not an acronym after the name: ``Government of Canada IT Senior Strategist``
    # a county's name, not a post's rank before ``County`` (``the Deputy County Executive``)
    rf"|\b(?!(?:{'|'.join(patterns('words', 'county_post_ranks', languages=('en',)))})\b)"
    r"(?:[A-Z][a-z]+[ \t]+){1,2}County\b|\bUniversity[ \t]+of[ \t]+[A-Z]\w+(?:[ \t]+[A-Z]\w+)?"
    # not ``... University Hospitals``, nor ``The University`` of ``The University of X``, nor an
    # ``Advanced University degree``
    r"|\b[A-Z]\w+(?:[ \t]+[A-Z]\w+)?[ \t]+University\b"
    r"(?![ \t]+(?:[A-Z]|of\b|degrees?\b|education\b|studies\b))"
    r"|\b[A-Z]\w+(?:\s+[A-Z]\w+)?\s+(?:City|County|Borough|District|Town|Regional)\s+Council\b")
#: where a ``JURISDICTION`` can start: a capital after no word character.
_JURISDICTIONS = Started(JURISDICTION, r"[A-Z](?<!\w.)", asked=True)


# ---------------------------------------------------------------- lines and labels

@functools.cache
def _kind_pattern(kind: str) -> re.Pattern[str]:
    """A kind's labels as one pattern, each label its own group, a compound (``Division and Bureau``) and a
    hint allowed: one compile serves the kind and each of its labels."""
    alternation = "|".join(f"(?P<l{i}>{label})" for i, label in enumerate(LABELS[kind]))
    return re.compile(rf"(?:{alternation}){COMPOUND}[ \t]*(?:\([^)\n]*\))?[ \t]*", re.I)


CELL_BREAK = re.compile(r"\s*\|\s*|\t+")
LABEL_NOTE = re.compile(r":\s*\([^)]*\)$")
LABEL_COLON = re.compile(r":\s*(?:\([^)]*\))?$")
LIST_ITEM_TAG = re.compile(r"(?i)<li\b[^>]*>")
BREAK_TAG = re.compile(r"(?i)<br\s*/?>|</?(?:p|tr|li|h\d|div)\b[^>]*>")
ANY_TAG = re.compile(r"<[^>]+>")
HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
RULE_ROW = re.compile(r"\s*-{3}.*-{3}\s*|\s*\|?[\s:|\-]+\|?\s*")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in CELL_BREAK.split(line.strip().strip("|")) if c.strip()]


@functools.lru_cache(maxsize=4096)
def _label_kind(cell: str) -> str | None:
    """The kind of form label a table cell is (``Reports To`` -> reports_to), or None; where labels of
    two kinds fit, the longer label's (``Group and Level`` is a level's, not the unit label ``Group``
    with a compound)."""
    return next(iter(_label_kinds(cell)), None)


@functools.lru_cache(maxsize=4096)
def _label_kinds(cell: str) -> tuple[str, ...]:
    """The kinds whose longest fitting label is the longest of all that fit ``cell``, in ``LABELS``' order."""
    cell = LABEL_NOTE.sub("", cell.strip()).strip(" :*")
    sizes = {}
    for kind in LABELS:
        if (m := _kind_pattern(kind).fullmatch(cell)) and m.lastgroup:
            sizes[kind] = m.end(m.lastgroup) - m.start(m.lastgroup)
    return tuple(kind for kind, size in sizes.items() if size == max(sizes.values()))


def _is_label_row(cells: list[str]) -> bool:
    """A row of column headings (``Working Title | Job Code``), its values on the next row."""
    if len(cells) < 2:
        return False
    labelled = sum(1 for c in cells if _label_kind(c))
    colons = all(LABEL_COLON.search(c) for c in cells)
    return labelled >= max(2, len(cells) - 1) or (colons and labelled >= 1)


def prepare(text: str) -> str:
    """Plain lines: HTML and Markdown removed, table cells made ``Label: value`` lines."""
    text = LIST_ITEM_TAG.sub("\n\u2022 ", text)
    text = BREAK_TAG.sub("\n", text)
    text = html.unescape(ANY_TAG.sub(" ", text)).replace("\u00a0", " ")
    text = label_rows(text, _label_kind)
    out: list[str] = []
    heads: list[str] = []
    for line in text.splitlines():
        line = HEADING_MARK.sub("", line).replace("**", "").replace("__", "").rstrip()
        if RULE_ROW.fullmatch(line) and line.strip():
            continue
        cells = _cells(line)
        label_row = _is_label_row(cells)  # asked once: each branch below and the next row's heads
        if heads and cells and not _label_kind(cells[0]) and not label_row:
            out += [f"{_bare(h)}: {v}" for h, v in zip(heads, cells, strict=False)]
        elif len(cells) >= 2 and not cells[0].endswith(":") and _label_kind(cells[0]) and not label_row:
            out.append(f"{cells[0]}: {' '.join(cells[1:])}")
        elif len(cells) >= 2 and ("|" in line or "\t" in line) and label_row:
            pass  # its labels are written with the values of the next row
        elif len(cells) >= 2 and sum(bool(re.match(r"[^:]{2,40}:", c)) for c in cells) >= 2:
            out += cells  # one ``Label: value`` per cell
        else:
            out.append("  ".join(cells) if "|" in line else line)
        heads = cells if label_row else (heads if not cells else [])
    return "\n".join(out)


def _bare(label: str) -> str:
    """A column label without its colon and hint: ``DIVISION: (e.g., Region)`` -> ``DIVISION``."""
    return re.sub(r":\s*(?:\([^)]*\))?$", "", label.strip()).strip()


def _is_label(value: str) -> bool:
    """A value that is really the next label (``PHONE NUMBER:``, ``Supervisor's Classification``)."""
    first = re.split(r"\s{2,}", value.strip())[0]
    return bool(re.fullmatch(r"[^:]{1,40}:(?:\s*\([^)]*\))?", first)) or (
        first.isupper() and bool(_label_kind(first)))


class Fields:
    """Where a ``Label:`` may stand in one document, found once: after a line's bullets and after a
    column gap (``Class: X      Job Code: Y``), each with the colons after it on its line. ``field``
    then asks it for a label's value without scanning the text again for each label."""

    #: where a label may start after a column gap: two blanks after a word, not after a value's colon.
    GAP = re.compile(r"(?<=[^\s:|][ \t][ \t])[ \t]*(?=[^ \t\n])")
    LEAD = re.compile(r"[ \t>*\-\u2022]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[tuple[int, list[int], int]] = []  # (label start, colons, line end)
        self.gaps: list[list[tuple[int, list[int], int]]] = []  # per line, in its order
        self.runs: list[tuple[int, list[int], int]] = []  # (label start, colons, next label's start)
        b = -1
        for line in text.split("\n"):
            a, b = b + 1, b + 1 + len(line)
            if ":" not in line:
                continue
            on_line = _colons(text, a, b)
            s = self.LEAD.match(text, a, b).end()  # type: ignore[union-attr]
            self.starts.append((s, [c for c in on_line if c >= s], b))
            gaps = [(g.end(), [c for c in on_line if c >= g.end()], b) for g in self.GAP.finditer(text, a, b)]
            if any(colons for _, colons, _ in gaps):
                self.gaps.append(gaps)
            if len(on_line) >= 2:
                found = list(_run_in_labels().finditer(text, a, b))
                hits = [m.start() for m in found]
                head = text[s : text.index(":", s, b)].strip()
                if len({m.group(0).casefold() for m in found}) >= 2 and not any(
                        _kind_pattern(kind).fullmatch(head) for kind in LABELS):
                    # a flattened form, labels of two kinds or more: ``... Job Title: X Job Code: Y``;
                    # one label again and again (``Ref No: A (X1 Post); ... Ref No: B``) is a list; a line
                    # opening with a label is a form's line, its run-in labels read by the shared rules
                    for h, e in zip(hits, [*hits[1:], b], strict=True):
                        self.runs.append((h, [c for c in on_line if h <= c < e], e))
        # what stands before the last colon of each place, the only text a label can be read from
        self.said = "\n".join(text[s : colons[-1]] for s, colons, _ in
                               [*self.starts, *(g for gaps in self.gaps for g in gaps), *self.runs] if colons)

    def values(self, label: str) -> Iterator[tuple[str, int]]:
        """Each place ``label`` stands with a colon after it: the text after the colon, and where its line
        ends; first at lines' starts, then after column gaps (one a line), in document order. A label
        whose words stand before no colon of the document (``Needled``: most labels, most documents)
        is not looked for at each place."""
        if not (label in self.named if label in _LABEL_SET else _label_needles(label).may_match(self.said)):
            return
        for s, colons, end in self.starts:
            if (c := self._colon(label, s, colons)) is not None:
                yield self._after(c, end), end
        for gaps in self.gaps:
            for s, colons, end in gaps:
                if (c := self._colon(label, s, colons)) is not None:
                    yield self._after(c, end), end
                    break  # the label's value runs to the line's end: no other label on it
        for s, colons, end in self.runs:
            if (c := self._colon(label, s, colons)) is not None:
                said = self._after(c, end)
                cut = RUN_IN_OTHER.search(said) or FLAT_SENTENCE_END.search(said)
                yield said[: cut.start()] if cut else said, end

    def _after(self, colon: int, end: int) -> str:
        """The text after a label's colon, a doubled colon's too (``Class Code:: HA35``), up to ``end``."""
        return self.text[colon + (2 if self.text.startswith("::", colon) else 1) : end].lstrip(" \t")

    @functools.cached_property
    def named(self) -> frozenset[str]:
        """The ``LABELS`` entries whose needles (``Needled``) stand before a colon: the only ones ``values``
        looks for (most labels, most documents, none of their words)."""
        return _label_index().may_match(self.said)

    def _colon(self, label: str, start: int, colons: list[int]) -> int | None:
        return next((c for c in colons if _names(label, self.text[start:c])), None)


def _colons(text: str, start: int, end: int) -> list[int]:
    """Where the colons of ``text[start:end]`` stand, in order."""
    found: list[int] = []
    at = text.find(":", start, end)
    while at >= 0:
        found.append(at)
        at = text.find(":", at + 1, end)
    return found


#: a label the lexicon does not know, run into a flattened form's value: `` Creation Date:``, `` Knowledge:``.
RUN_IN_OTHER = re.compile(r"[ \t][A-Z][\w'\u2019]*(?:[ \t][A-Z][\w'\u2019]*)?[ \t]*:")
#: where a flattened form's value ends and an unlabelled one follows: ``Specialist Drugs. Band 8b``.
FLAT_SENTENCE_END = re.compile(r"(?<=[a-z]{4})\.[ \t]+(?=[A-Z])")


@functools.cache
def _run_in_labels() -> re.Pattern[str]:
    """A label of the lexicon run into a line after a word and one blank, its colon after it: several on
    one line are a form printed flat (a document site's transcript), ``... DESCRIPTION Job Title: X Job
    Code: Y``."""
    known = "|".join(f"(?:{p})" for kind in LABELS for p in LABELS[kind])
    return re.compile(rf"(?<=[\w.)\u2019'][ \t])(?:{known})(?=[ \t]*(?:\([^)\n]*\))?[ \t]*:)", re.I)


def _names(label: str, said: str) -> bool:
    """``said`` (what stands before a colon) is ``label``, with a compound and a hint."""
    if len(said) > SHORT_LABEL:
        return _names_uncached(label, said)
    return _names_cached(label, said)


#: a label with its compound and hint is rarely longer: the answers for shorter texts are kept.
SHORT_LABEL = 80


@functools.lru_cache(maxsize=65536)  # the labels of the lexicon and the short texts documents write
def _names_cached(label: str, said: str) -> bool:
    """``_names_uncached``, its answer kept (for the short texts: ``_names``)."""
    return _names_uncached(label, said)


def _names_uncached(label: str, said: str) -> bool:
    """``_names`` worked out, its answer not kept. Where labels of two kinds fit ``said``, the longer
    one's kind reads it (``_label_kind``): the unit label ``Group`` with a compound does not take
    ``Group and Level``."""
    if _label_pattern(label).fullmatch(said) is None:
        return False
    kinds = _label_kinds(said)
    return not kinds or any(label in LABELS[kind] for kind in kinds)


@functools.cache  # every label of the lexicon: a bounded cache would compile them again each document
def _label_pattern(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{label}){COMPOUND}[ \t]*(?:\([^)\n]*\))?[ \t]*", re.I)


@functools.cache
def _label_needles(label: str) -> Needled:
    """The words every text ``label`` names holds (``_names`` fits no text without them)."""
    return Needled(_label_pattern(label))


_LABEL_SET = frozenset(label for labels in LABELS.values() for label in labels)


@functools.cache
def _label_index() -> NeedleIndex:
    return NeedleIndex({label: _label_needles(label) for label in _LABEL_SET})


@functools.lru_cache(maxsize=1)  # the document being read: its fields, found once
def fields_of(text: str) -> Fields:
    return Fields(text)


def field(text: str, label: str) -> str | None:
    """The value of ``Label: value`` on its own line (a doubled colon is passed over by ``Fields._after``:
    ``Position Number:: 61144766``), or on the next line when the label stands alone."""
    for said, end in fields_of(text).values(label):
        value = re.split(r"\s{2,}[A-Z][\w /&']{1,30}:", said)[0].strip(" *_")
        value = "" if _is_label(value) else value
        if not value:
            nxt = re.match(r"\s*\n\s*([^\n]+)", text[end:])
            value = nxt.group(1).strip() if nxt else ""
            if ":" in value or len(value.split()) > 12:
                value = ""
        if value:
            return squash(BULLET.sub("", value))  # ``Job family (Series)`` over ``• 1016 ...``
    return None


#: a bullet opening a value: ``• 1016 Museum Specialist And Technician``.
BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u2023\u25e6][ \t]*")


def first_field(text: str, kind: str) -> str | None:
    named = fields_of(text).named  # only the labels whose words stand before a colon are looked for
    return next((v for lab in LABELS[kind] if lab in named and (v := field(text, lab))), None)


# ---------------------------------------------------------------- the position's names

def fallback_title(text: str, *, pass_over: bool = False) -> str | None:
    """The first short heading-like line that is not boilerplate or a label; with ``pass_over``, the
    first that reads as a title (page chrome such as ``Skip to main content``, a breadcrumb ``Home › Jobs``
    or a line of an icon font's glyphs, printed from a web page, and section names passed over), above
    the first paragraph of prose. A first line that names no post (``titles.names_a_post``: an address,
    the employer, the page's kind) gives way to a later one, above the prose, that does."""
    lines = _heading_lines(text, pass_over=pass_over)
    first = next((ln for ln, kind in lines if kind is not _Line.PROSE), None)
    if first is None or names_a_post(first) or not acceptable(first):
        return first  # a line no title (``Job Summary``): the structure's rules look further
    later = itertools.takewhile(lambda lk: lk[1] not in (_Line.PROSE, _Line.CLOSED), lines)
    return next((ln for ln, kind in itertools.islice(later, POST_LOOKAHEAD)
                 if kind is _Line.HEADING and acceptable(ln) and names_a_post(ln)), first)


#: how many lines after a first that names no post are looked at for one that does.
POST_LOOKAHEAD = 8


class _Line(enum.Enum):
    HEADING = "a heading-like line"
    VALUE = "another field's value, under its label"
    PROSE = "a line of prose"
    CLOSED = "a line closed by a full stop, the stop cleaned away: a sentence, maybe"


def _heading_lines(text: str, *, pass_over: bool) -> Iterator[tuple[str, _Line]]:
    """The heading-like lines of ``fallback_title`` in order, each with what it is; ``pass_over`` stops at the
    first paragraph of prose."""
    boiler = re.compile(r"(?:job|position|class|role)\s+(?:description|profile|specification|posting)|"
                        r"^page\b|confidential|^date\b|^revised|^draft|\blisting\b|^home\b|^accueil\b|^[<>\u00ab\u00bb]|"
                        r"[\u00bb\u203a\ue000-\uf8ff]|[ \t]>[ \t]",
                        re.I)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:15]
    section = ""  # the last label, lead-in or section heading over the lines
    others = words("headings", "stop") | words("headings", "duties")
    for k, line in enumerate(lines):
        if line.endswith(":"):
            section = fold(line.rstrip(" :"))
            continue  # a label or a lead-in (``Start display at page:``), never a title
        if fold(line) in others:
            section = fold(line)  # ``Duties`` on its line: the items below are that section's
        if section in others and strip_bullet(line) != line:
            continue  # ``BENEFITS:`` / ``• 10 ½ paid holidays each year``, ``Duties`` / ``- Liaise with
            # ...``: an item of a section, no title
        labelled = _other_label(line) or (k > 0 and _other_label(lines[k - 1]))
        if pass_over and labelled:
            continue  # ``Main area`` / ``Physiotherapy``: a job site's field, its label over its value
        kind = _Line.VALUE if labelled or (k > 0 and lines[k - 1].endswith(":")) else _Line.HEADING
        closed = line.endswith(".")
        line = without_run_in_label(without_kind(without_marks(clean_title(strip_bullet(_cell_title(line))))))
        if (cut := KIND.search(line)) and cut.start() > 0:
            if is_section_name(line):
                continue  # ``Full job description``: a job site's furniture, no title before its kind
            line = line[: cut.start()].strip()  # ``Senior Content Designer Job description``
        # ``Coordinateur / Coordinatrice d'actions ... (Manager Public de zone)``: each side of a slash a
        # heading's length once what the title says in brackets is set aside (``titles.unbracketed``)
        heading_words = max(len(side.split()) for side in unbracketed(line).split(" / "))
        if (len(line.split()) > PROSE_WORDS and heading_words > 10) or line.endswith("."):
            if pass_over:
                return  # the prose has begun: a title stands above it
            yield line, _Line.PROSE
        elif (line and ":" not in line and heading_words <= 10
                and not boiler.search(posted := _posted_title(line)) and not names_a_body(posted)
                and not JURISDICTION.fullmatch(line) and (acceptable(line) or not pass_over)):
            yield line, _Line.CLOSED if closed else kind


def _posted_title(line: str) -> str:
    """A job board's title before its employer (``Library Director - Potsdam Public Library``), when it
    names a post; else the whole line."""
    posted = POSTED_BY.match(line)
    named = posted and names_a_post(posted.group("t")) and employer_name(posted.group("e"))
    return posted.group("t") if posted and named else line


def _cell_title(line: str) -> str:
    """``Deputy Sheriff  Marion County``: a job board's title and its employer, two cells of a row (``Deputy
    Sheriff | Marion County`` as ``prepare`` writes it): the title, when it names a post; else the line."""
    cells = re.split(r"[ \t]{2,}", line.strip())
    if len(cells) >= 2 and fold(cells[1]) in words("words", "site_sections") and names_a_post(cells[0]):
        return cells[0]  # ``Senior Analyst | Careers | City of Kingston``: a page's title, its site's section
    return cells[0] if len(cells) == 2 and names_a_post(cells[0]) and employer_name(cells[1]) else line


#: a line of more words than this is prose, not a heading.
PROSE_WORDS = 15


def _other_label(line: str) -> bool:
    """A line that is only a field's label (``[labels]``, any but a title's), its value below it."""
    said = fold(line.rstrip(" :*_"))
    return said in every_label() and said not in words("labels", "title")


#: a role's number after a dash: ``Scientist II - 59132``.
ROLE_CODE = re.compile(r"(.+?)[ \t]+[-\u2013][ \t]+(\d{3,6})")


@functools.cache
def _role_title() -> AtLineStart:
    """``Role Title: Y`` leading its line (``[labels] role_class``): a role's title beside the post's own."""
    labels = alternation("labels", "role_class", r"[ \t]+")
    return AtLineStart(rf"[ \t*\-]*(?:{labels})[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$", re.I)


def role_class(text: str, title: str) -> JobClass | None:
    """The class a role title names where another label gives the post's title: a state's roles are the
    classes its posts are filled in (``Working Title: Asst Curator`` over ``Role Title: Scientist II -
    59132``); a role title that is the post's title names no class."""
    found = _role_title().search(text)
    role = squash(found.group(1)) if found else ""
    if not role or fold(role) == fold(title) or fold(title) in (fold(UNTITLED), ""):
        return None
    coded = ROLE_CODE.fullmatch(role)
    return JobClass(coded.group(2), coded.group(1)) if coded else JobClass(None, role)


def titled_class(said: str | None, title: str) -> JobClass | None:
    """The class a plain title field names, its code before its name, where the post's own title is another
    (``Title: 1165-YN - Associate`` beside ``Business Title: Collections Manager``: ``[words]
    own_title_labels``)."""
    coded = class_coded(said) if said and fold(said) != fold(title) else None
    return JobClass(coded[1], coded[0]) if coded else None


# ---------------------------------------------------------------- classification

def classification(text: str) -> tuple[JobClass | None, str | None]:
    """The job class and the level / grade / range / band the document states."""
    level = form_level(text)
    labelled = level is not None
    level = level or grade_said(text)
    value = first_field(text, "class")
    if not value and (bracketed := _class_numbered().search(text)):  # ``Registrar of Voters (Class No. 2)``
        return JobClass(bracketed.group("code"), clean_title(bracketed.group("title"))), level
    return class_of(value, level, labelled=labelled)


@functools.cache
def _class_numbered() -> re.Pattern[str]:
    """A class's name opening a line, its number in brackets after a class-code label (``[form_labels]
    class_code``): ``Registrar of Voters (Class No. 002163)``."""
    labels = "|".join(CLASS_CODE)
    # after a label maybe, never the label itself: ``Position Classification: Clerk 3 (Class Code 2231)``
    return re.compile(rf"(?m)^[ \t]*(?:[A-Za-z][\w /&]{{1,40}}:[ \t]*)?(?P<title>[A-Z][^\n():]{{2,80}}?)"
                      rf"[ \t]*\((?i:{labels})[ \t]*[.:#]?[ \t]*(?P<code>[A-Z0-9][\w-]{{1,11}})\)")


def _class_labelled(text: str) -> tuple[str, str] | None:
    """The class a ``[form_labels] class_code`` or ``job_code`` label's value names after its code (``Class
    Code: 2231 - Clerk Typist``, ``Job Code: 4521 - Analyst``): its name, its code (``class_coded``)."""
    return next((c for lab in LABELS["job code"] if (v := field(text, lab)) and (c := class_coded(v))), None)


def flsa_below(doc: Document) -> str | None:
    """A status label alone on its line over its value (a posting printed from its site:
    ``FLSA Status`` / ``Nonexempt``)."""
    labels = words("form_labels", "flsa")
    for f in doc.fields:
        value = f.value(doc.text).strip()
        if f.loose and fold(f.label) in labels and re.fullmatch(r"(?i)(non[- ]?)?exempt", value):
            return "Non-Exempt" if value[:3].casefold() == "non" else "Exempt"
    return None


#: a ``Label: value`` line (the label short, in ASCII letters): ``Ministry: Health``.
LABELLED_LINE = AtLineStart(r"[ \t*\-]*([A-Za-z][\w /&]{1,40}?)[ \t]*:[ \t]*(\S[^\n]*)$")
#: a status field that says it: ``Job Type: Full-Time Non-Exempt``, ``Status: Regular, Exempt``.
STATUS_FLSA = AtLineStart(r"[ \t*\-]*[A-Za-z][\w /]{0,30}:[ \t]*(?:[\w/,-]+[ \t]+){0,3}"
                          r"((?i:non)[- ]?(?i:exempt)|Exempt|EXEMPT)[ \t]*$")


#: the status said in a sentence: ``This position is exempt from the overtime provisions of the FLSA``.
FLSA_PROSE = Needled(r"(?i)\b(?:position|job|role|incumbent|class)\s+is\s+(?:classified\s+as\s+)?"
                     r"(non[- ]?exempt|exempt)\b[^\n.]{0,60}?\b(?:FLSA|Fair\s+Labor\s+Standards|overtime)")
#: a checked box before the status: ``[X] Non-Exempt``, a checked HTML box, ``\u2612 Exempt``.
FLSA_CHECKED = Needled(r"(?i)(?:<input[^>]*\bchecked\b[^>]*>|\[\s*[xX\u2713]\s*\]|[\u2612\u2611])"
                       r"\s*(?:FLSA\s+)?(non[- ]?exempt|exempt)")
#: the status naming the staff the post is of, in a sentence or a job site's row of fields: ``This full-time,
#: TEAMS exempt staff position ...``, ``Job Type FT Exempt Salaried Staff Job Number ...``.
FLSA_STAFF = Needled(r"(?i)\b(non[- ]?exempt|exempt)[ \t]+(?:salaried[ \t]+)?staff\b")
#: the status after its name: ``FLSA Status: Exempt``.
FLSA_SAID = Needled(r"(?i)\bFLSA\b[^\n]{0,20}?\b(non[- ]?exempt|exempt)\b")


def flsa_of(raw: str, text: str) -> str | None:
    """``FLSA: Exempt``, ``[X] Non-Exempt``, a checked HTML box before the word, a short status
    field ending with it (``Job Type: Full-Time Non-Exempt``), a sentence saying it or the staff it names
    (``exempt staff position``)."""
    checked = FLSA_CHECKED.search(raw)
    value = checked.group(1) if checked else first_field(text, "flsa")
    if not value:
        m = (FLSA_SAID.search(text) or STATUS_FLSA.search(text) or FLSA_PROSE.search(text)
             or _staff_status(text))
        value = m.group(1) if m else None
    if not value or not re.search(r"exempt", value, re.I):
        return None
    return "Non-Exempt" if re.match(r"(?i)non", value) else "Exempt"


def _staff_status(text: str) -> re.Match[str] | None:
    """The first ``FLSA_STAFF`` the words before it in its sentence do not make another's (``[words]
    grade_elsewhere``: ``supervises exempt staff``)."""
    for m in FLSA_STAFF.finditer(text):
        if not superiors(re.split(r"[.;:!?\n]", text[max(0, m.start() - 80) : m.start()])[-1]):
            return m
    return None


# ---------------------------------------------------------------- the extractor

#: a note after a name, not part of it: ``County Clerk-Recorder (Recruitment by CEO-HR)``.
_NOTE = re.compile(r"\s*\((?=[^)]*\b[a-z]{2,}\b)[^)]*\)\s*$")


def _employer(text: str) -> re.Match[str] | None:
    """The first government or employer named other than as where an applicant must live."""
    for m in _JURISDICTIONS.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if not RESIDENCE.search(before) and not PARTNER.search(before) and not _begins_a_body(text, m.end()) \
                and not POSTAL_CODE.match(text, m.end()) and not _alternatives(text, m):
            return m
    return None


#: the words joining a government to another as its alternative (``[words] alternative_joins``, an article
#: after them maybe): ``, or the``, `` or ``.
_OR, _OR_THE = (f"(?:{'|'.join(patterns('words', key, languages=('en',)))})"
                for key in ("alternative_joins", "subject_articles"))
OR_NEXT = re.compile(rf"[ \t]*,?[ \t]+{_OR}[ \t]+(?:{_OR_THE}[ \t]+)?", re.I)
OR_BEFORE = re.compile(rf"(?:,[ \t]*(?:{_OR}[ \t]+)?|[ \t]+{_OR}[ \t]+)(?:{_OR_THE}[ \t]+)?$", re.I)


def _alternatives(text: str, m: re.Match[str]) -> bool:
    """A government named among others as alternatives (``a member of the bar of a state, the District of
    Columbia or the Commonwealth of Puerto Rico``): where an applicant may have been admitted, no employer."""
    after = OR_NEXT.match(text, m.end())
    if after and JURISDICTION.match(text, after.end()):
        return True
    before = OR_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return before is not None and any(j.end() == before.start()
                                      for j in JURISDICTION.finditer(text, max(0, m.start() - 80), m.start()))


#: a postal code after a place, which makes it an address's: ``Washington, District of Columbia 20013-7012``,
#: ``Province of Ontario M5V 3L9``.
POSTAL_CODE = re.compile(r",?[ \t]+(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b")


def _begins_a_body(text: str, end: int) -> bool:
    """``Bergen County Cooperative Library System``: the county begins a library system's name, it is
    not the employer (an ``[words] employer_heads`` word ends the name)."""
    return begins_a_body(text, end, ("employer_heads",))


def _employs_as_itself(name: str | None) -> bool:
    """A university or college (``[words] self_employers``): the employer is its own organisation."""
    return any(fold(w) in words("words", "self_employers") for w in re.findall(r"\w+", name or ""))


#: ``{unit} department of the {body}``: the body a unit says it belongs to, two to six capitalised
#: words (``of``, ``and``, ``&`` between them).
_CAP_WORD = r"[A-Z][\w'\u2019&.-]*"


@functools.cache
def _unit_of() -> re.Pattern[str]:
    """`` department of the `` (any ``[words] unit_words`` entry), then the body's name."""
    kinds = "|".join(re.escape(w) for w in sorted(words("words", "unit_words")))
    return re.compile(rf"(?i:[ \t]+(?:{kinds})[ \t]+of[ \t]+(?:the[ \t]+)?)"
                      rf"(?P<body>{_CAP_WORD}(?:[ \t]+(?:(?:of|and|&)[ \t]+)?{_CAP_WORD}){{1,5}})")


def _unit_of_named_body(text: str, unit: str) -> str | None:
    """The body the text says a labelled department belongs to: ``Department: Research and
    Collections Management`` and ``The Research and Collections Management department of the Royal
    BC Museum provides ...`` place the post in the Royal BC Museum. (The unit is found first and the
    rest matched after it: one pattern with the unit in it took 6 ms to compile, per document.)"""
    for at in re.finditer(rf"(?i)(?={re.escape(unit)})", text):
        if m := _unit_of().match(text, at.start() + len(unit)):
            return m.group("body").rstrip(".")
    return None


@functools.cache
def _body_heading() -> re.Pattern[str]:
    """A line naming a body by its first word (``[words] body_first``), as written or in capitals:
    ``Ministry of Health``, ``DEPARTMENT OF EMPLOYMENT AND LABOUR``."""
    first = "|".join(f"{re.escape(w.title())}|{re.escape(w.upper())}"
                     for w in sorted(words("words", "body_first")))
    return re.compile(rf"(?m)(?:^|(?<=[ \t][ \t]))((?:{first})[ \t]+(?:of|OF)[ \t]+[A-Z][^\n]{{2,90}}?)"
                      r"[ \t]*$")


def organisation(text: str) -> Organisation:
    org = first_field(text, "organization")
    if org and (";" in org or FLAT_SENTENCE_END.search(org)):
        org = None  # ``Organization: Appointed by and reports to the Board; leads ...``: prose, no name
    if not org:  # a header cell: ``POSITION DESCRIPTION      Ministry of Health``
        head = "\n".join(text.splitlines()[:8])
        m = _body_heading().search(head)  # also a heading in capitals
        org = path_steps(m.group(1))[0] if m else None  # ``Department of Health - Public Health Division``
    # ``Ministry: Health`` is the Ministry of Health; ``Department: Elections`` a department named Elections
    if org and field(text, "ministry") == org and len(org.split()) <= 2 and \
            not (unit_word(org, names=True) or words("words", "body_first") & set(fold(org).split())):
        org = f"Ministry of {org}"
    org = _NOTE.sub("", org) if org else None
    units: list[tuple[str, str]] = []
    if org and (whole := _unit_of_named_body(text, org)):
        units.append((org, "department"))  # ``The Research and Collections Management department of
        org = whole                          # the Royal BC Museum``: the labelled department is a unit
    for m in LABELLED_LINE.finditer(text):
        value = clean_title(m.group(2))
        if _label_kind(m.group(1)) != "unit" or not value or any(value in u for u, _ in units) \
                or (fold(m.group(1)) in words("words", "named_unit_labels") and not names_unit(value)) \
                or re.search(r"\[[ xX]?\]", value) \
                or fold(value) in words("words", "appointment_services"):
            continue  # a checkbox row is no unit, nor ``Service: Competitive`` (a federal appointment's kind)
        if "/" in m.group(1) and len(parts := re.split(r"\s+/\s+", value)) == m.group(1).count("/") + 1:
            kinds = [w.strip().lower() for w in m.group(1).split("/")]  # ``Division/Branch: A / B``
            units += [(p, k) for p, k in zip(parts, kinds, strict=True)]
            continue
        kinds = [w.strip().lower() for w in re.split(r"[ \t]*(?:&|\band\b)[ \t]*", m.group(1))]
        if len(kinds) > 1 and len(parts := re.split(r",[ \t]+", value)) == len(kinds):
            units += [(p, k) for p, k in zip(parts, kinds, strict=True)]  # ``Division & Section: A, B``
            continue
        if org and fold(value) == fold(org):
            continue  # ``Division: Board of Elections`` under ``Department: Board of Elections``
        word = re.findall(r"\w+", m.group(1).lower())[-1]
        if len(steps := path_steps(value)) > 1:  # ``Work Unit: A Division / B Branch / C Unit``, each a level
            units += [(p, unit_word(p) or word) for p in steps if not org or fold(p) != fold(org)]
            continue
        named = unit_word(value, names=True) or word in words("words", "whole_name_unit_labels")
        units.append((value if named else f"{value} {word.title()}", word))
    head = "\n".join(titled(ln) if ln.isupper() else ln for ln in text.splitlines()[:30])
    employer = field(text, "employer")
    stated = employer if employer and len(employer.split()) <= 6 and JURISDICTION.search(employer) \
        else None
    found = _employer(head) or _employer(text)
    written = found.group(0).strip() if found else web_jurisdiction(text)
    juris = FEDERAL if federal(text) else stated or written
    org = clean_title(org) if org else None
    if org and juris and org.casefold() == juris.casefold():
        org = None  # the employer as a whole is the jurisdiction, not a department of it
    if org and juris and _employs_as_itself(juris) and field(text, "department") and \
            fold(org.split()[-1]) not in words("words", "organisation_heads"):
        units.insert(0, (org, "department"))  # ``Department: Research Computing`` of a university that
        org = juris                            # employs as itself: a unit of it, not an organisation
    # the location read from the form's lines (label rows and columns made ``Label: value`` lines,
    # ``prepare``), else from the document as written (``_shared_facts``)
    placed = location(parse(text))
    return Organisation(jurisdiction=juris, organization=org, units=units,
                        location=placed[0] if placed else None)


def titled(line: str) -> str:
    """A line in capitals in title case, its small words (``[words] name_links``) in lower case after its
    first: ``GOVERNMENT OF NEW BRUNSWICK`` -> ``Government of New Brunswick``."""
    links = words_in("en", "words", "name_links")
    return re.sub(r"(?<=\s)\w+", lambda m: m.group(0).lower() if m.group(0).lower() in links else m.group(0),
                  line.title())


def _shared_facts(doc: Document, ex: Extraction) -> list[Evidence]:
    """Level, class and jurisdiction from the shared rules, where generic's own found none."""
    out: list[Evidence] = []
    pos = ex.subject
    if not pos.level and (lvl := shared_level(doc, pos.title or "")):
        pos.level = lvl[0]
        out.append(Evidence.at("level", *lvl, doc.text))
    if pos.level and (cls := group_class(pos.level, doc)) and (
            not pos.job_class or pos.job_class.code is None
            or (pos.job_class.title is None and pos.job_class.code == cls.code)):
        pos.job_class = cls  # also names the group a form's class gave as its code alone
    coded = pos.job_class is not None and pos.job_class.code is None and pos.job_class.title == pos.level
    if pos.level and (not pos.job_class or coded) and (spelled := spelled_class(pos.level, doc)):
        # ``HRO18`` spelled out (``Heritage Resources Officer 18``), also where the class was the code alone
        pos.job_class = JobClass(pos.level, spelled[0])
        out.append(Evidence.at("job_class", *spelled, doc.text))
    if pos.job_class and not pos.job_class.code and pos.level and \
            fold(pos.job_class.title or "") == fold(pos.level):
        pos.job_class = None  # ``Classification: EL1``: a class that only says the level names none
    if not pos.job_class and (sought := class_sought(doc)):
        pos.job_class = JobClass(None, sought[0])  # ``Grade(s) recherché(s)`` / ``Attaché``: the first named
        out.append(Evidence.at("job_class", *sought, doc.text))
    if not ex.organisation.jurisdiction and (juris := jurisdiction(doc)):
        ex.organisation.jurisdiction = juris[0]
        out.append(Evidence.at("jurisdiction", *juris, doc.text))
    if not pos.education and (degree := first_value(doc, "education", max_words=8)):
        pos.education = degree[0]  # ``Niveau requis : Master``: the degree its label names
        out.append(Evidence.at("education", *degree, doc.text))
    if pos.experience_years is None and (years := experience_years(doc)):
        pos.experience_years = years[0]
        out.append(Evidence.at("experience_years", f"{years[0]:g}", years[1], doc.text))
    if not pos.duties:
        for duty, at in prose_duties(doc, pos.title, told_to_holder=True):
            pos.duties.append(duty)
            out.append(Evidence.at("duties", duty.text, at, doc.text))
    deputy_post = is_deputy(pos.title)
    boss = None if pos.reports_to else (reports_to(doc, deputy=deputy_post) or deputy_of(doc, pos.title)
                                        or seconded(doc) or (team_head(doc) if deputy_post else None))
    if boss:
        pos.reports_to = [MentionedPosition(boss[0])]
        out.append(Evidence.at("reports_to", *boss, doc.text))
    if not pos.direct_reports and (subs := subordinates(doc.text)):
        pos.direct_reports = [MentionedPosition(t, number) for t, _, _, number in subs.posts]
        out += [Evidence.at("direct_reports", t, at, doc.text) for t, at, _, _ in subs.posts]
        pos.supervises_count = subs.count  # the list's count, over any figure read elsewhere
        pos.staff_counts = [c for c in pos.staff_counts
                            if not figure_of_subordinates(subs, doc.text, c.count)]  # theirs, not the post's
    if not pos.direct_reports and (second := deputy(doc)):
        pos.direct_reports = [MentionedPosition(second[0])]
        out.append(Evidence.at("direct_reports", *second, doc.text))
    if not pos.direct_reports:
        named, counted = supervised_listed(doc)
        written = bool(named and counted and counted != len(named))  # the label writes its count
        count_at = _count_before(doc.text, named[0][1], counted or 0) if written else None
        if count_at and counted and all(c.count != counted for c in pos.staff_counts):
            # "Supervises: 4 Voter Services Representatives": the label's count of posts, the post's staff too
            pos.staff_counts.append(StaffCount(counted, ", ".join(n[0] for n in named)))
            out.append(Evidence.at("staff_counts", str(counted), count_at, doc.text))
        if not named:
            named, counted = supervised_counted(doc)
        pos.direct_reports = [MentionedPosition(n[0]) for n in named]
        out += [Evidence.at("direct_reports", *n, doc.text) for n in named]
        if named and pos.supervises_count is None and counted is not None:
            pos.supervises_count = counted  # "one Digital Initiatives librarian, and five ... staff members"
    if not pos.peers and (labelled_peers := peers_labelled(doc)):
        pos.peers = [MentionedPosition(n[0]) for n in labelled_peers]
        out += [Evidence.at("peers", *n, doc.text) for n in labelled_peers]
    if not pos.peers and (listed := peers_listed(doc.text)):
        pos.peers = [MentionedPosition(t, number) for t, _, _, number in listed]
        out += [Evidence.at("peers", t, at, doc.text) for t, at, _, _ in listed]
    if not pos.peers and (beside := peers_named(doc)):
        pos.peers = [MentionedPosition(n[0]) for n in beside]
        out += [Evidence.at("peers", *n, doc.text) for n in beside]
    if pos.supervises_count is None and not pos.direct_reports and (said := supervises_stated(doc)):
        pos.supervises_count, at = said
        out.append(Evidence.at("supervises_count", str(said[0]), at, doc.text))
    if pos.supervises_count is None and not pos.direct_reports:
        led = team_led(doc)
        if said := led or staff_supervised(doc):
            pos.supervises_count, at = said
            out.append(Evidence.at("supervises_count", str(said[0]), at, doc.text))
    if not ex.organisation.location and (place := location(doc)):
        ex.organisation.location = place[0]
        out.append(Evidence.at("location", *place, doc.text))
    known = {fold(v) for v in (ex.organisation.jurisdiction, pos.title) if v}
    stated_org, stated_units = placed_in(doc)
    body: tuple[Found | None, Found | None] = (None, None)
    offered = offered_at(doc)  # ``Un poste de MCF est à pourvoir au département QLIO à l'IUT Nice``
    hiring = unit_hiring(doc)  # ``Le département informatique de l'IUT de X recrute``: the IUT, its unit
    partner_org, partner_unit = partner(doc)  # ``friend: 'PIX'``, ``friend: Mission numérique DGALN``
    if not ex.organisation.organization and (
            org := _other_than(organisation_stated(doc), known) or partner_org or stated_org or offered.school
            or employer_statement(doc, not_names=known) or body_above(doc, not_names=known)
            or presented(doc, not_names=known)  # ``FUN ambitionne de ...``: a body presenting itself
            or (body := _body_named(doc, known, ex.organisation.jurisdiction))[0]
            or service_named(doc, not_names=known)
            or subject_body(doc, not_names=known) or hiring[0] or body_by_initials(doc, not_names=known)
            or populated_place(doc, not_names=known) or post_within(doc)
            or presented(doc, not_names=known, rank=3)):
        ex.organisation.organization = org[0]
        out.append(Evidence.at("organization", *org, doc.text))
        if not ex.organisation.jurisdiction and french_local_government(org[0]):
            ex.organisation.jurisdiction = org[0]  # ``La Ville de Sherbrooke ...``: the government it is
            out.append(Evidence.at("jurisdiction", *org, doc.text))
    if not ex.organisation.organization and _employs_as_itself(ex.organisation.jurisdiction):
        ex.organisation.organization = ex.organisation.jurisdiction  # a university employs as itself
    if not ex.organisation.location and ex.organisation.organization and \
            (town := town_of_body(ex.organisation.organization)) and (town_at := doc.text.find(town)) >= 0:
        ex.organisation.location = town  # ``Ville de Neuchâtel``, no place said otherwise: Neuchâtel
        out.append(Evidence.at("location", town, Span(town_at, town_at + len(town)), doc.text))
    if not ex.organisation.location and offered.town:
        ex.organisation.location = offered.town[0]  # ``Poste MdC à Caen``
        out.append(Evidence.at("location", *offered.town, doc.text))
    known |= {fold(ex.organisation.organization or "")}
    labelled_units = units_labelled(doc, not_names=known)
    if len(labelled_units) > len(ex.organisation.units) and \
            {fold(u) for u, _ in ex.organisation.units} <= {fold(u[0]) for u, _ in labelled_units}:
        ex.organisation.units = []  # more under labels generic's English ones miss (``Sous-direction :``)
    if not ex.organisation.units:
        placed = [(u, fold(u[0]).split()[-1]) for u in stated_units]
        above = [(u, fold(u[0]).split()[-1]) for u in units_above(doc, not_names=known)]
        kind = french_kinds().get(french_unit(hiring[1][0]) or "", "unit") if hiring[1] else "unit"
        hired = [(hiring[1], kind)] if hiring[1] else []
        at_units = [(u, fold(u[0]).split()[0]) for u in offered.units  # ``au département QLIO``, never
                    if not any(k.startswith(fold(u[0])) for k in known)]  # the organisation read cut short
        posted = [(without_body(partner_unit, ex.organisation.organization),
                   fold(partner_unit[0]).split()[0])] if partner_unit else []
        given = labelled_units or posted or placed or above or hired or at_units or [
            (unit, unit[0].split()[-1].casefold())
            for unit in units_stated(doc, ex.organisation.organization) or units_named(doc, not_names=known)]
        if not given and body[1]:
            given = [(body[1], "department")]  # ``the Roads Department`` of ``The Township of Springwater``
        if not given and (headed := unit_headed(pos.title)) and (named_at := doc.text.find(headed)) >= 0:
            # ``Responsable Département Skills``: the unit the title says the post heads
            given = [((headed, Span(named_at, named_at + len(headed))), fold(headed).split()[0])]
        if not given and (alone := unit_line(doc)):  # ``A la Direction Cadre de Vie et Espace Public``
            given = [(alone, fold(alone[0]).split()[0])]
        if not given and pos.reports_to and (boss_unit := unit_of_superior(pos.reports_to[0].title)):
            ex.organisation.units.append((boss_unit, boss_unit.split()[-1].casefold()))  # evidence: attached
        if len(given) == 1:  # ``the X team within the Y Directorate``: the units its words place it in
            given = [(step, fold(step[0]).split()[-1] if step != given[0][0] else given[0][1])
                     for step in unit_chain(doc, given[0][0])]
        for unit, kind in given:
            ex.organisation.units.append((unit[0], kind))
            out.append(Evidence.at("org_units", *unit, doc.text))
    return out


def _count_before(text: str, at: Span, count: int) -> Span | None:
    """Where ``count`` is written right before the post at ``at`` ("4 Voter Services Representatives")."""
    lo = max(0, at.start - 12)
    m = re.search(rf"(?<![\d.,]){count}[ \t]+(?:[x\u00d7][ \t]+)?$", text[lo : at.start])
    return Span(lo + m.start(), lo + m.start() + len(str(count))) if m else None


def _other_than(found: Found | None, known: set[str]) -> Found | None:
    """``found`` unless it is a name already read (folded) that no body's word ends (``[words]
    organisation_heads``): ``Employer: Government of Alberta`` names the jurisdiction, no organisation of it;
    ``Organisation: Harbour City Council``, read as the jurisdiction too, is a council."""
    if not found or not (said := fold(found[0]).split()):
        return None
    return found if " ".join(said) not in known or said[-1] in words("words", "organisation_heads") else None


def _body_named(doc: Document, known: set[str],
                jurisdiction: str | None) -> tuple[Found | None, Found | None]:
    """The organisation the document names (``organisation_named``), else the local government a
    sentence names (``local_body``); and, where what it names most is a department of a local
    government the document names (``[words] local_departments``: "The Township of Springwater ... the
    day to day operation of the Roads Department"), the local government, with the department as its
    unit (the local government also where it is read as the jurisdiction: it employs as itself); none, with
    what it names as the unit, where that is a unit (``[words] unit_words``) of a university the document
    names as the jurisdiction (it employs as itself). A body presenting itself by its name alone
    (``placement.presented``) comes before the local government."""
    named = organisation_named(doc, not_names=known)
    if named and (whole := body_of_unit(doc, named[0], not_names=known)):
        return whole, named  # ``the Hauora Māori Service of Health New Zealand``: the body, its unit
    if named and _employs_as_itself(jurisdiction) and unit_word(named[0]) and \
            not _employs_as_itself(named[0]):
        return None, named  # ``The Department of Biology`` of a university, which employs as itself: its unit
    if named and local_department(named[0]) and (
            local := local_body(doc, not_names=known - {fold(jurisdiction or "")})):
        return local, named
    # a body presenting itself by its name alone (``Grand Paris Sud Est Avenir réunit 16 communes``), over a
    # local government named in passing (``Territoire de la Métropole du Grand Paris``)
    return named or presented(doc, not_names=known, rank=2) or local_body(doc, not_names=known), None


def _below_front_matter(doc: Document, text: str) -> str:
    """The prepared text below a YAML front matter (its ``title:`` a field, its ``tags:`` items no title's
    line: ``- archive``), or ``text`` for a document with none."""
    if not doc.front_end or doc.front_end >= len(doc.lines):
        return text
    return prepare(doc.text[doc.lines[doc.front_end].start :])


class GenericDescription(Extractor):
    family = "generic"  # no cues: recognised 0.0, the fallback when no family is sure

    def extract(self, text: str) -> Extraction:
        raw, text = text, prepare(text)
        spans: list[Evidence] = []
        title = first_field(text, "title")
        if title and (EMPLOYMENT_WORDS.match(title) or not acceptable(without_marks(clean_title(title)))):
            title = None  # ``Classification Title: III``, the rest of a title wrapped over two lines: none
        doc = parse(raw)
        body = _below_front_matter(doc, text)
        pos = Position(title=as_written(without_marks(clean_title(title or fallback_title(body) or "")), text)
                       or UNTITLED)
        above = employer_above(doc)  # ``Leeds Teaching Hospitals`` / ``Critical Care Rehabilitation Team
        # Leader (XR07)``: the flat fallback read the employer's line or the post's
        above = above if above and fold(pos.title) in (fold(above[1][0]), fold(above[0][0])) else None
        if labelled_title := title_field(doc) or ((said := notice(doc)) and said[0]):
            pos.title = labelled_title[0]
            span = labelled_title[1]
            spans.append(Evidence.at("title", pos.title, span, raw))
        elif above:  # the flat fallback took the employer's line for the title: the post is on the next
            pos.title = above[0][0]
            spans.append(Evidence.at("title", *above[0], raw))
        elif hired := announced(doc) or employer_below(doc):  # ``La Ville de Durbuy engage :`` / ``Un
            # Directeur Financier (H/F/X)``; a title over its employer's line, the fields below
            pos.title = hired[0][0]
            spans.append(Evidence.at("title", *hired[0], raw))
        elif not acceptable(pos.title) or pos.title == UNTITLED:
            if heading := shared_title(doc) or run_in_title(doc) or employer_then_title(doc) or \
                    sought(doc) or title_in_prose(doc):
                pos.title = heading[0]
                spans.append(Evidence.at("title", *heading, raw))
            elif later := fallback_title(body, pass_over=True):
                pos.title = as_written(later, text)
            elif not acceptable(pos.title):
                pos.title = UNTITLED  # ``Summary`` names a section, not the post
        posted = posting_employer(doc, pos.title) or board_posting(doc, pos.title)
        if posted:  # ``Library Director - Potsdam Public Library``: the title, then its employer
            pos.title = posted[0]
            spans = [e for e in spans if e.field != "title"]
        if coded := class_coded(pos.title) or (pos.title == UNTITLED and _class_labelled(text)):
            pos.title = coded[0]  # ``4521 Park Ranger I``: the class's code opens its name; ``Class Code:
            spans = [e for e in spans if e.field != "title"]  # 2231 - Clerk Typist``: a class and its code
        stated_class = re.sub(r"[\s-]", "", first_field(text, "class") or "").casefold()
        for scheme in ("position number", "job code", "competition number"):
            value = first_field(text, scheme)
            if value and re.search(r"\d", value):
                ident = IDENTIFIER.match(value)
                number = (ident.group(0) if ident else value).strip(",;")
                if all(i.value != number for i in pos.identifiers):  # one number under two labels' words
                    pos.identifiers.append(Identifier(scheme, number))
        if title and (numbered := TITLE_NUMBER.search(title)) and \
                all(i.value != numbered.group(1) for i in pos.identifiers):
            pos.identifiers.append(Identifier("position number", numbered.group(1)))
        # a class code that only restates the classification (``LSO 2`` / ``LSO2``) names no post
        restated = [i for i in pos.identifiers
                    if i.scheme == "job code" and i.value.casefold() == stated_class]
        pos.identifiers = [i for i in pos.identifiers if i not in restated]
        if not pos.identifiers and not restated:
            for shared, where in shared_identifiers(doc):
                pos.identifiers.append(shared)
                spans.append(Evidence.at("identifiers", shared.value, where, raw))
        named = superiors_named(text, first_field(text, "reports_to"))
        unique: dict[str, str] = {}
        for n in filter(None, named):
            n = n[: second_body(n)] if second_body(n) else n  # "X Council and the Y Committee": the first
            unique.setdefault(clean_title(n).casefold(), clean_title(n))
        pos.reports_to = [MentionedPosition(n) for n in unique.values()]
        pos.supervises_count, pos.direct_reports = supervision(text, raw=raw)
        pos.job_class, pos.level = classification(text)
        role = role_class(text, pos.title) or titled_class(field(text, "title"), pos.title)
        if not pos.job_class and role:
            pos.job_class = role
        plan_class, plan_level = pay_plan(text)
        if not plan_class:  # ``Pay Plan: GS`` / ``Series: 0343`` / ``Grade: 12``, each under its label
            plan_class, plan_level = plan_fields(doc)
        if plan_class and not (pos.job_class and pos.job_class.code):
            pos.job_class, pos.level = plan_class, plan_level or pos.level
        elif plan_level:
            pos.level = plan_level
        pos.factors, pos.total_points = factors(text)
        code = next((i.value for i in [*pos.identifiers, *restated] if i.scheme == "job code"),
                    coded[1] if coded else None)
        if pos.job_class and code and not pos.job_class.code:
            pos.job_class = JobClass(code, pos.job_class.title)
        if not pos.job_class and re.search(r"\bclass\s+(?:specification|description|series)",
                                           "\n".join(text.splitlines()[:12]), re.I) and not class_named(doc):
            # a class specification is the class; a posting naming its post's class ("The X class
            # specification is used for ...") is not: the shared rules read that class
            pos.job_class = JobClass(code, pos.title)
        elif (not pos.job_class and code and acceptable(pos.title)
              and (coded or next((v for lab in CLASS_CODE if (v := field(text, lab))), None) == code)):
            pos.job_class = JobClass(code, pos.title)  # ``Class Code: 2455`` under the class's title
        elif not pos.job_class and (labelled_code := _class_labelled(text)):  # ``Job Code: 4521 - Analyst``
            pos.job_class = JobClass(labelled_code[1], labelled_code[0])
        pos.flsa = flsa_of(raw, text) or flsa_below(doc)
        read = duties(doc)
        pos.duties = [d for d, _ in read]
        spans += [Evidence.at("duties", d.text, s, raw) for d, s in read]
        told = told_in(doc, pos.duties[0].text, pos.title) if len(pos.duties) == 1 else []
        if ((len(pos.duties) == 1 and not told) or of_others(doc, read, pos.title)) and \
                len(elsewhere := prose_duties(doc, pos.title)) >= 2:
            told = elsewhere  # a lone item, or paragraphs, that say nothing of the post ("Les missions de la
            # DDT sont définies à l'article 3 ..."): the sentences whose subject is the post say what it does
        if len(pos.duties) > 1 and (retold := told_in_paragraphs(doc, read, pos.title)):
            told = retold  # paragraphs under the duties heading: their sentences whose subject is the post
        if len(told) >= 2:
            # one paragraph under the duties heading: each sentence whose subject is the post a duty
            pos.duties = [d for d, _ in told]
            spans = [e for e in spans if e.field != "duties"]
            spans += [Evidence.at("duties", d.text, s, doc.text) for d, s in told]
        pos.education = education(text)
        pos.experience_at_class = experience_class(text)  # its years: _shared_facts (rules.experience)
        read_budgets = budgets(doc, flat=text)
        staff = staff_counts(doc, flat=text, listed=listed_staff(text))
        pos.budgets, pos.staff_counts = [b for b, _ in read_budgets], [c for c, _ in staff]
        spans += [Evidence.at("staff_counts", str(c.count), at, doc.text) for c, at in staff if at]
        spans += [Evidence.at("budgets", f"{b.amount:g}", at, doc.text) for b, at in read_budgets if at]
        ladder = series(text, pos.job_class.title) if pos.job_class and pos.job_class.title else []
        found = Extraction(family=self.family, subject=pos, organisation=organisation(text), series=ladder)
        if (hired := announced(doc) or employer_below(doc) or above) and pos.title == hired[0][0] \
                and fold(hired[1][0]).split()[0] not in words("words", "employer_possessives"):
            # ``La Ville de Durbuy engage :``: the employer names itself, over any organisation guessed (not
            # ``Notre client recrute :``, a recruiter's client)
            found.organisation.organization = hired[1][0]
            spans = [e for e in spans if e.field != "organization"]
            spans.append(Evidence.at("organization", *hired[1], doc.text))
        elif posted and posted[1] and not found.organisation.organization:
            found.organisation.organization = posted[1][0]
            spans.append(Evidence.at("organization", *posted[1], doc.text))
        spans += _shared_facts(doc, found)
        found.evidence += spans
        if found.organisation.jurisdiction == FEDERAL and (cue := federal(raw)):
            found.evidence.append(Evidence("jurisdiction", FEDERAL, cue.start(), cue.end(), cue.group(0)))
        return found
