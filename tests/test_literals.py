"""A literal is written as Turtle that every reader takes, whatever its text (``mapping.triples.string``,
the one writer of literals).

rdflib's ``Literal.n3`` writes a value holding a line end in long form (three quotes) and escapes
its last quote unless a backslash stands before it; when that backslash is the value's own (a value
ending in a backslash and a quote), its text ends the string a quote early, and Oxigraph refused the
whole build. The case folder tests/cases/literals (made up) puts such values into a graph: duties
quoted over two lines that end in a backslash and a quote, or a backslash; a title with quotes and a
backslash; a register row whose title ends so and whose location spans two lines. Built with
``orgkg build``, loaded into the store, read again by rdflib and by pyoxigraph: the same values.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal

from orgkg.mapping.triples import string
from tests.conftest import ROOT, build_folder, run

CASE = ROOT / "tests" / "cases" / "literals"
#: any text, and text made of the characters a literal's writer must mind
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
LANG_STRING = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")
TEXTS = st.text() | st.text(alphabet='a"\\\n\r\t\x01\x7f\u2028é')


def statement(value: str) -> str:
    return f"<urn:x:s> <urn:x:p> {string(value)} .\n"


@given(TEXTS)
def test_any_text_is_read_back_by_rdflib_and_pyoxigraph(value: str) -> None:
    assert [str(o) for o in Graph().parse(data=statement(value), format="turtle").objects()] == [value]
    for form in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        assert [q.object.value for q in ox.parse(statement(value).encode(), form)] == [value]


@given(TEXTS)
def test_the_text_is_rdflibs_where_rdflibs_is_turtle(value: str) -> None:
    """The graph files keep rdflib's text (``graph.turtle``): the writer differs only where rdflib's fails."""
    theirs = Literal(value).n3()
    try:
        data = f"<urn:x:s> <urn:x:p> {theirs} .".encode()
        read = [q.object.value for q in ox.parse(data, ox.RdfFormat.TURTLE)]
    except SyntaxError:
        read = []
    assert (string(value) == theirs) == (read == [value])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_folder(CASE, tmp_path_factory.mktemp("literals"))


#: the text literals of a build (subject, predicate, value): numbers rdflib reads in its own way
Values = set[tuple[str, str, str]]


def is_text(term: object) -> bool:
    return isinstance(term, ox.Literal) and term.datatype in (XSD_STRING, LANG_STRING)


def by_rdflib(out: Path) -> Values:
    found: Values = set()
    for path in sorted((out / "graphs").glob("*.trig")):
        found |= {(str(s), str(p), str(o)) for s, p, o, _ in Dataset().parse(path, format="trig").quads()
                  if isinstance(o, Literal) and o.datatype is None}
    return found


def by_pyoxigraph(out: Path) -> Values:
    return {(q.subject.value, q.predicate.value, q.object.value) for path in (out / "graphs").glob("*.trig")
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG) if is_text(q.object)}


def in_store(out: Path) -> Values:
    store = ox.Store.read_only(str(out / "store"))
    return {(q.subject.value, q.predicate.value, q.object.value) for q in store
            if is_text(q.object) and not isinstance(q.graph_name, ox.DefaultGraph)}


def expected() -> set[str]:
    """The values the case's text puts in the graph: its title, its duties' quotes (a numbered
    paragraph of two lines), the register's odd cells."""
    text = run("read", str(CASE / "escapes.txt")).stdout
    quotes = set(re.findall(r"^4\.[1-9] (.*\n.*)$", text, re.MULTILINE))
    assert len(quotes) == 3 and all(q.endswith(("\\", '\\"')) for q in quotes)
    return {*quotes, 'Records Officer "Archive\\Vault" Unit', 'Keeper of the "Vault\\"', "Linden\nAnnex \\\"",
            "Clerk, C:\\Temp\\", 'Linden "North"'}


def test_odd_literals_are_built_and_read_back_exactly(built: Path) -> None:
    stored = in_store(built)
    assert expected() <= {value for _, _, value in stored}
    assert by_rdflib(built) == by_pyoxigraph(built) == stored
