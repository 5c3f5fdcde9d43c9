"""No value carries markup, a placeholder or another field's label; titles are at most 120 characters.

Checked on every document under tests/ that extraction reads (as in
``test_evidence``), and on the defects found in real documents.
"""

from __future__ import annotations

import re

import pytest

from orgkg.errors import NotAPositionError
from orgkg.extract import extract, recognise
from orgkg.extract.evidence import values
from orgkg.extract.rules.values import clean_value, place, short_title
from tests.test_evidence import SETS, _texts

#: markup, a placeholder, or a quote kept around the value: one opening it, or one closing it that closes no
#: quotation opened inside it ('Chargé de mission "Ingénierie territoriale"' ends a title's own quotation).
JUNK = re.compile(r"\{\{|\{%|(?:^|\s)[*\u2022](?:\s|$)|\*\*|^[\"'\u201c]|'$|^[^\"]*\"$|^[^\u201c]*\u201d$")


@pytest.mark.parametrize(("value", "junk"), [
    ('"Chief Executive Officer"', True),
    ('Chief Executive Officer"', True),
    ("Chief Executive Officer\u201d", True),
    ("Programs * Position", True),
    ('Chargé de mission "Ingénierie territoriale des Pays / PETR"', False),
    ("Chargé de mission \u201cIngénierie territoriale\u201d", False),
])
def test_junk_is_a_quote_around_the_value_not_one_inside_it(value: str, junk: bool) -> None:
    assert bool(JUNK.search(value)) is junk


@pytest.mark.parametrize("name", [k for k, v in SETS.items() if v])
def test_values_are_clean(name: str) -> None:
    for path, text in _texts(SETS[name]):
        try:
            ex = extract(text)
        except NotAPositionError:
            continue
        assert len(ex.subject.title) <= 120, path.name
        for key, value in values(ex):
            if isinstance(value, str) and key != "duties":
                assert not JUNK.search(value), (path.name, key, value)


@pytest.mark.parametrize(("raw", "clean"), [
    ("Chief Operating Officer * Effective", "Chief Operating Officer"),
    ("Programs * Position", "Programs"),
    ("Programs Position Number: 10442", "Programs"),
    ('"Chief Executive Officer"', "Chief Executive Officer"),
    ("{{ page.pd_job_title }}", None),
    ("**Director**", "Director"),
])
def test_junk_is_cut_from_values(raw: str, clean: str | None) -> None:
    assert clean_value(raw) == clean


@pytest.mark.parametrize(("raw", "where"), [
    ("Ventura and may require travel throughout Ventura County, CA, CA, 93009", "Ventura"),
    ("Paris et déplacements ponctuels en région", "Paris"),
    ("Toronto, Kingston and Ottawa", "Toronto, Kingston and Ottawa"),
    ("Paris (DGCCRF et DINUM)", "Paris"),
    ("Harwell (hybrid working available)", "Harwell"),
    ("Rutherford Appleton Laboratory (RAL), Harwell", "Rutherford Appleton Laboratory (RAL), Harwell"),
    ("Ottawa, Toronto, Waterloo ou Montréal", "Ottawa, Toronto, Waterloo ou Montréal"),
    ("Metro Hall, 55 John St, Toronto, ON M5V 3C6", "Metro Hall, 55 John St, Toronto, ON M5V 3C6"),
    ("Tour Séquoia, 1 place Carpeaux, 92800 Puteaux", "Tour Séquoia, 1 place Carpeaux, 92800 Puteaux"),
    ("The successful candidate will be expected to work from our office in central Leeds, LS1 4AP",
     None),
])
def test_a_place_is_a_place_not_a_sentence(raw: str, where: str | None) -> None:
    assert place(raw) == where


def test_a_title_is_never_longer_than_120_characters() -> None:
    sentence = ("Director of Finance. This position is responsible for providing leadership, strategic "
                "direction and oversight to all aspects of the organization's financial management")
    assert short_title(sentence) == "Director of Finance"
    assert len(short_title("word " * 60)) <= 120


def test_hello_world_is_not_a_position() -> None:
    with pytest.raises(NotAPositionError):
        extract("hello world")
    assert recognise("hello world").confidence < 1.0
