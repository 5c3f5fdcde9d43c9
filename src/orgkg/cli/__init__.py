"""The ``orgkg`` command: thin verbs over the library, errors translated in one place.

Data goes to standard output; progress, per-document lines and messages go
to standard error. Exit codes (the same for every command):

\b
  0  ok
  1  the command ran and found problems (a document failed, a violation ...)
  2  it could not run (bad arguments, unreadable input or graph)

Each command lives in its own module here and is listed in ``COMMANDS``.
"""

from __future__ import annotations

import click

from orgkg.cli import build, chart, export, positions, query, read, reason, report, validate

COMMANDS: tuple[click.Command, ...] = (
    build.build,
    read.read,
    positions.positions,
    query.query,
    export.export,
    chart.chart,
    report.report,
    validate.validate,
    reason.reason,
)


@click.group(help=__doc__, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orgkg")
def main() -> None:
    pass


for _command in COMMANDS:
    main.add_command(_command)

__all__ = ["main"]
