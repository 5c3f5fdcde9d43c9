"""One synthetic organisation generator for every benchmark.

It builds a realistic organisation of N positions as the extractors would
read it (``Extraction`` records, one described position per document), then
maps each through the real mapping, so the graph has exactly the shape
``orgkg build`` gives: a named graph per document, reporting lines by
position number, units, job classes in series with ranks, levels, duties
with shares of time, qualifications and staff counts.

Shape: a single head; spans drawn from 3 to 8 for managers and up to 12 for
front-line supervisors; depth grows until N positions exist (about 7 layers
at 100,000); units follow the tree (branch, division, section, unit); classes
come from four class series of three or four ranks, senior ranks higher up.

    python -m bench.synthetic 10000 --out /tmp/synthetic-10k    # a graph folder

``defects`` injects known rule breaks for validation benchmarks (see
``inject``); the same ``seed`` always gives the same organisation.
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from orgkg.extract.records import (
    Duty,
    Extraction,
    Factor,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    StaffCount,
)
from orgkg.graph.structure import (
    STRUCTURE_GRAPH,
    Figures,
    Structure,
    count,
    derive,
    facts,
    figure_facts,
)
from orgkg.mapping import Provenance, to_graph

JURISDICTION = "Synthetic Province"
DEPARTMENT = "Department of Synthetic Services"
SERIES = {
    "Program Officer": ["Program Officer I", "Program Officer II", "Program Officer III",
                        "Program Officer IV"],
    "Analyst": ["Analyst I", "Analyst II", "Analyst III"],
    "Supervisor": ["Supervisor I", "Supervisor II", "Supervisor III"],
    "Manager": ["Manager I", "Manager II", "Manager III", "Executive Director"],
}
UNIT_KINDS = ("branch", "division", "section", "unit")
VERBS = ("Leads", "Coordinates", "Develops", "Reviews", "Manages", "Advises on", "Monitors", "Prepares")
OBJECTS = ("program delivery", "policy options", "budget plans", "service standards",
           "stakeholder relations", "performance reports", "risk assessments", "staff development")


@dataclass
class Node:
    number: str
    depth: int
    parent: Node | None
    units: list[tuple[str, str]]
    title: str = ""
    job_class: str = ""
    children: list[Node] = field(default_factory=list)


def _tree(n: int, rng: random.Random) -> list[Node]:
    """Breadth-first: each position takes a span of reports until N exist."""
    head = Node("100000", 0, None, [])
    nodes, frontier = [head], [head]
    while len(nodes) < n and frontier:
        nxt: list[Node] = []
        for parent in frontier:
            span = rng.randint(3, 8) if parent.depth < 3 else rng.randint(5, 12)
            for _ in range(span):
                if len(nodes) >= n:
                    break
                units = list(parent.units)
                if parent.depth < len(UNIT_KINDS) and len(nodes) % 1 == 0:
                    kind = UNIT_KINDS[parent.depth]
                    units.append((f"{kind.title()} {len(nodes)} {kind.title()}", kind))
                child = Node(str(100000 + len(nodes)), parent.depth + 1, parent, units)
                parent.children.append(child)
                nodes.append(child)
                nxt.append(child)
        frontier = nxt
    return nodes


def _classify(nodes: list[Node], rng: random.Random) -> None:
    """Give each position a class: senior ranks higher in the tree, titles unique."""
    max_depth = max(x.depth for x in nodes) or 1
    for x in nodes:
        manages = bool(x.children)
        family = ("Manager" if x.depth <= 2 else "Supervisor") if manages else rng.choice(
            ["Program Officer", "Analyst"])
        ladder = SERIES[family]
        seniority = 1 - x.depth / (max_depth + 1)
        rank = min(len(ladder) - 1, int(seniority * len(ladder)))
        if x.parent is not None and x.parent.job_class in ladder:  # nodes come parent first
            rank = max(0, min(rank, ladder.index(x.parent.job_class) - 1))  # below the supervisor's class
        x.job_class = ladder[rank]
        x.title = f"{x.job_class}, {x.units[-1][0] if x.units else DEPARTMENT} ({x.number})"


def _extraction(x: Node, rng: random.Random, with_series: bool) -> Extraction:
    shares = sorted(rng.sample(range(5, 95, 5), rng.randint(2, 4)))
    percents = [b - a for a, b in zip([0, *shares], [*shares, 100], strict=True)]
    where = x.units[-1][1] if x.units else "department"
    duties = [Duty(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} for the {where}", float(p)) for p in percents]
    subject = Position(
        title=x.title,
        identifiers=[Identifier("position number", x.number)],
        reports_to=[MentionedPosition(x.parent.title, x.parent.number)] if x.parent else [],
        supervises_count=len(x.children) or None,
        job_class=JobClass(None, x.job_class),
        level=f"Level {10 - min(x.depth, 9)}",
        duties=duties,
        education="Bachelor's degree",
        experience_years=float(rng.randint(1, 8)),
        staff_counts=[StaffCount(len(x.children), "direct")] if x.children else [],
    )
    series = next((s for s in SERIES.values() if x.job_class in s), []) if with_series else []
    return Extraction("synthetic", subject, Organisation(JURISDICTION, DEPARTMENT, x.units), list(series))


def organisation(n: int, seed: int = 7, defects: bool = False) -> Iterator[tuple[str, Extraction]]:
    """(document name, extraction) for each of N positions; with ``defects``, rule breaks injected."""
    rng = random.Random(seed)
    nodes = _tree(n, rng)
    _classify(nodes, rng)
    seen: set[str] = set()
    docs = []
    for x in nodes:
        first_of_class = x.job_class not in seen
        seen.add(x.job_class)
        docs.append((x, _extraction(x, rng, with_series=first_of_class)))
    if defects:
        inject(nodes, {x.number: ex for x, ex in docs}, random.Random(seed + 1))
    for x, ex in docs:
        yield f"position-{x.number}.txt", ex


def _ladder(job_class: str) -> list[str]:
    return next(s for s in SERIES.values() if job_class in s)


DEFECTS = ("duty shares add up to 110", "stated span below the named reports",
           "a class supervising a higher class of its series", "a series with a gap",
           "a reporting cycle across two documents", "factor points that do not add up")


def inject(nodes: list[Node], docs: dict[str, Extraction], rng: random.Random) -> dict[str, str]:
    """Break each rule of ``DEFECTS`` once in every 1,000 positions (at least once), as documents do.

    Returns position number -> the defect injected there, for the benchmark's
    report. Each break sits in different positions, so each gives its own findings.
    """
    n = len(nodes)
    per = max(1, n // 1000)
    managers = [x for x in nodes if len(x.children) >= 2 and x.parent is not None]
    leaves = [x for x in nodes if not x.children and x.parent is not None]
    used: set[str] = set()

    def pick(pool: list[Node]) -> Node:
        free = [x for x in pool if x.number not in used]
        x = free[rng.randrange(len(free))]
        used.add(x.number)
        return x

    where: dict[str, str] = {}
    for i in range(per):
        x = pick(leaves)  # duty shares of 110
        duties = docs[x.number].subject.duties
        duties[0] = Duty(duties[0].text, (duties[0].percent or 0) + 10)
        where[x.number] = DEFECTS[0]
        m = pick(managers)  # a span stated one below the reports the document names
        s = docs[m.number].subject
        s.direct_reports = [MentionedPosition(c.title, c.number) for c in m.children]
        s.supervises_count = len(m.children) - 1
        where[m.number] = DEFECTS[1]
        sup = pick([x for x in managers if _ladder(x.job_class)[-1] != x.job_class])
        child = sup.children[0]  # the subordinate's class is the top of its supervisor's series
        used.add(child.number)
        docs[child.number].subject.job_class = JobClass(None, _ladder(sup.job_class)[-1])
        where[child.number] = DEFECTS[2]
        x = pick(leaves)  # a class whose class specification lists a series missing a level
        base = f"Gap Series {i + 1} Officer"
        docs[x.number].subject.job_class = JobClass(None, f"{base} II")
        docs[x.number].series = [f"{base} I", f"{base} II", f"{base} IV"]
        where[x.number] = DEFECTS[3]
        upper = pick([x for x in managers if x.children[0].number not in used])
        lower = upper.children[0]  # the upper post's document says it reports to its own report
        used.add(lower.number)
        docs[upper.number].subject.reports_to = [MentionedPosition(lower.title, lower.number)]
        where[upper.number] = DEFECTS[4]
        x = pick(leaves)  # factor points that add up to 5 more than the stated total
        docs[x.number].subject.factors = [Factor("Knowledge", "C", 150.0), Factor("Judgement", "B", 100.0)]
        docs[x.number].subject.total_points = 245.0
        where[x.number] = DEFECTS[5]
    return where


def graphs(n: int, seed: int = 7, defects: bool = False) -> Iterator[tuple[URIRef, Graph]]:
    """The named graphs ``orgkg build`` would make of the synthetic documents."""
    for name, ex in organisation(n, seed, defects):
        prov = Provenance(name=name, sha256="0" * 64, family="synthetic", confidence=1.0,
                          loader_version="synthetic")
        yield to_graph(ex, prov)


def nquads(n: int, seed: int = 7, defects: bool = False) -> Iterator[str]:
    """N-Quads lines of the synthetic organisation (fast to write and to load)."""
    for iri, g in graphs(n, seed, defects):
        ctx = iri.n3()
        for s, p, o in g:
            yield f"{s.n3()} {p.n3()} {o.n3()} {ctx} .\n"


def write_nquads(path: Path, n: int, seed: int = 7, defects: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as f:
        f.writelines(nquads(n, seed, defects))
    return path


def cached_store(nq: Path, path: Path) -> Path:
    """A persistent Oxigraph store in the layout ``orgkg build`` writes, made from ``nq`` once.

    The named graphs, and their union again in the default graph (``orgkg.graph.store.load``),
    streamed so that 100,000 positions (9 million quads) never sit in memory at once.
    """
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                          for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))
        add_structure(store)
        store.flush()
        del store
        tmp.rename(path)
    elif not has_figures(path):  # cached before the structure graph held the figures
        store = ox.Store(str(path))
        add_figures(store)
        store.flush()
        del store
    return path


DEEPEST = ox.NamedNode("https://w3id.org/orgkg/ontology#deepestPost")


def has_figures(path: Path) -> bool:
    store = ox.Store.read_only(str(path))
    return any(True for _ in store.quads_for_pattern(None, DEEPEST, None, ox.DefaultGraph()))


def _pairs(store: ox.Store, text: str) -> list[tuple[str, str]]:
    return [(r[0].value, r[1].value) for r in store.query(text)]  # type: ignore[index, union-attr]


def _lines(store: ox.Store) -> list[tuple[str, str]]:
    return _pairs(store, "SELECT ?s ?o WHERE { ?s <http://www.w3.org/ns/org#reportsTo> ?o }")


def structure_of(store: ox.Store) -> Structure:
    """The derived structure (``orgkg.graph.structure``) of the reporting lines in a store's union copy."""
    posts = (r[0].value for r in store.query(  # type: ignore[index, union-attr]
        "SELECT ?p WHERE { ?p a <http://www.w3.org/ns/org#Post> }"))
    return derive(_lines(store), posts)


def figures_of(store: ox.Store, structure: Structure) -> Figures:
    """The report's figures (``orgkg.graph.structure.count``) of a store's union copy."""
    placed = _pairs(store, "SELECT ?p ?u WHERE { ?p <http://www.w3.org/ns/org#postIn> ?u }")
    vacant = (r[0].value for r in store.query(  # type: ignore[index, union-attr]
        "SELECT ?p WHERE { ?p <https://w3id.org/orgkg/ontology#vacant> true }"))
    return count(structure, _lines(store), placed, vacant)


def _add(store: ox.Store, facts: Iterator[tuple[URIRef, URIRef, URIRef | Literal]]) -> int:
    graph = ox.NamedNode(str(STRUCTURE_GRAPH))
    triples = [ox.Triple(*(to_ox(t) for t in fact)) for fact in facts]
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, g) for g in (graph, ox.DefaultGraph())
                      for t in triples)
    return len(triples)


def add_structure(store: ox.Store) -> int:
    """The structure graph ``orgkg build`` derives, in its named graph and the union copy; its size."""
    structure = structure_of(store)
    return _add(store, facts(structure, figures_of(store, structure)))


def add_figures(store: ox.Store) -> int:
    """The figures alone, to a store cached with the layers and posts above only."""
    return _add(store, figure_facts(figures_of(store, structure_of(store))))


def to_ox(term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("positions", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    ap.add_argument("--defects", action="store_true", help="inject rule breaks (see DEFECTS)")
    a = ap.parse_args()
    write_nquads(a.out, a.positions, a.seed, a.defects)


if __name__ == "__main__":
    main()
