"""`orgkg build PATH... --out DIR`: documents -> the knowledge graph."""

from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console

from orgkg.build import BuildOptions, BuildReport
from orgkg.build import build as run_build
from orgkg.cli.common import OK, PROBLEMS, stderr_console, translate_errors
from orgkg.errors import NoDocumentsError, printable
from orgkg.extract.register import load_columns
from orgkg.graph.build import DUPLICATE, NOT_A_POSITION, Outcome
from orgkg.graph.output import check_writable
from orgkg.read import Limits
from orgkg.read.limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT


@click.command(epilog="Example: orgkg build data/documents --out out --report run.json")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for graphs/ (a TriG file per named graph), the query store and build-report.json.")
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
@click.option("--full", is_flag=True,
              help="Read every input again (by default, a build into a folder holding an earlier build "
                   "reuses the graphs of inputs whose content did not change).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes reading documents [default: one per core].")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
@translate_errors
def build(paths: tuple[Path, ...], out: Path, max_bytes: int, timeout: float, strict: bool,
          report_file: Path | None, follow_links: bool, wait: bool, columns_file: Path | None, full: bool,
          workers: int | None, quiet: bool) -> None:
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
    options = BuildOptions(limits=Limits(max_bytes=max_bytes, timeout=timeout), strict=strict, wait=wait,
                           columns=columns, workers=workers, incremental=not full,
                           follow_links=follow_links)
    console = stderr_console()
    status = console.status("reading documents") if console.is_terminal else nullcontext()
    try:
        with status:
            report = run_build(list(paths), out, options,
                               on_piece=lambda p: report_line(console, p.outcome, quiet=quiet))
    except NoDocumentsError as err:
        console.print(printable(str(err)), markup=False)
        sys.exit(PROBLEMS)
    _write_report(report_file, report.outcomes)
    if report.stopped:
        console.print(printable(f"stopped at the first failure (--strict); nothing written to {out}"),
                      markup=False)
        sys.exit(PROBLEMS)
    summary(console, report)
    sys.exit(PROBLEMS if report.problems else OK)


def _write_report(target: Path | None, outcomes: list[Outcome]) -> None:
    """Write ``--report`` whole or not at all (a temporary file renamed into place)."""
    if target is not None:
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(json.dumps([vars(o) for o in outcomes], indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, target)


def summary(console: Console, report: BuildReport) -> None:
    """The build's last lines: what an incremental build reused, then the totals."""
    if report.incremental:
        console.print(f"{len(report.reused)} reused, {len(report.read)} read, {len(report.removed)} removed",
                      markup=False)
    loaded, twins = sum(o.status == "ok" for o in report.outcomes), report.count(DUPLICATE)
    console.print(printable(
        f"{loaded} documents loaded, {report.count('failed')} failed, {report.count('skipped')} skipped"
        + (f", {twins} the same as another" if twins else "") + "; "
        f"{report.positions} positions, {report.triples} triples -> {report.trig}"),
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
    elif o.status == DUPLICATE:
        line = f"{o.path}: {o.error}"
    elif o.status == "ok" and o.confidence is None:  # a position register: no family guessed
        line = f"{o.path}: {o.family}, {o.positions} positions, {o.triples} triples"
    elif o.status == "ok":
        line = f"{o.path}: {o.family} ({o.confidence:.2f}), {o.positions} positions, {o.triples} triples"
    else:
        line = f"{o.path}: skipped, {o.error}"
    console.print(printable(line + (" (reused)" if o.reused else "")), markup=False)
