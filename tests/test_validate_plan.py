"""The constraint rewriter: each triple pattern its own sub-query, nothing else changed.

Each case is a WHERE group and what ``hash_joined`` makes of it; a rewritten
group must also give the same solutions as the original on a small graph.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from orgkg.query.plan import binds_this, hash_joined, unread
from orgkg.query.text import rename_this

W = "{{ SELECT * WHERE {{ {} . }} }}".format

CASES = [
    ("?s <p> ?o .", W("?s <p> ?o")),
    ("?s <p> ?o ; <q> ?x , ?y .", " ".join([W("?s <p> ?o"), W("?s <q> ?x"), W("?s <q> ?y")])),
    ("?s a <C> ; <v> 1.5 .", W("?s a <C>") + " " + W("?s <v> 1.5")),
    ('?s <p> "a ; b , c ." .', W('?s <p> "a ; b , c ."')),
    ('?s <p> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .',
     W('?s <p> "x"^^<http://www.w3.org/2001/XMLSchema#integer>')),
    ("?s <p>/<q> ?o .", W("?s <p>/<q> ?o")),
    ("?s <p>+ ?o", "?s <p>+ ?o ."),  # a repeated path stays in the join, walked from the rows that reach it
    ("?s <q> ?x ; <p>* ?o ; <r>? ?y .", W("?s <q> ?x") + " ?s <p>* ?o . ?s <r>? ?y ."),
    ("?s <p> ?o . ?o <urn:a+b*c?> ?x .", W("?s <p> ?o") + " " + W("?o <urn:a+b*c?> ?x")),
    ("?s <p> ?o FILTER NOT EXISTS { ?o <q> ?z . }", W("?s <p> ?o") + " FILTER NOT EXISTS { ?o <q> ?z . }"),
    ("?s <p> ?o . OPTIONAL { ?o <q> ?z . FILTER (?z > 1.0) }",
     W("?s <p> ?o") + " OPTIONAL { " + W("?o <q> ?z") + " FILTER (?z > 1.0) }"),
    ("{ ?s <p> ?o } UNION { ?s <q> ?o }", "{ " + W("?s <p> ?o") + " } UNION { " + W("?s <q> ?o") + " }"),
    ("?s <p> [ <q> ?o ] .", "?s <p> [ <q> ?o ] ."),  # blank-node brackets: left as written
    ("?s (<p>|<q>) ?o .", "?s (<p>|<q>) ?o ."),  # bracketed path: left as written
    ("{ SELECT ?s WHERE { ?s <p> ?o } }", "{ SELECT ?s WHERE { ?s <p> ?o } }"),  # sub-query: untouched
    ("BIND (1 AS ?x) ?s <p> ?x .", "BIND (1 AS ?x) " + W("?s <p> ?x")),
]


@pytest.mark.parametrize(("group", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_triple_pattern_becomes_its_own_sub_query(group: str, expected: str) -> None:
    assert " ".join(hash_joined(group).split()) == " ".join(expected.split())


DATA = """
<s1> <p> <o1> . <s1> <q> "x" . <s1> <v> 1.5 . <o1> <q> 2 . <o1> <q> 0 .
<s2> <p> <o2> . <s2> <q> "y" . <o2> <q> 5 . <s3> <p> <s1> . <s1> <p> <s3> .
"""

SAME = [
    "?s <p> ?o ; <q> ?x .",
    "?s <p> ?o . OPTIONAL { ?o <q> ?z . FILTER (?z > 1) } FILTER (!BOUND(?z))",
    "?s <p> ?o . ?o <q> ?z FILTER NOT EXISTS { ?s <v> ?any }",
    "{ ?s <p> ?o } UNION { ?s <q> ?o }",
    "?s <q> ?x . ?s <p>+ ?s .",
]


@pytest.mark.parametrize("group", SAME)
def test_a_rewritten_group_gives_the_same_solutions(group: str) -> None:
    store = ox.Store()
    store.load(DATA.encode(), ox.RdfFormat.TURTLE, base_iri="urn:x:")

    def solutions(g: str) -> list[str]:
        answer = store.query(f"BASE <urn:x:> SELECT * WHERE {{ {g} }}")
        return sorted(str(s) for s in answer)  # type: ignore[union-attr]

    assert solutions(group), "the case must have solutions to compare"
    assert hash_joined(group) != group and solutions(hash_joined(group)) == solutions(group)



def test_a_variable_nothing_reads_is_projected_away_and_rows_made_distinct() -> None:
    rewritten = hash_joined("?r <p> ?this . ?this <q> ?x . ?this <p>+ ?this .", frozenset({"r", "x"}))
    assert " ".join(rewritten.split()) == (
        "{ SELECT DISTINCT ?this WHERE { ?r <p> ?this . } } "
        "{ SELECT DISTINCT ?this WHERE { ?this <q> ?x . } } ?this <p>+ ?this .")
    store = ox.Store()
    store.load(DATA.encode(), ox.RdfFormat.TURTLE, base_iri="urn:x:")
    group = "?r <p> ?s . ?s <p>+ ?s ."
    plain, narrowed = (sorted(map(str, store.query(f"BASE <urn:x:> SELECT DISTINCT ?s WHERE {{ {g} }}")))
                       for g in (group, hash_joined(group, frozenset({"r"}))))  # type: ignore[call-overload]
    assert plain and narrowed == plain


def test_a_subject_written_once_for_several_patterns_still_joins_them() -> None:
    """``?e <p> ?this ; <q> ?x`` names ``?e`` once in the text, but both patterns share it:
    projecting it away would pair every ``?this`` with every ``?x`` (a bug the register rules met)."""
    group = "?e <urn:x:p> ?this ; <urn:x:q> ?x ."
    rewritten = hash_joined(group, frozenset({"e"}))
    assert "DISTINCT" not in rewritten
    store = ox.Store()
    store.load(b"<urn:x:a> <urn:x:p> <urn:x:1> ; <urn:x:q> 'one' ."
               b"<urn:x:b> <urn:x:p> <urn:x:2> ; <urn:x:q> 'two' .", ox.RdfFormat.TURTLE)
    q = "SELECT ?this ?x WHERE {{ {} }}"
    assert len(list(store.query(q.format(rewritten)))) == 2  # type: ignore[arg-type]
    assert sorted(map(str, store.query(q.format(rewritten)))) == sorted(  # type: ignore[call-overload]
        map(str, store.query(q.format(group))))  # type: ignore[call-overload]


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT DISTINCT $this WHERE { ?report <p> $this . $this <p>+ $this . }", {"report"}),
    ("SELECT $this ?v WHERE { $this <p> ?v ; <q> ?once . }", {"once"}),
    ("SELECT $this (COUNT(?r) AS ?n) WHERE { ?r <p> $this ; <q> ?once . } GROUP BY $this", set()),
    ("SELECT * WHERE { $this <p> ?once . }", set()),
    ('SELECT $this WHERE { $this <p> "?notavar" ; <q> ?x . FILTER (?x > 1) }', set()),
])
def test_which_variables_nothing_reads(query: str, expected: set[str]) -> None:
    assert unread(rename_this(query)) == expected


@pytest.mark.parametrize(("group", "binds"), [
    ("?this <p> ?o .", True),
    ("?r <p>+ ?this .", True),
    ("?x <p> ?y ; <q> ?this .", True),
    ("?x <p> ?y . OPTIONAL { ?this <p> ?x . }", False),
    ("{ ?this <p> ?o } UNION { ?this <q> ?o }", False),
    ("?x <p> ?y . FILTER EXISTS { ?this <p> ?x . }", False),
    ('?x <p> "?this" .', False),
])
def test_whether_the_constraint_binds_this_itself(group: str, binds: bool) -> None:
    assert binds_this(group) is binds
