"""What a post is: case folders of documents built together, and the posts they make.

Each folder under ``tests/cases/identity/`` holds ``documents/`` and
``expected.json``: how many described posts the build makes, which
documents' supervisors are joined to another document's described post
(``joined``: [document, the document describing its supervisor]), and which
stay their own node naming the posts they could be (``ambiguous``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from orgkg.graph.store import trig_text
from orgkg.mapping.namespaces import ORGKG
from tests.conftest import run

CASES = sorted(p for p in (Path(__file__).parent / "cases" / "identity").iterdir() if p.is_dir())


def _described(ds: Dataset, name: str) -> URIRef:
    doc = next(ds.subjects(DCTERMS.identifier, Literal(name)))
    post = next(ds.subjects(ORGKG.describedBy, doc))
    assert isinstance(post, URIRef)
    return post


def _supervisor(ds: Dataset, name: str) -> URIRef:
    post = ds.value(_described(ds, name), ORGKG.primaryReportsTo)
    assert isinstance(post, URIRef), f"{name} states no supervisor"
    return post


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_identity_case(case: Path, tmp_path: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    result = run("build", str(case / "documents"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    ds = Dataset(default_union=True)
    ds.parse(data=trig_text(tmp_path / "out" / "current"), format="trig")
    described = set(ds.subjects(RDF.type, ORGKG.DescribedPost))
    assert len(described) == expected["described_posts"]
    for name, target in expected["joined"]:
        assert _supervisor(ds, name) == _described(ds, target)
    for name, targets in expected["ambiguous"]:
        mention = _supervisor(ds, name)
        assert mention not in described
        assert set(ds.objects(mention, ORGKG.possiblySamePostAs)) == {_described(ds, t) for t in targets}
    ambiguous_docs = {name for name, _ in expected["ambiguous"]}
    for doc in (case / "documents").iterdir():
        if doc.name not in ambiguous_docs and ds.value(_described(ds, doc.name), ORGKG.primaryReportsTo):
            assert not set(ds.objects(_supervisor(ds, doc.name), ORGKG.possiblySamePostAs))


def test_an_ambiguous_mention_is_an_info_finding_naming_the_candidates(tmp_path: Path) -> None:
    case = Path(__file__).parent / "cases" / "identity" / "mention-stays-ambiguous"
    assert run("build", str(case / "documents"), "--out", str(tmp_path / "out")).exit_code == 0
    result = run("validate", "--graph", str(tmp_path / "out"), "--format", "json")
    found = [f for f in json.loads(result.stdout) if f["rule_name"] == "mention joined to one post"]
    assert [(f["severity"], f["document"]) for f in found] == [("Info", "officer.txt")]
    assert "Director, Program Operations" in found[0]["message"]
    assert "director-east.txt" in found[0]["message"] and "director-atlantic.txt" in found[0]["message"]
