"""The built graph on disk: ``graph.trig`` (the record), ``store/`` and ``titles.sqlite`` (for queries).

``graph.trig`` holds one named graph per document, written deterministically
(graphs sorted by IRI, each graph's Turtle sorted by rdflib), so the same
inputs give byte-identical output. ``store/`` is a persistent Oxigraph store
loaded from it, so later commands open the graph without parsing anything;
``titles.sqlite`` indexes post titles for text search (``graph.titles``).
``graph.built`` opens them. A build writes all of them into a fresh version
folder that replaces the old one as a whole (``graph.output``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from orgkg.graph import titles, turtle
from orgkg.graph.output import BUILD, step
from orgkg.graph.structure import STRUCTURE_GRAPH
from orgkg.mapping.evidence import is_evidence
from orgkg.mapping.namespaces import PREFIXES, bind_prefixes

TRIG = "graph.trig"
STORE = "store"
REPORT = "build-report.json"
INFERRED_TRIG = "inferred.trig"  # written by `orgkg reason` (graph.built); a new build has none


def trig(graphs: Mapping[URIRef, Graph]) -> str:
    """One TriG document with a named graph per entry, in a stable order.

    A graph's facts are written as rdflib's sorted Turtle; its evidence
    annotations (``mapping.evidence``), most of its triples, as sorted
    one-line statements, several times quicker to write. Nothing is indented
    or dropped inside the Turtle: a literal may span lines (a quote of two
    lines keeps them exactly).
    """
    return HEAD + "".join(block(iri, graphs[iri]) for iri in sorted(graphs))


#: The prefixes every TriG file of a build starts with.
HEAD = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


def block(iri: URIRef, g: Graph) -> str:
    """One named graph as ``trig`` writes it: ``graph.trig`` is ``HEAD`` and the blocks sorted by IRI
    (so a block written once can be copied into a later build unchanged)."""
    body = _one_line_body(g) if iri == STRUCTURE_GRAPH else _graph_body(g)
    return f"\n<{iri}> {{\n{body}\n}}\n"


def _graph_body(g: Graph) -> str:
    facts: list[tuple[Node, Node, Node]] = []
    evidence: list[tuple[Node, Node, Node]] = []
    for t in g:
        (evidence if isinstance(t[0], URIRef) and is_evidence(str(t[0])) else facts).append(t)
    body = turtle.facts(facts)
    if body is None:  # not the mapper's kind of graph: rdflib writes it
        whole = Graph()
        whole.addN((s, p, o, whole) for s, p, o in facts)
        bind_prefixes(whole)
        body = whole.serialize(format="turtle")
    # split("\n"), not splitlines(): a literal may hold U+2028, \x1c or \x85, which are not line ends here
    lines = body.split("\n")
    start = 0
    while start < len(lines) and (lines[start].startswith("@prefix") or not lines[start].strip()):
        start += 1
    return "\n".join([*lines[start:], *_statements(evidence, _PREFIXED)]).strip("\n")


#: The prefixes evidence statements are written with (a graph that only holds them).
_PREFIXED = Graph()
bind_prefixes(_PREFIXED)


def _one_line_body(g: Graph) -> str:
    """A graph of simple statements (the derived structure: IRIs and numbers) as sorted one-line
    statements, without rdflib's Turtle serializer (many times quicker on hundreds of thousands)."""
    bind_prefixes(g)
    return "\n".join(_statements(list(g), g))


def _statements(triples: list[tuple[Node, Node, Node]], ns_of: Graph) -> list[str]:
    """Sorted statements, one per line, a subject's next ones after ``;``; predicates (and
    ``rdf:type`` / ``rdf:predicate`` objects) written with the graph's prefixes."""
    ns, short = ns_of.namespace_manager, {}
    for term in {t[1] for t in triples} | {t[2] for t in triples if t[1] in (RDF.type, RDF.predicate)}:
        short[term] = "a" if term == RDF.type else term.n3(ns)
    rows = sorted((s.n3(), short[p] if p in short else p.n3(), short[o] if o in short else o.n3())
                  for s, p, o in triples)
    statements = [f"{s} {p} {o}" if i == 0 or rows[i - 1][0] != s else f"    {p} {o}"
                  for i, (s, p, o) in enumerate(rows)]
    ends = [" ." if i + 1 == len(rows) or rows[i + 1][0] != rows[i][0] else " ;" for i in range(len(rows))]
    return [a + b for a, b in zip(statements, ends, strict=True)]


def write(folder: Path, graphs: Mapping[URIRef, Graph], report: list[dict[str, Any]]) -> Path:
    """Write ``graph.trig``, the store, the title index and the build report into a new, empty
    ``folder`` (a version folder of ``graph.output``, switched into place as a whole)."""
    text = trig(graphs)
    step("write graph.trig")
    (folder / TRIG).write_text(text, encoding="utf-8")
    step("write store")
    store = ox.Store(str(folder / STORE))
    load(store, text)
    store.flush()
    del store
    step("write titles")
    titles.write(folder / titles.FILE, graphs, build=folder.name)
    step("write report")
    (folder / REPORT).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    step("write build.json")
    (folder / BUILD).write_text(json.dumps({"build": folder.name}) + "\n", encoding="utf-8")
    return folder / TRIG


def load(store: ox.Store, trig_text: str) -> None:
    """Load the named graphs, and their union again in the default graph (duplicates merge).

    The TriG is parsed once. Queries that read the whole organisation
    (reporting chains cross documents) run on the default graph:
    pyoxigraph's ``use_default_graph_as_union`` gives the same answers but is
    far slower on joins (bench/results/store.md). ``GRAPH ?g`` still sees only
    the per-document graphs; exports and publication read named graphs only.
    Evidence (``mapping.evidence``) stays in the named graphs only: the union
    copy holds the facts, and stays as small as it was without evidence.
    """
    quads = list(ox.parse(trig_text.encode("utf-8"), ox.RdfFormat.TRIG))
    store.bulk_extend(quads)
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                      for q in quads if in_union(q))


def load_file(store: ox.Store, path: Path) -> None:
    """``load`` for a TriG file, streamed: the file is never held in memory as quads."""
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                      for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG) if in_union(q))


def in_union(statement: ox.Quad | ox.Triple) -> bool:
    """Whether a statement of a named graph belongs in the union copy: facts do, evidence does not."""
    return not (isinstance(statement.subject, ox.NamedNode) and is_evidence(statement.subject.value))

