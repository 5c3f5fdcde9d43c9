"""The constraint rewriter: each triple pattern its own sub-query, nothing else changed.

Each case is a WHERE group and what ``hash_joined`` makes of it; a rewritten
group must also give the same solutions as the original on a small graph.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from orgkg.validate.engine.plan import hash_joined

W = "{{ SELECT * WHERE {{ {} . }} }}".format

CASES = [
    ("?s <p> ?o .", W("?s <p> ?o")),
    ("?s <p> ?o ; <q> ?x , ?y .", " ".join([W("?s <p> ?o"), W("?s <q> ?x"), W("?s <q> ?y")])),
    ("?s a <C> ; <v> 1.5 .", W("?s a <C>") + " " + W("?s <v> 1.5")),
    ('?s <p> "a ; b , c ." .', W('?s <p> "a ; b , c ."')),
    ('?s <p> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .',
     W('?s <p> "x"^^<http://www.w3.org/2001/XMLSchema#integer>')),
    ("?s <p>/<q> ?o .", W("?s <p>/<q> ?o")),
    ("?s <p>+ ?o", W("?s <p>+ ?o")),
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
    "?s <p>+ ?s .",
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
