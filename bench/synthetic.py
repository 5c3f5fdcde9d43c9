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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from orgkg.extract.records import (
    Duty,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    StaffCount,
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
        x.job_class = ladder[min(len(ladder) - 1, int(seniority * len(ladder)))]
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


def organisation(n: int, seed: int = 7) -> Iterator[tuple[str, Extraction]]:
    """(document name, extraction) for each of N positions."""
    rng = random.Random(seed)
    nodes = _tree(n, rng)
    _classify(nodes, rng)
    seen: set[str] = set()
    for x in nodes:
        first_of_class = x.job_class not in seen
        seen.add(x.job_class)
        yield f"position-{x.number}.txt", _extraction(x, rng, with_series=first_of_class)


def graphs(n: int, seed: int = 7) -> Iterator[tuple[URIRef, Graph]]:
    """The named graphs ``orgkg build`` would make of the synthetic documents."""
    for name, ex in organisation(n, seed):
        prov = Provenance(name=name, sha256="0" * 64, family="synthetic", confidence=1.0,
                          loader_version="synthetic")
        yield to_graph(ex, prov)


def nquads(n: int, seed: int = 7) -> Iterator[str]:
    """N-Quads lines of the synthetic organisation (fast to write and to load)."""
    for iri, g in graphs(n, seed):
        ctx = iri.n3()
        for s, p, o in g:
            yield f"{s.n3()} {p.n3()} {o.n3()} {ctx} .\n"


def write_nquads(path: Path, n: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as f:
        f.writelines(nquads(n, seed))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("positions", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    a = ap.parse_args()
    write_nquads(a.out, a.positions, a.seed)


if __name__ == "__main__":
    main()
