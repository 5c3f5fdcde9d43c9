"""Generic phrase rules: supervisor, supervision, staff, budgets (education: rules/education, experience:
rules/figures).

Each reads wording that job descriptions of any layout share: "reporting to
the X", "under the supervision of the X", "Direct reports: N" (with the titles
listed after it), "supervises a team of N", "N professional staff", "$N million
budget".
"""

from __future__ import annotations

import functools
import re

from orgkg.extract.lexicon import alternation
from orgkg.extract.needles import AtLineStart, Needled
from orgkg.extract.records import MentionedPosition, StaffCount
from orgkg.extract.rules.staff import floor
from orgkg.extract.rules.supervised import supervised_count
from orgkg.extract.text import (
    NUMBER,
    clean_title,
    singular_title,
    squash,
    to_int,
)

N = rf"\b{NUMBER}\b"


@functools.cache
def _counted_item() -> re.Pattern[str]:
    """One counted title in a list: ``two (2) GIS Technicians``, ``one (1) part-time GIS Intern``; or a
    group of staff that names no title, its words in lower case, its last a ``[words] staff_nouns`` one:
    ``three (3) administrative support staff members``."""
    staff = alternation("words", "staff_nouns")
    return re.compile(rf"((?i:{N}))(?:[ \t]*\(\d+\))?[ \t]+"
                      rf"((?:(?i:full|part)[- ]time[ \t]+|[a-z][\w-]*[ \t]+){{0,2}})"
                      rf"((?:[A-Z][\w/&'-]*[ \t]+){{0,4}}[A-Z][\w/&'-]*"
                      rf"|(?:[a-z][\w-]*[ \t]+){{0,2}}(?:{staff})s?(?:[ \t]+members)?(?!\w))")
TABLE_TITLE = re.compile(r"(?:(?:working|position|job|class)\s+)?title", re.I)
TABLE_QTY = re.compile(r"qty|quantity|number|no\.?|count|#|(?:number\s+of\s+)?positions|incumbents", re.I)


@functools.cache
def _counted_lead() -> Needled:
    """A ``[words] count_verbs`` verb, tried only where one stands."""
    return Needled(rf"(?i)\b(?:{alternation('words', 'count_verbs')})[ \t]+(?:directly[ \t]+)?")


def counted_list(text: str) -> list[tuple[int, str, str]]:
    """"supervises two (2) X and one (1) part-time Y": (count, title as named, words before it); a staff
    group among titles is one more item, never a list alone ("Supervises 5 employees": a staff, no post)."""
    for m in _counted_lead().finditer(text):
        said = re.split(r"[.;:](?:\s|$)|\n\s*\n", text[m.end() : m.end() + 300])[0]
        items = list(_counted_item().finditer(said))
        if not items or items[0].start() != 0:
            continue
        out = []
        for it in items:
            n, title = to_int(it.group(1)), it.group(3).strip()
            if floor().match(said, it.end(1)):
                continue  # "the supervision of three or more full-time equivalent employees": a class's floor
            if n is not None and title[0].islower():  # a staff group: its words whole
                out.append((n, squash(f"{it.group(2)} {title}"), ""))
            elif n is not None:
                out.append((n, title, squash(it.group(2))))
        if any(not title[:1].islower() for _, title, _ in out):
            return out
    return []


COLUMN_BREAK = re.compile(r"\t|[ \t]{2,}|\s*\|\s*")


def _cols(line: str) -> list[str]:
    return [c.strip() for c in COLUMN_BREAK.split(line.strip().strip("|")) if c.strip()]


_SUPERVIS = Needled(r"(?i)supervis")


@functools.lru_cache(maxsize=4)  # the count supervised and the staff counts read the same table
def supervised_table(text: str) -> list[tuple[int | None, str]]:
    """A table of supervised positions with a Title column (and a Qty / Number column)."""
    if not _SUPERVIS.may_match(text):
        return []  # no line speaks of supervising: no table is under one
    lines = text.splitlines()
    speaks = [_SUPERVIS.pattern.search(ln) is not None for ln in lines]  # each line asked once
    for i, line in enumerate(lines):
        if not any(speaks[max(0, i - 2) : i]):  # one of the two lines above speaks of supervising
            continue
        heads = _cols(line)
        t = next((k for k, h in enumerate(heads) if TABLE_TITLE.fullmatch(h)), None)
        if t is None or len(heads) < 2:
            continue
        q = next((k for k, h in enumerate(heads) if TABLE_QTY.fullmatch(h)), None)
        rows = []
        for row in lines[i + 1 : i + 40]:
            cells = _cols(row)
            if cells and all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue  # a markdown table's rule under its heads: ``|---|---|``
            if len(cells) != len(heads):
                break
            rows.append((to_int(cells[q]) if q is not None else 1, clean_title(cells[t])))
        if rows:
            return rows
    return []


#: a heading over the positions supervised: ``SUPERVISORY RESPONSIBILITIES``, ``Direct reports``.
SUPERVISION_HEAD = AtLineStart(r"[ \t]*(?:supervis(?!\w*[ \t]+received)\w*(?:[ \t]+\w+){0,2}|"
                               r"direct[ \t]+reports|(?:positions|staff|employees)[ \t]+supervised)"
                               r"[ \t]*:?[ \t]*\n", re.I)
#: a line counting positions of one title: ``6.0 FTE Program Specialist 4``, ``- 2 Clerk III``.
COUNT_LINE = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?(\d{1,3})(?:\.0+)?[ \t]+(?:FTEs?[ \t]+|x[ \t]+)?"
                        r"([A-Z][^\n:]{2,80}?)[ \t]*")


def counted_lines(text: str) -> list[tuple[int, str]]:
    """The lines under a supervision heading that each count positions of one title."""
    for head in SUPERVISION_HEAD.finditer(text):
        rows: list[tuple[int, str]] = []
        for line in text[head.end() : head.end() + 2000].lstrip("\n").split("\n"):
            if not line.strip():
                if rows:
                    break
                continue
            m = COUNT_LINE.fullmatch(line)
            if not m:
                break
            rows.append((int(m.group(1)), clean_title(m.group(2))))
        if rows:
            return rows
    return []


def supervision(text: str, *, raw: str = "") -> tuple[int | None, list[MentionedPosition]]:
    """How many positions it supervises and which, where a table under a supervision heading lists them
    (a Title column, maybe a Qty one; in ``raw``, the text as written, else in ``text``), lines under it
    each count one title (``6.0 FTE Program Specialist 4``), or a verb counts them ("supervises two (2)
    GIS Technicians and one (1) GIS Intern"); else the count a verb or a figure gives ("supervises 5", "8
    direct reports"). A label's list or count (``Direct reports: ...``) is the shared rules'
    (``rules.subordinates``, ``rules.reporting``)."""
    names: list[MentionedPosition] = []
    count = None
    # a table as written (``raw``: a markdown table, which ``text`` has flattened to fields), else as read
    table = (raw and supervised_table(raw)) or supervised_table(text) or counted_lines(text)
    listed = counted_list(text)
    if table:
        names = [MentionedPosition(t) for _, t in table]
        count = None if None in [n for n, _ in table] else sum(n or 0 for n, _ in table)
    elif listed:
        names = [MentionedPosition(singular_title(t) if n > 1 else t) for n, t, _ in listed]
        count = sum(n for n, _, _ in listed)
    if count is None:
        count = supervised_count(text)
    return count, names


def listed_staff(text: str) -> list[StaffCount]:
    """The staff counts a table or a list of posts supervised gives (``supervised_table``, ``counted_list``):
    one per distinct count; the figures said in sentences: rules.staff."""
    out: dict[int, StaffCount] = {}
    for k, title in supervised_table(text):
        if k and k not in out:
            out[k] = StaffCount(k, title)
    for k, title, before_title in counted_list(text):
        if k not in out:
            out[k] = StaffCount(k, f"{before_title} {title}".strip())
    return list(out.values())
