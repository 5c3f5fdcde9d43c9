"""Messages a user can act on: each says what is wrong and what to do, with the values it compared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgkg.query.library import library
from tests.conftest import run


@pytest.mark.parametrize(("args", "code", "says"), [
    (["build", "{tmp}/nosuch.txt", "--out", "{tmp}/out"], 1, "nosuch.txt: no such file or folder"),
    (["build", "{tmp}/nosuch", "--out", "{tmp}/out"], 1, "nosuch: no such file or folder"),
    (["build", "{tmp}/empty", "--out", "{tmp}/out"], 1, "empty: no documents found"),
    (["query", "reporting-chain", "--graph", "{built}", "--param", "post=id:post/no-such-post"], 2,
     "post/no-such-post> is not in the graph (find one with `orgkg query find-posts"),
    (["query", "positions-by-class", "--graph", "{built}", "--param", "unit=id:unit/nowhere"], 2,
     "is not in the graph (find one with `orgkg query organisation-tree`)"),
])
def test_a_message_says_what_is_wrong_and_what_to_do(
        built: Path, tmp_path: Path, args: list[str], code: int, says: str) -> None:
    (tmp_path / "empty").mkdir()
    result = run(*(a.format(tmp=tmp_path, built=built) for a in args))
    assert result.exit_code == code, result.stderr
    assert says.format(tmp=tmp_path) in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_input_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.xyz").write_text("not a document", encoding="utf-8")
    result = run("build", str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "no documents found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_query_list_shows_the_public_queries_and_all_shows_the_internal_ones_too() -> None:
    public = {q.name for q in library().values() if not q.internal}
    internal = {q.name for q in library().values() if q.internal}
    assert internal and all(n.startswith(("chart-", "register-", "validate-", "param-")) for n in internal)
    listed = run("query", "--list").stdout
    assert {n for n in public if f"\n{n}" in f"\n{listed}"} == public
    assert not any(f"\n{n}" in f"\n{listed}" for n in internal)
    everything = run("query", "--list", "--all").stdout
    assert all(f"\n{n}" in f"\n{everything}" for n in public | internal)


def test_a_finding_that_compares_with_a_limit_states_the_value_and_the_limit(built: Path) -> None:
    result = run("validate", "--graph", str(built), "--max-span", "2", "--format", "json")
    spans = [f for f in json.loads(result.stdout) if f["rule"].endswith("#SpanWithinMaximum")]
    assert spans
    assert all(f["message"].endswith("found; at most 2)") for f in spans)
    assert any("(6 found; at most 2)" in f["message"] for f in spans)  # the federal ADM's six reports
