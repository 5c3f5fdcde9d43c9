"""Evidence: each value's place in its document, as Web Annotation in the graph, shown by `--evidence`.

The pattern is pinned on a small document (the graph compared with the
expected Turtle); the register's ``--evidence`` format on a built folder;
and, for every document under tests/ and the samples, each annotation the
build writes quotes exactly ``orgkg read FILE``'s text at its offsets.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from orgkg.extract.records import Duty, Evidence, Extraction, Organisation, Position
from orgkg.graph.store import write
from orgkg.mapping import Provenance, document_iri, to_graph
from orgkg.mapping.evidence import is_evidence, sentence_around
from orgkg.read import supported
from orgkg.validate.quotes import rule_reads
from orgkg.validate.shapes import load as load_shapes
from tests.conftest import ROOT, SAMPLES, run

TEXT = "Job title: Data Analyst\nBranch: Research Branch\n\nDuties\n- Cleans the survey data.\n"


def evidence_for(text: str, field: str, value: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(field, value, start, start + len(quote), quote)


def memo() -> Extraction:
    """A small document's reading, with the evidence an extractor gives."""
    return Extraction(
        family="generic",
        subject=Position(title="Data Analyst", duties=[Duty("Cleans the survey data.")]),
        organisation=Organisation(units=[("Research Branch", "branch")]),
        evidence=[
            evidence_for(TEXT, "title", "Data Analyst", "Data Analyst"),
            evidence_for(TEXT, "org_units", "Research Branch", "Research Branch"),
            evidence_for(TEXT, "duties", "Cleans the survey data.", "Cleans the survey data."),
        ],
    )


PROV = Provenance(name="memo.txt", sha256="0" * 64, family="generic", confidence=1.0, loader_version="test")

EXPECTED = """
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix orgkg: <https://w3id.org/orgkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <{doc}/evidence/> .

e:1 a oa:Annotation ; orgkg:recordField "title" ; orgkg:recordValue "Data Analyst" ;
    oa:hasBody e:1\\/body ; oa:hasTarget e:1\\/target .
e:1\\/body a rdf:Statement ; rdf:subject <{post}> ; rdf:predicate orgkg:title ; rdf:object "Data Analyst" .
e:1\\/target a oa:SpecificResource ; oa:hasSource <{doc}> ; oa:hasSelector e:1\\/position , e:1\\/quote .
e:1\\/position a oa:TextPositionSelector ;
    oa:start "11"^^xsd:nonNegativeInteger ; oa:end "23"^^xsd:nonNegativeInteger .
e:1\\/quote a oa:TextQuoteSelector ; oa:exact "Data Analyst" .

e:2 a oa:Annotation ; orgkg:recordField "org_units" ; orgkg:recordValue "Research Branch" ;
    oa:hasBody e:2\\/body ; oa:hasTarget e:2\\/target .
e:2\\/body a rdf:Statement ; rdf:subject <{unit}> ; rdf:predicate skos:prefLabel ;
    rdf:object "Research Branch" .
e:2\\/target a oa:SpecificResource ; oa:hasSource <{doc}> ; oa:hasSelector e:2\\/position , e:2\\/quote .
e:2\\/position a oa:TextPositionSelector ;
    oa:start "32"^^xsd:nonNegativeInteger ; oa:end "47"^^xsd:nonNegativeInteger .
e:2\\/quote a oa:TextQuoteSelector ; oa:exact "Research Branch" .

e:3 a oa:Annotation ; orgkg:recordField "duties" ; orgkg:recordValue "Cleans the survey data." ;
    oa:hasBody e:3\\/body ; oa:hasTarget e:3\\/target .
e:3\\/body a rdf:Statement ; rdf:subject <{duty}> ; rdf:predicate orgkg:statement ;
    rdf:object "Cleans the survey data." .
e:3\\/target a oa:SpecificResource ; oa:hasSource <{doc}> ; oa:hasSelector e:3\\/position , e:3\\/quote .
e:3\\/position a oa:TextPositionSelector ;
    oa:start "58"^^xsd:nonNegativeInteger ; oa:end "81"^^xsd:nonNegativeInteger .
e:3\\/quote a oa:TextQuoteSelector ; oa:exact "Cleans the survey data." .
"""


def the_one(graph: Graph, query: str) -> URIRef:
    found = [row[0] for row in graph.query(query)]  # type: ignore[index]
    assert len(found) == 1, found
    assert isinstance(found[0], URIRef)
    return found[0]


def test_the_annotation_pattern_on_a_small_document() -> None:
    _, graph = to_graph(memo(), PROV)
    doc = document_iri("memo.txt")
    post = the_one(graph, "SELECT ?p WHERE { ?p <https://w3id.org/orgkg/ontology#describedBy> ?d }")
    unit = the_one(graph, "SELECT ?u WHERE { ?u a <http://www.w3.org/ns/org#OrganizationalUnit> }")
    duty = the_one(graph, "SELECT ?d WHERE { ?d a <https://w3id.org/orgkg/ontology#Accountability> }")
    expected = Graph().parse(data=EXPECTED.format(doc=doc, post=post, unit=unit, duty=duty), format="turtle")
    got = Graph()
    for t in graph:
        if is_evidence(str(t[0])):
            got.add(t)
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    assert not only_got and not only_expected, (
        f"unexpected:\n{only_got.serialize(format='nt')}\nmissing:\n{only_expected.serialize(format='nt')}")


def test_evidence_iris_are_under_the_document_and_hold_no_text() -> None:
    _, graph = to_graph(memo(), PROV)
    nodes = {str(s) for s in graph.subjects() if is_evidence(str(s))}
    assert nodes and all(n.startswith(str(document_iri("memo.txt")) + "/evidence/") for n in nodes)
    assert not any("analyst" in n.lower() or "research" in n.lower() for n in nodes)
    assert not any(isinstance(node, BNode) for t in graph for node in t)


def test_a_value_the_mapper_did_not_write_still_gets_its_annotation() -> None:
    ex = memo()
    ex.evidence.append(evidence_for(TEXT, "location", "Research", "Research"))
    _, graph = to_graph(ex, PROV)
    rows = list(graph.query(
        "PREFIX orgkg: <https://w3id.org/orgkg/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>"
        " SELECT ?s ?o WHERE { ?a orgkg:recordField 'location' ; <http://www.w3.org/ns/oa#hasBody> ?b ."
        " ?b rdf:subject ?s ; rdf:object ?o . ?s orgkg:describedBy ?d }"))
    assert [str(r[1]) for r in rows] == ["Research"]  # type: ignore[index]


@pytest.fixture(scope="module")
def memo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A graph folder holding the small document's graph, written as the build writes one."""
    out = tmp_path_factory.mktemp("memo")
    iri, graph = to_graph(memo(), PROV)
    write(out, {iri: graph}, [])
    return out


def test_positions_evidence_format(memo_folder: Path) -> None:
    result = run("positions", "--graph", str(memo_folder), "--format", "json", "--evidence")
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["evidence"] == [
        {"field": "title", "value": "Data Analyst", "document": "memo.txt", "start": 11, "end": 23,
         "quote": "Data Analyst"},
        {"field": "org_units", "value": "Research Branch", "document": "memo.txt", "start": 32, "end": 47,
         "quote": "Research Branch"},
        {"field": "duties", "value": "Cleans the survey data.", "document": "memo.txt", "start": 58,
         "end": 81, "quote": "Cleans the survey data."},
    ]
    plain = json.loads(run("positions", "--graph", str(memo_folder), "--format", "json").stdout)
    assert "evidence" not in plain[0]
    assert {k: v for k, v in record.items() if k != "evidence"} == plain[0]


def test_evidence_stays_out_of_the_union_copy(memo_folder: Path) -> None:
    store = ox.Store.read_only(str(memo_folder / "store"))
    oa = ox.NamedNode("http://www.w3.org/ns/oa#Annotation")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    named = list(store.quads_for_pattern(None, rdf_type, oa, None))
    assert len(named) == 3
    assert list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), "no union copy"
    union = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    assert not any(isinstance(q.subject, ox.NamedNode) and is_evidence(q.subject.value) for q in union)


# ---------------------------------------------------------------- every document under tests/

def documents() -> list[Path]:
    """The samples, the extraction cases, the held-out sets and the corpus parts present."""
    roots = [SAMPLES, ROOT / "tests/cases/extract", ROOT / "tests/heldout", ROOT / "tests/heldout2",
             ROOT / "tests/corpus/dev", ROOT / "tests/corpus/first-look"]
    found = []
    for root in roots:
        base = root / "docs" if (root / "docs").is_dir() else root
        found += [p for p in sorted(base.rglob("*"))
                  if p.is_file() and supported(p) and p.name not in ("SOURCES.md", "README.md")
                  and "gold" not in p.relative_to(base).parts and p.suffix != ".json"]
    return found


DOCUMENTS = documents()

EVIDENCE_QUERY = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX orgkg: <https://w3id.org/orgkg/ontology#>
SELECT ?digest ?start ?end ?quote WHERE { GRAPH ?g {
  ?a a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?p , ?q .
  ?doc orgkg:sha256 ?digest .
  ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?quote .
} }"""


def annotations(graph: Graph) -> list[tuple[int, int, str]]:
    """The spans and quotes of one document's graph, as the mapper made it."""
    query = EVIDENCE_QUERY.replace("GRAPH ?g {", "{")
    return [(int(r[1]), int(r[2]), str(r[3])) for r in graph.query(query)]  # type: ignore[index]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, int, str]]]:
    """Every document built into one graph folder; its annotations read back from the store, by digest."""
    out = tmp_path_factory.mktemp("everything")
    result = run("build", *map(str, DOCUMENTS), "--out", str(out), "-q")
    assert result.exit_code in (0, 1), result.stderr  # a document nobody can read is reported, not quoted
    store = ox.Store.read_only(str(out / "store"))
    found: dict[str, list[tuple[int, int, str]]] = {}
    rows = store.query(EVIDENCE_QUERY)
    assert isinstance(rows, ox.QuerySolutions)
    for row in rows:
        found.setdefault(row["digest"].value, []).append(  # type: ignore[union-attr]
            (int(row["start"].value), int(row["end"].value), row["quote"].value))  # type: ignore[union-attr]
    return found


def test_the_documents_are_found(stored: dict[str, list[tuple[int, int, str]]]) -> None:
    assert len(DOCUMENTS) >= 70
    assert sum(map(len, stored.values())) >= 2000  # the extractors give evidence: the check below bites


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_quote_is_the_read_text_at_its_offsets(
        path: Path, stored: dict[str, list[tuple[int, int, str]]]) -> None:
    """Read back from the built store (the graph files, then Oxigraph), not from the mapper's objects."""
    result = run("read", str(path))
    if result.exit_code != 0:
        assert hashlib.sha256(path.read_bytes()).hexdigest() not in stored, "a document unread has quotes"
        return
    text = result.stdout.removesuffix("\n")
    for start, end, quote in stored.get(hashlib.sha256(path.read_bytes()).hexdigest(), []):
        assert text[start:end] == quote, (start, end)


def test_the_read_text_is_what_the_quotes_index() -> None:
    """The check above can fail: a quote the build wrote is checked against `orgkg read`'s text."""
    path = SAMPLES / sorted(p.name for p in SAMPLES.iterdir())[0]
    text = run("read", str(path)).stdout.removesuffix("\n")
    word = text.split()[3]
    start = text.index(word)
    ex = memo()
    ex.evidence[:] = [Evidence("title", "Data Analyst", start, start + len(word), word)]
    shifted = Evidence("title", "Data Analyst", start + 1, start + 1 + len(word), word)
    _, graph = to_graph(ex, PROV)
    assert all(text[s:e] == q for s, e, q in annotations(graph))
    ex.evidence[:] = [shifted]
    _, graph = to_graph(ex, PROV)
    assert not all(text[s:e] == q for s, e, q in annotations(graph))


def test_read_bad_input_is_one_line(tmp_path: Path) -> None:
    result = run("read", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "missing.txt" in result.stderr


def test_with_the_text_each_quote_keeps_the_rest_of_its_sentence() -> None:
    _, graph = to_graph(memo(), PROV, text=TEXT)
    rows = graph.query("PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?p ?e ?s WHERE {"
                       " ?q oa:exact ?e OPTIONAL { ?q oa:prefix ?p } OPTIONAL { ?q oa:suffix ?s } }")
    sentences = {str(r[1]): (str(r[0] or ""), str(r[2] or "")) for r in rows}  # type: ignore[index]
    assert sentences == {"Data Analyst": ("Job title: ", ""), "Research Branch": ("Branch: ", ""),
                         "Cleans the survey data.": ("- ", "")}


def test_a_sentence_stops_at_its_end_and_at_the_line() -> None:
    text = "Intro\nIt reports to the Director, Finance. It manages 5 staff; and more.\nNext"
    at = text.index("Director")
    assert sentence_around(text, at, at + len("Director, Finance")) == ("It reports to the ", ".")
    at = text.index("5 staff")
    assert sentence_around(text, at, at + 7) == ("It manages ", ";")
    long = "word " * 100 + "VALUE" + " more" * 100
    before, after = sentence_around(long, 500, 505)
    assert len(before) <= 160 and len(after) <= 160 and long[500:505] == "VALUE"


@pytest.mark.parametrize(("rule", "forward", "inverse"), [
    ("OneSupervisor", {"org#reportsTo"}, set()),
    ("DescribedPostNamedOneWay", {"ontology#title"}, set()),  # org:role only in an OPTIONAL: not read
    ("StatedSpanAllNamed", {"ontology#supervisesCount", "ontology#describedBy"}, {"org#reportsTo"}),
    ("ShareOfTimeInRange", {"ontology#hasAccountability"}, set()),  # a sequence path's first step
])
def test_what_a_rule_reads_of_its_focus(rule: str, forward: set[str], inverse: set[str]) -> None:
    shapes = load_shapes()
    reads = rule_reads(shapes, URIRef("https://w3id.org/orgkg/shapes#" + rule))
    assert {t.rsplit("/", 1)[-1] for t in reads.forward} == forward
    assert {t.rsplit("/", 1)[-1] for t in reads.inverse} == inverse
