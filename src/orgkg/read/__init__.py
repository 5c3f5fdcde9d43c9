"""Read: a file's bytes -> a ``Document`` with normalised text.

``READERS`` is the explicit suffix -> reader table. Every reader's text is
normalised the same way (``normalise_text``) before extractors see it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.base import Document, Reader
from orgkg.read.text import TextReader

READERS: dict[str, type[Reader]] = {
    suffix: cls for cls in (TextReader,) for suffix in cls.suffixes
}


def normalise_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no NULs or stray control characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


def read(path: Path) -> Document:
    """Read one file; raise ``InputError`` with a one-line reason if it cannot be."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r}",
                         f"orgkg reads {known}")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read the file: {err.strerror or err}") from None
    if not data.strip():
        raise InputError(str(path), "the file is empty")
    text, encoding, description = reader().read(path, data)
    text = normalise_text(text)
    if not text.strip():
        raise InputError(str(path), "no text in the document")
    return Document(
        path=path,
        name=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=reader.media_type,
        encoding=encoding,
        reader=description,
    )


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


__all__ = ["READERS", "Document", "Reader", "read", "supported"]
