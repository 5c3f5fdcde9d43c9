"""`orgkg reason --graph DIR`: OWL reasoning with HermiT; inferences into their own named graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgkg.cli.common import OK, PROBLEMS, graph_option, translate_errors
from orgkg.reason import Limits
from orgkg.reason import reason as run_reasoner
from orgkg.reason.model import ReasonReport
from orgkg.safety import offline


@click.command(epilog="Exit codes: 0 consistent, 1 inconsistent, 2 could not run (no Java, bad graph).\n\n"
                      "Example: orgkg reason --graph out --heap 4000 --timeout 600")
@graph_option
@click.option("--heap", "heap_mb", type=click.IntRange(min=64), default=2000, show_default=True,
              help="JVM heap for HermiT, in MB.")
@click.option("--timeout", type=click.FloatRange(min=1), default=300.0, show_default=True,
              help="Give up after this many seconds.")
@click.option("--no-save", is_flag=True, help="Report only; do not write inferred.trig or touch the store.")
@translate_errors
def reason(graph_dir: Path, heap_mb: int, timeout: float, no_save: bool) -> None:
    """Check the ontology and data are consistent; add what HermiT infers (e.g. supervisory posts)."""
    with offline("orgkg reason"):
        report = run_reasoner(graph_dir, Limits(heap_mb, timeout), save=not no_save)
    click.echo(render(report), nl=False)
    sys.exit(OK if report.consistent else PROBLEMS)


def render(report: ReasonReport) -> str:
    lines = []
    if report.consistent:
        n = len(report.inferred)
        lines.append(f"consistent ({report.seconds:.1f} s); {n} inferred class memberships:")
        lines += [f"  {s}  a  {c}" for s, c in report.inferred]
        if report.written:
            lines.append(f"written to {report.written} (named graph <https://w3id.org/orgkg/id/graph/inferred>)")
    else:
        lines.append(f"INCONSISTENT ({report.seconds:.1f} s); narrowed to: {', '.join(report.documents)}")
        for c in report.culprits:
            who = f" individual <{c.individual}>" if c.individual else ""
            values = f" has {', '.join(c.values)}" if c.values else ""
            lines.append(f"  axiom: {c.axiom};{who}{values} (documents: {', '.join(c.documents)})")
    if report.dropped:
        left = "; ".join(f"{k} ({n})" for k, n in report.dropped.items())
        lines.append(f"left out as not OWL 2 DL: {left}")
    return "\n".join(lines) + "\n"
