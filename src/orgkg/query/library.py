"""Named SPARQL queries: ``.rq`` files that describe themselves, parsed once.

Each file starts with a header of ``# key: value`` comment lines::

    # name: reporting-chain
    # summary: The chain of supervisors of a post, up to the top.
    # param: post (IRI) the post whose chain to list
    # dataset: union
    # example: orgkg query reporting-chain --param post=<https://w3id.org/orgkg/id/post/...>

``# title-index: text ?post`` lets a local run narrow ``?post`` to the posts
whose title contains the parameter ``text``, found in the build's title index
(``graph.titles``) before the store is asked; the query keeps its own filter,
so its answers do not depend on the index.

``# plan: hash-join`` lets a local run join each triple pattern of the WHERE
group as a sub-query of its own (``query.plan``, as the fast validation
engine runs a rule): for whole-organisation queries Oxigraph's own plan
looks rows up one by one (``register-vs-documents`` took 445 s at 100,000
positions). The text, and what an endpoint runs, stays as written; the
answers are the same.

``# dataset: union`` marks a query that reads the union of the named graphs as
its default graph (reporting lines cross documents); the others name their
graphs with ``GRAPH ?g``. A parameter whose description starts with
``optional`` may be left out. Parameters are SPARQL variables of the query (``?post``); values are bound as
RDF terms by the store (pyoxigraph ``substitutions``), never pasted into the
query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from orgkg.errors import QueryError
from orgkg.resources import data_dir

_HEADER = re.compile(r"^#\s*(name|summary|param|example|dataset|title-index|plan)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    description: str

    @property
    def optional(self) -> bool:
        return self.description.lower().startswith("optional")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    text: str
    path: Path
    params: tuple[Param, ...] = field(default_factory=tuple)
    examples: tuple[str, ...] = field(default_factory=tuple)
    union: bool = False
    title_index: tuple[str, str] | None = None  # (parameter, variable)
    hash_join: bool = False  # ``# plan: hash-join``: run locally with each triple pattern a sub-query
    internal: bool = False  # in a sub-folder: read by a command (chart-*, register-*), not listed by default


def parse(path: Path) -> NamedQuery:
    """Read one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if m:
            meta.setdefault(m.group(1), []).append(m.group(2).strip())
        elif line.strip() and not line.lstrip().startswith("#"):
            break
    if "name" not in meta or "summary" not in meta:
        raise QueryError(str(path), "the header lacks '# name:' or '# summary:'")
    params = []
    for spec in meta.get("param", []):
        m = re.match(r"(\w+)\s*\((\w+)\)\s*(.*)", spec)
        if not m:
            raise QueryError(str(path), f"bad '# param:' line {spec!r}",
                             "write '# param: NAME (iri|string|integer) description'")
        params.append(Param(m.group(1), m.group(2), m.group(3)))
    dataset = meta.get("dataset", ["named"])[0]
    if dataset not in ("named", "union"):
        raise QueryError(str(path), f"bad '# dataset:' {dataset!r}", "write 'union' or leave it out")
    plan = meta.get("plan", [""])[0]
    if plan not in ("", "hash-join"):
        raise QueryError(str(path), f"bad '# plan:' {plan!r}", "write 'hash-join' or leave it out")
    return NamedQuery(meta["name"][0], " ".join(meta["summary"]), text, path,
                      tuple(params), tuple(meta.get("example", [])), dataset == "union",
                      _title_index(meta.get("title-index", []), params, path), hash_join=plan == "hash-join")


def _title_index(specs: list[str], params: list[Param], path: Path) -> tuple[str, str] | None:
    if not specs:
        return None
    m = re.fullmatch(r"(\w+)\s+\?(\w+)", specs[0])
    if not m or m.group(1) not in {p.name for p in params}:
        raise QueryError(str(path), f"bad '# title-index:' {specs[0]!r}",
                         "write '# title-index: PARAM ?variable' naming a declared parameter")
    return m.group(1), m.group(2)


@cache
def library(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query under ``queries/`` by name: the public ones at the top, the internal
    ones a command reads (``chart/``, ``register/``, ``validate/``) in sub-folders."""
    root = folder or data_dir("queries")
    found: dict[str, NamedQuery] = {}
    for path in sorted(root.rglob("*.rq")):
        q = replace(parse(path), internal=path.parent != root)
        if q.name in found:
            raise QueryError(str(path), f"a second query is named {q.name!r}")
        found[q.name] = q
    return found


def get(name: str) -> NamedQuery:
    try:
        return library()[name]
    except KeyError:
        raise QueryError(name, "no such named query", "see `orgkg query --list`") from None
