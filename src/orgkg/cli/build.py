"""`orgkg build PATH... --out DIR`: documents -> the knowledge graph."""

from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console

from orgkg.cli.common import OK, PROBLEMS, stderr_console, translate_errors
from orgkg.errors import printable
from orgkg.extract.register import load_columns
from orgkg.graph.build import (
    DUPLICATE,
    NOT_A_POSITION,
    Loaded,
    Outcome,
    collect,
    load,
    same_content,
    shared_names,
    skipped,
)
from orgkg.graph.identity import join_mentions
from orgkg.graph.output import Output, check_writable
from orgkg.graph.store import TRIG, write
from orgkg.graph.structure import with_structure
from orgkg.read import READERS, Limits, Worker
from orgkg.read.limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from orgkg.read.table import SUFFIXES as TABLES
from orgkg.safety import offline


@click.command(epilog="Example: orgkg build data/documents --out out --report run.json")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for graph.trig, the query store and build-report.json.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds allowed per document (0: no limit).")
@click.option("--strict", is_flag=True, help="Stop at the first document that fails (exit 1, DIR untouched).")
@click.option("--report", "report_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the per-file report (JSON) here.")
@click.option("--follow-links", is_flag=True,
              help="Follow symbolic links out of the given folders (by default they are skipped).")
@click.option("--wait", is_flag=True, help="If another build is writing to --out, wait for it (else exit 2).")
@click.option("--columns", "columns_file", type=click.Path(path_type=Path, dir_okay=False),
              help="TOML file naming a position register's unusual column headers (docs/register.md).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
@translate_errors
def build(paths: tuple[Path, ...], out: Path, max_bytes: int, timeout: float, strict: bool,
          report_file: Path | None, follow_links: bool, wait: bool, columns_file: Path | None,
          quiet: bool) -> None:
    """Read documents and position registers (files or folders) into a knowledge graph.

    Each failure is one line `path: what is wrong` on standard error and an
    entry in the report; the other documents still load. A register's bad
    rows are one line each; its good rows still load. Exit 1 if any document
    failed or any register row was bad. The output folder switches to the new
    build as a whole, only at the end.
    """
    if report_file is not None:
        check_writable(report_file, folder=False)
    columns = load_columns(columns_file) if columns_file is not None else None
    with offline("orgkg build"), Output.open(out, wait=wait) as output:
        _build(paths, output, Limits(max_bytes=max_bytes, timeout=timeout), strict, report_file, quiet,
               columns, follow_links=follow_links)


def _build(paths: tuple[Path, ...], output: Output, limits: Limits, strict: bool, report_file: Path | None,
           quiet: bool, columns: dict[str, str] | None, *, follow_links: bool) -> None:
    console = stderr_console()
    out = output.folder
    files = list(collect(paths, follow_links=follow_links))
    if not any(found.explicit or skipped(found) is None for found in files):
        kinds = ", ".join(sorted([*READERS, *TABLES]))
        console.print(printable(f"{', '.join(map(str, paths))}: no documents found "
                                f"(orgkg reads {kinds}); nothing written to {out}"), markup=False)
        sys.exit(PROBLEMS)
    shared = shared_names(found.path for found in files)
    seen: dict[str, str] = {}
    loaded: list[Loaded] = []
    worker = Worker({cls.__name__: cls for cls in set(READERS.values()) if cls.isolated})
    status = console.status("reading documents") if console.is_terminal else nullcontext()
    try:
        with status:
            for found in files:
                item = (None if found.explicit else skipped(found)) or load(
                    found.path, name_shared=found.path.name in shared, limits=limits, worker=worker,
                    columns=columns, seen=seen)
                loaded.append(item)
                report_line(console, item.outcome, quiet=quiet)
                if strict and item.outcome.status in ("failed", NOT_A_POSITION):
                    _write_report(report_file, loaded)
                    console.print(printable("stopped at the first failure (--strict); nothing written "
                                            f"to {out}"), markup=False)
                    sys.exit(PROBLEMS)
    finally:
        worker.close()
    loaded = same_content(loaded)
    graphs = join_mentions({x.graph_iri: x.graph for x in loaded
                            if x.graph_iri is not None and x.graph is not None})
    write(output.new_version(), with_structure(graphs), [vars(x.outcome) for x in loaded])
    output.publish()
    _write_report(report_file, loaded)
    summary(console, loaded, len(graphs), out / TRIG)
    problems = any(x.outcome.status == "failed" or x.outcome.problems for x in loaded)
    sys.exit(PROBLEMS if problems else OK)


def _write_report(target: Path | None, loaded: list[Loaded]) -> None:
    """Write ``--report`` whole or not at all (a temporary file renamed into place)."""
    if target is not None:
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(json.dumps([vars(x.outcome) for x in loaded], indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, target)


def summary(console: Console, loaded: list[Loaded], graphs: int, trig: Path) -> None:
    failed = sum(x.outcome.status == "failed" for x in loaded)
    skipped_n = sum(x.outcome.status == "skipped" for x in loaded)
    twins = sum(x.outcome.status == DUPLICATE for x in loaded)
    console.print(printable(
        f"{graphs} documents loaded, {failed} failed, {skipped_n} skipped"
        + (f", {twins} the same as another" if twins else "") + "; "
        f"{sum(x.outcome.positions for x in loaded)} positions, "
        f"{sum(x.outcome.triples for x in loaded)} triples -> {trig}"),
        markup=False,
    )


def report_line(console: Console, o: Outcome, *, quiet: bool) -> None:
    """One line per document: what was read, or what is wrong with it."""
    for problem in o.problems:
        console.print(printable(f"{o.path}: {problem}"), markup=False)
    if o.status in ("failed", NOT_A_POSITION):
        line = f"{o.path}: {o.error}"
    elif quiet:
        return
    elif o.status == "ok" and o.confidence is None:  # a position register: no family guessed
        line = f"{o.path}: {o.family}, {o.positions} positions, {o.triples} triples"
    elif o.status == DUPLICATE:
        line = f"{o.path}: {o.error}"
    elif o.status == "ok":
        line = f"{o.path}: {o.family} ({o.confidence:.2f}), {o.positions} positions, {o.triples} triples"
    else:
        line = f"{o.path}: skipped, {o.error}"
    console.print(printable(line), markup=False)
