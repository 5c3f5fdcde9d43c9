"""What every command shares: exit codes, the stderr console, error translation, options."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from orgkg.errors import OrgkgError, printable

OK, PROBLEMS, CANNOT_RUN, INTERRUPTED = 0, 1, 2, 130
F = TypeVar("F", bound=Callable[..., Any])


def stderr_console() -> Console:
    """Messages for people: standard error, no colour under NO_COLOR, no wrapping."""
    return Console(stderr=True, no_color="NO_COLOR" in os.environ, highlight=False, soft_wrap=True)


def translate_errors(func: F) -> F:
    """The one place orgkg's errors become a line on standard error and exit code 2 (130 for Ctrl-C)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OrgkgError as err:
            click.echo(f"orgkg: {printable(str(err))}", err=True)
            sys.exit(CANNOT_RUN)
        except KeyboardInterrupt:
            click.echo("orgkg: interrupted; nothing was left half-written", err=True)
            sys.exit(INTERRUPTED)

    return wrapper  # type: ignore[return-value]


graph_option = click.option(
    "--graph", "graph_dir", required=True, type=click.Path(path_type=Path),
    help="Folder written by `orgkg build --out`.",
)


max_answer_option = click.option(
    "--max-answer", type=float, default=1000.0, show_default=True, metavar="MB",
    help="Refuse an endpoint's answer larger than this many megabytes.",
)
