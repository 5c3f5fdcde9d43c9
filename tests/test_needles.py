"""Needles: a case-insensitive search skipped when the lowercased text lacks the words every match
contains, and the same answer as the pattern's own search in every case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from orgkg.extract import EXTRACTORS
from orgkg.extract.needles import (
    AtLineStart,
    Needled,
    NeedleIndex,
    Started,
    folded,
    lowered,
    opened_by,
    opening,
    places,
    words_of,
)

ROOT = Path(__file__).resolve().parents[1]
CUES = sorted({p for cls in EXTRACTORS.values() for p in cls.cues})
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "documents").glob("*.txt"))]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"^[^\w\n]*position\s+profile\b", [{"position", "profile"}]),  # every run of a sequence
    (r"FACTOR\s+NO\b|CLASS\.?\s+POINTS", [{"factor"}, {"class", "points"}]),  # those of one branch
    (r"(?:CLASS|GRADE)\s*:\s*\w+", [{"class"}, {"grade"}]),  # a group's branches
    (r"(?:abc|x)yz", None),  # a branch without a run of three: nothing known
    (r"\bEX\s*-\s*[0-9O]{1,2}\b", None),  # no run of three letters
    (r"(?:head\s+)?office", [{"office"}]),  # an optional part is not required
    (r"(?:reports|answers)\s+to\s+the\s+(?:director|manager)", [
        {"reports", "the", "director"}, {"reports", "the", "manager"},
        {"answers", "the", "director"}, {"answers", "the", "manager"}]),
])
def test_needles_are_what_every_match_contains(pattern: str, expected: list[set[str]] | None) -> None:
    assert Needled(pattern, re.I).needles == (frozenset(map(frozenset, expected)) if expected else None)


@pytest.mark.parametrize("text", ["Po\u017fition Profile", "\u212aEY FACTS", "D\u0130RECTOR",
                                  "Position profile"])
def test_letters_that_fold_oddly_are_searched(text: str) -> None:
    """The long s, the Kelvin sign and the Turkish I match ASCII letters under IGNORECASE."""
    for pattern in (r"position\s+profile", r"key\s+facts", r"director"):
        assert bool(Needled(pattern, re.I).search(text)) == bool(re.search(pattern, text, re.I))


@pytest.mark.parametrize("pattern", CUES)
def test_cues_answer_as_their_patterns_on_the_samples(pattern: str) -> None:
    needled = Needled(pattern, re.I | re.M)
    for text in TEXTS:
        found, plain = needled.search(text), re.search(pattern, text, re.I | re.M)
        assert (found and found.span()) == (plain and plain.span())


@given(st.text(alphabet="cikKlLosS :\n\u017f\u212a\u0130\u0131", max_size=40))
def test_same_answer_on_any_text(text: str) -> None:
    for pattern in (r"kos\s+lok|silk", r"(?:kiss|lock)+s", r"^\s*LOCK\s*:", r"^[ ]*kiss|^[ ]*lock\s*$"):
        found, plain = Needled(pattern, re.I | re.M).search(text), re.search(pattern, text, re.I | re.M)
        assert (found and found.span()) == (plain and plain.span())
    lined = Needled(r"(?im)^[ ]*(?:kiss|lock)(\s*:)?")  # a line's start: searched after the line breaks
    assert [(m.span(), m.groups()) for m in lined.finditer(text)] == \
        [(m.span(), m.groups()) for m in lined.pattern.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    (r"\b(?:reports\s+to|under)\s+(\w+)", re.I, {"reports", "under"}),  # after a zero-width \b
    (r"(?:Rendra|rend)\s+compte", re.I, {"rendra", "rend"}),  # each branch's words, lowercased
    (r"Reports\s+to", 0, {"Reports"}),  # as written when case counts
    (r"(?:to|\d+)\s+staff", re.I, None),  # a branch starting with a class
    (r"(?:x)?office", re.I, None),  # an optional start
    (r"(?-i:EX)-\d\d", re.I, None),  # a group of its own flags
    (r"(?<!\w)affect\u00e9", re.I, {"affect"}),  # the ASCII letters only
])
def test_heads_are_the_words_every_match_starts_with(pattern: str, flags: int,
                                                    expected: set[str] | None) -> None:
    assert Needled(pattern, flags).heads == (frozenset(expected) if expected is not None else None)


@given(st.text(alphabet="aeilorstuLRSU :\n\u017f\u0130", max_size=60))
def test_tried_only_where_a_head_stands_yet_the_same_matches(text: str) -> None:
    """Search and finditer tried only where a head stands give the pattern's own matches, those a
    lookbehind or ``\\b`` decides by what stands before their start included."""
    for pattern, flags in ((r"\b(?:lure|sail|sale)s?", re.I), (r"(?<=a)(?:il|ail)", re.I | re.M),
                           (r"(?:Rule|rules?)\s*:", 0), (r"(?:tea|te)(?=a)", re.I), (r"(?:sa|s)l*", re.I)):
        needled, plain, long = Needled(pattern, flags), re.compile(pattern, flags), text * 3 + " " * 1000
        assert needled.heads  # tried only where they stand (the blanks: not too many of them for that)
        found = needled.search(long)
        assert (found and found.span()) == ((m := plain.search(long)) and m.span())
        assert [m.span() for m in needled.finditer(long)] == [m.span() for m in plain.finditer(long)]


@given(st.text(alphabet="ab: \n", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_at_line_start_answers_as_its_pattern(text: str, pos: int, endpos: int) -> None:
    """Searched only after the line breaks, the same matches as ``^`` in MULTILINE: at ``pos`` only where
    a line starts there, never past ``endpos``; an empty match the pattern's own."""
    for body, flags in ((r"[ \t]*a+:?", 0), (r"A|b:", re.I), (r"(?:a|b)[ ]*$", 0), (r"b*", 0), (r"a\n?", 0)):
        lined, plain = AtLineStart(body, flags), re.compile(rf"^(?:{body})", flags | re.M)
        found, expected = lined.search(text, pos, endpos), plain.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())
        assert [m.span() for m in lined.finditer(text, pos, endpos)] == \
            [m.span() for m in plain.finditer(text, pos, endpos)]


def test_words_of_a_pattern_one_of_which_every_match_holds() -> None:
    """The longest run of each branch, two letters counted, none holding another; lowercased, but one read
    case-sensitively as written."""
    pattern = re.compile(r"(?i)\bbachelor(?:['\u2019]s)?\s+degree|diplomas?|Ph\.?\s*D|(?-i:GED)"
                         r"|doctorate|doctor")
    assert words_of(pattern) == frozenset({"bachelor", "diploma", "ph", "GED", "doctor"})
    assert words_of(re.compile(r"(?i)(?-i:MBA)|(?-i:BA)|mba")) == frozenset({"BA", "mba"})


def test_a_word_read_case_sensitively_is_placed_only_as_written() -> None:
    """``(?-i:GED)`` is no place in ``aged`` (a place of ``ged`` read in any case)."""
    pattern = re.compile(r"(?i)\b(?:degree|(?-i:GED))\b")
    assert places("An aged degree or a GED", pattern) == [8, 20]


def test_of_two_runs_as_long_the_one_of_rarer_letters_stands_for_a_branch() -> None:
    """'BA in': 'ba', not 'in', which most lines hold inside their words; 'BA or BS': never 'or'."""
    assert words_of(re.compile(r"(?i)\bBA\s+in\b")) == frozenset({"ba"})
    assert words_of(re.compile(r"(?i)\bBA\s+or\s+BS\b")) <= frozenset({"ba", "bs"})


@given(st.text(alphabet="degrGEDPhDpam. \n\u017f", max_size=60))
@example("a degree program")
@example("gram PhD")
def test_every_match_holds_a_place(text: str) -> None:
    """A place is a word inside the match, never one a lookaround reads beside it."""
    for pattern in (re.compile(r"(?i)\b(?:degree|Ph\.?\s*D|(?-i:GED))"),
                    re.compile(r"(?i)\bdegree(?=\s*program)"), re.compile(r"(?i)(?<=gram\s)(?:Ph\.?D|GED)")):
        found = places(text, pattern)
        for m in pattern.finditer(text):
            assert found is None or any(m.start() <= at < m.end() for at in found)


@given(st.text(alphabet="OfficeTamUnitsdu. \n\u00c9", max_size=60))
def test_started_gives_the_patterns_own_matches(text: str) -> None:
    """Tried only where its start pattern finds a character, the same matches as the pattern's finditer,
    those its lookbehinds decide by what stands before their start included."""
    for pattern, at in ((r"(?<![\w.])(?:Office|[A-Z]\w+[ ]Team|[Ss]ous|[Uu]nit\w*)", r"[A-Zsu](?<![\w.].)"),
                        (r"\b(?:[A-Z]\w*[ ]){1,2}Unit\b|\bTeam", r"[A-Z](?<!\w.)")):
        started, plain = Started(pattern, at), re.compile(pattern)
        assert [m.span() for m in started.finditer(text * 2)] == [m.span() for m in plain.finditer(text * 2)]


@given(st.text(alphabet="basedinÀàpourvoirBASED. \n\u017f", max_size=60))
@example("based in Paris. Based in based in Lyon")
@example("à pourvoir à pourvoir à Paris")
def test_opened_by_gives_the_patterns_own_matches(text: str) -> None:
    """Tried only where its lead matches (overlapping places too: a lead inside a clause that found no end),
    the same matches as the pattern's finditer, in any case."""
    lead = r"\b(?:based\s+in|à\s+pourvoir\s+à|à)"
    pattern = rf"(?i){lead}\s+([^.\n]{{2,12}}?)(?=\s*[.\n]|$)"
    needled, plain = Needled(pattern, places=opened_by(lead, re.I)), re.compile(pattern)
    assert [m.span() for m in needled.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_started_refuses_a_pattern_that_may_match_empty() -> None:
    with pytest.raises(ValueError, match="match empty"):
        Started(r"(?<!\w)x*", r"x")


@given(st.text(alphabet="reportsREPORT tomanage\u017f\u212a", max_size=50))
def test_needles_found_once_answer_as_each_search(text: str) -> None:
    """The words of many patterns' needles looked for once in a text answer ``may_match`` for each."""
    patterns = {p: Needled(p, re.I) for p in (r"reports\s+to", r"manage(?:r|s)", r"(?:port|rest)s", r"to\s+m",
                                              r"\w+")}
    assert NeedleIndex(patterns).may_match(text) == {key for key, p in patterns.items() if p.may_match(text)}


BUDGET_PARTS = ["budget", "Budgets", "BUDGET", "$", "US", "us$", "C", "\u20ac", "\u00a3", "USD", "5", "1,000",
                " ", "\t", "\n", "ab", "&", "-", "million", "of", "annual", "\u017f", "\u00e9", "sub"]


@given(st.lists(st.sampled_from(BUDGET_PARTS), max_size=24))
def test_budget_places_hold_every_start(parts: list[str]) -> None:
    """A pattern given its own ``places`` (the budget phrase: ``budget`` and the word runs before it, a
    currency sign or code) gives the pattern's own matches."""
    from orgkg.extract.rules.budgets import _BUDGET

    text = "".join(parts)
    assert [(m.span(), m.groups()) for m in _BUDGET.finditer(text)] == \
        [(m.span(), m.groups()) for m in _BUDGET.pattern.finditer(text)]


@given(st.text(alphabet="subkitfSUBKIT \n\u017f\u212a\u0130\u0131", max_size=50))
def test_a_case_insensitive_phrase_opens_as_its_entries_do(text: str) -> None:
    """Started at the entries' first letters in both cases (and the odd letters IGNORECASE takes for them),
    a case-insensitive alternation of the entries gives its own matches."""
    entries = ["sub", "kit", "if"]
    started = Started(rf"(?i)(?<!\w)(?:{'|'.join(entries)})\s+", rf"{opening(entries)}(?<!\w.)")
    assert [m.span() for m in started.finditer(text)] == [m.span() for m in started.pattern.finditer(text)]


#: case-insensitive patterns with capitals in their words, classes and written codes, lookarounds, groups.
FOLDED = [r"(?i)\bFTEs?\s+(?P<n>\d+)", r"(?im)^[ \t]*(?:Équipe|ÉQUIPE)\s*:",
          r"(?i)(?<![\w'\u2019])Kiss(?=\s)", r"(?i)[^\W\d_]+[ \t]+\u00e9t\u00e9", r"(?i)(?:a|B)+\s*"]
#: those letters and the ones case-insensitive matching pairs with others (long s, Kelvin sign, dotted and
#: dotless I, micro sign, sigmas).
ODD_LETTERS = "aAbBéÉfFtTeEsSkKiI \t\n1'\u2019\u017f\u212a\u0130\u0131\u00b5\u03a3\u03c2:"


@given(st.text(alphabet=ODD_LETTERS, max_size=60))
def test_folded_matches_in_the_lowered_text_as_its_pattern_in_the_text(text: str) -> None:
    """The lowercased pattern matches in the lowercased text where the pattern matches in the text, the same
    spans; a text ``lowered`` refuses (``ſ``, ``K``, ``İ``, ``ı``) is never searched so."""
    low = lowered(text)
    for source in FOLDED:
        pattern = re.compile(source)
        lower = folded(pattern)
        assert lower is not None and not lower.flags & re.IGNORECASE
        if low is not None:
            assert [m.span() for m in lower.finditer(low)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("source", [r"kiss", r"(?i)[A-Z]\w+", r"(?i)\u00C9t\u00e9", r"(?i)(?-i:K)iss",
                                    r"(?i)[0-_]", r"(?i)\u03a3", r"(?i)µ", r"(?ai)kiss"])
def test_not_folded_where_lowering_could_change_a_match(source: str) -> None:
    """No lowercased pattern for one case-sensitive or ASCII-only, or holding a capital in a class or a
    written code, a case-sensitive group, a class whose range holds capitals, a Greek letter, a micro sign."""
    assert folded(re.compile(source)) is None
