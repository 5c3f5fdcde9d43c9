"""Binding parameter values: a VALUES block of RDF terms just inside the WHERE clause.

The terms are pyoxigraph's own serialisation of already-validated values
(IRIs checked by ``params.iri``, literals escaped), so no value can change the
query's operations; a value such as ``x" } ; DROP ALL ; #`` stays one string.
Placed first in the WHERE clause, the values drive evaluation from the start,
as rdflib's ``initBindings`` do (unlike a VALUES block appended at the end).

A subquery is evaluated on its own, so the outer block cannot restrict it
early. A query that wants a parameter inside a subquery says so with the
placeholder ``VALUES ?name { UNDEF }`` there: one unbound solution (no
restriction) when the parameter is not given, its value when it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from orgkg.query.params import Term
from orgkg.query.text import tokens, where_brace


def with_values(text: str, values: Mapping[str, Term]) -> str:
    """The query with a VALUES block of serialised terms inside its WHERE clause."""
    if not values:
        return text
    text = fill_placeholders(text, values)
    names = sorted(values)
    block = "VALUES ({}) {{ ({}) }}".format(" ".join(f"?{n}" for n in names),
                                           " ".join(str(values[n]) for n in names))
    return _first_in_where(text, block)


def with_value_rows(text: str, name: str, terms: Iterable[Term]) -> str:
    """The query with ``VALUES ?name { t1 t2 ... }`` first inside its WHERE clause: one solution per term."""
    return _first_in_where(text, f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}")


def _first_in_where(text: str, block: str) -> str:
    at = where_brace(text)
    return f"{text[:at]}\n  {block}\n{text[at:]}"


def fill_placeholders(text: str, values: Mapping[str, Term]) -> str:
    """Each ``VALUES ?name { UNDEF }`` of a given parameter, with its serialised term instead."""
    toks = list(tokens(text))
    out, last = [], 0
    for i in range(len(toks) - 4):
        head, var, opening, undef, closing = toks[i:i + 5]
        if (head.kind == "word" and head.text.upper() == "VALUES" and var.kind == "var"
                and var.text in values and opening.text == "{" and undef.kind == "word"
                and undef.text.upper() == "UNDEF" and closing.text == "}"):
            out += [text[last:head.start], f"VALUES ?{var.text} {{ {values[var.text]} }}"]
            last = closing.start + 1
    out.append(text[last:])
    return "".join(out)
