"""A SELECT's ORDER BY done in Python (query.order): the same rows in the same order as the store's own
ORDER BY, and taken over exactly when rdflib's parse of the query says it may be.

Three specifications: every named query answers the same list of rows, in the same order, through
``LocalGraph`` as the store gives with its ORDER BY (on the samples and on a synthetic organisation
of 400 posts, whose titles repeat); ``ordering`` takes over a query's ORDER BY when, and only when,
rdflib's parse tree holds an outermost ORDER BY of projected variables (plain, ASC or DESC) and no
LIMIT or OFFSET, and the text it runs parses as the same query less its ORDER BY; and terms of
every kind are ordered as Oxigraph orders them, or left to it (None) where Python cannot agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from bench.synthetic import graphs as synthetic_graphs
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from orgkg.graph.built import BuiltGraph
from orgkg.graph.store import trig
from orgkg.graph.structure import with_structure
from orgkg.query.library import library
from orgkg.query.local import LocalGraph
from orgkg.query.order import Ordering, ordering
from orgkg.query.values import with_values
from tests.test_queries import described_post

ORDERED = sorted(n for n, q in library().items() if "ORDER BY" in q.text)
# The whole-organisation listings of issue 12, which the store sorted slowly: Python orders them.
LISTINGS = ("everyone-under", "post-layers", "span-of-control", "positions-by-level")


@pytest.fixture(scope="module")
def synthetic() -> BuiltGraph:
    return BuiltGraph.from_trig(trig(with_structure(dict(synthetic_graphs(400)))))


def values_for(graph: BuiltGraph, name: str) -> dict[str, ox.NamedNode | ox.Literal]:
    """A value for each required parameter: the first post with a supervisor, or the word 'manager'."""
    post = ox.NamedNode(described_post_of(graph))
    return {p.name: post if p.kind.lower() == "iri" else ox.Literal("manager")
            for p in library()[name].params if not p.optional}


def described_post_of(graph: BuiltGraph) -> str:
    if graph.folder is not None:
        return described_post(graph.folder)
    answer = graph.query("SELECT ?p WHERE { ?p <http://www.w3.org/ns/org#reportsTo> ?s } ORDER BY ?p LIMIT 1")
    return next(iter(answer))["p"].value  # type: ignore[index, arg-type, call-overload]


def same_as_the_store(graph: BuiltGraph, name: str) -> None:
    query, values = library()[name], values_for(graph, name)
    text = with_values(query.text, values)
    answer = graph.query(text, union=query.union)
    assert isinstance(answer, ox.QuerySolutions)
    variables = [v.value for v in answer.variables]
    expected = [tuple(s[v] for v in variables) for s in answer]
    got = LocalGraph(graph).run(query.text, values, union=query.union)
    assert list(got.rows) == expected, name
    plan = ordering(text)
    if name in LISTINGS:  # Python ordered them: the store was not asked to sort after all
        assert plan is not None and plan.sort(variables, expected) is not None, name


@pytest.mark.parametrize("name", ORDERED)
def test_every_ordered_named_query_gives_the_stores_order_on_the_samples(built: Path, name: str) -> None:
    same_as_the_store(BuiltGraph.open(built), name)


@pytest.mark.parametrize("name", ORDERED)
def test_every_ordered_named_query_gives_the_stores_order_on_a_synthetic_organisation(
        synthetic: BuiltGraph, name: str) -> None:
    same_as_the_store(synthetic, name)


# --- the decision, against rdflib's parse ---------------------------------------------------------

HEAD = "PREFIX ex: <http://example.org/>\n"
CASES = [
    "SELECT ?a ?b WHERE { ?a ex:p ?b } ORDER BY ?b DESC(?a)",
    "SELECT ?a ?b WHERE { ?a ex:p ?b } ORDER BY asc(?b) ?a",
    "SELECT * WHERE { ?a ex:p ?b } ORDER BY ?b",
    "SELECT DISTINCT ?a WHERE { ?a ex:p ?b } ORDER BY ?a",
    "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ex:p ?b } GROUP BY ?a ORDER BY DESC(?n) ?a",
    "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ex:p ?b } GROUP BY ?a HAVING (COUNT(?b) > 1) ORDER BY ?n",
    "SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?a VALUES ?a { ex:x ex:y }",
    "SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?a # the end\n",
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?a LIMIT 3 } } ORDER BY ?a",
    # left to the store:
    "SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?b",                      # not projected
    "SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?a LIMIT 10",
    "SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?a OFFSET 2",
    "SELECT ?a WHERE { ?a ex:p ?b } ORDER BY STR(?a)",
    "SELECT ?a ?b WHERE { ?a ex:p ?b } ORDER BY DESC(?b + 1)",
    "SELECT ?a ?b WHERE { ?a ex:p ?b } ORDER BY (?b)",
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ex:p ?b } ORDER BY ?a } }",  # only a subquery's
    "SELECT ?a WHERE { ?a ex:p \"ORDER BY ?a\" }",
    "ASK { ?a ex:p ?b }",
    "CONSTRUCT { ?a ex:q ?b } WHERE { ?a ex:p ?b } ORDER BY ?a",
    "SELECT ?a WHERE { ?a ex:p ?b }",
]


def rdflib_says(text: str) -> tuple[tuple[str, bool], ...] | None:
    """The ORDER BY Python may do, read from rdflib's parse tree of the query."""
    query = parseQuery(text)[1]
    if query.name != "SelectQuery" or "orderby" not in query or "limitoffset" in query:
        return None
    keys = []
    for cond in query["orderby"]["condition"]:
        expr = cond["expr"]
        while "order" in cond and isinstance(expr, CompValue) and list(expr) == ["expr"]:
            expr = expr["expr"]  # ASC(?v) / DESC(?v): a lone variable in brackets
        if not isinstance(expr, Variable):
            return None
        keys.append((str(expr), cond.get("order") == "DESC"))
    if "projection" in query:  # not SELECT *
        shown = {str(p["evar"] if "evar" in p else p["var"]) for p in query["projection"]}
        if any(k not in shown for k, _ in keys):
            return None
    return tuple(keys)


def without_order(text: str) -> dict[str, Any]:
    query = parseQuery(text)[1]
    return {k: v for k, v in query.items() if k != "orderby"}


@pytest.mark.parametrize("text", [*CASES, *(library()[n].text for n in sorted(library()))],
                         ids=[*(f"case{i}" for i in range(len(CASES))), *sorted(library())])
def test_the_decision_is_rdflibs_parse(text: str) -> None:
    text = text if text.startswith("PREFIX") or "\nPREFIX" in text else HEAD + text
    plan = ordering(text)
    assert (plan.keys if plan else None) == rdflib_says(text)
    if plan is not None:
        assert "orderby" not in parseQuery(plan.text)[1]
        assert repr(without_order(plan.text)) == repr(without_order(text))


# --- the order of terms, against Oxigraph --------------------------------------------------------

XSD = "http://www.w3.org/2001/XMLSchema#"
ORDERABLE = {
    "kinds and strings": ["UNDEF", "_:b", "<http://a/2>", "<http://a/10>",
                          '"b"', '"B"', '"é"', '""', '"a b"'],
    "numbers": ["3", "-1", "10", "2.50", "2.5", "0.1", f'"07"^^<{XSD}integer>', "UNDEF", "<http://a>",
                f'"4"^^<{XSD}positiveInteger>', f'"-3"^^<{XSD}int>'],
    "one language": ['"b"@en', '"a"@en', '"A"@en', "UNDEF"],
}
LEFT_TO_THE_STORE = {
    "strings and numbers": ['"10"', "9"],
    "two languages": ['"a"@en', '"b"@fr'],
    "doubles": ["1.0e0", "2.0e0"],
    "booleans": ["true", "false"],
    "integers beyond 64 bits": ["99999999999999999999", "1"],
    "dates": [f'"2020-01-01"^^<{XSD}date>', f'"2021-01-01"^^<{XSD}date>'],
    "a string and a language string": ['"a"', '"b"@en'],
}


TERMS = ox.Store()
TERMS.update("INSERT DATA { <http://s> <http://p> _:b }")


def answer(terms: list[str], order: str = "") -> list[Any]:
    """The terms as the solutions of ?x (a blank node read from a triple, VALUES cannot hold one)."""
    store = TERMS
    plain = " ".join(t for t in terms if t != "_:b")
    blank = "UNION { <http://s> <http://p> ?x }" if "_:b" in terms else ""
    return [s["x"] for s in store.query(  # type: ignore[index, union-attr]
        f"SELECT ?x WHERE {{ {{ VALUES ?x {{ {plain} }} }} {blank} }} {order}")]


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("kind", sorted(ORDERABLE))
def test_terms_are_ordered_as_oxigraph_orders_them(kind: str, desc: bool) -> None:
    terms = ORDERABLE[kind]
    unordered = [(x,) for x in reversed(answer(terms))]
    got = Ordering("", (("x", desc),)).sort(("x",), unordered)
    assert got is not None
    assert [row[0] for row in got] == answer(terms, "ORDER BY DESC(?x)" if desc else "ORDER BY ?x")


@pytest.mark.parametrize("kind", sorted(LEFT_TO_THE_STORE))
def test_literals_python_cannot_order_as_the_store_are_left_to_it(kind: str) -> None:
    rows = [(x,) for x in answer(LEFT_TO_THE_STORE[kind])]
    assert Ordering("", (("x", False),)).sort(("x",), rows) is None


def test_the_store_sorts_when_python_cannot(tmp_path: Path) -> None:
    """A user's query ordering numbers and strings together still gets the store's order."""
    graph = BuiltGraph.from_trig('@prefix ex: <http://example.org/> .\n'
                                 'ex:g { ex:a ex:v "10" . ex:b ex:v 9 . ex:c ex:v "8" . ex:d ex:v 11 }')
    text = HEAD + "SELECT ?s ?v WHERE { ?s ex:v ?v } ORDER BY ?v ?s"
    expected = [(s["s"], s["v"]) for s in graph.query(text)]  # type: ignore[index, union-attr]
    assert list(LocalGraph(graph).run(text, {}, union=True).rows) == expected


@pytest.mark.parametrize("first", ["?x", "DESC(?x)"])
@pytest.mark.parametrize("second", ["?y", "DESC(?y)"])
def test_two_conditions_in_either_direction_give_the_stores_order(first: str, second: str) -> None:
    """Ties on the first condition are ordered by the second, whether the two run the same way (one
    sort on both keys) or not (a sort per condition)."""
    rows = "(1 \"b\") (2 \"a\") (1 \"a\") (2 \"c\") (3 \"b\") (1 \"c\") (UNDEF \"a\") (2 UNDEF)"
    text = f"SELECT ?x ?y WHERE {{ VALUES (?x ?y) {{ {rows} }} }} ORDER BY {first} {second}"
    expected = [(s["x"], s["y"]) for s in TERMS.query(text)]  # type: ignore[index, union-attr]
    plan = ordering(text)
    assert plan is not None
    got = plan.sort(("x", "y"), [tuple(s) for s in TERMS.query(plan.text)])  # type: ignore[union-attr]
    assert got == expected
