"""`orgkg validate --graph DIR`: check the organisation against the SHACL shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgkg import tabular
from orgkg.cli.common import OK, PROBLEMS, graph_option, translate_errors
from orgkg.safety import offline
from orgkg.validate import Options
from orgkg.validate import validate as run_validation
from orgkg.validate.engine import ENGINES
from orgkg.validate.formats import FORMATS, FORMATTERS, rows
from orgkg.validate.shapes import DEFAULT_MAX_SPAN


@click.command(epilog="Exit codes: 0 nothing at Violation, 1 a Violation found, 2 could not run.\n\n"
                      "Example: orgkg validate --graph out --format json > findings.json")
@graph_option
@click.option("--shapes", "shapes_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of SHACL .ttl files (default: orgkg's shapes).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: grouped by rule; table, csv, json: one row (object) per finding; "
                   "turtle: sh:ValidationReport.")
@click.option("--max-span", type=click.IntRange(min=0), default=None,
              help=f"Largest span of control before a warning (default {DEFAULT_MAX_SPAN}).")
@click.option("--engine", type=click.Choice(sorted(ENGINES)), default="fast", show_default=True,
              help="fast: each rule once over the whole graph; pyshacl: the reference, node by node.")
@translate_errors
def validate(graph_dir: Path, shapes_dir: Path | None, fmt: str, max_span: int | None, engine: str) -> None:
    """Validate the organisation: reporting lines, spans, class series, duties, evaluations, structure."""
    with offline("orgkg validate"):
        report = run_validation(graph_dir, Options(shapes=shapes_dir, max_span=max_span, engine=engine),
                                keep=True)
    if fmt in tabular.FORMATS:
        tabular.write(rows(report), fmt)
    else:
        click.echo(FORMATTERS[fmt]().format(report), nl=False)
    if fmt != "text":
        click.echo(", ".join(f"{n} {s.value}" for s, n in report.counts().items()), err=True)
    sys.exit(PROBLEMS if report.has_violations else OK)
