"""Named queries: every one described, parsed and answering on the samples; parameters are data."""

from __future__ import annotations

import json
import os
import select
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from orgkg.graph.built import BuiltGraph
from orgkg.query.library import library
from orgkg.query.network import network_uses
from orgkg.query.text import form, tokens, where_brace
from orgkg.query.values import with_values
from tests.conftest import run

OWN = sorted(n for n, q in library().items() if q.path.parent.name == "queries")
HOSTILE = 'x" } ; DROP ALL ; #'
# Queries whose answer on the five samples is rightly empty (no sample breaks the rule they look for).
EMPTY_ON_SAMPLES = {"rank-inversions", "register-vs-documents"}  # no register among the samples


def sample_values(built: Path) -> dict[str, str]:
    """A described post of the samples with a supervisor, and its top-most supervisor."""
    rows = json.loads(run("query", "reporting-chain", "--graph", str(built), "--format", "json",
                          "--param", f"post=<{described_post(built)}>").stdout)
    return {"post": described_post(built), "top": rows[-1]["supervisor"]}


def described_post(built: Path) -> str:
    store = BuiltGraph.open(built)
    rows = store.query("SELECT ?p WHERE { GRAPH ?g { ?p <https://w3id.org/orgkg/ontology#describedBy> ?d ;"
                       " <https://w3id.org/orgkg/ontology#primaryReportsTo> ?s } } ORDER BY ?p LIMIT 1")
    return next(iter(rows))["p"].value  # type: ignore[index, arg-type, call-overload]


def params_for(name: str, values: dict[str, str]) -> list[str]:
    """Arguments giving each required parameter of a named query a real value from the samples."""
    out = []
    for p in library()[name].params:
        if p.optional:
            continue
        value = {"iri": f"<{values['top' if name == 'everyone-under' else 'post']}>"}.get(p.kind, "manager")
        out += ["--param", f"{p.name}={value}"]
    return out


def example_params(name: str) -> list[str]:
    """The ``--param`` arguments of a named query's header example (written for the samples)."""
    words = shlex.split(library()[name].examples[0])
    return [arg for i, w in enumerate(words[:-1]) if w == "--param" for arg in (w, words[i + 1])]


def test_at_least_a_dozen_named_queries_beyond_the_register() -> None:
    assert len(OWN) >= 12


@pytest.mark.parametrize("name", sorted(library()))
def test_every_query_has_a_header_and_its_parameters_are_variables(name: str) -> None:
    q = library()[name]
    assert q.summary and q.examples, f"{name}: give a summary and an example"
    variables = {t.text for t in tokens(q.text) if t.kind == "var"}
    for p in q.params:
        assert p.kind in ("iri", "string", "integer")
        assert p.name in variables, f"{name}: parameter {p.name} is not a variable of the query"
    assert form(q.text) in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
    assert network_uses(q.text) == ()


@pytest.mark.parametrize("name", OWN)
def test_every_named_query_answers_on_the_samples(built: Path, name: str) -> None:
    values = sample_values(built)
    fmt = "turtle" if form(library()[name].text) == "CONSTRUCT" else "json"
    result = run("query", name, "--graph", str(built), "--format", fmt, *params_for(name, values))
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert bool(rows) != (name in EMPTY_ON_SAMPLES), f"{name}: {len(rows)} rows on the samples"
    else:
        assert ox.Store().load(result.stdout.encode(), ox.RdfFormat.TURTLE) is None


@pytest.mark.parametrize("name", OWN)
def test_every_header_example_answers_on_the_samples(built: Path, name: str) -> None:
    fmt = "turtle" if form(library()[name].text) == "CONSTRUCT" else "json"
    result = run("query", name, "--graph", str(built), "--format", fmt, *example_params(name))
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        assert bool(json.loads(result.stdout)) != (name in EMPTY_ON_SAMPLES)


UNIT_SCOPED = sorted(n for n in OWN if any(p.name == "unit" for p in library()[n].params))


@pytest.mark.parametrize("name", [n for n in UNIT_SCOPED if n != "series-ladder"])
def test_a_unit_keeps_only_rows_of_the_whole_answer(built: Path, name: str) -> None:
    """The unit scope narrows: its rows are rows of the unscoped answer (series-ladder keeps every rung)."""
    def rows(*args: str) -> list[str]:
        result = run("query", name, "--graph", str(built), "--format", "csv", *args)
        assert result.exit_code == 0, result.stderr
        return result.stdout.splitlines()[1:]
    whole = rows()
    for unit in ("id:unit/systems-branch-af11ffd44f7c", "id:org/career-service-authority-955c342cb074"):
        scoped = rows("--param", f"unit={unit}")
        assert set(scoped) <= set(whole) and len(scoped) < max(len(whole), 2)


def test_reporting_chain_reaches_across_documents_to_the_top(built: Path) -> None:
    values = sample_values(built)
    rows = json.loads(run("query", "reporting-chain", "--graph", str(built), "--format", "json",
                          "--param", f"post=<{values['post']}>").stdout)
    assert [r["distance"] for r in rows] == list(range(1, len(rows) + 1))
    top = json.loads(run("query", "posts-without-supervisor", "--graph", str(built),
                         "--format", "json").stdout)
    assert rows[-1]["supervisor"] in {r["post"] for r in top}


def test_list_all_shows_every_query_with_its_parameters() -> None:
    result = run("query", "--list", "--all")
    assert result.exit_code == 0
    for name, q in library().items():
        assert name in result.stdout
        for p in q.params:
            assert f"{p.name}=<{p.kind}>" in result.stdout


def test_a_hostile_string_is_just_a_string(built: Path) -> None:
    before = len(BuiltGraph.open(built).store)
    result = run("query", "find-posts", "--graph", str(built), "--format", "json",
                 "--param", f"text={HOSTILE}")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert len(BuiltGraph.open(built).store) == before


@pytest.mark.parametrize(("args", "message"), [
    (["provenance"], "needs --param post"),
    (["provenance", "--param", "post=director"], "expects an IRI"),
    (["provenance", "--param", "post=<http://e/a>b>"], "not a valid IRI"),
    (["provenance", "--param", "post=<relative>"], "not an absolute IRI"),
    (["provenance", "--param", "post=nope:thing"], "expects an IRI"),
    (["provenance", "--param", "colour=<http://e/a>"], "no such parameter"),
    (["provenance", "--param", "post"], "NAME=VALUE"),
    (["no-such-query"], "no such named query"),
    (["span-of-control", "--format", "turtle"], "needs a CONSTRUCT"),
])
def test_bad_parameters_are_refused_in_one_line(built: Path, args: list[str], message: str) -> None:
    result = run("query", *args, "--graph", str(built))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_user_sparql_that_reaches_out_is_refused(built: Path, tmp_path: Path, text: str) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(text)
    result = run("query", str(path), "--graph", str(built))
    assert result.exit_code == 2
    assert "--allow-network" in result.stderr


HIDDEN_SERVICE = [
    # a text scanner reads "\#" as the start of a comment and misses the rest of the line; SPARQL does not
    "PREFIX ex: <http://e/>\nSELECT * WHERE {{ ex:a\\#b ?p ?o . SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}",
    "SELECT * WHERE {{ ?s ?p ?o MINUS {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }} }}",
]


@pytest.mark.parametrize("template", HIDDEN_SERVICE)
def test_a_hidden_service_is_refused_and_nothing_is_contacted(built: Path, tmp_path: Path,
                                                              template: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        path = tmp_path / "mine.rq"
        path.write_text(template.format(url=url))
        result = run("query", str(path), "--graph", str(built))
        with pytest.raises(TimeoutError):
            listener.accept()
    assert result.exit_code == 2, result.stdout
    assert "--allow-network" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_words_inside_strings_comments_and_iris_do_not_count(built: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text('# SERVICE and LOAD in a comment\nSELECT ?t WHERE { GRAPH ?g { ?p <https://w3id.org/'
                    'orgkg/ontology#primaryTitle> ?t FILTER(?t != "FROM <x> SERVICE") } } LIMIT 1')
    result = run("query", str(path), "--graph", str(built), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("t\n") and len(result.stdout.splitlines()) == 2


def test_a_users_query_file_takes_typed_parameters(built: Path, tmp_path: Path) -> None:
    path = tmp_path / "count.rq"
    path.write_text("SELECT ?n ?post (COUNT(*) AS ?c) WHERE { GRAPH ?g { ?post ?p ?o } } GROUP BY ?n ?post")
    result = run("query", str(path), "--graph", str(built), "--format", "json",
                 "--param", "n=7", "--param", f"post=<{described_post(built)}>")
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["n"] == "7" and row["c"] > 5


def test_values_go_inside_the_where_clause() -> None:
    text = "CONSTRUCT { ?s ?p ?o } # { not here\nWHERE { ?s ?p ?o }"
    bound = with_values(text, {"s": ox.NamedNode("http://e/a"), "t": ox.Literal(HOSTILE)})
    assert bound.index("VALUES") > text.index("WHERE")
    assert 'VALUES (?s ?t) { (<http://e/a> "x\\" } ; DROP ALL ; #") }' in bound
    assert where_brace("SELECT * { ?s ?p ?o }") == 10


def test_a_placeholder_in_a_subquery_takes_the_value() -> None:
    text = ('SELECT ?n WHERE { { SELECT ?n WHERE { VALUES ?unit { UNDEF } ?n ?p ?unit } } '
            'FILTER(?n != "VALUES ?unit { UNDEF }") }  # VALUES ?unit { UNDEF }')
    bound = with_values(text, {"unit": ox.NamedNode("http://e/u")})
    assert bound.count("VALUES ?unit { <http://e/u> }") == 1
    assert bound.count("UNDEF") == 2  # the ones in a string and a comment stay
    assert "VALUES (?unit) { (<http://e/u>) }" in bound
    assert with_values(text, {}) == text
    assert with_values(text, {"other": ox.Literal("x")}).count("VALUES ?unit { UNDEF }") == 3


def test_output_formats(built: Path) -> None:
    args = ["query", "documents", "--graph", str(built)]
    rows = json.loads(run(*args, "--format", "json").stdout)
    assert rows and isinstance(rows[0]["describes"], int)
    csv_out = run(*args, "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "g,source,family,confidence,sha256,describes,mentions"
    assert len(csv_out.splitlines()) == len(rows) + 1
    assert "documents" not in run(*args, "--format", "table").stderr


def test_limit_prints_the_first_rows_in_the_querys_order(built: Path) -> None:
    """--limit N: the first N rows of the whole answer, in its order; a table says how many there were."""
    args = ["query", "organisation-tree", "--graph", str(built)]
    whole = json.loads(run(*args, "--format", "json").stdout)
    assert len(whole) > 3
    assert json.loads(run(*args, "--format", "json", "--limit", "3").stdout) == whole[:3]
    assert run(*args, "--format", "csv", "--limit", "3").stdout.splitlines()[1:] == \
        run(*args, "--format", "csv").stdout.splitlines()[1:4]
    table = run(*args, "--format", "table", "--limit", "3").stdout
    assert f"the first 3 of {len(whole)} rows (--limit 3)" in table
    assert f"{len(whole)} rows" in run(*args, "--format", "table", "--limit", str(len(whole))).stdout
    assert run(*args, "--limit", "0").exit_code == 2


def test_rows_are_streamed_to_the_output(built: Path, tmp_path: Path) -> None:
    """A query of hundreds of millions of rows (every triple x every triple x every triple of the
    samples) starts writing at once and holds little memory: rows go out as the store gives them."""
    path = tmp_path / "huge.rq"
    path.write_text("SELECT ?a ?b ?c WHERE { ?a ?p ?o . ?b ?q ?r . ?c ?s ?t }")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for fmt in ("csv", "json"):
        proc = subprocess.Popen([sys.executable, "-m", "orgkg", "query", str(path), "--graph", str(built),
                                 "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            assert proc.stdout is not None
            got = b""
            while got.count(b"\n") < 50_000:
                ready, _, _ = select.select([proc.stdout], [], [], 60)
                assert ready, f"{fmt}: no output within 60 s: the rows are not streamed"
                chunk = os.read(proc.stdout.fileno(), 1 << 16)
                assert chunk, proc.stderr.read().decode() if proc.stderr else ""
                got += chunk
            status = Path(f"/proc/{proc.pid}/status").read_text().splitlines()
            rss_kb = int(next(line.split()[1] for line in status if line.startswith("VmRSS:")))
            assert proc.poll() is None  # still answering: the whole answer was never held
            assert rss_kb < 400_000, f"{fmt}: {rss_kb} kB after 50,000 lines"
        finally:
            proc.kill()
            proc.wait(timeout=10)
