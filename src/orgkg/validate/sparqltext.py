"""Small, careful edits of SPARQL text, for turning a shape's query set-based.

A SHACL-SPARQL query names the focus node ``$this``; SHACL engines run it
once per focus node with ``$this`` pre-bound. Run once over the whole graph
instead, ``$this`` becomes an ordinary variable bound by the shape's target
pattern, joined into the query's top-level WHERE group. These helpers find
that group (skipping strings, IRIs and comments) and rename the pre-bound
variable; nothing here pastes user text into a query.
"""

from __future__ import annotations

import re

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_THIS = re.compile(r"\$this\b")


def _skip(text: str, i: int) -> int:
    """The index after a string, IRI or comment starting at ``i`` (``i`` if none starts there)."""
    c = text[i]
    if c in "\"'":
        quote = c * 3 if text.startswith(c * 3, i) else c
        j = i + len(quote)
        while j < len(text):
            if text[j] == "\\":
                j += 2
                continue
            if text.startswith(quote, j):
                return j + len(quote)
            j += 1
        return len(text)
    if c == "<":
        m = _IRI.match(text, i)
        return m.end() if m else i
    if c == "#":
        end = text.find("\n", i)
        return len(text) if end < 0 else end
    return i


def code_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` outside strings, IRIs and comments."""
    spans, start, i = [], 0, 0
    while i < len(text):
        j = _skip(text, i)
        if j != i:
            spans.append((start, i))
            start = i = j
        else:
            i += 1
    spans.append((start, len(text)))
    return spans


def where_group(text: str) -> tuple[int, int]:
    """The positions of the top-level WHERE group's ``{`` and its matching ``}``."""
    depth, open_at = 0, -1
    for start, end in code_spans(text):
        for i in range(start, end):
            if text[i] == "{":
                if depth == 0 and open_at < 0:
                    open_at = i
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0 and open_at >= 0:
                    return open_at, i
    raise ValueError("no WHERE group")


def rename_this(text: str) -> str:
    """``$this`` -> ``?this`` outside strings, IRIs and comments (the same variable in SPARQL)."""
    out, last = [], 0
    for start, end in code_spans(text):
        out.append(text[last:start])
        out.append(_THIS.sub("?this", text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


def mentions(text: str, pattern: str) -> bool:
    """Whether ``pattern`` (a regex) occurs in ``text`` outside strings, IRIs and comments."""
    rx = re.compile(pattern)
    return any(rx.search(text, start, end) for start, end in code_spans(text))


def head(text: str) -> str:
    """Everything before the WHERE group (PREFIX lines and the SELECT clause)."""
    return text[: where_group(text)[0]]
