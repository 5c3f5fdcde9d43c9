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
    """

    path: Path
    name: str
    text: str
    sha256: str
    media_type: str
    encoding: str | None
    reader: str


class Reader(ABC):
    """Turns one file format's bytes into text."""

    suffixes: ClassVar[tuple[str, ...]]
    media_type: ClassVar[str]

    @abstractmethod
    def read(self, path: Path, data: bytes) -> tuple[str, str | None, str]:
        """Return ``(text, encoding, reader description)``; raise ``InputError``."""
