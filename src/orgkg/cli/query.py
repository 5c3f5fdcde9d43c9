"""`orgkg query NAME|FILE.rq`: named SPARQL queries over the graph or an endpoint."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from orgkg import tabular
from orgkg.cli.common import max_answer_option, stderr_console, translate_errors
from orgkg.errors import QueryError
from orgkg.graph.built import BuiltGraph
from orgkg.query import formats
from orgkg.query.engine import Engine
from orgkg.query.library import library
from orgkg.query.local import LocalGraph
from orgkg.query.remote import Endpoint
from orgkg.query.results import Result
from orgkg.query.run import run
from orgkg.safety import offline

EPILOG = """\b
Examples:
  orgkg query --list
  orgkg query span-of-control --graph out
  orgkg query reporting-chain --graph out --param post=id:post/adm-systems-branch-db27ee6fd66d
  orgkg query find-posts --endpoint http://127.0.0.1:7878/query --param text=director --format csv
\b
--param values: <https://...> or a CURIE (id:, orgkg:, org:, skos: ...) for an IRI,
anything else is a literal (an integer where the query declares one).
"""


@click.command(epilog=EPILOG)
@click.argument("query", required=False)
@click.option("--list", "show_list", is_flag=True, help="List the named queries and their parameters.")
@click.option("--all", "show_all", is_flag=True,
              help="With --list: also the internal queries other commands read (chart-*, register-*).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable).")
@click.option("--graph", "graph_dir", type=click.Path(path_type=Path),
              help="Folder written by `orgkg build`.")
@click.option("--endpoint",
              help="A SPARQL query endpoint URL (credentials: ORGKG_USER/ORGKG_PASSWORD or netrc).")
@click.option("--format", "fmt", type=click.Choice(formats.FORMATS), default=None,
              help="Output format (default: table on a terminal, json otherwise).")
@click.option("--timeout", type=float, default=30.0, show_default=True,
              help="Seconds for an endpoint's whole answer.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N rows (after the query's own order); a table says how many there were.")
@max_answer_option
@click.option("--allow-network", is_flag=True, help="Let a local query use SERVICE or FROM <iri>.")
@translate_errors
def query(query: str | None, show_list: bool, show_all: bool, params: tuple[str, ...], graph_dir: Path | None,
          endpoint: str | None, fmt: str | None, timeout: float, limit: int | None, max_answer: float,
          allow_network: bool) -> None:
    """Run a named query (see --list) or a SPARQL file, on the built graph or an endpoint."""
    if show_list:
        list_queries(internal=show_all)
        return
    if not query:
        raise QueryError("query", "name a query or a .rq file", "see `orgkg query --list`")
    if (graph_dir is None) == (endpoint is None):
        raise QueryError("query", "give exactly one of --graph DIR or --endpoint URL")
    if endpoint is not None:
        result = run(Endpoint(endpoint, timeout=timeout, max_answer=int(max_answer * 1e6)), query, params)
    else:
        assert graph_dir is not None
        guard = nullcontext() if allow_network else offline("orgkg query")
        with guard:
            engine: Engine = LocalGraph.of_build(BuiltGraph.open(graph_dir), allow_network=allow_network)
            result = run(engine, query, params)
            # inside the guard: a local SELECT's rows are evaluated as they are written
            show(result, fmt, limit)
        return
    show(result, fmt, limit)


def show(result: Result, fmt: str | None, limit: int | None = None) -> None:
    """The result on standard output; rows are written as they arrive (the first ``limit`` only)."""
    formats.write(result, fmt or tabular.default_format(), sys.stdout, limit=limit)
    sys.stdout.flush()


def list_queries(*, internal: bool = False) -> None:
    """Name, summary and parameters of the public named queries (with internal, all) from headers."""
    console = tabular.console()
    shown = [q for q in library().values() if internal or not q.internal]
    for q in shown:
        params = " ".join(f"{p.name}=<{p.kind}>" + ("?" if p.optional else "") for p in q.params)
        scope = "union of the graphs" if q.union else "per named graph"
        console.print(f"{q.name} {params}".rstrip(), style="bold", markup=False, highlight=False)
        console.print(f"    {q.summary} ({scope})", markup=False, highlight=False)
    hidden = "" if internal else f" ({len(library()) - len(shown)} internal ones: --all)"
    stderr_console().print(f"{len(shown)} queries{hidden}; a '?' marks an optional parameter", style="dim")
