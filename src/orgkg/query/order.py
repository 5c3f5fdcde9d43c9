"""A SELECT's ORDER BY done in Python after the rows are fetched, where the embedded store is slow at it.

pyoxigraph 0.5 sorts by looking every compared term up in the store again: at
100,000 positions ``post-layers`` took 28 s of CPU sorted against 4.8 s
unsorted, and ``span-of-control`` (11,829 rows) 2.8 s against 1.0 s
(bench/results/layers.md). Sorting the fetched rows in Python takes a few
hundredths of a second.

    plan = ordering(text)          # None: leave the ORDER BY to the store
    rows = plan.sort(variables, rows) if plan else rows   # None again: the store must sort

``ordering`` reads the query with the one SPARQL scanner (``query.text``): it
takes over only an outermost ``ORDER BY`` whose conditions are projected
variables, plain or in ``ASC()``/``DESC()``, with no ``LIMIT`` or ``OFFSET``
after it (a slice needs the order first); every other query keeps its ORDER
BY (tests/test_order.py checks the decision against rdflib's parse of the
query). ``Ordering.sort`` orders as SPARQL 1.1 (15.1) and Oxigraph do:
unbound first, then blank nodes, IRIs (by code point), literals; literals by
value within one kind: strings by code point, integers (``xsd:integer`` and
its derived types, ``graph.terms.INTEGERS``) and ``xsd:decimal`` by number,
language strings of one tag; ``DESC`` reverses each condition. A column
whose literals are of two kinds (which Oxigraph orders by rules of its own),
or of another datatype, gives None: the query then runs again with its ORDER
BY, in the store.

``Ordering.binary`` gives each row a key of bytes instead, whose byte order
(SQLite's BINARY collation) is the order ``sort`` gives, for columns whose
literals are of one kind named in advance: the build's listing index keeps
its rows by such keys, so that a row changed is put in its place without
ordering the others again (``graph.listings``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from orgkg.graph.terms import INTEGERS, XSD
from orgkg.query.results import Row
from orgkg.query.text import Token, tokens

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_I64 = 2 ** 63  # Oxigraph's integers are 64-bit: a larger one is not a number to it
_STRING, _DECIMAL_TYPE = XSD + "string", XSD + "decimal"
_UNBOUND = (0,)
_ENDS = frozenset({"LIMIT", "OFFSET", "VALUES"})
_DOWN = bytes(range(255, -1, -1))  # a DESC condition's bytes, each inverted


@dataclass(frozen=True)
class Ordering:
    """The query without its ORDER BY (``text``), and the conditions: (variable, descending)."""

    text: str
    keys: tuple[tuple[str, bool], ...]

    def sort(self, variables: Sequence[str], rows: Iterable[Row]) -> list[Row] | None:
        """The rows in the order the ORDER BY gives; None when Python cannot order them as the store."""
        rows = list(rows)
        if any(v not in variables for v, _ in self.keys):
            return None
        columns = []
        for var, _ in self.keys:
            keys = _column_keys(rows, variables.index(var))
            if keys is None:
                return None
            columns.append(keys)
        directions = {descending for _, descending in self.keys}
        order = list(range(len(rows)))
        if len(directions) == 1:  # one direction: one sort on each row's keys together
            order.sort(key=list(zip(*columns, strict=True)).__getitem__, reverse=directions.pop())
            return [rows[i] for i in order]
        for keys, (_, descending) in reversed(list(zip(columns, self.keys, strict=True))):
            order.sort(key=keys.__getitem__, reverse=descending)  # stable: earlier conditions win
        return [rows[i] for i in order]

    def binary(self, variables: Sequence[str], kinds: Mapping[str, str],
               ) -> Callable[[Sequence[object]], bytes | None] | None:
        """A key of bytes for each row (its terms in ``variables`` order) whose byte order is the
        order ``sort`` gives, for rows whose literals in each condition's column are of the kind
        ``kinds`` names for it (``string``, ``number``: an integer); a row with another term
        there has no key (None: ``sort`` would order that column otherwise, or not at all).
        None when a condition's variable is not among ``variables``."""
        if any(v not in variables for v, _ in self.keys):
            return None
        at = [(variables.index(v), descending, kinds.get(v)) for v, descending in self.keys]

        def key(row: Sequence[object]) -> bytes | None:
            out = bytearray()
            for i, descending, kind in at:
                part = _binary(row[i], kind)
                if part is None:
                    return None
                out += part.translate(_DOWN) if descending else part
            return bytes(out)
        return key


def _binary(term: object, kind: str | None) -> bytes | None:
    """One term's key as ``_column_keys`` ranks it, in bytes no other term's begins with (so that
    keys of several columns side by side, and inverted for DESC, still compare column by column)."""
    if term is None:
        return b"\x00"
    if isinstance(term, ox.BlankNode):
        return b"\x01" + _text(term.value)
    if isinstance(term, ox.NamedNode):
        return b"\x02" + _text(term.value)
    if not isinstance(term, ox.Literal) or kind is None:
        return None
    found = _literal(term)
    if found is None or found[0] != kind:
        return None
    value = found[1]
    if kind == "string":
        return b"\x03" + _text(value)
    if isinstance(value, int):  # |value| < 2**63 (``_literal``): eight bytes, offset to be unsigned
        return b"\x03" + (value + _I64).to_bytes(8, "big")
    return None


def _text(value: str) -> bytes:
    """Text in bytes ordered as its code points (UTF-8), zero bytes escaped, ended by two zeros."""
    return value.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\xff") + b"\x00\x00"


def ordering(text: str) -> Ordering | None:
    """How to order ``text``'s rows after fetching them, or None to leave it to the store."""
    toks = list(tokens(text))
    at = _after_where(toks)
    if at is None:
        return None
    projected, depth = _projected(toks), 0
    for i in range(at, len(toks) - 1):
        if toks[i].kind == "punct" and toks[i].text in "({[":
            depth += 1
        elif toks[i].kind == "punct" and toks[i].text in ")}]":
            depth -= 1
        elif depth == 0 and _word(toks[i], "ORDER") and _word(toks[i + 1], "BY"):
            keys, end = _conditions(toks, i + 2)
            if not keys or any(_word(t, "LIMIT") or _word(t, "OFFSET") for t in toks[end:]):
                return None
            if projected is not None and any(v not in projected for v, _ in keys):
                return None
            cut_to = toks[end].start if end < len(toks) else len(text)
            return Ordering(text[:toks[i].start] + text[cut_to:], tuple(keys))
    return None


def _word(tok: Token, word: str) -> bool:
    return tok.kind == "word" and tok.text.upper() == word


def _after_where(toks: list[Token]) -> int | None:
    """The index of the first token after a SELECT's WHERE group, or None (another form, or braces
    in the projection)."""
    form = next((i for i, t in enumerate(toks) if t.kind == "word" and t.text.upper() in
                 ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")), None)
    if form is None or not _word(toks[form], "SELECT"):
        return None
    depth = 0
    for i in range(form, len(toks)):
        t = toks[i]
        if t.kind != "punct" or t.text not in "{}":
            continue
        if t.text == "{" and depth == 0 and not _where_opens(toks, form, i):
            return None
        depth += 1 if t.text == "{" else -1
        if depth == 0:
            return i + 1
    return None


def _where_opens(toks: list[Token], form: int, i: int) -> bool:
    """Whether the brace at ``i`` opens the WHERE group (no parenthesis is open before it)."""
    depth = 0
    for t in toks[form:i]:
        if t.kind == "punct" and t.text in "()":
            depth += 1 if t.text == "(" else -1
    return depth == 0


def _projected(toks: list[Token]) -> set[str] | None:
    """The SELECT clause's variables: plain ones and ``(... AS ?v)``; None for ``SELECT *``."""
    form = next(i for i, t in enumerate(toks) if _word(t, "SELECT"))
    found, depth = set(), 0
    for i in range(form + 1, len(toks)):
        t = toks[i]
        if depth == 0 and (_word(t, "WHERE") or _word(t, "FROM") or (t.kind == "punct" and t.text == "{")):
            break
        if t.kind == "punct" and t.text == "*" and depth == 0:
            return None
        if t.kind == "punct" and t.text in "()":
            depth += 1 if t.text == "(" else -1
        elif t.kind == "var" and (depth == 0 or _word(toks[i - 1], "AS")):
            found.add(t.text)
    return found


def _conditions(toks: list[Token], i: int) -> tuple[list[tuple[str, bool]], int]:
    """The ORDER BY conditions from ``i``: ``?v``, ``ASC(?v)``, ``DESC(?v)``; none if another
    (an expression) is there. Also the index where they end."""
    keys: list[tuple[str, bool]] = []
    while i < len(toks):
        t = toks[i]
        if t.kind == "var":
            keys.append((t.text, False))
            i += 1
        elif (t.kind == "word" and t.text.upper() in ("ASC", "DESC") and i + 3 < len(toks)
              and toks[i + 1].text == "(" and toks[i + 2].kind == "var" and toks[i + 3].text == ")"):
            keys.append((toks[i + 2].text, t.text.upper() == "DESC"))
            i += 4
        elif t.kind == "word" and t.text.upper() in _ENDS:
            break
        else:
            return [], i
    return keys, i


def _column_keys(rows: list[Row], at: int) -> list[tuple[Any, ...]] | None:
    """Each row's sort key for one column, (rank, value): unbound 0, blank node 1, IRI 2, literal 3;
    None if a term is not orderable here or the literals are not all of one kind."""
    keys: list[tuple[Any, ...]] = []
    kind: object = None
    seen: dict[ox.Literal, tuple[object, Any] | None] = {}  # a value repeated down a column is read once
    for row in rows:
        term = row[at]
        if isinstance(term, ox.Literal):
            found = seen[term] if term in seen else seen.setdefault(term, _literal(term))
            if found is None or (kind is not None and found[0] != kind):
                return None
            kind = found[0]
            keys.append((3, found[1]))
        elif isinstance(term, ox.NamedNode):
            keys.append((2, term.value))
        elif term is None:
            keys.append(_UNBOUND)
        elif isinstance(term, ox.BlankNode):
            keys.append((1, term.value))
        else:
            return None
    return keys


def _literal(term: ox.Literal) -> tuple[object, Any] | None:
    """(kind, value) of a literal Python orders as Oxigraph does, or None."""
    if term.language:
        return ("lang", term.language), term.value
    datatype, value = term.datatype.value, term.value
    if datatype == _STRING:
        return "string", value
    if datatype in INTEGERS and _INTEGER.fullmatch(value) and abs(number := int(value)) < _I64:
        return "number", number
    if datatype == _DECIMAL_TYPE and _DECIMAL.fullmatch(value):
        return "number", Decimal(value)
    return None
