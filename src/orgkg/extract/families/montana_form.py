"""Montana job profiles: form-line variants of SECTION I and of the duty list.

Older agency variants of the profile write SECTION I as ``Label:  value`` lines
where one line may hold several pairs separated by wide spacing
(``Job Code Title:  X          Job Code Number:  123``), and compound labels
name two fields at once (``Agency/Division:  Department of X, Y Division``: the
comma-separated parts go to the labels in order, the last label taking the rest).
Their duty lists are numbered with the share of time BEFORE the number
(``(50%)  1.  Performs ...``) and lettered sub-tasks (``a)``) under each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from orgkg.extract.records import Duty
from orgkg.extract.text import first_sentence, squash

#: a cell boundary on a form line: a tab or a run of two or more spaces.
CELL_GAP = re.compile(r"\t+| {2,}")
#: a duty line whose share of time comes first: ``(50%)  1.  Text`` / ``50% - Text``.
LEAD_PERCENT = re.compile(
    r"^[ \t]*[(\[]?(\d{1,3}(?:\.\d+)?)[ \t]*%[)\]]?[ \t]*(?:[-\u2013:][ \t]*)?(?:\d{1,2}[.)][ \t]+)?(\S.*)$"
)


def _pairs_in(cells: list[str], label_of: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """``Label:`` cells with the value in the same cell or the next one."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        m = re.match(r"([^:]{2,40}?)\s*:\s*(.*)$", cells[i])
        i += 1
        if not m or not _keys(m.group(1), label_of):
            continue
        value = m.group(2).strip()
        if not value and i < len(cells) and not re.search(r":\s*$", cells[i]):
            value, i = cells[i].strip(), i + 1
        out.append((m.group(1), value))
    return out


def _keys(label: str, label_of: Callable[[str], str | None]) -> list[str]:
    """The field keys a label names: one, or several for ``Agency/Division``."""
    key = label_of(label)
    if key:
        return [key]
    parts = [p for p in re.split(r"\s*/\s*", label) if p.strip()]
    keys = [label_of(p) for p in parts]
    if len(parts) < 2 or not all(keys):
        return []
    return [k for k in keys if k]


def _assign(keys: list[str], value: str) -> list[tuple[str, str]]:
    """Split a compound label's value on commas, one part per key, the last taking the rest."""
    if len(keys) == 1:
        return [(keys[0], value)]
    parts = [p.strip() for p in value.split(",") if p.strip()]
    head, rest = parts[: len(keys) - 1], parts[len(keys) - 1:]
    values = head + ([", ".join(rest)] if rest else [])
    return list(zip(keys, values, strict=False))


def inline_fields(text: str, label_of: Callable[[str], str | None]) -> dict[str, str]:
    """Fields of lines holding several ``Label: value`` pairs, or a compound label."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        cells = [c for c in CELL_GAP.split(line.strip()) if c.strip()]
        pairs = _pairs_in(cells, label_of)
        if not pairs or (len(pairs) < 2 and label_of(pairs[0][0])):
            continue
        for label, value in pairs:
            for key, part in _assign(_keys(label, label_of), squash(value)):
                if part and key not in out:
                    out[key] = part
    return out


def lead_percent_duties(section: str) -> list[Duty]:
    """Duties whose share of time comes before the (optional) number: ``(50%)  1.  Text``."""
    out: list[Duty] = []
    for line in section.splitlines():
        m = LEAD_PERCENT.match(line)
        if m and re.match(r"[A-Za-z]", m.group(2)):
            out.append(Duty(first_sentence(m.group(2)), float(m.group(1))))
    return out


def numbered_duties(section: str) -> list[Duty]:
    """Top-level numbered duties (``1.`` at the smallest indent) carrying a share of time."""
    found = re.finditer(r"(?m)^([ \t]*)\d{1,2}[.)][ \t]+(\S.*)$", section)
    items = [(len(m.group(1)), m.group(2)) for m in found]
    if not items:
        return []
    top = min(indent for indent, _ in items)
    out: list[Duty] = []
    for indent, body in items:
        share = re.search(r"\(?(\d{1,3}(?:\.\d+)?)[ \t]*%\)?", body)
        if indent == top and share:
            text = squash(body[: share.start()] + " " + body[share.end():])
            out.append(Duty(first_sentence(text), float(share.group(1))))
    return out
