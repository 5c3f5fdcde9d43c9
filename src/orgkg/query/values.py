"""Binding parameter values: a VALUES block of RDF terms just inside the WHERE clause.

The terms are pyoxigraph's own serialisation of already-validated values
(IRIs checked by ``params.iri``, literals escaped), so no value can change the
query's operations; a value such as ``x" } ; DROP ALL ; #`` stays one string.
Placed first in the WHERE clause, the values drive evaluation from the start,
as rdflib's ``initBindings`` do (unlike a VALUES block appended at the end).
"""

from __future__ import annotations

from collections.abc import Mapping

from orgkg.query.params import Term
from orgkg.query.text import where_brace


def with_values(text: str, values: Mapping[str, Term]) -> str:
    """The query with a VALUES block of serialised terms inside its WHERE clause."""
    if not values:
        return text
    names = sorted(values)
    block = "VALUES ({}) {{ ({}) }}".format(" ".join(f"?{n}" for n in names),
                                           " ".join(str(values[n]) for n in names))
    at = where_brace(text)
    return f"{text[:at]}\n  {block}\n{text[at:]}"
