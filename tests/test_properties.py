"""Property-based tests: no text, however strange, crashes a stage or breaks the RDF.

Text is drawn from arbitrary Unicode, control characters, very long lines and
fragments of real job descriptions (headings, bullets, percentages, money),
so the extractors' deeper rules run too. CI uses the ``ci`` profile (50
examples a property); ``HYPOTHESIS_PROFILE=long`` runs 5,000.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import _is_valid_uri

from orgkg.errors import InputError
from orgkg.extract import EXTRACTORS, extract, recognise
from orgkg.graph.store import trig
from orgkg.mapping import Provenance, to_graph
from orgkg.read import read
from orgkg.read.layout import Line, compose

settings.register_profile("ci", max_examples=50, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FRAGMENTS = [
    "Job Title: ", "Position Title: ", "POSITION NUMBER: ", "Reports to: ", "Reporting to the ",
    "Ministry: ", "Department: ", "Branch: ", "Classification: ", "Level: Range ", "Pay Band ",
    "Job Code ", "FLSA Exempt", "Supervises ", " positions", "\n  • ", "\n- ", "\n1. ", "\na. ",
    "(25%)", " 35% ", "$1.5 million", "Budget: $", "Staff: ", "\n\n", "\t", "DUTIES AND RESPONSIBILITIES\n",
    "SPECIFIC ACCOUNTABILITIES\n", "Minimum Qualifications\n", "years of experience", "Degree in ",
    "GOVERNMENT OF CANADA", "EXECUTIVE GROUP POSITION DESCRIPTION", "Position Profile\n",
    "Benchmark Job #", "Career Service Authority", "STATE OF MONTANA JOB PROFILE",
    "GENERAL STATEMENT OF CLASS DUTIES", "DISTINGUISHING CHARACTERISTICS", "Factor ", " Degree ",
    " points", "Total Points: ", "|", "**", "<input type=\"checkbox\"/>", "Page 1 of 5",
    "\x00", "\x0c", "\r\n", "\u2028", "\x85",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40),
                           st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20)),
                 max_size=60).map("".join)
long_lines = st.builds(lambda a, n, b: a * n + b, st.text(min_size=1, max_size=8),
                       st.integers(1000, 20000), texts)
any_text = st.one_of(texts, long_lines, st.text())


def _canon(graph: Graph) -> set[tuple[object, ...]]:
    """The triples, decimals by value: Turtle writes ``"25"^^xsd:decimal`` as ``25.0``."""
    def term(t: object) -> object:
        if isinstance(t, Literal) and t.datatype == XSD.decimal:
            return ("decimal", Decimal(str(t)).normalize())
        return t
    return {tuple(term(t) for t in triple) for triple in graph}


def _assert_rdf(graphs: dict[URIRef, Graph]) -> None:
    document = trig(graphs)
    ds = Dataset()
    ds.parse(data=document, format="trig")
    for iri, graph in graphs.items():
        assert _canon(ds.graph(iri)) == _canon(graph)
    for quad in ds.quads():
        for term in quad:
            if isinstance(term, URIRef):
                assert _is_valid_uri(str(term)), term
    store = ox.Store()
    store.load(document.encode("utf-8"), ox.RdfFormat.TRIG)
    assert len(store) == len(ds)


@given(any_text)
def test_the_recogniser_never_fails(text: str) -> None:
    assert recognise(text).family in EXTRACTORS


@given(any_text, st.sampled_from(sorted(EXTRACTORS)))
def test_every_extractor_reads_any_text_into_valid_rdf(text: str, family: str) -> None:
    extraction = extract(text, family)
    prov = Provenance(name="doc \u2028 <x>.txt", sha256="0" * 64, family=family, confidence=0.5,
                      loader_version="test")
    iri, graph = to_graph(extraction, prov)
    _assert_rdf({iri: graph})


@given(st.binary(max_size=4000))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_reading_any_bytes_gives_text_or_a_clear_refusal(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    try:
        doc = read(path)
    except InputError as err:
        assert err.where == str(path) and err.what
        return
    assert doc.text.strip()


lines = st.builds(Line, page=st.integers(0, 3), x0=st.floats(0, 500), x1=st.floats(0, 600),
                  top=st.floats(0, 800), bottom=st.floats(0, 820), text=st.text(min_size=1, max_size=80),
                  first_word=st.floats(0, 100), table_row=st.booleans(), page_width=st.floats(0, 700))


@given(st.lists(st.lists(lines, max_size=30), max_size=4))
def test_layout_composes_any_lines(pages: list[list[Line]]) -> None:
    for page in pages:
        page.sort(key=lambda ln: (ln.page, ln.top))
    text, starts = compose(pages)
    assert len(starts) == len(pages)
    assert all(0 <= s <= len(text) for s in starts)


@pytest.mark.parametrize("family", sorted(EXTRACTORS))
def test_control_characters_and_huge_lines_do_not_hang(family: str) -> None:
    text = ("Job Title: " + "\x01\u202e" * 10 + "x" * 50_000 + "\n") * 3
    iri, graph = to_graph(extract(text, family), Provenance("a.txt", "0" * 64, family, 0.5, "t"))
    _assert_rdf({iri: graph})
