"""Every rule, positive and negative: a small graph that breaks it, and one that keeps it.

Most rules cannot be broken through the extractors (the mapping never writes
a negative staff count or a gap in ranks), so these fixtures are inline
Turtle, each placed in a named graph the way ``orgkg build`` does. Each
positive graph must give a finding of its rule (and only findings of that
rule); its negative twin none of that rule. One pyshacl run over all positive
graphs checks the fast engine agrees with the reference.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import Graph

from orgkg.errors import ShapesError
from orgkg.graph.built import BuiltGraph
from orgkg.query.rows import rows
from orgkg.resources import ontology_path
from orgkg.validate import Options, validate
from orgkg.validate import shapes as shape_files
from orgkg.validate.engine import FastEngine, PlainEngine
from orgkg.validate.engine.base import ontology_graph
from tests.rule_fixtures import PREFIXES, RULES, job_class, numbered, register, row


def store_of(*bodies: str) -> BuiltGraph:
    """A graph in the layout `orgkg build` writes: a named graph per body, and their union."""
    return BuiltGraph.from_trig(PREFIXES + "".join(f"\n<https://w3id.org/orgkg/id/graph/g{i}> {{\n{body}\n}}"
                                                   for i, body in enumerate(bodies)))


def rules_found(store: BuiltGraph, **options: object) -> set[str]:
    return {str(f.result.shape).rsplit("#", 1)[-1] for f in validate(store, Options(**options)).findings}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_positive(rule: str) -> None:
    positive, _ = RULES[rule]
    assert rules_found(store_of(*positive)) == {rule}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_negative(rule: str) -> None:
    _, negative = RULES[rule]
    assert rule not in rules_found(store_of(*negative))


def test_fast_engine_agrees_with_pyshacl_on_every_rule() -> None:
    # each rule's nodes renamed apart, so the fixtures do not merge into one another
    bodies = [body.replace("id:", f"id:{rule}-{kind}-") for rule, pair in RULES.items()
              for kind, graphs in zip(("pos", "neg"), pair, strict=True) for body in graphs]
    store = store_of(*bodies)
    shapes, ontology = shape_files.load(), ontology_graph(ontology_path())
    fast = {r.key() for r in FastEngine().run(store, shapes, ontology)}
    plain = {r.key() for r in PlainEngine().run(store, shapes, ontology)}
    assert fast == plain
    assert {k[4].rsplit("#", 1)[-1] for k in fast} == set(RULES)


#: A post's document gives it a class, its register rows give it theirs (title, code): how many
#: class disagreements the rule reports. Classes agree when they share a code or a title, case folded
#: (``orgkg:classKey``), whichever row of the post gives it; a code is never compared with a title.
CLASSES: dict[str, tuple[tuple[str | None, str | None], list[tuple[str | None, str | None]], int]] = {
    "the same code in another case, other titles": (("Clerk", "ab-100"), [("Typist", "AB-100")], 0),
    "the same title in another case, no code in the document": (("Clerk", None), [("CLERK", "100")], 0),
    "the same title, codes differ": (("Clerk", "100"), [("clerk", "200")], 0),
    "titles differ, no code in the document": (("Clerk", None), [("Typist", "100")], 1),
    "codes differ, no title in the register": (("Clerk", "100"), [(None, "200")], 1),
    "the document's code is the register's title": ((None, "Clerk"), [("Clerk", "100")], 1),
    "two rows for the post, one agrees": (("Clerk", "100"), [("Typist", "200"), ("clerk", "300")], 0),
    "two rows for the post, neither agrees": (("Clerk", "100"), [("Typist", "200"), ("Porter", "300")], 2),
}


@pytest.mark.parametrize("case", sorted(CLASSES))
def test_classes_agree_by_code_or_title_case_folded(case: str) -> None:
    stated, registered, expected = CLASSES[case]
    document = numbered("p1", extra="; org:role id:d ") + job_class("d", *stated)
    rows_of = [row(2 + i, "p1", f"; orgkg:rowClass id:r{i} ") + job_class(f"r{i}", *c)
               for i, c in enumerate(registered)]
    store = store_of(document, register(*rows_of))
    shapes, ontology = shape_files.load(), ontology_graph(ontology_path())
    fast, plain = (sorted(r.message for r in engine.run(store, shapes, ontology) if "Class" in str(r.shape))
                   for engine in (FastEngine(), PlainEngine()))
    assert fast == plain
    assert len(fast) == expected
    assert sum(r["field"] == "class" for r in rows(store, "register-vs-documents")) == expected


def test_max_span_changes_the_span_rule() -> None:
    body = RULES["SpanWithinMaximum"][1][0]  # three reports: within 15
    assert "SpanWithinMaximum" not in rules_found(store_of(body))
    assert "SpanWithinMaximum" in rules_found(store_of(body), max_span=2)


def test_shapes_are_valid_shacl() -> None:
    assert shape_files.meta_check(shape_files.load()) == []


def test_every_shape_is_named_and_has_a_message() -> None:
    from rdflib import BNode
    from rdflib.namespace import RDF, SH

    g: Graph = shape_files.load()
    shapes = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type, SH.PropertyShape))
    assert shapes and not any(isinstance(s, BNode) for s in shapes)
    for s in shapes:
        constraints = list(g.objects(s, SH.sparql))
        has_message = (s, SH.message, None) in g or any((c, SH.message, None) in g for c in constraints)
        assert has_message, s
        assert (s, SH.severity, None) in g, s


def test_a_store_without_the_union_copy_gives_the_same_findings() -> None:
    """Stores `orgkg build` wrote before it kept the union get an in-memory merge instead."""
    bodies = [body.replace("id:", f"id:{rule}-")
              for rule, (positive, _) in RULES.items() for body in positive]
    store = store_of(*bodies)
    named_only = ox.Store()
    named_only.bulk_extend(store.quads())
    assert store.union_copy and not BuiltGraph(named_only).union_copy
    shapes, ontology = shape_files.load(), ontology_graph(ontology_path())
    with_copy = {r.key() for r in FastEngine().run(store, shapes, ontology)}
    without = {r.key() for r in FastEngine().run(BuiltGraph(named_only), shapes, ontology)}
    assert with_copy and with_copy == without


def test_rows_of_nodes_outside_the_target_are_not_findings() -> None:
    # The constraint's own pattern binds $this, so the fast engine runs it without the target
    # and keeps the rows of focus nodes only: <b> is a Post with no title, <c> is not a Post.
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <http://www.w3.org/ns/org#Post> ;
          sh:sparql [ sh:message "reports to a post"; sh:select
            "SELECT $this WHERE { $this <http://www.w3.org/ns/org#reportsTo> ?boss . }" ] .""")
    store = store_of("""id:b a org:Post ; org:reportsTo id:a . id:c org:reportsTo id:a .""")
    ontology = ontology_graph(ontology_path())
    fast = {r.key() for r in FastEngine().run(store, shapes, ontology)}
    assert fast == {r.key() for r in PlainEngine().run(store, shapes, ontology)}
    assert [k[0] for k in fast] == ["https://w3id.org/orgkg/id/b"]


@pytest.mark.parametrize(("select", "word"), [
    ("SELECT $this WHERE { $this ?p ?o . VALUES ?o { 1 } }", "VALUES"),
    ("SELECT $this WHERE { $this ?p ?o . minus { $this ?p 2 } }", "MINUS"),
    ("SELECT $this WHERE { $this ?p ?o . } LIMIT 1", "LIMIT"),
    ("SELECT $this WHERE { $this ?p $value . }", "$value"),
])
def test_the_fast_engine_refuses_what_it_cannot_run_once_for_all(select: str, word: str) -> None:
    shapes = Graph().parse(format="turtle", data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <http://www.w3.org/ns/org#Post> ;
          sh:sparql [ sh:select "{select}" ] .""")
    with pytest.raises(ShapesError, match=rf"urn:s.*uses {re.escape(word)}.*--engine pyshacl"):
        FastEngine().run(store_of("id:b a org:Post ."), shapes, ontology_graph(ontology_path()))
