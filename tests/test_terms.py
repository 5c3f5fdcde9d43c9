"""A value reads the same whichever store answered it (``orgkg.graph.terms.python_value``)."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import pytest

from orgkg.graph.terms import XSD, python_value


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
