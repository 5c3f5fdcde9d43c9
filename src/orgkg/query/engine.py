"""Where queries run: a tiny base class, and the two kinds by name.

``LocalGraph`` runs against the built store in a graph folder (pyoxigraph,
values bound with ``substitutions``); ``Endpoint`` against a SPARQL endpoint
(orgkg.endpoint.client, values in a ``VALUES`` block inside the WHERE clause). Both
take the query text and already-typed RDF terms, never strings to paste.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping

from orgkg.query.library import NamedQuery
from orgkg.query.params import Term
from orgkg.query.results import Result


class Engine(ABC):
    """Runs one SPARQL query with bound values and returns typed results."""

    @abstractmethod
    def run(self, text: str, values: Mapping[str, Term], *, union: bool) -> Result:
        """``union``: read the union of the named graphs as the default graph."""

    def admit(self, query: NamedQuery, users: bool) -> None:
        """Refuse a query this engine must not run (``users``: the user's own file, not a named
        query); by default every query is admitted."""
        return None

    def narrow(self, query: NamedQuery, values: Mapping[str, Term]) -> str:
        """The text to run for ``query``: an engine with an index may narrow it (same answers)."""
        return query.text

    def answer(self, query: NamedQuery, values: Mapping[str, Term]) -> Result:
        """``query``'s answer with these values: by default its (narrowed) text run; an engine with
        an index may answer a named query from it (the same rows, in the same order)."""
        return self.run(self.narrow(query, values), values, union=query.union)
