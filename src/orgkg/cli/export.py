"""`orgkg export`: the graph to an RDF file, or published to a SPARQL store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgkg import tabular
from orgkg.cli.common import OK, PROBLEMS, max_answer_option, stderr_console, translate_errors
from orgkg.endpoint.access import check_url
from orgkg.endpoint.client import Session
from orgkg.errors import ExportError, PublishError
from orgkg.export import files
from orgkg.export.http import RetryPolicy
from orgkg.export.publish import PROTOCOLS, Publication, Targets, publish
from orgkg.graph.built import BuiltGraph

EPILOG = """\b
Examples:
  orgkg export --graph out --out graph.ttl
  orgkg export --graph out --out graph.json --format jsonld
  orgkg export --graph out --format application/n-quads > graph.nq
  orgkg export --graph out --endpoint http://127.0.0.1:7878/query --protocol gsp
\b
Triples formats (turtle, ntriples, rdfxml) get the union of the named graphs;
nquads, trig and jsonld keep one named graph per document. Publishing replaces
each document's named graph whole (and the inferred graph of `orgkg reason`),
adds a VoID graph, and removes the graphs an earlier publish left that the
build no longer has (--keep-stale keeps them). Credentials come from
ORGKG_USER/ORGKG_PASSWORD or a netrc file, sent by the scheme the store asks
for (HTTP Digest or Basic). Exit 1 if a graph could not be published or the
store's counts differ from the local ones.
"""


@click.command(epilog=EPILOG)
@click.option("--graph", "graph_dir", required=True, type=click.Path(path_type=Path),
              help="Folder written by `orgkg build`.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write ('-' for stdout).")
@click.option("--format", "fmt", help="turtle, ntriples, nquads, trig, jsonld, rdfxml, or a media type.")
@click.option("--endpoint", help="Publish to this SPARQL query endpoint's store instead of a file.")
@click.option("--protocol", type=click.Choice(sorted(PROTOCOLS)), default="gsp", show_default=True)
@click.option("--update-endpoint", help="Update URL (default: the endpoint's .../update).")
@click.option("--store-endpoint", help="Graph Store URL (default: the endpoint's .../store).")
@click.option("--timeout", type=float, default=60.0, show_default=True,
              help="Seconds for each request, all of it and its retries together.")
@click.option("--retries", type=int, default=4, show_default=True,
              help="Attempts per graph on connection errors, 429, 502, 503, 504.")
@click.option("--keep-stale", is_flag=True,
              help="Keep the graphs an earlier publish left that the build no longer has.")
@max_answer_option
@translate_errors
def export(graph_dir: Path, out: Path | None, fmt: str | None, endpoint: str | None, protocol: str,
           update_endpoint: str | None, store_endpoint: str | None, timeout: float, retries: int,
           keep_stale: bool, max_answer: float) -> None:
    """Write the graph to a file, or publish it to a SPARQL 1.1 store."""
    if (out is None) == (endpoint is None) and not (out is None and fmt):
        raise ExportError("export", "give --out FILE (or --format for stdout), or --endpoint URL")
    graph = BuiltGraph.open(graph_dir)
    if endpoint is None:
        to_file(graph, out, fmt)
        return
    targets = Targets.from_endpoint(check_url(endpoint), update_endpoint, store_endpoint)
    for url in (targets.update, targets.store):
        check_url(url)
    policy = RetryPolicy(attempts=max(1, retries), timeout=timeout)
    session = Session(max_answer=int(max_answer * 1e6))
    try:
        done = publish(graph, targets, protocol, policy, keep_stale=keep_stale, session=session)
    except PublishError as err:
        click.echo(f"orgkg: {err}", err=True)
        sys.exit(PROBLEMS)
    print_counts(done)
    sys.exit(PROBLEMS if done.mismatches else OK)


def to_file(graph: BuiltGraph, out: Path | None, fmt: str | None) -> None:
    f = files.choose(None if out is None or str(out) == "-" else out, fmt)
    if out is None or str(out) == "-":
        sys.stdout.buffer.write(files.dumps(graph, f))
        return
    try:
        n = files.write(graph, out, f)
    except OSError as err:
        raise ExportError(str(out), f"cannot write ({err.strerror})") from None
    kind = "quads" if f.quads else "triples (union of the named graphs)"
    stderr_console().print(f"{n} {kind} -> {out} ({f.name})", markup=False)


def print_counts(done: Publication) -> None:
    """The per-graph count comparison, on standard error (a summary table of ``orgkg.tabular``)."""
    console = stderr_console()
    for g in done.removed:
        console.print(f"removed stale graph {g} (not in this build)", markup=False)
    bad = len(done.mismatches)
    auth = f" (HTTP {' and '.join(done.schemes)} authentication)" if done.schemes else ""
    removed = f", {len(done.removed)} stale removed" if done.removed else ""
    footer = (f"{len(done.published)} graphs published{removed}{auth}; "
              + (f"{bad} differ in the store" if bad else "every count matches"))
    rows = [(c.graph, c.local, c.remote,
             "stale, kept (--keep-stale)" if c.local is None else ("" if c.ok else "MISMATCH"))
            for c in done.counts]
    tabular.write_text(tabular.Rows(("graph", "local", "store", ""), rows, text=_count_text,
                                    footer=lambda _: footer), sys.stderr)


def _count_text(value: object) -> str:
    return "-" if value is None else tabular.cell_text(value)
