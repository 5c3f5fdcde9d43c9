"""The DIMENSIONS section of a GoC EX position description: staff counts and budgets.

Two layouts: one ``Label: value`` pair per line (``Total staff: 218 FTEs``,
``Capital program: $41.3 M (annual)``; labels in any case), or the pairs run
together by OCR on one line, where only Title Case labels can be told apart
(``Direct Sector Staff: 660 Sector Budget: 70.7 million $``), or a capital word and up
to three lower-case ones (``Operating budget: $3.2 million Salary budget: ...``). Without labels
the dimensions are sentences and are read as any description's.
"""

from __future__ import annotations

import re
from functools import cache

from orgkg.extract.families.generic_phrases import listed_staff
from orgkg.extract.lexicon import alternation
from orgkg.extract.records import Budget, StaffCount
from orgkg.extract.rules.budgets import amounts_in
from orgkg.extract.rules.budgets import budgets as budgets_read
from orgkg.extract.rules.figures import counts_in
from orgkg.extract.rules.staff import count_nouns, staff_counts
from orgkg.extract.structure import parse
from orgkg.extract.text import currency_of, join_digit_groups, parse_amount, repair_numbers, squash

#: a capital and a letter, accented ones included (``Équivalents temps plein``).
_UP, _AL = "A-Z\u00c0-\u00de", "A-Za-z\u00c0-\u00ff"
DIM_LABEL = re.compile(
    rf"(?P<label>[{_UP}][{_AL}&/'\-]+(?:[ \t]+(?:[A-Z][A-Za-z&/'\-]*|and|of|for|in|&))*"
    rf"|[{_UP}][{_AL}&/'\-]+(?:[ \t]+[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff&/'\-]*){{1,3}})"
    r"[ \t]*(?:\([^)]*\))?[ \t]*:"
)
LINE_PAIR = re.compile(rf"(?m)^[ \t*\u2022-]*(?P<label>[{_UP}][^:\n]{{0,80}}?)[ \t]*(?:\([^)\n]{{0,60}}\))?"
                       r"[ \t]*:[ \t]*(?P<value>\S[^\n]*)$")
#: a Dimensions label naming a budget: a ``[words] dimension_budget_stems`` entry inside it (``Salaries``,
#: ``O&M``, ``Budget de fonctionnement``).
BUDGET_WORDS = re.compile(alternation("words", "dimension_budget_stems"), re.I)
#: a Dimensions label naming staff: a ``[words] dimension_staff_stems`` entry inside it (``Total staff``,
#: ``Équivalents temps plein``) or a ``dimension_staff_words`` word (``FTEs``, ``Direct reports``, ``ETP``).
STAFF_WORDS = re.compile(rf"{alternation('words', 'dimension_staff_stems')}"
                         rf"|\b(?:{alternation('words', 'dimension_staff_words')})\b", re.I)


@cache
def _staff_value() -> re.Pattern[str]:
    """A value that counts staff whatever its label says: ``Human Resources: 25 FTEs``, ``Ressources
    humaines : 45 ETP`` (a number, then a ``[words] count_nouns`` or ``counted_staff`` noun)."""
    nouns = f"{count_nouns()}|{alternation('words', 'counted_staff')}"
    return re.compile(rf"(?i)[ \t]*\d[\d,]*[ \t]+(?:{nouns})\b")


def _pairs(section: str) -> list[tuple[str, str]]:
    """(label, value) pairs: one per line when the section is laid out so, else run together."""
    lines = [(m.group("label"), m.group("value")) for m in LINE_PAIR.finditer(section)]
    if len(lines) >= 2:
        return [(squash(label), join_digit_groups(repair_numbers(value))) for label, value in lines]
    text = join_digit_groups(repair_numbers(squash(section)))
    hits = list(DIM_LABEL.finditer(text))
    return [(m.group("label"), text[m.end() : hits[i + 1].start() if i + 1 < len(hits) else len(text)])
            for i, m in enumerate(hits)]


def dimensions(section: str) -> tuple[list[Budget], list[StaffCount]]:
    """``Direct Sector Staff: 660 Sector Budget: 70.7 million $`` -> staff counts and budgets."""
    pairs = _pairs(section)
    budgets: list[Budget] = []
    staff: list[StaffCount] = []
    for label, value in pairs:
        if BUDGET_WORDS.search(label) or re.search(r"\$|million|billion|milliard", value, re.I):
            amount = parse_amount(value)
            if amount is not None:
                budgets.append(Budget(amount, currency_of(value, "CAD"), label))
                for more, _ in amounts_in(value, 0, len(value), currency="CAD", scope=label):
                    if more.amount not in {b.amount for b in budgets}:  # ``$3.5M (salary), $1.2M (O&M)``
                        budgets.append(more)
        elif STAFF_WORDS.search(label) or _staff_value().match(value):
            n = re.search(r"\d[\d,]*(?:\.\d+)?", value)
            if n:
                staff.append(StaffCount(round(float(n.group(0).replace(",", ""))), label))
                for count, _ in counts_in(value, 0, len(value), label):
                    if count.count not in {c.count for c in staff}:
                        staff.append(count)  # ``12 employees (direct), 140 (indirect)``
    if not pairs:  # dimensions told in sentences: read them as any description's
        text = join_digit_groups(repair_numbers(squash(section)))
        doc = parse(text)
        budgets = [b for b, _ in budgets_read(doc, currency="CAD")]
        staff = [c for c, _ in staff_counts(doc, listed=listed_staff(text))]
    return budgets, staff
