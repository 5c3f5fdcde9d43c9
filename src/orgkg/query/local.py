"""Queries against the built store, through pyoxigraph."""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from orgkg.errors import QueryError
from orgkg.query.engine import Engine
from orgkg.query.params import Term
from orgkg.query.results import Result
from orgkg.query.text import form, network_uses


def refuse_network(text: str, where: str) -> None:
    """Refuse a query that would fetch from outside the graph (SERVICE, LOAD, FROM <iri>)."""
    uses = network_uses(text)
    if uses:
        raise QueryError(where, f"the query uses {', '.join(sorted(set(uses)))}, which reaches outside "
                         "the local graph", "pass --allow-network if you mean it")


class LocalGraph(Engine):
    """A pyoxigraph store: values are bound as terms with ``substitutions``."""

    def __init__(self, store: ox.Store, *, allow_network: bool = False) -> None:
        self.store, self.allow_network = store, allow_network
        # `orgkg build` keeps the union of the named graphs in the default graph (graph.store).
        self.has_union_copy = any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def run(self, text: str, values: Mapping[str, Term], *, union: bool) -> Result:
        if not self.allow_network:
            refuse_network(text, "query")
        kind = form(text)
        try:
            answer = self.store.query(text, use_default_graph_as_union=union and not self.has_union_copy,
                                      substitutions={ox.Variable(k): v for k, v in values.items()})
        except SyntaxError as err:
            raise QueryError("query", f"not valid SPARQL: {err}") from None
        except RuntimeError as err:
            raise QueryError("query", f"cannot bind the parameters: {err}",
                             "a parameter must be a variable the query selects") from None
        except OSError as err:
            raise QueryError("query", f"the store failed: {err}") from None
        if isinstance(answer, ox.QueryBoolean):
            return Result(kind, boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return Result(kind, triples=tuple(answer))
        variables = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(s[v] for v in variables) for s in answer)
        return Result(kind, variables, rows)
