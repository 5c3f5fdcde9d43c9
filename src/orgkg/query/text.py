"""Reading SPARQL text without executing it: the one scanner of words outside strings, IRIs and comments.

Uses, none of which builds SPARQL from user text: the query form
(``SELECT``, ``CONSTRUCT`` ...); the opening brace of the ``WHERE`` clause,
where a ``VALUES`` block of already-serialised RDF terms goes; and, for the
validation engine turning a shape's query set-based, the top-level WHERE
group, what stands before it, and ``$this`` renamed ``?this``. Never a
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
    kind: str  # "word", "iri", "string", "punct", "var" (``text`` without its ? or $), "comment"
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """The query's tokens, comments dropped; strings and IRIs kept whole."""
    return (tok for tok in lex(text) if tok.kind != "comment")


def lex(text: str) -> Iterator[Token]:
    """Every token of the query, its comments too."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            yield Token("comment", text[i:end], i)
            i = end
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


def code_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` outside strings, IRIs and comments."""
    spans, start = [], 0
    for tok in lex(text):
        if tok.kind in ("string", "iri", "comment"):
            spans.append((start, tok.start))
            start = tok.start + len(tok.text)
    spans.append((start, len(text)))
    return spans


def mentions(text: str, pattern: str) -> bool:
    """Whether ``pattern`` (a regex) occurs in ``text`` outside strings, IRIs and comments."""
    rx = re.compile(pattern)
    return any(rx.search(text, start, end) for start, end in code_spans(text))


def where_group(text: str) -> tuple[int, int]:
    """The positions of the first top-level group's ``{`` (a SELECT's WHERE) and its matching ``}``."""
    depth, open_at = 0, -1
    for tok in tokens(text):
        if tok.kind != "punct" or tok.text not in "{}":
            continue
        if tok.text == "{":
            open_at = tok.start if depth == 0 and open_at < 0 else open_at
            depth += 1
        else:
            depth -= 1
            if depth == 0 and open_at >= 0:
                return open_at, tok.start
    raise ValueError("no WHERE group")


def head(text: str) -> str:
    """Everything before the WHERE group (PREFIX lines and the SELECT clause)."""
    return text[: where_group(text)[0]]


def rename_this(text: str) -> str:
    """``$this`` -> ``?this`` (the same variable in SPARQL), never inside strings, IRIs or comments."""
    out, last = [], 0
    for tok in tokens(text):
        if tok.kind == "var" and tok.text == "this" and text[tok.start] == "$":
            out += [text[last:tok.start], "?"]
            last = tok.start + 1
    out.append(text[last:])
    return "".join(out)
