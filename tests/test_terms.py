"""A value reads the same whichever store answered it (``orgkg.graph.terms.python_value``)."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from orgkg.graph.terms import XSD, from_stored, python_value, stored


@pytest.mark.parametrize(("datatype", "text", "value"), [
    ("integer", "23", 23),
    ("decimal", "35.0", 35),
    ("decimal", "225100000", 225100000),
    ("decimal", "-0.5", -0.5),
    # 5.0 / 9: Oxigraph keeps 18 fractional digits, cut; Virtuoso 15, rounded. Both read alike.
    ("decimal", "0.555555555555555555", 0.555555555555556),
    ("decimal", "0.555555555555556", 0.555555555555556),
    ("decimal", "2.555555555555555555", 2.555555555555556),
    ("decimal", "1.999999999999999998", 2),
    ("decimal", "0.000555555555555555", 0.000555555555556),
    ("boolean", "true", True),
    ("boolean", "1", True),
    ("boolean", "false", False),
    ("integer", "abc", "abc"),  # ill-typed: its text
    ("decimal", "abc", "abc"),
])
def test_a_literal_reads_as_one_python_value(datatype: str, text: str, value: Any) -> None:
    read = python_value(ox.Literal(text, datatype=ox.NamedNode(XSD + datatype)))
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize(("rdflib_term", "kept"), [
    (URIRef("https://example.org/p"), ("https://example.org/p",)),
    (Literal("Director"), ("Director", "")),
    (Literal("Director", datatype=URIRef(XSD + "string")), ("Director", "")),
    (Literal("Directeur", lang="fr"), ("Directeur", "@fr")),
    (Literal("3", datatype=URIRef(XSD + "positiveInteger")), ("3", XSD + "positiveInteger")),
])
def test_a_term_is_kept_alike_from_rdflib_and_pyoxigraph(rdflib_term: URIRef | Literal,
                                                          kept: tuple[str, ...]) -> None:
    back = from_stored(kept, {})
    assert stored(rdflib_term) == kept and stored(back) == kept
    assert isinstance(back, ox.NamedNode) == isinstance(rdflib_term, URIRef)


def test_a_blank_node_is_not_kept() -> None:
    assert stored(BNode("b")) is None and stored(ox.BlankNode("b")) is None and stored(None) is None
