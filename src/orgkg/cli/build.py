"""`orgkg build PATH... --out DIR`: documents -> the knowledge graph."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console

from orgkg.cli.common import OK, PROBLEMS, stderr_console, translate_errors
from orgkg.graph.build import Loaded, Outcome, collect, load, shared_names, skipped
from orgkg.graph.store import write


@click.command(epilog="Example: orgkg build data/documents --out out")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for graph.trig, the query store and build-report.json.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
@translate_errors
def build(paths: tuple[Path, ...], out: Path, quiet: bool) -> None:
    """Read documents (files or folders) into a knowledge graph."""
    console = stderr_console()
    files = list(collect(paths))
    shared = shared_names(path for path, _ in files)
    loaded: list[Loaded] = []
    status = console.status("reading documents") if console.is_terminal else nullcontext()
    with status:
        for path, explicit in files:
            item = (None if explicit else skipped(path)) or load(path, name_shared=path.name in shared)
            loaded.append(item)
            report_line(console, item.outcome, quiet=quiet)
    graphs = {x.graph_iri: x.graph for x in loaded if x.graph_iri is not None and x.graph is not None}
    trig = write(out, graphs, [vars(x.outcome) for x in loaded])
    failed = sum(x.outcome.status == "failed" for x in loaded)
    skipped_n = sum(x.outcome.status == "skipped" for x in loaded)
    console.print(
        f"{len(graphs)} documents loaded, {failed} failed, {skipped_n} skipped; "
        f"{sum(x.outcome.positions for x in loaded)} positions, "
        f"{sum(x.outcome.triples for x in loaded)} triples -> {trig}",
        markup=False,
    )
    sys.exit(PROBLEMS if failed else OK)


def report_line(console: Console, o: Outcome, *, quiet: bool) -> None:
    """One line per document: what was read, or what is wrong with it."""
    if o.status == "failed":
        console.print(f"{o.path}: {o.error}", markup=False)
    elif quiet:
        return
    elif o.status == "ok":
        console.print(f"{o.path}: {o.family} ({o.confidence:.2f}), {o.positions} positions, "
                      f"{o.triples} triples", markup=False)
    else:
        console.print(f"{o.path}: skipped, {o.error}", markup=False)
