"""Label-value fields of a document, each with the spans of its label and value.

Forms write a field many ways; all become one ``Field``:

- ``Label: value`` (also inside a bullet, ``* Title: X``, or bold ``**Title:** X``),
  several on one line when wide gaps separate them (``Class: X      Code: Y``);
- ``Label<TAB>value`` and two-cell table rows ``| Label | value |``;
- a table whose first row holds the labels and the next row the values;
- a label alone on its line (``Reports to:``), its value on the next line;
- YAML front matter (``title: "X"``), the quotes not part of the value.

A value holding a template placeholder (``{{ page.title }}``) is no value.
``loose`` marks a label written without a colon (a table cell, a label alone on
its line): a rule accepts it only for the labels it knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orgkg.extract.lexicon import LANGUAGES, fold, table
from orgkg.extract.structure.lines import PLACEHOLDER, Line

#: a label: up to 8 words, no sentence punctuation, not a time or a web address.
LABEL = re.compile(r"[^\s:|.;!?][^:|;!?\n]{0,60}")
#: a label's colon (doubled on a scraped page: ``Class Code:: HA35``), and the slash a table flattened with
#: slashes puts between cells (``GRADE: / MG1``).
COLON = re.compile(r"[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*\**[ \t]*::?[ \t]*\**[ \t]*(?:/[ \t]+)?(?!//)")
#: what separates fields on one line: a wide gap, a tab, a flattened table's slash before a label in
#: capitals (``LOCATION: / Three Rivers House / POST CODE: / CS0605``; ``Service / Direction :`` is one
#: label).
GAP = re.compile(r"[ \t]{3,}|\t|[ \t]/[ \t](?=[A-Z][A-Z '&-]{1,40}:)")
#: a label run into the previous value: `` Main site of activity:``, `` Responsible to:``.
RUN_IN = re.compile(r"(?<=\w)[ \t](?=(?:[A-Z][a-z\u2019']*(?:[ \t][a-z][\w\u2019']*){0,4}"
                    r"|[A-Z][\w\u2019']*(?:[ \t][A-Z][\w\u2019']*){0,3})[ \t]?:[ \t])")


@dataclass(frozen=True)
class Field:
    label: str
    label_start: int
    label_end: int
    value_start: int
    value_end: int
    line: int
    loose: bool = False

    def value(self, text: str) -> str:
        return text[self.value_start : self.value_end]


def _is_label(label: str) -> bool:
    words = label.split()
    return 0 < len(words) <= 8 and not re.search(r"https?$|\d{1,2}$", label) and label[0] not in "([{\"'"


def _trim(text: str, start: int, end: int, *, quotes: bool = False) -> tuple[int, int]:
    strip = " \t*_" + ("\"'" if quotes else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _colon_fields(text: str, ln: Line, *, quotes: bool) -> list[Field]:
    """``Label: value`` fields on one line, several when wide gaps separate them."""
    if text.find(":", ln.start, ln.body_end) < 0:
        return []  # no label's colon on the line (most lines): nothing to try
    out: list[Field] = []
    at = ln.body_start
    if text[at] == "*":  # ``**Title:** X``: the bold opening belongs to the label
        at = ln.start + len(text[ln.start : ln.body_end]) - len(text[ln.start : ln.body_end].lstrip(" \t"))
        while at < ln.body_end and text[at] in "*_":
            at += 1
    while at < ln.body_end:
        m = LABEL.match(text, at, ln.body_end)
        c = COLON.match(text, m.end(), ln.body_end) if m else None
        if not m or not c or not _is_label(m.group(0)):
            break
        label_end = m.end()
        nxt = None
        for g in GAP.finditer(text, c.end(), ln.body_end):
            lm = LABEL.match(text, g.end(), ln.body_end)
            if lm and (cm := COLON.match(text, lm.end(), ln.body_end)) and _is_label(lm.group(0)) \
                    and cm.end() > lm.end():
                nxt = g
                break
        stop = nxt.start() if nxt else ln.body_end
        next_at = nxt.end() if nxt else None
        run = RUN_IN.search(text, c.end() + 1, stop)
        if run:  # ``Title of Post: X Main site of activity: Y``: a label run in with single spaces
            colon = COLON.search(text, run.end(), ln.body_end)
            next_at = _label_start(text, run.end(), colon.start() if colon else run.end())
            stop = run.start() if next_at == run.end() else next_at - 1
        pipe = text.find("|", c.end(), stop)
        stop = pipe if pipe >= 0 else stop  # a table cell ends at its bar
        v0, v1 = _trim(text, c.end(), stop, quotes=quotes)
        label = text[m.start() : label_end].strip(" *_")
        out.append(Field(label, m.start(), label_end, v0, v1, ln.index))
        if next_at is None:
            break
        at = next_at
        while at < ln.body_end and text[at] in " \t":
            at += 1
    return out


@cache
def known_labels() -> frozenset[str]:
    """Every ``[labels]`` entry of every language, folded."""
    return frozenset(fold(str(w)) for lang in LANGUAGES for entries in table("labels", lang).values()
                     if isinstance(entries, list) for w in entries)


def _label_start(text: str, start: int, end: int) -> int:
    """Where a label run into the previous value begins: ``... d’architecture de Marseille Adresse : 2,
    place ...``: of capitalised words, only the last ones a known label (``[labels]``, any language) when
    the words as a whole are none; the words before it end the value (``Work Location`` stays whole)."""
    label = text[start:end]
    if fold(label) in known_labels():
        return start
    for gap in re.finditer(r"[ \t]+", label):
        if fold(label[gap.end() :]) in known_labels():
            return start + gap.end()
    return start


def _front_fields(text: str, ln: Line, below: list[Line]) -> list[Field]:
    """A front matter ``key: value``; a folded value (``key: >-``) is the indented line below."""
    found = _colon_fields(text, ln, quotes=True)
    if len(found) == 1 and text[found[0].value_start : found[0].value_end] in (">-", ">", "|", "|-"):
        nxt = below[0] if below and below[0].indent > ln.indent else None
        if nxt is None:
            return []
        v0, v1 = _trim(text, nxt.body_start, nxt.body_end, quotes=True)
        return [Field(found[0].label, found[0].label_start, found[0].label_end, v0, v1, nxt.index)]
    return found


def _cells(text: str, ln: Line) -> list[tuple[int, int]]:
    """Cells of a table row (``|``) or a tab/wide-gap separated row."""
    seg = text[ln.start : ln.end]
    sep = re.compile(r"\|") if seg.strip().startswith("|") else re.compile(r"\t+|[ \t]{3,}")
    cells, at = [], ln.start
    for m in sep.finditer(text, ln.start, ln.end):
        cells.append(_trim(text, at, m.start()))
        at = m.end()
    cells.append(_trim(text, at, ln.end))
    return [(a, b) for a, b in cells if b > a]


def _row_fields(text: str, ln: Line) -> list[Field]:
    cells = _cells(text, ln)
    if len(cells) != 2 or not _is_label(text[cells[0][0] : cells[0][1]]):
        return []
    (l0, l1), (v0, v1) = cells
    if text[l1 - 1] == ":":
        l1 -= 1
    label = text[l0:l1].strip(" *_")
    return [Field(label, l0, l1, v0, v1, ln.index, loose=text[l0:l1].strip()[-1:] != ":")]


RULE_LINE = re.compile(r"[ \t|:\-=+]*")


def _is_rule(text: str, ln: Line) -> bool:
    return bool(RULE_LINE.fullmatch(text[ln.start : ln.end]))


def read_fields(text: str, lines: list[Line], front_end: int) -> list[Field]:
    """Every field of the document, in document order."""
    out: list[Field] = []
    content = [ln for ln in lines if not ln.blank and not _is_rule(text, ln)]
    for k, ln in enumerate(content):
        body = text[ln.body_start : ln.body_end]
        if ln.index < front_end:
            out += [f for f in _front_fields(text, ln, content[k + 1 : k + 4])
                    if not PLACEHOLDER.search(text, f.value_start, f.value_end)]
            continue
        piped = text[ln.start : ln.end].strip().startswith("|")
        found = [] if piped else _colon_fields(text, ln, quotes=False)
        if not found and (piped or "\t" in body or GAP.search(body)):
            found = _row_fields(text, ln)
        if len(found) == 1 and found[0].value_start == found[0].value_end:
            found = []  # ``Reports to:`` alone: the value is on the next line
        if not found and k + 1 < len(content) and _alone(text, ln):
            nxt = content[k + 1]
            if (nxt.index in (ln.index + 1, ln.index + 2) and not nxt.atx
                    and not _colon_fields(text, nxt, quotes=False)
                    and not text[nxt.start : nxt.end].lstrip().startswith("|")):
                pipe = text.find("|", nxt.body_start + 1, nxt.body_end)
                v0, v1 = _trim(text, nxt.body_start, pipe if pipe >= 0 else nxt.body_end)
                label = body.rstrip(" :*_")
                found = [Field(label, ln.body_start, ln.body_start + len(label), v0, v1, nxt.index,
                               loose=not body.rstrip(" *_").endswith(":"))]
        out += [f for f in found if not PLACEHOLDER.search(text, f.value_start, f.value_end)]
    return sorted(out + html_fields(text), key=lambda f: f.value_start)


#: an HTML definition list row kept in markdown: ``<dt>Grade</dt> <dd>HEO</dd>``.
DL_ROW = re.compile(r"<dt\b[^>]*>\s*([^<]{1,200}?)\s*</dt>\s*<dd\b[^>]*>\s*([^<]{1,300}?)\s*</dd>", re.I)


def html_fields(text: str) -> list[Field]:
    """Definition-list rows written in HTML inside a text document."""
    if "<dt" not in text and "<DT" not in text:
        return []
    return [Field(m.group(1), m.start(1), m.end(1), m.start(2), m.end(2), text.count("\n", 0, m.start(2)))
            for m in DL_ROW.finditer(text)]


def _alone(text: str, ln: Line) -> bool:
    """A short line that may be a label with its value below it (a French colon after a space is no word:
    ``Numéro de la possibilité de nomination :``)."""
    body = text[ln.body_start : ln.body_end].rstrip(" *_")
    if ln.marker and not body.endswith(":"):
        return False
    words = body.removesuffix(":").split()
    return 0 < len(words) <= 6 and not body.endswith((".", ",", ";")) and ":" not in body[:-1]
