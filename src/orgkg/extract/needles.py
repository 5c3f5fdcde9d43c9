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
from collections.abc import Callable, Iterable, Iterator, Mapping

# The parse tree of the standard library's own compiler: no public module offers it since 3.11.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

#: Characters that match an ASCII letter under IGNORECASE but lowercase to something else
#: (long s, Kelvin sign, dotted and dotless I): a text holding one is always searched.
_ODD = frozenset("\u017f\u212a\u0130\u0131")
_MIN = 3  # a shorter run is in nearly every text: no quicker than the search
#: Heads standing more often than once in this many characters: the pattern's own search is quicker.
_SPARSE = 40
_MAX = 32  # alternatives kept: a part that would make more is left out (the needles only weaken)

#: Sets of lowercased ASCII runs: every match contains all the runs of one of the sets.
Needles = frozenset[frozenset[str]]


def needles(items: list[tuple[object, object]], shortest: int = _MIN, most: int = _MAX, *,
            around: bool = True, cased: bool | None = None) -> Needles | None:
    """What every match of the parsed ``items`` contains; None when nothing is known. A sequence
    needs each of its literal runs (of ``shortest`` characters or more) and of its groups' and
    required repeats' needles; an alternation needs those of one of its branches (at most ``most``
    sets kept). ``around``: a lookaround's runs too (the text holds them, the match itself not).
    Runs are lowercased; ``cased`` (whether ``items`` are read case-sensitively: not None) keeps those read
    so as written (``(?-i:GED)``: ``GED``, for ``places``)."""
    alternatives: set[frozenset[str]] = {frozenset()}
    run: list[str] = []
    keep = bool(cased)

    def also(more: Needles | None) -> None:
        nonlocal alternatives
        both = {a | b for a in alternatives for b in more or ()}
        if more and len(both) <= most:
            alternatives = both

    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and isinstance(av, int) and av < 128:
            run.append(chr(av) if keep else chr(av).lower())
            continue
        if len(run) >= shortest:
            also(frozenset([frozenset(["".join(run)])]))
        run = []
        if op is sre.SUBPATTERN and isinstance(av, tuple):
            inner = cased if cased is None else (cased or bool(av[2] & re.IGNORECASE)) \
                and not av[1] & re.IGNORECASE  # ``(?-i:...)``, ``(?i:...)``
            also(needles(av[-1], shortest, most, around=around, cased=inner))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and isinstance(av, tuple) and av[0] >= 1:
            also(needles(av[2], shortest, most, around=around, cased=cased))
        elif op is sre.ASSERT and isinstance(av, tuple) and around:  # its words are in the text too
            also(needles(av[1], shortest, most, around=around, cased=cased))
        elif op is sre.BRANCH and isinstance(av, tuple):
            each = [needles(branch, shortest, most, around=around, cased=cased) for branch in av[1]]
            if all(each):
                also(frozenset().union(*(e for e in each if e)))
    return None if frozenset() in alternatives else frozenset(alternatives)


def heads(items: list[tuple[object, object]], folded: bool) -> frozenset[str] | None:
    """The words one of which every match of the parsed ``items`` starts with (after zero-width
    ``\\b``, ``^``, lookarounds): a literal run of ASCII characters (lowercased when ``folded``), one for each
    branch of an alternation; None when a match may start otherwise."""
    run: list[str] = []
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) and not run:
            continue  # zero width (``\\b``, ``^``, a lookaround): the pattern checks it where it is tried
        if op is sre.LITERAL and isinstance(av, int) and av < 128:
            run.append(chr(av).lower() if folded else chr(av))
            continue
        if run:
            break
        if op is sre.SUBPATTERN and isinstance(av, tuple) and not av[1] and not av[2]:
            return heads(av[-1], folded)  # a group's words (its flags the pattern's)
        if op is sre.BRANCH and isinstance(av, tuple):
            each = [heads(branch, folded) for branch in av[1]]
            return None if any(e is None for e in each) else frozenset().union(*(e for e in each if e))
        return None
    return frozenset(["".join(run)]) if run else None


class Needled:
    """A compiled pattern whose ``search`` and ``finditer`` first look for its needles in the
    lowercased text; when every match starts with one of a few words (``heads``), it is tried only
    where one stands (a case-insensitive alternation of words is otherwise tried, branch after
    branch, at every character of the text). A pattern whose matches start where its heads cannot say
    may be given ``places``: where in a text (and that text lowercased) its matches can start, in order."""

    def __init__(self, pattern: str | re.Pattern[str], flags: int = 0,
                 places: Callable[[str, str], list[int]] | None = None) -> None:
        self.pattern = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        self._places = places
        tree = _parser.parse(self.pattern.pattern, self.pattern.flags)
        self.needles = needles(tree.data)
        self.folded = bool(tree.state.flags & re.IGNORECASE)
        self.heads = heads(tree.data, self.folded)
        #: the shortest first: where one stands too often to be worth it (``a``), that is found soonest
        self._shortest_first = sorted(self.heads or (), key=len)
        self._lines = _lined(self.pattern, tree) if self.heads is None and places is None else None
        #: the pattern for the lowercased text (``folded``); a pattern that may match empty is run as it is
        self._lower = folded(self.pattern) if tree.getwidth()[0] > 0 else None

    def search(self, text: str) -> re.Match[str] | None:
        if not self.may_match(text):
            return None
        starts = self.starts(text)
        low = lowered(text) if self._lower is not None else None
        if starts is None:
            if self._lines is not None:
                return self._lines.search(text)
            if low is None:
                return self.pattern.search(text)
            found = self._lower.search(low)  # type: ignore[union-attr]
            return None if found is None else self.pattern.match(text, found.start())
        return next(_tried(self.pattern, text, starts, self._lower, low), None)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.may_match(text):
            return iter(())
        starts = self.starts(text)
        low = lowered(text) if self._lower is not None else None
        if starts is None:
            if self._lines is not None:
                return self._lines.finditer(text)
            if low is None:
                return self.pattern.finditer(text)
            return _tried(self.pattern, text, (m.start() for m in self._lower.finditer(low)))  # type: ignore[union-attr]
        return _tried(self.pattern, text, starts, self._lower, low)

    def starts(self, text: str) -> list[int] | None:
        """Where the heads stand in ``text`` (or the ``places`` given), in order; None when unknown or too
        many to be quicker."""
        if self._places is not None:
            return None if (low := lowered(text)) is None else self._places(text, low)
        if not self.heads:
            return None
        low = lowered(text) if self.folded else text
        if low is None:
            return None
        return _found(low, self._shortest_first, len(text) // _SPARSE)

    def may_match(self, text: str) -> bool:
        """False when ``text`` lacks the needles: the pattern matches nowhere in it."""
        if self.needles is None or (low := lowered(text)) is None:
            return True
        holds = functools.partial(_holds, low) if len(low) >= _LONG else low.__contains__
        for each in self.needles:  # loops, not any(all(...)): two generators made for every call
            for needle in each:
                if not holds(needle):
                    break
            else:
                return True
        return False


#: an escape: a code written in hex, or a backslash and one character.
_ESCAPED = r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|.)"
#: a pattern's parts: an escape, a character class, a group's name, an inline flag group, a run of other
#: characters, an opening bracket.
_PARTS = re.compile(rf"{_ESCAPED}|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?P<\w+>|\(\?P=\w+\)|\(\?\(\w+\)"
                    r"|\(\?[aiLmsux-]+[:)]|[^\\\[(]+|.", re.S)
#: a character class's members: an escape, a range, a character.
_MEMBERS = re.compile(rf"({_ESCAPED}|[^\\])(?:-({_ESCAPED}|[^\\]))?", re.S)
_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")


def _code(part: str) -> str | None:
    """The character a class member or an escape writes (``\\u00e9``, ``\\x41``, ``\\.``, ``a``); None for
    a class of characters (``\\w``) or an escape that is no character (``\\b``, ``\\1``)."""
    if len(part) == 1:
        return part
    if part[1] in "uUx":
        return chr(int(part[2:], 16))
    return None if part[1].isalnum() else part[1]


def _lower_only(chars: str) -> bool:
    """Every character of ``chars`` is its own lower case (``str.lower`` changes none) and none is one of
    the letters case-insensitive matching pairs with another beside their cases (Greek, the micro sign)."""
    return chars.lower() == chars and not _PAIRED.search(chars)


#: letters ``_sre`` matches case-insensitively with another than their own cases (its ``_ignorecase_fixes``):
#: the micro sign, Greek, a few others; those ``_ODD`` keeps out of lowered texts aside.
_PAIRED = re.compile("[\u00b5\u0345\u0370-\u03ff\u1e61\u1e9b\u1f00-\u1fff\ufb05\ufb06]")


def _class_kept(part: str) -> bool:
    """A character class that means the same in the lowercased text, case-sensitive, as it did
    case-insensitive in the text: no member (a range's every character) that lowercasing changes."""
    for m in _MEMBERS.finditer(part[2 if part.startswith("[^") else 1 : -1]):
        first, last = _code(m.group(1)), _code(m.group(2)) if m.group(2) else None
        if m.group(2) and (first is None or last is None):
            return False
        chars = "".join(map(chr, range(ord(first), ord(last) + 1))) if first and last else first or ""
        if not _lower_only(chars):
            return False
    return True


@functools.cache
def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive ``pattern`` as a case-sensitive one for the lowercased text (``lowered``): its
    letters in lower case, its inline ``i`` flag dropped. Where one matches, the other matches, with the same
    span: ``pattern`` in the text, this one in the lowered text. ``_sre`` compares a case-insensitive literal
    character by character, and skips neither to a literal start nor past a branch by its first character:
    the lowercased pattern is refused sooner where it does not match. None where that is not known to hold:
    a pattern not case-insensitive throughout (ASCII-only, ``(?-i``), a character class or a written code
    holding a capital, a letter lowercased into two or pairing with others than its cases (Greek), a
    condition on a group."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & re.ASCII:
        return None
    out = []
    for part in _PARTS.findall(pattern.pattern):
        if part.startswith("[") and len(part) > 1:
            if not _class_kept(part):
                return None
            out.append(part)
        elif _FLAGS.fullmatch(part):
            if "-" in part or "L" in part:
                return None  # a scoped case-sensitive group, or a flag of bytes
            flags = part[2:-1].replace("i", "")  # the flags the pattern keeps: ``(?m)``, ``(?s:``
            out.append(f"(?{flags}{part[-1]}" if flags or part.endswith(":") else "")
        elif part.startswith("(?("):
            return None
        elif part.startswith("(?P"):
            out.append(part)
        elif part.startswith("\\"):
            code = _code(part)
            if part[1] in "uUxN" and (code is None or not _lower_only(code)):
                return None
            out.append(part)
        elif len(lower := part.lower()) != len(part) or _PAIRED.search(lower):
            return None
        else:
            out.append(lower)
    try:
        lowered_pattern = re.compile("".join(out), pattern.flags & ~re.IGNORECASE)
    except re.error:
        return None
    return lowered_pattern


#: A text this long is a document: the needles looked for in it are remembered (``_holds``); a shorter one
#: (a line, a value) is looked through again.
_LONG = 2000


@functools.lru_cache(maxsize=4096)  # the needles of the document being read: many patterns share them
def _holds(low: str, needle: str) -> bool:
    return needle in low


#: a global inline flag group opening a pattern: ``(?im)``.
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _lined(pattern: re.Pattern[str], tree: _parser.SubPattern) -> AtLineStart | None:
    """The pattern searched only after the line breaks (``AtLineStart``) when every match of it starts a
    line (``^`` opening it, or each of its branches, in MULTILINE); else None."""
    if not tree.data or tree.data[0] != (sre.AT, sre.AT_BEGINNING) or not tree.state.flags & re.MULTILINE:
        return None
    body = pattern.pattern
    while lead := _GLOBAL_FLAGS.match(body):
        body = body[lead.end() :]
    return AtLineStart(body, tree.state.flags)


def _tried(pattern: re.Pattern[str], text: str, starts: Iterable[int], lower: re.Pattern[str] | None = None,
           low: str | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` where its matches can start only at ``starts`` (in order) and are never
    empty: the first match from each place after the end of the last; given the ``folded`` pattern and the
    ``lowered`` text, tried there first."""
    end = 0
    if lower is None or low is None:
        for p in starts:
            if p >= end and (m := pattern.match(text, p)):
                yield m
                end = m.end()
        return
    for p in starts:
        if p >= end and lower.match(low, p) and (m := pattern.match(text, p)):
            yield m
            end = m.end()


class Started:
    """A pattern whose every match starts where ``at`` matches one character: ``at`` opens with a
    character set (``_sre`` skips to one at once) and checks what stands before it (a lookbehind over
    two characters, ``[A-Z](?<![\\w.].)``), where the pattern's own lookbehinds first are tried at every
    character of the text. ``finditer`` tries the pattern only there; the matches are the pattern's own.
    ``asked``: the pattern asked inside that search (``_at_matching``), no call made for each place that
    only ``at`` takes (quicker where few of them start a match; a long match, a name of many capitalised
    words, has the search ask it again at each place inside it)."""

    def __init__(self, pattern: str | re.Pattern[str], at: str, flags: int = 0, *,
                 asked: bool = False) -> None:
        self.pattern = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        self._at = re.compile(at)
        if _parser.parse(self.pattern.pattern, self.pattern.flags).getwidth()[0] == 0:
            raise ValueError(f"a pattern that may match empty is tried everywhere: {self.pattern.pattern!r}")
        self._found = (asked and _at_matching(self.pattern, at)) or self._at

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return _tried(self.pattern, text, (m.start() for m in self._found.finditer(text)))


#: the flags a pattern keeps when ``_at_matching`` puts it inside another (``re.UNICODE``: every str
#: pattern's); ``at`` is read with none of them (``(?-imsx:...)``).
_SCOPED = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def _at_matching(pattern: re.Pattern[str], at: str) -> re.Pattern[str] | None:
    """``at``, then a lookbehind over its one character holding a lookahead of ``pattern``: the places
    ``at`` takes where ``pattern`` matches, found in one search; None for a pattern whose flags cannot be
    carried inside another."""
    body = pattern.pattern
    while lead := _GLOBAL_FLAGS.match(body):
        body = body[lead.end() :]
    if pattern.flags & ~_SCOPED:
        return None
    try:
        return re.compile(rf"(?-imsx:{at})(?<=(?=(?:{body})).)", pattern.flags)
    except re.error:
        return None


def opened_by(lead: str, flags: int = 0) -> Callable[[str, str], list[int]]:
    """``Needled``'s ``places`` for a pattern every match of which opens with a match of ``lead``: every place
    ``lead`` matches, found case-sensitively in the lowercased text where ``folded`` allows (``_sre`` passes
    over a branch whose first letter differs at once, where a case-insensitive alternation of words is tried
    branch after branch at every character), and the pattern tried only there."""
    ahead = re.compile(f"(?=(?:{lead}))", flags)
    lower = folded(ahead)

    def found(text: str, low: str) -> list[int]:
        return [m.start() for m in (ahead.finditer(text) if lower is None else lower.finditer(low))]
    return found


def opening(entries: Iterable[str]) -> str:
    """A character set (``Started``'s start) of what a case-insensitive match of one of ``entries`` opens
    with: each one's first character in both cases, and the odd letters IGNORECASE takes for ASCII ones."""
    chars = {c for entry in entries if entry for c in (entry[0].lower(), entry[0].upper())} | _ODD
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@functools.cache
def words_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words one of which every match of ``pattern`` holds: the longest run of each of its needles' sets,
    runs of two characters counted (``ph`` of ``Ph D``), none that holds another (``doctorate`` holds
    ``doctor``), none from a lookaround (``degree(?=\\s+program)``: the match holds no ``program``);
    lowercased, but a run read case-sensitively as written (``(?-i:GED)``: ``GED``, never ``ged``, which
    is in ``aged``); None when unknown."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    found = needles(tree.data, shortest=2, most=1024, around=False,
                    cased=not tree.state.flags & re.IGNORECASE)
    if found is None:
        return None
    longest = {max(each, key=lambda w: (len(w), -_commonness(w.lower()), w)) for each in found}
    return frozenset(w for w in longest if not any(v != w and _holds_word(w, v) for v in longest))


def _holds_word(word: str, other: str) -> bool:
    """Every place ``word`` stands (``places``), ``other`` stands too: inside it, in any case unless written
    with capitals (a word read case-sensitively)."""
    return other in (word if _capitals(other) else word.lower())


def _capitals(word: str) -> bool:
    return word != word.lower()


#: the letters most frequent in English and French text: of two runs as long, the one holding fewer of them
#: stands in fewer places (``BA in``: ``ba``, not ``in``, which half the lines hold inside their words).
_COMMON = frozenset("etaoinsr")


def _commonness(word: str) -> int:
    return sum(c in _COMMON for c in word)


def places(text: str, pattern: re.Pattern[str]) -> list[int] | None:
    """Where in ``text`` the ``words_of`` the pattern stand, in order: a match of it holds one of them
    (a part of ``text`` holding none is not worth searching); None when unknown."""
    words, low = words_of(pattern), lowered(text)
    if words is None or low is None:
        return None
    return _found(low, words, len(low), text)


def _found(low: str, words: Iterable[str], most: int, text: str | None = None) -> list[int] | None:
    """Where the ``words`` stand in ``low``, in order (given the ``text`` lowercased, one written with
    capitals where it stands in ``text``); None when more than ``most`` places."""
    found: set[int] = set()
    for word in words:
        for at in positions(text if text is not None and _capitals(word) else low, word):
            found.add(at)
            if len(found) > most:
                return None
    return sorted(found)


def positions(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text``, in order, overlapping places too."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


@functools.lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """``text`` lowercased, for the needles; None when it holds a character that makes that unsafe
    (four substring searches: ``_ODD.isdisjoint(text)`` made a string of each of its characters)."""
    return None if any(c in text for c in _ODD) else text.lower()


def found_words(text: str, words: Iterable[str]) -> frozenset[str] | None:
    """Which of the lowercased ``words`` ``text`` lowercased holds (the needles of many patterns, looked for
    once); None when ``lowered`` refuses the text."""
    low = lowered(text)
    return None if low is None else frozenset(w for w in words if w in low)


def needle_words(patterns: Iterable[Needled]) -> frozenset[str]:
    """Every word of the ``patterns``' needles."""
    return frozenset(w for p in patterns for each in p.needles or () for w in each)


class NeedleIndex:
    """Many patterns' needles, each named by a key: which patterns ``may_match`` a text, the words of all
    their needles looked for in it once (``found_words``), and only the sets of needles holding a word
    found compared (most patterns, most texts, none of their words)."""

    def __init__(self, patterns: Mapping[str, Needled]) -> None:
        self.words = needle_words(patterns.values())
        self._every = frozenset(patterns)
        self._always = frozenset(key for key, p in patterns.items() if p.needles is None)
        self._by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for key, p in patterns.items():
            for each in p.needles or ():  # a set's words all found: its first found among them
                self._by_word.setdefault(min(each), []).append((key, each))

    def may_match(self, text: str) -> frozenset[str]:
        """The keys of the patterns whose ``Needled.may_match`` of ``text`` is True."""
        found = found_words(text, self.words)
        if found is None:
            return self._every
        return self._always | {key for w in found for key, each in self._by_word.get(w, ()) if each <= found}


def lacks(text: str, words: str) -> bool:
    """True when a case-insensitive search for the ASCII ``words`` (escaped, as written) cannot match in
    ``text``: they are not in its lowercased form (never for other words, or a text ``lowered`` refuses)."""
    low = lowered(text)
    return low is not None and words.isascii() and words.lower() not in low


class AtLineStart:
    """A pattern whose every match starts a line (``^`` in MULTILINE, then ``body``), searched only
    after the text's line breaks: ``_sre`` tries a pattern opening with ``^`` at every character,
    but skips at once to a literal first character, so a copy opening with ``\\n`` finds where a
    match starts (six times quicker over a document), and the pattern itself gives the match there."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self.pattern = re.compile(rf"^(?:{body})", flags | re.MULTILINE)
        self._after_break = re.compile(rf"\n(?:{body})", flags | re.MULTILINE)
        self._never_empty = _parser.parse(self.pattern.pattern, self.pattern.flags).getwidth()[0] > 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``self.pattern.search(text, pos, endpos)``."""
        end = len(text) if endpos is None else endpos
        if (m := self.pattern.match(text, pos, end)) is not None:
            return m
        found = self._after_break.search(text, pos, end)
        return None if found is None else self.pattern.match(text, found.start() + 1, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text, pos, endpos)`` (the pattern's own where it may match empty)."""
        if not self._never_empty:
            yield from self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()
