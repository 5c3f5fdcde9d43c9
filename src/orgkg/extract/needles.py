"""Quick misses for case-insensitive searches: the words every match of a pattern contains.

A case-insensitive search tries its pattern at every position of a text, and most recognition
cues and field labels are absent from most documents. ``Needled`` reads a compiled pattern's
parse tree for the literal runs every match must contain (all the runs of a sequence, those of
one branch of an alternation), and answers a search at once when the lowercased text lacks
them; else it runs the pattern. The answer is always the pattern's own: a pattern whose tree
it does not follow has no needles and is run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# The parse tree of the standard library's own compiler: no public module offers it since 3.11.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

#: Characters that match an ASCII letter under IGNORECASE but lowercase to something else
#: (long s, Kelvin sign, dotted and dotless I): a text holding one is always searched.
_ODD = frozenset("\u017f\u212a\u0130\u0131")
_MIN = 3  # a shorter run is in nearly every text: no quicker than the search
_MAX = 32  # alternatives kept: a part that would make more is left out (the needles only weaken)

#: Sets of lowercased ASCII runs: every match contains all the runs of one of the sets.
Needles = frozenset[frozenset[str]]


def needles(items: list[tuple[object, object]]) -> Needles | None:
    """What every match of the parsed ``items`` contains; None when nothing is known. A sequence
    needs each of its literal runs and of its groups' and required repeats' needles; an
    alternation needs those of one of its branches."""
    alternatives: set[frozenset[str]] = {frozenset()}
    run: list[str] = []

    def also(more: Needles | None) -> None:
        nonlocal alternatives
        both = {a | b for a in alternatives for b in more or ()}
        if more and len(both) <= _MAX:
            alternatives = both

    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and isinstance(av, int) and av < 128:
            run.append(chr(av).lower())
            continue
        if len(run) >= _MIN:
            also(frozenset([frozenset(["".join(run)])]))
        run = []
        if op is sre.SUBPATTERN and isinstance(av, tuple):
            also(needles(av[-1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and isinstance(av, tuple) and av[0] >= 1:
            also(needles(av[2]))
        elif op is sre.ASSERT and isinstance(av, tuple):  # a lookaround's words are in the text too
            also(needles(av[1]))
        elif op is sre.BRANCH and isinstance(av, tuple):
            each = [needles(branch) for branch in av[1]]
            if all(each):
                also(frozenset().union(*(e for e in each if e)))
    return None if frozenset() in alternatives else frozenset(alternatives)


class Needled:
    """A compiled pattern whose ``search`` and ``finditer`` first look for its needles in the
    lowercased text."""

    def __init__(self, pattern: str | re.Pattern[str], flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        self.needles = needles(_parser.parse(self.pattern.pattern, self.pattern.flags).data)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())

    def may_match(self, text: str) -> bool:
        """False when ``text`` lacks the needles: the pattern matches nowhere in it."""
        if self.needles is None:
            return True
        low = lowered(text)
        return low is None or any(all(n in low for n in each) for each in self.needles)


@functools.lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """``text`` lowercased, for the needles; None when it holds a character that makes that unsafe."""
    return None if not _ODD.isdisjoint(text) else text.lower()
