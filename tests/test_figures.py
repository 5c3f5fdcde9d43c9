"""Budgets and staff figures keep their scope level; sums add only like with like."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgkg.extract.records import Budget, Extraction, Position, StaffCount
from orgkg.mapping.scopes import scope_level
from orgkg.query.local import LocalGraph
from orgkg.query.run import run as run_query
from tests.conftest import run
from tests.support.orgs import ORG, number, store_of

SYSTEMS_BRANCH = "https://w3id.org/orgkg/id/unit/systems-branch-af11ffd44f7c"


@pytest.mark.parametrize(("wording", "level"), [
    ("Sector Budget", "sector"), ("Direct Sector Staff", "sector"), ("Budget du secteur", "sector"),
    ("Branch Budget", "branch"), ("Indirect Branch Staff", "branch"), ("Division operating budget", "unit"),
    ("Department budget", "organisation"), ("Ministry-wide", "organisation"),
    ("FTEs", "post"), ("professional level staff", "post"), ("", "post"),
])
def test_the_scope_level_is_read_from_the_wording(wording: str, level: str) -> None:
    assert scope_level(wording) == level


def test_the_samples_systems_branch_gives_each_level_apart(built: Path) -> None:
    """The federal EX description: sector 70.7M and 660 staff, branch 225.1M and 2,185 staff;
    the branch figures already contain the sector's, so no row adds them (not 295.8M, not 2,845)."""
    result = run("query", "budgets-and-staff-by-unit", "--graph", str(built), "--format", "json")
    rows = [r for r in json.loads(result.stdout) if r["unit"] == SYSTEMS_BRANCH]
    assert {(r["level"], r["currency"], r["budget"], r["staff"]) for r in rows} == {
        ("sector", "CAD", 70700000, 660), ("branch", "CAD", 225100000, 2185)}


def figures(documents: dict[str, Extraction]) -> set[tuple[str, object, object]]:
    result = run_query(LocalGraph(store_of(documents)), "budgets-and-staff-by-unit")
    return {(r["level"], r["budget"], r["staff"]) for r in result.records() if r["name"] == "Analysis Branch"}


def test_parts_of_a_unit_add_up_and_the_units_own_figure_is_stated_once() -> None:
    """Two sector heads in one branch: their sector budgets and staff are two parts, added; both state
    the branch's budget and staff, which is one figure of the branch, not added twice."""
    def head(name: str, sector: float) -> Position:
        return Position(f"Director, {name}", identifiers=number(name),
                        budgets=[Budget(sector, "CAD", "Sector Budget"),
                                 Budget(500.0, "CAD", "Branch Budget")],
                        staff_counts=[StaffCount(10, "Direct Sector Staff"), StaffCount(90, "Branch staff"),
                                      StaffCount(3, "FTEs")])
    documents = {"a.txt": Extraction("test", head("A", 100.0), ORG),
                 "b.txt": Extraction("test", head("B", 150.0), ORG)}
    assert figures(documents) == {("sector", 250, 20), ("branch", 500, 90), ("post", None, 6)}
