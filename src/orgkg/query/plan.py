"""A WHERE group rewritten so the store joins its triple patterns by hashing.

Used by the fast validation engine on every constraint (``validate.engine.sparql``)
and by the local engine on the named queries whose header says ``# plan: hash-join``
(``query.local``): the same rewriting for both, so a rule and the query that lists
its findings are planned alike.

Run once over the whole graph, a constraint's basic graph patterns join tens
of thousands of rows. Oxigraph evaluates a pattern joined to others by looking
each row up in its indexes, which at 100,000 positions costs tens of
microseconds a row (its store no longer fits the cache), and a sub-query
joined to others by scanning it whole and hashing. So each triple pattern
becomes a sub-query of its own::

    ?this org:role ?own ; orgkg:hasQualification ?q .
    ->  { SELECT * WHERE { ?this org:role ?own . } } { SELECT * WHERE { ?this orgkg:hasQualification ?q . } }

which is the same join (a group of sub-queries projecting all their variables
is the BGP). Measured at 100,000 positions: shares adding up 86 s -> 3.5 s,
supervising lower ranks 41 s -> 1.9 s. The inside of ``FILTER``, ``BIND`` and
``EXISTS`` is left as written (an ``EXISTS`` runs per row, where a look-up is
right), and so is any block this reader does not follow (blank-node brackets,
collections, bracketed paths), which only costs speed. A pattern whose path
repeats (``org:reportsTo+``, ``*``, ``?``) stays in the join too: on its own it
would follow the path from every node of the graph (at 100,000 positions the
reporting-cycle walk took 18 s so, 3.7 s from the rows that reach it).

Variables the caller names as ``unread`` (written once in the whole constraint,
whose answer does not count rows) are projected away in their pattern's
sub-query, made DISTINCT: ``?report org:reportsTo ?this`` becomes the
supervisors, each once, rather than one row per report, so what is joined
after it (a reporting-chain walk) runs once per supervisor.
"""

from __future__ import annotations

import re
from collections import Counter

from orgkg.query.text import Token, head, mentions, tokens, where_group

_AGGREGATE = r"(?i)\b(GROUP\s+BY|COUNT|SUM|AVG|MIN|MAX|SAMPLE|GROUP_CONCAT)\b"
_STOP = {"OPTIONAL", "UNION", "MINUS", "GRAPH", "FILTER", "BIND", "VALUES", "SERVICE", "SELECT"}
_JOINERS = ("/", "|", "^")


def hash_joined(group: str, unread: frozenset[str] = frozenset()) -> str:
    """The text of a WHERE group (without its outer braces) with each triple pattern a sub-query."""
    toks = list(tokens(group))
    if any(t.kind == "word" and t.text.upper() in ("SELECT", "VALUES", "SERVICE") for t in toks):
        return group  # sub-queries and inline data are left to the store's planner
    out, last = [], 0
    for start, end in _triple_blocks(toks):
        patterns = _patterns(group[start:end])
        if patterns is None:
            continue
        kept = unread - _shared(patterns)
        out += [group[last:start], " ".join(_planned(*p, kept) for p in patterns)]
        last = end
    out.append(group[last:])
    return "".join(out)


def hash_joined_query(text: str) -> str:
    """A whole query with its WHERE group hash-joined (its variables read once projected away)."""
    start, end = where_group(text)
    return text[:start + 1] + hash_joined(text[start + 1:end], unread(text)) + text[end:]


def unread(text: str) -> frozenset[str]:
    """Variables written once in a query whose answer does not count rows (no aggregate, no
    ``SELECT *``): nothing reads them, and how many rows they give cannot show in the answer."""
    if mentions(head(text), r"\*") or mentions(text, _AGGREGATE):
        return frozenset()
    counts = Counter(t.text for t in tokens(text) if t.kind == "var")
    return frozenset(name for name, n in counts.items() if n == 1)


def _shared(patterns: list[tuple[str, str, str]]) -> frozenset[str]:
    """Variables of more than one pattern of a block: ``?e <p> ?this ; <q> ?x`` writes ``?e``
    once, yet it joins the two patterns, so it is read even when the text names it once."""
    counts = Counter(n for p in patterns for n in {t[1:] for t in p if re.fullmatch(r"[?$]\w+", t)})
    return frozenset(n for n, c in counts.items() if c > 1)


def binds_this(group: str) -> bool:
    """Whether a top-level triple pattern of the group (not inside OPTIONAL, UNION ...) mentions ``?this``."""
    toks = list(tokens(group))
    depth_at, depth = {}, 0
    for tok in toks:
        depth_at[tok.start] = depth
        if tok.kind == "punct" and tok.text in "{}":
            depth += 1 if tok.text == "{" else -1
    this_at = [t.start for t in toks if t.kind == "var" and t.text == "this"]
    return any(depth_at.get(start) == 0 and any(start <= at < end for at in this_at)
               for start, end in _triple_blocks(toks))


def _planned(subject: str, verb: str, obj: str, unread: frozenset[str]) -> str:
    pattern = f"{subject} {verb} {obj} ."
    if _repeats(verb):
        return pattern
    names = [t[1:] for t in (subject, verb, obj) if re.fullmatch(r"[?$]\w+", t)]
    kept = [n for n in dict.fromkeys(names) if n not in unread]
    if kept and len(kept) < len(set(names)):
        return f"{{ SELECT DISTINCT {' '.join('?' + n for n in kept)} WHERE {{ {pattern} }} }}"
    return f"{{ SELECT * WHERE {{ {pattern} }} }}"


def _end(tok: Token) -> int:
    return tok.start + len(tok.text) + (1 if tok.kind == "var" else 0)


def _triple_blocks(toks: list[Token]) -> list[tuple[int, int]]:
    """Character spans of the triples blocks outside FILTER/BIND expressions."""
    blocks, i = [], 0
    while i < len(toks):
        tok, word = toks[i], toks[i].text.upper() if toks[i].kind == "word" else ""
        if tok.kind == "punct" and tok.text in "{}.":
            i += 1
        elif word in ("FILTER", "BIND"):
            i = _skip_expression(toks, i + 1)
        elif word in _STOP:
            i += 1
            while word == "GRAPH" and i < len(toks) and toks[i].text != "{":
                i += 1
        else:
            j = _block_end(toks, i)
            blocks.append((tok.start, _end(toks[j - 1])))
            i = j
    return blocks


def _skip_expression(toks: list[Token], i: int) -> int:
    """The index after a FILTER/BIND expression: a bracketed term, EXISTS {...} or a call."""
    depth = 0
    while i < len(toks):
        text = toks[i].text if toks[i].kind == "punct" else ""
        if text in ("(", "{"):
            depth += 1
        elif text in (")", "}"):
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _block_end(toks: list[Token], i: int) -> int:
    """The index after a triples block starting at ``i`` (its final ``.`` included)."""
    nest = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind == "punct" and tok.text in "([":
            nest += 1
        elif tok.kind == "punct" and tok.text in ")]":
            nest -= 1
        elif nest == 0 and ((tok.kind == "punct" and tok.text in "{}")
                            or (tok.kind == "word" and tok.text.upper() in _STOP)):
            return i
        elif nest == 0 and tok.kind == "punct" and tok.text == "." and not _decimal(toks, i):
            return i + 1
        i += 1
    return i


def _decimal(toks: list[Token], i: int) -> bool:
    before, after = toks[i - 1] if i else None, toks[i + 1] if i + 1 < len(toks) else None
    return (before is not None and after is not None and before.text[-1:].isdigit()
            and after.text[:1].isdigit() and _end(before) == toks[i].start == after.start - 1)


def _patterns(block: str) -> list[tuple[str, str, str]] | None:
    """The block's triple patterns as (subject, verb, object) texts, or None when it is not plain triples."""
    lexemes = _lexemes(block)
    if lexemes is None or not lexemes:
        return None
    patterns: list[tuple[str, str, str]] = []
    subject, rest = lexemes[0], lexemes[1:]
    if rest and rest[-1] == ".":
        rest = rest[:-1]
    for part in _split(rest, ";"):
        if not part:
            continue
        verb, objects = part[0], _split(part[1:], ",")
        if any(len(o) != 1 for o in objects):
            return None
        patterns += [(subject, verb, o[0]) for o in objects]
    return patterns or None


def _repeats(verb: str) -> bool:
    """Whether a path has a ``+``, ``*`` or ``?`` modifier (not a variable, not inside an IRI)."""
    bare = re.sub(r"<[^>]*>", "", verb)
    return not re.match(r"[?$]\w", bare) and any(c in bare for c in "+*?")


def _split(items: list[str], sep: str) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for item in items:
        if item == sep:
            parts.append([])
        else:
            parts[-1].append(item)
    return parts


def _lexemes(block: str) -> list[str] | None:
    """Terms and separators: tokens written together make one term (``org:role``, ``"1"^^xsd:int``)."""
    out: list[str] = []
    glued_to = -1
    for tok in tokens(block):
        text = block[tok.start:_end(tok)]
        if tok.kind == "punct" and text in "[]()":
            return None
        decimal = text == "." and tok.start == glued_to and block[tok.start + 1:tok.start + 2].isdigit()
        if tok.kind == "punct" and text in ";,." and not decimal:
            out.append(text)
            glued_to = -1
            continue
        joins = out and out[-1] not in (";", ",", ".") and (
            tok.start == glued_to or out[-1].endswith(_JOINERS) or text.startswith(_JOINERS))
        if joins:
            out[-1] += text if tok.start == glued_to else " " + text
        else:
            out.append(text)
        glued_to = _end(tok)
    return out
