"""Whether a query reaches outside the local graph, decided on the parsed query, never on its text.

A user's ``.rq`` file run on the built graph must not make the store fetch
anything: Oxigraph evaluates ``SERVICE`` with its own HTTP client, which
Python's audit hook (``orgkg.safety``) cannot see. So the query is parsed
(rdflib's SPARQL 1.1 parser) and its syntax tree searched for ``SERVICE``,
``LOAD`` and ``FROM``/``FROM NAMED``. A text scanner can be fooled where
comments and escapes are read differently (``ex:a\\#b`` on a line hides the
rest of it from a scanner that takes ``#`` as a comment; SPARQL does not);
the parser reads the query as a SPARQL engine does, and a query it cannot
read is refused (fail closed), not run unchecked.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from orgkg.errors import QueryError

# The parse tree's names for what reaches out: a federated pattern, a LOAD, a dataset clause.
REACHES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD", "datasetClause": "FROM"}


@lru_cache(maxsize=32)
def network_uses(text: str) -> tuple[str, ...]:
    """What in the query would fetch from outside the graph: SERVICE, LOAD, FROM / FROM NAMED.

    Raises QueryError when the query cannot be parsed, so nothing unchecked runs."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except (ParseException, ValueError, TypeError) as err:
        first = str(err).splitlines()[0][:150]
        raise QueryError("query", f"cannot check the query for SERVICE or FROM before running it "
                         f"(SPARQL parser: {first})", "fix the query, or pass --allow-network to run "
                         "it unchecked") from None
    found: list[str] = []
    _walk(tree, found)
    return tuple(sorted(set(found)))


def _walk(node: Any, found: list[str]) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Node

    if isinstance(node, CompValue):
        if node.name in REACHES:
            found.append(REACHES[node.name])
        for key, value in node.items():
            if key == "datasetClause" and value:
                found.append("FROM")
            _walk(value, found)
    elif isinstance(node, dict):
        for value in node.values():
            _walk(value, found)
    elif not isinstance(node, str | Node) and hasattr(node, "__iter__"):
        for value in node:
            _walk(value, found)


def refuse_network(text: str, where: str) -> None:
    """Refuse a query that would fetch from outside the graph (SERVICE, LOAD, FROM <iri>)."""
    uses = network_uses(text)
    if uses:
        raise QueryError(where, f"the query uses {', '.join(uses)}, which reaches outside the local graph",
                         "pass --allow-network if you mean it")
