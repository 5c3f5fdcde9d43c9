"""Queries against a SPARQL endpoint, through orgkg's bounded HTTP client (``endpoint.client``).

The query goes as an HTML form POST (``query=...``), the one form every store
answers: Virtuoso 7.2 never answers a query POSTed directly as
``application/sparql-query`` (it waits for a form until the client gives up),
which is why queries through SPARQLWrapper's direct POST stalled on it.
Values are bound in a ``VALUES`` block put just inside the query's WHERE
clause, so they apply from the start as pyoxigraph's ``substitutions`` do
(not at the end, as rdflib's SPARQLStore appends them). The block is made of
terms pyoxigraph serialises (IRIs already validated, literals escaped): no
user text is ever pasted into the query. Queries over the union of the named
graphs ask for it with Oxigraph's ``union-default-graph`` request parameter;
other stores must be set to use the union as their default graph (Virtuoso's
default graph is already the union of its graphs).
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from orgkg.endpoint.access import check_url, display
from orgkg.endpoint.client import MAX_ANSWER, Answer, Deadline, Session, refusal, with_query
from orgkg.errors import EndpointError, QueryError
from orgkg.query.engine import Engine
from orgkg.query.params import Term
from orgkg.query.results import Result, Row, Value
from orgkg.query.text import form
from orgkg.query.values import with_values

UNION_PARAMETER = "union-default-graph"


def _term(cell: dict[str, Any]) -> Value:
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in cell:
            return ox.Literal(value, language=cell["xml:lang"])
        if "datatype" in cell:
            return ox.Literal(value, datatype=ox.NamedNode(cell["datatype"]))
        return ox.Literal(value)
    raise EndpointError("endpoint", f"answered a result term of unknown type {kind!r}")


def parse_json(body: bytes, kind: str, where: str) -> Result:
    try:
        doc = json.loads(body)
        if kind == "ASK":
            return Result(kind, boolean=_boolean(doc))
        variables = tuple(doc["head"]["vars"])
        rows: tuple[Row, ...] = tuple(
            tuple(_term(b[v]) if v in b else None for v in variables) for b in doc["results"]["bindings"])
    except (ValueError, KeyError, TypeError) as err:
        raise EndpointError(where, f"answered something that is not SPARQL JSON results ({err})") from None
    return Result(kind, variables, rows)


def _boolean(doc: dict[str, Any]) -> bool:
    """An ASK answer; Virtuoso answers one as a row of one integer (``__ASK_RETVAL``)."""
    if "boolean" in doc:
        return bool(doc["boolean"])
    cells = [c for b in doc["results"]["bindings"] for c in b.values()]
    return bool(cells) and cells[0].get("value") in ("1", "true")


class Endpoint(Engine):
    """A SPARQL 1.1 query endpoint; every request bounded in time (``timeout``) and size."""

    def __init__(self, url: str, *, timeout: float = 30.0, max_answer: int = MAX_ANSWER,
                 session: Session | None = None) -> None:
        self.url, self.timeout = check_url(url), timeout
        self.where = display(url)
        self.session = session or Session(max_answer=max_answer)

    def run(self, text: str, values: Mapping[str, Term], *, union: bool) -> Result:
        kind = form(text)
        graph = kind in ("CONSTRUCT", "DESCRIBE")
        url = with_query(self.url, {UNION_PARAMETER: "true"} if union else {})
        body = urllib.parse.urlencode({"query": with_values(text, values)}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Accept": "application/n-triples" if graph else "application/sparql-results+json"}
        answer = self.session.request("POST", url, body, headers, Deadline(self.timeout))
        self._check(answer)
        if graph:
            try:
                triples = tuple(t.triple for t in ox.parse(answer.body, _triples_format(answer)))
            except SyntaxError as err:
                raise EndpointError(self.where, f"answered triples that cannot be read ({err})") from None
            return Result(kind, triples=triples)
        return parse_json(answer.body, kind, self.where)

    def _check(self, answer: Answer) -> None:
        if 200 <= answer.status < 300:
            return
        refused = refusal(answer, self.url, "query")
        if refused is not None:
            raise refused
        detail = answer.detail(self.url)
        if answer.status == 400:
            raise QueryError(self.where, f"refused the query (HTTP 400: {detail or 'bad request'})")
        if answer.status in (429, 502, 503, 504):
            raise EndpointError(self.where, f"is busy or unavailable (HTTP {answer.status})",
                                "try again later")
        raise EndpointError(self.where, f"failed (HTTP {answer.status}" + (f": {detail})" if detail else ")"))


def _triples_format(answer: Answer) -> ox.RdfFormat:
    media = answer.content_type.split(";")[0].strip().lower()
    return ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
