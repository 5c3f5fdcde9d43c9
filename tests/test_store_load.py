"""Loading the query store from graph files: the union copy read from each file's facts in the same pass."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from orgkg.graph.build import load
from orgkg.graph.store import HEAD, Block, block, encoded, in_union, load_files
from orgkg.mapping.evidence import as_triples
from tests.conftest import SAMPLES


def _sample_graphs(tmp_path: Path) -> dict[str, Block]:
    """Each sample's graph file, and its ``Block``."""
    files: dict[str, Block] = {}
    for sample in sorted(SAMPLES.glob("*.txt"))[:3]:
        loaded = load(sample)
        assert loaded.graph is not None and loaded.graph_iri is not None
        iri = URIRef(str(loaded.graph_iri))
        written = encoded(iri, loaded.graph, loaded.evidence)  # the evidence as the build writes it: text
        assert loaded.evidence
        # the same block as from one graph holding the evidence's triples
        assert written.data.decode("utf-8") == block(iri, loaded.graph + as_triples(loaded.evidence))
        assert written.facts is not None
        path = tmp_path / f"{sample.stem}.trig"
        path.write_bytes(HEAD.encode("utf-8") + written.data)
        files[str(path)] = written
    return files


def test_a_block_says_where_its_facts_are(tmp_path: Path) -> None:
    for written in _sample_graphs(tmp_path).values():
        assert written.facts is not None
        start, end = written.facts
        named = ox.Store()
        named.load(HEAD.encode("utf-8") + written.data, ox.RdfFormat.TRIG)
        alone = ox.Store()
        alone.load(HEAD.encode("utf-8") + b"{\n" + written.data[start:end] + b"\n}\n", ox.RdfFormat.TRIG)
        facts = {q.triple for q in named if in_union(q)}
        assert {q.triple for q in alone} == facts
        assert len(facts) < len(named)  # the evidence is left out


def test_the_store_is_the_same_with_or_without_the_facts_known(tmp_path: Path) -> None:
    files = _sample_graphs(tmp_path)
    head = len(HEAD.encode("utf-8"))
    facts = {path: (head + w.facts[0], head + w.facts[1]) for path, w in files.items() if w.facts}
    stores: list[set[str]] = []
    for known in (facts, {}, dict(list(facts.items())[:1])):  # all, none, some: the others parsed again
        store = ox.Store(str(tmp_path / f"store-{len(stores)}"))
        load_files(store, sorted(files), known)
        stores.append({str(q) for q in store})
        union = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        assert union == {q.triple for q in store if isinstance(q.graph_name, ox.NamedNode) and in_union(q)}
        del store
    assert stores[0] == stores[1] == stores[2]
