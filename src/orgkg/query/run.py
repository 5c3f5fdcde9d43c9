"""Run a named query or a user's ``.rq`` file with typed parameters on an engine."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from orgkg.errors import QueryError
from orgkg.query.engine import Engine
from orgkg.query.library import NamedQuery, get, parse
from orgkg.query.params import Term, bind
from orgkg.query.results import Result


def resolve(name_or_file: str) -> tuple[NamedQuery, bool]:
    """The query, and whether it is the user's own file (not a named query)."""
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise QueryError(name_or_file, "no such query file")
        try:
            return parse(path), True
        except QueryError:
            text = path.read_text(encoding="utf-8")
            return NamedQuery(path.stem, "", text, path), True
    return get(name_or_file), False


# Where to find a good value for an IRI parameter, by its name.
FINDERS = {"post": "find-posts --param text=WORD", "unit": "organisation-tree", "class": "positions-by-class",
           "series": "series-ladder"}


def run(engine: Engine, name_or_file: str, params: Iterable[str] = ()) -> Result:
    """Resolve, bind (typed by the header's declarations), check and run one query."""
    query, users = resolve(name_or_file)
    engine.admit(query, users)
    values = bind(query, params, declared_only=not users or bool(query.params))
    require_known(engine, query, values)
    return engine.answer(query, values)


def require_known(engine: Engine, query: NamedQuery, values: Mapping[str, Term]) -> None:
    """Refuse an IRI parameter the graph does not hold: a typo would otherwise answer nothing."""
    check = get("param-iri-in-graph")
    for p in query.params:
        value = values.get(p.name)
        if p.kind.lower() != "iri" or not isinstance(value, ox.NamedNode):
            continue
        if not engine.run(check.text, {"iri": value}, union=False).boolean:
            finder = FINDERS.get(p.name, "find-posts --param text=WORD")
            raise QueryError(f"--param {p.name}", f"<{value.value}> is not in the graph",
                             f"find one with `orgkg query {finder}`")
