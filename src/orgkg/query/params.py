"""Query parameters from the command line, typed into RDF terms.

``--param name=value``: the value is an IRI written ``<...>``, a CURIE with one
of orgkg's prefixes (``id:post/...``, ``orgkg:JobClass``), or a literal; a
parameter declared ``integer`` gets an ``xsd:integer``, one declared ``iri``
must be an IRI. IRIs are checked (pyoxigraph refuses any that is not a valid
absolute IRI), so no value can ever change the query's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from orgkg.errors import QueryError
from orgkg.mapping.namespaces import PREFIXES
from orgkg.query.library import NamedQuery, Param

Term = ox.NamedNode | ox.Literal
_CURIE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):(\S*)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def iri(text: str, where: str = "parameter") -> ox.NamedNode:
    """A checked absolute IRI, or a QueryError saying why not."""
    if not _SCHEME.match(text):
        raise QueryError(where, f"not an absolute IRI: {text!r}")
    try:
        return ox.NamedNode(text)
    except ValueError as err:
        raise QueryError(where, f"not a valid IRI ({err})", "percent-encode unusual characters") from None


def as_iri(value: str, where: str) -> ox.NamedNode | None:
    """``<iri>`` or a known CURIE as an IRI; None when the value is neither."""
    if value.startswith("<") and value.endswith(">"):
        return iri(value[1:-1], where)
    m = _CURIE.fullmatch(value)
    if m and m.group(1) in PREFIXES:
        return iri(PREFIXES[m.group(1)] + m.group(2), where)
    return None


def term(param: Param | None, name: str, value: str) -> Term:
    """The RDF term for one ``name=value``, typed by the parameter's declaration."""
    where = f"--param {name}"
    kind = param.kind.lower() if param else None
    if kind == "iri" or (kind is None and (value.startswith("<") or _CURIE.fullmatch(value))):
        node = as_iri(value, where)
        if node is not None:
            return node
        if kind == "iri":
            prefixes = ", ".join(sorted(PREFIXES))
            raise QueryError(where, f"expects an IRI, got {value!r}",
                             f"write <https://...> or a CURIE with a known prefix: {prefixes}")
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(where, f"expects an integer, got {value!r}")
        return ox.Literal(int(value))
    return ox.Literal(value)


def split(pairs: Iterable[str]) -> list[tuple[str, str]]:
    out = []
    for pair in pairs:
        name, eq, value = pair.partition("=")
        if not eq or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"--param {pair}", "write --param NAME=VALUE")
        out.append((name, value))
    return out


def bind(query: NamedQuery, pairs: Iterable[str], *, declared_only: bool = True) -> dict[str, Term]:
    """Every ``name=value`` typed; unknown names and missing required ones refused."""
    declared: Mapping[str, Param] = {p.name: p for p in query.params}
    values: dict[str, Term] = {}
    for name, value in split(pairs):
        if declared_only and name not in declared:
            known = ", ".join(declared) or "none"
            raise QueryError(f"--param {name}", f"{query.name} has no such parameter",
                             f"its parameters: {known}")
        values[name] = term(declared.get(name), name, value)
    missing = [p.name for p in query.params if not p.optional and p.name not in values]
    if missing:
        raise QueryError(query.name, f"needs --param {missing[0]}=...", "see `orgkg query --list`")
    return values
