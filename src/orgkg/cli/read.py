"""`orgkg read FILE`: the text that evidence offsets index."""

from __future__ import annotations

from pathlib import Path

import click

from orgkg.cli.common import translate_errors
from orgkg.graph.build import indexed_text
from orgkg.read import READERS, Limits, Worker
from orgkg.read import read as read_document
from orgkg.read.limits import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from orgkg.safety import offline


@click.command(epilog="Example: orgkg read data/documents/000_90ea68258074114b.txt | less")
@click.argument("file", type=click.Path(path_type=Path, readable=False))
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds allowed for reading (0: no limit).")
@translate_errors
def read(file: Path, max_bytes: int, timeout: float) -> None:
    """Print a document's text as the build reads it, then one newline.

    Evidence offsets (`positions --evidence`, the graph's oa:start and
    oa:end) count Unicode code points into this text.
    """
    worker = Worker({cls.__name__: cls for cls in set(READERS.values()) if cls.isolated})
    try:
        with offline("orgkg read"):
            doc = read_document(file, Limits(max_bytes=max_bytes, timeout=timeout), worker)
    finally:
        worker.close()
    click.echo(indexed_text(doc))
