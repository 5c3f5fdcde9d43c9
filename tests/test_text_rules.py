"""Shared text rules: OCR repairs, numbers, amounts, percents, sentences."""

from __future__ import annotations

import pytest

from orgkg.extract import text


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [
        ("66O", "660"),
        ("7O.7", "70.7"),
        ("225.I", "225.1"),
        ("I993", "1993"),
        ("2OOO-OI", "2000-01"),
        ("Page I of 5", "Page I of 5"),  # a lone I is a word, not a digit
        ("Ol", "Ol"),
        ("OIL", "OIL"),
    ],
)
def test_ocr_number_repair(raw: str, repaired: str) -> None:
    assert text.repair_numbers(raw) == repaired


@pytest.mark.parametrize(
    ("raw", "level"),
    [("EX-O3 (P)", "EX-03"), ("EX-03", "EX-03"), ("AS - 7", "AS-07"), ("PM-0I", "PM-01")],
)
def test_level_repair(raw: str, level: str) -> None:
    assert text.repair_level(raw) == level


@pytest.mark.parametrize(
    ("raw", "amount"),
    [
        ("7O.7 million $", 70_700_000),
        ("225.I million $", 225_100_000),
        ("$1,250,000", 1_250_000),
        ("$3.5M", 3_500_000),
        ("no money here", None),
    ],
)
def test_amounts(raw: str, amount: float | None) -> None:
    assert text.parse_amount(raw) == amount


def test_split_thousands_are_joined() -> None:
    assert text.join_digit_groups(text.repair_numbers("Indirect Branch Staff: 2 I85")) == (
        "Indirect Branch Staff: 2185"
    )


@pytest.mark.parametrize(
    ("raw", "percent"), [("**35%**", 35.0), ("25 %", 25.0), ("2O%", 20.0), ("none", None)]
)
def test_percent(raw: str, percent: float | None) -> None:
    assert text.parse_percent(raw) == percent


@pytest.mark.parametrize(("word", "n"), [("six", 6), ("(4)", 4), ("5", 5), ("many", None)])
def test_number_words(word: str, n: int | None) -> None:
    assert text.to_int(word) == n


def test_first_sentence_stops_at_the_full_stop_not_at_abbreviations() -> None:
    s = "Leads the U.S. team. Then more."
    assert text.first_sentence(s) == "Leads the U.S. team"


def test_field_value_reads_a_form_line() -> None:
    assert text.field_value("Ministry:  Health\nBranch: X", "Ministry") == "Health"
    assert text.field_value("nothing", "Ministry") is None


def test_tidy_keeps_structure_and_bounds_blank_runs() -> None:
    raw = "Title:   A  \r\n\r\n\r\n\r\nBody\t\tcol" + " " * 500 + "x\n\n"
    assert text.tidy(raw) == "Title:   A\n\nBody\t\tcol" + " " * 40 + "x"


def test_tidy_text_is_its_own_tidy_form() -> None:
    raw = "Title:   A   \r\n\r\n\r\n\r\nBody\t\tcol" + " " * 90 + "x\n\n\n"
    done = text.tidy(raw)
    assert text.tidy(done) == done



@pytest.mark.parametrize(("named", "one"), [
    ("Sector Account Executives [x5]", "Sector Account Executive"),
    ("Deputies, Operations (2)", "Deputy, Operations"),
    ("Chiefs, Finance and Planning [x3]", "Chief, Finance and Planning"), ("Senior CEOs [x2]", "Senior CEO"),
    ("Program Assistants, Census [x2]", "Program Assistant, Census"),
])
def test_a_title_named_in_the_plural_in_the_singular(named: str, one: str) -> None:
    """One rule for every family (the federal lists' ``[x5]``, the counted posts of prose): the head's last
    word, before a comma, in the singular."""
    from orgkg.extract.rules.subordinates import multiplicity

    assert multiplicity(named)[0] == one
    assert text.singular_title(named.rsplit(maxsplit=1)[0]) == one


@pytest.mark.parametrize(("word", "one"), [
    ("technicians", "technician"), ("secretaries", "secretary"), ("bureaus", "bureau"), ("CEOs", "CEO"),
    ("boss", "boss"), ("campus", "campus"), ("status", "status"), ("us", "us"), ("3s", "3s"),
])
def test_a_plural_word_in_the_singular(word: str, one: str) -> None:
    """``-ies`` a ``-y``; no ``-ss``, no ``-us`` after a consonant, no ``s`` after no letter a plural."""
    assert text.singular(word) == one
