"""Small organisations written as extractor records, mapped and loaded as `orgkg build` would."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, URIRef

from orgkg.extract.records import (
    Duty,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
)
from orgkg.graph.built import BuiltGraph
from orgkg.graph.store import trig
from orgkg.graph.structure import with_structure
from orgkg.mapping import Provenance, to_graph

ORG = Organisation("Test Province", "Department of Tests", [("Analysis Branch", "branch")])


def store_of(documents: dict[str, Extraction], others: Mapping[URIRef, Graph] | None = None) -> BuiltGraph:
    """An in-memory store holding one named graph per document (and the ``others``, a register's
    say) and the derived structure graph, as `orgkg build` writes them."""
    graphs = dict(
        to_graph(ex, Provenance(name=name, sha256="0" * 64, family=ex.family, confidence=1.0,
                                loader_version="test"))
        for name, ex in documents.items())
    return BuiltGraph.from_trig(trig(with_structure({**graphs, **(others or {})})))


def number(value: str) -> list[Identifier]:
    return [Identifier("position number", value)]


def shared_post() -> dict[str, Extraction]:
    """Two documents name post P1: `analyst.txt` mentions it as a supervisor under an old
    title, `director.txt` describes it; a third, `clerk.txt`, reports to the analyst."""
    analyst = Position("Senior Analyst", identifiers=number("P2"),
                       reports_to=[MentionedPosition("Head of Analysis (old title)", "P1")],
                       job_class=JobClass("AN", "Analyst"), level="AN-04",
                       duties=[Duty("Analyses the data", 60.0), Duty("Writes the reports", 40.0)])
    director = Position("Director of Analysis", identifiers=number("P1"),
                        direct_reports=[MentionedPosition("Records Officer", "P4")],
                        job_class=JobClass("EX", "Executive"), level="EX-01",
                        duties=[Duty("Directs the branch", 100.0)])
    clerk = Position("Clerk", identifiers=number("P3"),
                     reports_to=[MentionedPosition("Senior Analyst", "P2")])
    return {"analyst.txt": Extraction("test", analyst, ORG),
            "director.txt": Extraction("test", director, ORG),
            "clerk.txt": Extraction("test", clerk, ORG)}


def loop() -> dict[str, Extraction]:
    """Two documents whose posts each say they report to the other, and a lone post."""
    a = Position("Alpha Lead", identifiers=number("A"), reports_to=[MentionedPosition("Beta Lead", "B")])
    b = Position("Beta Lead", identifiers=number("B"), reports_to=[MentionedPosition("Alpha Lead", "A")])
    lone = Position("Lone Adviser", identifiers=number("L"))
    return {"a.txt": Extraction("test", a, ORG), "b.txt": Extraction("test", b, ORG),
            "lone.txt": Extraction("test", lone, ORG)}


BRANCH = Organisation("Test Province", "Department of Tests", [("Analysis Branch", "branch")])
SECTION = Organisation("Test Province", "Department of Tests",
                       [("Analysis Branch", "branch"), ("Data Section", "section")])


def small_org() -> dict[str, Extraction]:
    """Nine posts in four layers, for figures counted by hand (tests/test_report.py).

    Director P1 (Analysis Branch) <- Manager A P2 (Data Section) and Manager B P3 (Analysis Branch);
    A <- Analysts P4 (described, Data Section), P5, P6, P9 (mentioned); B <- Clerk P7 (Analysis
    Branch) <- Assistant P8 (mentioned). A register would mark P6 vacant.
    """
    def post(title: str, no: str, level: str, up: tuple[str, str] | None = None,
             down: tuple[tuple[str, str], ...] = ()) -> Position:
        return Position(title, identifiers=number(no), level=level,
                        reports_to=[MentionedPosition(*up)] if up else [],
                        direct_reports=[MentionedPosition(*d) for d in down])
    director = post("Director", "P1", "EX-01", down=(("Manager A", "P2"), ("Manager B", "P3")))
    manager_a = post("Manager A", "P2", "AN-05", ("Director", "P1"),
                     (("Analyst 1", "P4"), ("Analyst 2", "P5"), ("Analyst 3", "P6"), ("Analyst 4", "P9")))
    manager_b = post("Manager B", "P3", "AN-05", ("Director", "P1"), (("Clerk", "P7"),))
    analyst = post("Analyst 1", "P4", "AN-03", ("Manager A", "P2"))
    clerk = post("Clerk", "P7", "CR-04", ("Manager B", "P3"), (("Assistant", "P8"),))
    return {"director.txt": Extraction("test", director, BRANCH),
            "manager-a.txt": Extraction("test", manager_a, SECTION),
            "manager-b.txt": Extraction("test", manager_b, BRANCH),
            "analyst.txt": Extraction("test", analyst, SECTION),
            "clerk.txt": Extraction("test", clerk, BRANCH)}
