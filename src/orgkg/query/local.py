"""Queries against the built store, through pyoxigraph."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import cache

import pyoxigraph as ox

from orgkg.errors import QueryError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.listings import ListingIndex
from orgkg.graph.titles import TitleIndex
from orgkg.query.engine import Engine
from orgkg.query.library import NamedQuery
from orgkg.query.listings import answer as from_index
from orgkg.query.listings import listed
from orgkg.query.network import refuse_network
from orgkg.query.order import ordering
from orgkg.query.params import Term
from orgkg.query.plan import hash_joined_query
from orgkg.query.results import Result, Row
from orgkg.query.text import form
from orgkg.query.values import with_value_rows, with_values

# More posts than this found by the title index: the query's own scan is as quick as listing them.
NARROW_LIMIT = 5000


class LocalGraph(Engine):
    """A built graph (pyoxigraph); values are bound as RDF terms in a VALUES block inside the WHERE clause.

    The same binder as for endpoints (``remote.with_values``: terms serialised
    by pyoxigraph after validation), so local and remote answers agree. Not
    ``substitutions=``: pyoxigraph 0.5.13 applies those after evaluating the
    pattern, so the reporting chain of one post took 9.3 s at 10,000 positions
    against 0.0008 s with the VALUES block (bench/results/store.md).
    """

    def __init__(self, graph: BuiltGraph, *, allow_network: bool = False,
                 titles: TitleIndex | None = None, listings: ListingIndex | None = None) -> None:
        """``titles`` and ``listings``: a title and a listing index (``graph.titles``,
        ``graph.listings``), or None; ``of_build`` opens the build's own."""
        self.graph, self.allow_network = graph, allow_network
        self.titles: Callable[[], TitleIndex | None] = lambda: titles
        self.listings: Callable[[], ListingIndex | None] = lambda: listings

    @classmethod
    def of_build(cls, graph: BuiltGraph, *, allow_network: bool = False) -> LocalGraph:
        """The engine of ``orgkg query --graph``: the build's title and listing indexes
        (``BuiltGraph.titles``, ``BuiltGraph.listings``) each opened when a query first needs it,
        decided on the parsed query and its values, so an index from another build (stale or
        damaged: ``GraphError``) refuses only the queries that would read it."""
        engine = cls(graph, allow_network=allow_network)
        engine.titles, engine.listings = cache(graph.titles), cache(graph.listings)
        return engine

    def answer(self, query: NamedQuery, values: Mapping[str, Term]) -> Result:
        """A whole-organisation listing of the library from the build's listing index when it keeps
        it (the same rows, in the same order: ``query.listings``), else the query run."""
        index = self.listings() if listed(query, values) else None
        found = from_index(index, query, values) if index is not None else None
        return found if found is not None else super().answer(query, values)

    def admit(self, query: NamedQuery, users: bool) -> None:
        """A user's own query must not reach outside the graph (decided on the parsed query:
        ``query.network``); the named queries are orgkg's own, tested to reach nothing."""
        if users and not self.allow_network:
            refuse_network(query.text, str(query.path))

    def narrow(self, query: NamedQuery, values: Mapping[str, Term]) -> str:
        """A query declaring ``# plan: hash-join`` gets each triple pattern as a sub-query
        (``query.plan``); one declaring ``# title-index: text ?post`` gets ``VALUES ?post { ... }``:
        the posts whose title contains the text, from the build's title index (none for older builds)."""
        text = hash_joined_query(query.text) if query.hash_join else query.text
        if query.title_index is None:
            return text
        param, variable = query.title_index
        given = values.get(param)
        if given is None:
            return text
        titles = self.titles()
        posts = titles.posts_containing(given.value, NARROW_LIMIT) if titles is not None else None
        if posts is None:
            return text
        return with_value_rows(text, variable, (ox.NamedNode(p) for p in posts))

    def run(self, text: str, values: Mapping[str, Term], *, union: bool) -> Result:
        """The answer; a SELECT's ORDER BY is done on the fetched rows where ``query.order`` can
        (the store sorts slowly), else by the store."""
        kind, text = form(text), with_values(text, values)
        plan = ordering(text) if kind == "SELECT" else None
        answer = self._ask(plan.text if plan else text, union)
        if isinstance(answer, ox.QueryBoolean):
            return Result(kind, boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return Result(kind, triples=tuple(answer))
        variables = tuple(v.value for v in answer.variables)
        if plan is None:
            return Result(kind, variables, _rows(answer))
        ordered = plan.sort(variables, _rows(answer))
        if ordered is None:  # literals Python does not order as the store: the store sorts
            answer = self._ask(text, union)
            assert isinstance(answer, ox.QuerySolutions)
            return Result(kind, variables, _rows(answer))
        return Result(kind, variables, ordered)

    def _ask(self, text: str, union: bool) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            return self.graph.query(text, union=union)
        except SyntaxError as err:
            raise QueryError("query", f"not valid SPARQL: {err}") from None
        except OSError as err:
            raise QueryError("query", f"the store failed: {err}") from None


def _rows(answer: ox.QuerySolutions) -> Iterator[Row]:
    """The solutions one at a time, as the store evaluates them (its failures as QueryError): each
    solution's terms in the order of the answer's variables (None where unbound), taken whole
    rather than looked up by name (a third less time at 100,000 rows of two terms)."""
    try:
        for solution in answer:
            yield tuple(solution)
    except (SyntaxError, OSError, ValueError, TypeError) as err:
        raise QueryError("query", f"the store failed while answering: {err}") from None
