"""Queries against a SPARQL endpoint, through SPARQLWrapper.

Values are bound in a ``VALUES`` block put just inside the query's WHERE
clause, so they apply from the start as pyoxigraph's ``substitutions`` do
(not at the end, as rdflib's SPARQLStore appends them). The block is made of
terms pyoxigraph serialises (IRIs already validated, literals escaped): no
user text is ever pasted into the query. Queries over the union of the named
graphs ask for it with Oxigraph's ``union-default-graph`` request parameter;
other stores must be set to use the union as their default graph.
"""

from __future__ import annotations

import json
import urllib.error
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from orgkg.endpoint.access import check_url, credentials, display
from orgkg.errors import EndpointError, QueryError
from orgkg.query.engine import Engine
from orgkg.query.params import Term
from orgkg.query.results import Result, Row, Value
from orgkg.query.text import form, without_comments
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
            return Result(kind, boolean=bool(doc["boolean"]))
        variables = tuple(doc["head"]["vars"])
        rows: tuple[Row, ...] = tuple(
            tuple(_term(b[v]) if v in b else None for v in variables) for b in doc["results"]["bindings"])
    except (ValueError, KeyError, TypeError) as err:
        raise EndpointError(where, f"answered something that is not SPARQL JSON results ({err})") from None
    return Result(kind, variables, rows)


class Endpoint(Engine):
    """A SPARQL 1.1 query endpoint, always with a timeout."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        self.url, self.timeout = check_url(url), timeout
        self.where = display(url)

    def _wrapper(self, text: str, kind: str, union: bool) -> SPARQLWrapper:
        w = SPARQLWrapper(self.url)
        w.setMethod(POST)
        w.setRequestMethod(POSTDIRECTLY)
        w.setOnlyConneg(True)
        w.setTimeout(int(max(1, self.timeout)))
        w.setReturnFormat(TURTLE if kind in ("CONSTRUCT", "DESCRIBE") else JSON)
        if union:
            w.addParameter(UNION_PARAMETER, "true")
        creds = credentials(self.url)
        if creds is not None:
            w.addCustomHttpHeader("Authorization", creds.header())
        accept = "text/turtle" if kind in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
        w.addCustomHttpHeader("Accept", accept)
        w.setQuery(without_comments(text))
        return w

    def run(self, text: str, values: Mapping[str, Term], *, union: bool) -> Result:
        kind = form(text)
        body = self._fetch(self._wrapper(with_values(text, values), kind, union))
        if kind in ("CONSTRUCT", "DESCRIBE"):
            try:
                triples = tuple(t.triple for t in ox.parse(body, ox.RdfFormat.TURTLE))
            except SyntaxError as err:
                raise EndpointError(self.where, f"answered triples that are not Turtle ({err})") from None
            return Result(kind, triples=triples)
        return parse_json(body, kind, self.where)

    def _fetch(self, wrapper: SPARQLWrapper) -> bytes:
        try:
            return bytes(wrapper.query().response.read())
        except urllib.error.HTTPError as err:
            raise self._http_error(err.code) from None
        except SPARQLWrapperException as err:
            raise self._http_error(getattr(err, "code", None) or _code(err), str(err)) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
            reason = getattr(err, "reason", err)
            raise EndpointError(self.where, f"cannot reach the endpoint ({reason})",
                                "is the store running? check the URL") from None

    def _http_error(self, code: int | None, detail: str = "") -> EndpointError | QueryError:
        if code in (401, 403):
            return EndpointError(self.where, f"refused the credentials (HTTP {code})",
                                 "set ORGKG_USER/ORGKG_PASSWORD or a netrc entry for this host")
        if code == 400:
            first = detail.splitlines()[0] if detail else "bad request"
            return QueryError(self.where, f"refused the query (HTTP 400: {first[:200]})")
        return EndpointError(self.where, f"answered HTTP {code or 'error'}",
                             "the store failed; try again later")


def _code(err: SPARQLWrapperException) -> int | None:
    names = {"QueryBadFormed": 400, "Unauthorized": 401, "URITooLong": 414, "EndPointNotFound": 404,
             "EndPointInternalError": 500}
    return names.get(type(err).__name__)
