"""Run a named query or a user's ``.rq`` file with typed parameters on an engine."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from orgkg.errors import QueryError
from orgkg.query.engine import Engine
from orgkg.query.library import NamedQuery, get, parse
from orgkg.query.params import bind
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


def run(engine: Engine, name_or_file: str, params: Iterable[str] = ()) -> Result:
    """Resolve, bind (typed by the header's declarations) and run one query."""
    query, users = resolve(name_or_file)
    engine.admit(query, users)
    values = bind(query, params, declared_only=not users or bool(query.params))
    return engine.run(engine.narrow(query, values), values, union=query.union)
