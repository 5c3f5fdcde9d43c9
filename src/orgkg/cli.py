"""The ``orgkg`` command: thin verbs over the library, errors translated in one place.

Data goes to standard output; progress, per-document lines and messages go
to standard error. Exit codes (the same for every command):

\b
  0  ok
  1  the command ran and found problems (a document failed, a violation ...)
  2  it could not run (bad arguments, unreadable input or graph)
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from orgkg.errors import OrgkgError

OK, PROBLEMS, CANNOT_RUN = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


def stderr_console() -> Console:
    return Console(stderr=True, no_color="NO_COLOR" in os.environ, highlight=False, soft_wrap=True)


def translate_errors(func: F) -> F:
    """Turn orgkg's errors into one line on standard error and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OrgkgError as err:
            click.echo(f"orgkg: {err}", err=True)
            sys.exit(CANNOT_RUN)

    return wrapper  # type: ignore[return-value]


graph_option = click.option(
    "--graph", "graph_dir", required=True, type=click.Path(path_type=Path),
    help="Folder written by `orgkg build --out`.",
)


@click.group(help=__doc__, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orgkg")
def main() -> None:
    pass


@main.command(epilog="Example: orgkg build data/documents --out out")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for graph.trig, the query store and build-report.json.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
@translate_errors
def build(paths: tuple[Path, ...], out: Path, quiet: bool) -> None:
    """Read documents (files or folders) into a knowledge graph."""
    from orgkg.graph.build import Loaded, collect, load, shared_names, skipped
    from orgkg.graph.store import write

    console = stderr_console()
    files = list(collect(paths))
    shared = shared_names(path for path, _ in files)
    loaded: list[Loaded] = []
    status = console.status("reading documents") if console.is_terminal else nullcontext()
    with status:
        for path, explicit in files:
            item = (None if explicit else skipped(path)) or load(path, name_shared=path.name in shared)
            loaded.append(item)
            _report_line(console, item, quiet)
    graphs = {x.graph_iri: x.graph for x in loaded if x.graph_iri is not None and x.graph is not None}
    report = [vars(x.outcome) for x in loaded]
    trig = write(out, graphs, report)
    failed = sum(x.outcome.status == "failed" for x in loaded)
    skipped_n = sum(x.outcome.status == "skipped" for x in loaded)
    console.print(
        f"{len(graphs)} documents loaded, {failed} failed, {skipped_n} skipped; "
        f"{sum(x.outcome.positions for x in loaded)} positions, "
        f"{sum(x.outcome.triples for x in loaded)} triples -> {trig}"
    )
    sys.exit(PROBLEMS if failed else OK)


def _report_line(console: Console, item: Any, quiet: bool) -> None:
    o = item.outcome
    if o.status == "failed":
        console.print(f"{o.path}: {o.error}", markup=False)
    elif not quiet and o.status == "ok":
        console.print(f"{o.path}: {o.family} ({o.confidence:.2f}), {o.positions} positions, "
                      f"{o.triples} triples", markup=False)
    elif not quiet:
        console.print(f"{o.path}: skipped, {o.error}", markup=False)


@main.command(epilog="Example: orgkg positions --graph out --format json > positions.json")
@graph_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "table"]), default=None,
              help="Output format (default: table on a terminal, json otherwise).")
@translate_errors
def positions(graph_dir: Path, fmt: str | None) -> None:
    """Print the position register computed from the graph."""
    from orgkg.graph.store import open_store
    from orgkg.register import formats
    from orgkg.register.positions import positions as register

    records = register(open_store(graph_dir))
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        click.echo(formats.to_json(records), nl=False)
    elif fmt == "csv":
        click.echo(formats.to_csv(records), nl=False)
    else:
        formats.print_table(records, Console(width=None if sys.stdout.isatty() else 200))


if __name__ == "__main__":
    main()
