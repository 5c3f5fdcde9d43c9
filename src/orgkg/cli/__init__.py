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

import importlib

import click

#: Each command, by name, in the module of ``orgkg.cli`` of the same name (a function of that name).
#: A module is imported when its command runs (or help lists it): ``orgkg build`` does not import
#: what the chart, the report or the validator draw with.
COMMANDS = ("build", "read", "positions", "query", "export", "chart", "report", "validate", "reason")


class _Commands(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = getattr(importlib.import_module(f"orgkg.cli.{cmd_name}"), cmd_name)
        return command


@click.group(cls=_Commands, help=__doc__, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orgkg")
def main() -> None:
    pass


__all__ = ["main"]
