"""The ontology: annotated, generated names up to date, loads in owlready2, consistent under HermiT."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from orgkg.resources import ontology_path

ROOT = Path(__file__).resolve().parents[1]
NS = "https://w3id.org/orgkg/ontology#"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def test_every_term_has_a_label_and_a_comment(ontology: Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    terms = {s for k in kinds for s in ontology.subjects(RDF.type, k) if isinstance(s, URIRef)}
    assert len(terms) > 40
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


def test_every_labelled_term_has_one_label_in_english_and_one_in_french(ontology: Graph) -> None:
    labelled = set(ontology.subjects(RDFS.label, None))
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    assert {s for k in kinds for s in ontology.subjects(RDF.type, k)} <= labelled
    for term in labelled:
        labels = ontology.objects(term, RDFS.label)
        languages = sorted(getattr(label, "language", None) or "" for label in labels)
        assert languages == ["en", "fr"], (term, languages)


def test_no_post_is_retyped_by_a_standard_domain(ontology: Graph) -> None:
    """org:classification, org:identifier and org:hasUnit would make a post an organisation."""
    org = "http://www.w3.org/ns/org#"
    used = {str(p) for p in ontology.predicates()} | {str(o) for o in ontology.objects()}
    for term in ("classification", "identifier", "hasUnit", "post"):
        assert org + term not in used


def test_generated_vocabulary_is_up_to_date(ontology: Graph) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_vocab

    expected = gen_vocab.render(ontology)
    assert (ROOT / "src/orgkg/mapping/vocab.py").read_text(encoding="utf-8") == expected, (
        "run: python tools/gen_vocab.py"
    )


def test_owlready2_loads_it_and_hermit_finds_it_consistent(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("HermiT needs Java (apt-get install default-jre-headless)")
    import owlready2

    nt = tmp_path / "orgkg.nt"
    Graph().parse(ontology_path(), format="turtle").serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(nt.as_uri()).load(only_local=True)
    assert onto.search_one(iri=NS + "JobClass") is not None
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []


def test_hermit_does_catch_an_inconsistency(tmp_path: Path) -> None:
    """The consistency check above can fail: a contradiction added to the ontology is caught."""
    if shutil.which("java") is None:
        pytest.skip("HermiT needs Java (apt-get install default-jre-headless)")
    import owlready2

    g = Graph().parse(ontology_path(), format="turtle")
    g.add((URIRef(NS + "FLSAExempt"), OWL.sameAs, URIRef(NS + "FLSANonExempt")))
    nt = tmp_path / "broken.nt"
    g.serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(nt.as_uri()).load(only_local=True)
    with onto, pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
