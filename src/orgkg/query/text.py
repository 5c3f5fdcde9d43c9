"""Reading SPARQL text without executing it: words outside strings, IRIs and comments.

Uses, none of which builds SPARQL from user text: the query form
(``SELECT``, ``CONSTRUCT`` ...) and finding the opening brace of the ``WHERE``
clause, where a ``VALUES`` block of already-serialised RDF terms goes. Never a
security decision: whether a query reaches the network is decided on the
parsed query (``query.network``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from orgkg.errors import QueryError

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "iri", "string", "punct", "var"
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """The query's tokens, comments dropped; strings and IRIs kept whole."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'" and (m := _STRING.match(text, i)):
            yield Token("string", m.group(), i)
            i = m.end()
        elif c == "<" and (m := _IRI.match(text, i)):
            yield Token("iri", m.group(), i)
            i = m.end()
        elif c in "?$" and (m := _WORD.match(text, i + 1)):
            yield Token("var", m.group(), i)
            i = m.end()
        elif m := _WORD.match(text, i):
            yield Token("word", m.group(), i)
            i = m.end()
        else:
            yield Token("punct", c, i)
            i += 1


def form(text: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE``."""
    for tok in tokens(text):
        if tok.kind == "word" and tok.text.upper() in FORMS:
            return tok.text.upper()
    raise QueryError("query", "not a SPARQL query (no SELECT, CONSTRUCT, ASK or DESCRIBE)")


def where_brace(text: str) -> int:
    """The offset just after the ``{`` that opens the outermost WHERE clause."""
    seen_form = seen_where = False
    for tok in tokens(text):
        if tok.kind == "word" and tok.text.upper() in FORMS:
            seen_form = True
        elif seen_form and tok.kind == "word" and tok.text.upper() == "WHERE":
            seen_where = True
        elif (seen_form and tok.kind == "punct" and tok.text == "{"
              and (seen_where or form(text) != "CONSTRUCT")):
            # CONSTRUCT { template } WHERE { ... }: the first brace is the template.
            return tok.start + 1
    raise QueryError("query", "cannot find the query's WHERE clause to bind parameters in")


def without_comments(text: str) -> str:
    """The query with its comments blanked out (strings and IRIs untouched).

    SPARQLWrapper guesses the query form with a regular expression that does
    not skip comments, so a header mentioning "describe" or "insert" would
    mislead it; the endpoint gets the same query without them.
    """
    out, last = [], 0
    for tok in tokens(text):
        end = tok.start + len(tok.text) + (1 if tok.kind == "var" else 0)
        out += [re.sub(r"#[^\n]*", "", text[last:tok.start]), text[tok.start:end]]
        last = end
    out.append(re.sub(r"#[^\n]*", "", text[last:]))
    return "".join(out)
