"""Generic form layouts: label columns, stacked labels, numbered form blocks, factor rows.

Rules for forms whose labels are not written ``Label: value``:

- a label column separated from its value by wide spacing
  (``Agency                 Department of X``) or a label alone on a line with
  its value on the next line (``Reporting line`` / ``Project Director``);
- numbered form blocks (``4. Employing Office Location:  X     5. Duty Station:  Y``,
  ``a. First Subdivision:  Z``): the block numbers are dropped and each block
  becomes its own ``Label: value`` line;
- point-factor evaluation rows (``Factor 1.  Knowledge ...   Level 1-7   1250 points``)
  and ``Total Points: N``;
- a government web domain (``www.agency.nsw.gov.au``) naming an Australian
  state's government.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from orgkg.extract.needles import Needled
from orgkg.extract.records import Factor
from orgkg.extract.rules.classification import PAY_PLAN
from orgkg.extract.text import clean_title, to_number

#: a numbered form block: ``12. Label:`` / ``a. Label:`` (the number and letter dropped).
BLOCK = re.compile(r"(?:^|(?<=[ \t][ \t]))[ \t]*(?:\d{1,2}[a-z]?|[a-h])\.[ \t]+(?=[A-Z][^:\n]{1,60}:)")
#: ``Factor 1.  Knowledge Required   Level 1-7   1250 points`` (a table row) or
#: ``Factor 1 - Knowledge Required by the Position FL 1-5, 750 points`` (a heading over its text).
FACTOR_ROW = re.compile(
    r"(?im)^[ \t]*(?:factor|facteur)[ \t]+\d{1,2}[ \t]*[.:)\-\u2013\u2014]?[ \t]+([^\W\d_][^\n]{2,80}?)"
    r"[ \t]*[,:\-\u2013\u2014]?[ \t]+"
    r"(?:(?:factor[ \t]+)?level[ \t]+|FL[ \t]*|niveau[ \t]+(?:de[ \t]+facteur[ \t]+)?)?"
    r"(\d{1,2}-[0-9a-z]{1,2})[ \t]*[,;]?[ \t]+(\d{1,4})[ \t]*(?:points?|pts\.?)?[ \t]*$")
AU_STATES = {"nsw": "New South Wales", "vic": "Victoria", "qld": "Queensland", "wa": "Western Australia",
             "sa": "South Australia", "tas": "Tasmania", "act": "Australian Capital Territory",
             "nt": "Northern Territory"}


def split_blocks(line: str, label_kind: Callable[[str], str | None]) -> list[str]:
    """``1. Label: X      2. Other: Y`` -> [``Label: X``, ``Other: Y``] when a block's label is known."""
    cuts = list(BLOCK.finditer(line))
    if not cuts or len(cuts) > 6 or cuts[0].start() > len(line) - len(line.lstrip()) or not any(
            label_kind(line[m.end() : line.index(":", m.end())].strip()) for m in cuts):
        return [line]
    ends = [m.start() for m in cuts[1:]] + [len(line)]
    return [line[m.end() : end].strip() for m, end in zip(cuts, ends, strict=True)]


WIDE_GAP = re.compile(r"[ \t]{3,}|\t")


def label_rows(text: str, label_kind: Callable[[str], str | None]) -> str:
    """Label columns and stacked labels rewritten as ``Label: value`` lines."""
    lines = [p for line in text.splitlines() for p in split_blocks(line, label_kind)]
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        cells = [c for c in WIDE_GAP.split(line.strip()) if c]
        below = lines[i + 1].strip() if i + 1 < len(lines) else ""
        after = lines[i + 2].strip() if i + 2 < len(lines) else ""
        if len(cells) == 2 and ":" not in cells[0] and label_kind(cells[0]) and not label_kind(cells[1]):
            out.append(f"{cells[0]}: {cells[1]}")
        elif (len(cells) == 1 and ":" not in line and len(line.split()) <= 4 and label_kind(line.strip())
              and (not out or not out[-1].strip()) and below and not after and ":" not in below
              and len(below.split()) <= 12 and not below.endswith(".") and not label_kind(below)):
            out.append(f"{line.strip()}: {below}")
            i += 1
        else:
            out.append(line)
        i += 1
    return "\n".join(out)


#: ``OF-8``, ``Office of Personnel Management``, ``OPM``: their 'O' first, so ``_sre`` skips to one at once
#: (``\bOF-8\b|...`` was tried at every character).
_FEDERAL = re.compile(r"O(?:(?<=\bO)F-8\b|ffice\s+of\s+Personnel\s+Management|(?<=\bO)PM\b)")


def federal(text: str) -> re.Match[str] | None:
    """A US federal position description: the OF-8 form or OPM named, with a pay plan triple."""
    named = _FEDERAL.search(text)
    return named if named and PAY_PLAN.search(text) else None


def factors(text: str) -> tuple[list[Factor], float | None]:
    """Point-factor rows and the total (stated, or the sum of the rows when they are one table)."""
    rows = [Factor(clean_title(m.group(1)), m.group(2), to_number(m.group(3)))
            for m in FACTOR_ROW.finditer(text)]
    total = re.search(r"(?im)^[ \t]*total[ \t]+points[ \t]*:?[ \t]*(\d{2,5})\b", text)
    if total:
        return rows, to_number(total.group(1))
    # rows with text between them are headings of a partial evaluation, not a table with a sum
    lines = [text.count("\n", 0, m.start()) for m in FACTOR_ROW.finditer(text)]
    table = all(b - a <= 2 for a, b in itertools.pairwise(lines))
    return rows, (sum(f.points or 0 for f in rows) or None) if len(rows) >= 2 and table else None


#: an Australian state's web address: searched only in a text holding '.gov.au' (``Needled``).
_STATE_WEB = Needled(r"\b[\w-]+\.(nsw|vic|qld|wa|sa|tas|act|nt)\.gov\.au\b", re.I)


def web_jurisdiction(text: str) -> str | None:
    """``www.agency.nsw.gov.au`` -> ``Government of New South Wales``."""
    m = _STATE_WEB.search(text)
    return f"Government of {AU_STATES[m.group(1).lower()]}" if m else None


def as_written(title: str, text: str) -> str:
    """A title in capitals as the text writes it elsewhere: ``ENVIRONMENTAL SPECIALIST 2`` -> ``Environmental
    Specialist 2``."""
    if not title.isupper() or len(title) < 4:
        return title
    for m in re.finditer(re.escape(title), text, re.I):
        if not m.group(0).isupper():
            return m.group(0)
    levelled = re.match(r"(.+?)\s+(\d{1,2}|[IVX]{1,4})$", title)  # a series level: the base name elsewhere
    if levelled:
        for m in re.finditer(re.escape(levelled.group(1)), text, re.I):
            if not m.group(0).isupper():
                return f"{m.group(0)} {levelled.group(2)}"
    return title
