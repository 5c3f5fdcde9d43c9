"""The level a budget or staff figure covers, read from the wording of its scope.

Documents word a figure's scope freely ("Sector Budget", "Indirect Branch
Staff", "FTEs", "Budget du secteur"). Figures of different levels are not
additive (a branch's budget already contains its sectors'), so the graph
keeps, beside the wording, one of ``LEVELS``; queries sum only within a level.
A scope naming no organisational level (FTEs, professional staff, direct
reports) is the post's own.
"""

from __future__ import annotations

import re

LEVELS = ("post", "unit", "sector", "branch", "organisation")

# Most specific first: "Indirect Branch Staff" is a branch figure, "Sector Budget" a sector one.
_WORDS: tuple[tuple[str, str], ...] = (
    ("sector", r"sector|secteur"),
    ("branch", r"branch|direction\s+g[ée]n[ée]rale"),
    ("unit", r"division|directorate|bureau|section|office|unit|team|program(?:me)?|service|direction"),
    ("organisation", r"department|ministry|minist[èe]re|organi[sz]ation|agency|corporat\w*|company|"
                     r"government|gouvernement|enterprise|city|county|state"),
)


def scope_level(wording: str | None) -> str:
    """``post``, ``unit``, ``sector``, ``branch`` or ``organisation`` for a figure's scope wording."""
    text = (wording or "").lower()
    for level, pattern in _WORDS:
        if re.search(rf"\b(?:{pattern})\b", text):
            return level
    return "post"
