"""The extension point for formats: one ``Reader`` subclass per file format."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar


@dataclass(frozen=True)
class Document:
    """A document's bytes turned into the normalised text extractors read.

    ``name`` is the file name (no folders), what position records cite as
    ``source``. ``reader`` names the reader and the library version used.
    ``pages`` maps the text back to the original's pages: the offset in
    ``text`` where each page starts (empty for formats without pages).
    """

    path: Path
    name: str
    text: str
    sha256: str
    media_type: str
    encoding: str | None
    reader: str
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReadText:
    """What a reader hands back: the text, where each page starts in it, and how it was read."""

    text: str
    encoding: str | None
    reader: str
    page_starts: tuple[int, ...] = ()


class Reader(ABC):
    """Turns one file format's bytes into text.

    ``isolated`` readers run in a worker process with a time limit, because
    the libraries they use can hang or exhaust memory on hostile files.
    ``libraries`` are the modules ``read`` imports (a build that forks its
    readers imports them once, before it forks: ``build.work``).
    """

    suffixes: ClassVar[tuple[str, ...]]
    media_type: ClassVar[str]
    isolated: ClassVar[bool] = False
    libraries: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def read(self, path: Path, data: bytes) -> ReadText:
        """Return the document's text; raise ``InputError`` with a reason if it cannot."""
