"""Read: a file's bytes -> a ``Document`` with normalised text, under explicit guards.

``READERS`` is the explicit suffix -> reader table. Before any reader runs,
``read`` checks the file is a regular, readable file under the size cap, not
empty, and that its first bytes do not say it is something else (an image or
archive renamed). Every reader's text is normalised the same way
(``normalise_text``), page by page, so the page map stays true.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.base import Document, Reader, ReadText
from orgkg.read.docx import DocxReader
from orgkg.read.files import load_bytes
from orgkg.read.html import HtmlReader
from orgkg.read.limits import Limits
from orgkg.read.pdf import PdfReader
from orgkg.read.rtf import RtfReader
from orgkg.read.sniff import looks_binary, sniff
from orgkg.read.text import TextReader
from orgkg.read.worker import Worker

_CLASSES: tuple[type[Reader], ...] = (TextReader, HtmlReader, DocxReader, PdfReader, RtfReader)
READERS: dict[str, type[Reader]] = {suffix: cls for cls in _CLASSES for suffix in cls.suffixes}
#: What the magic bytes of each reader's own format look like (see ``sniff``).
EXPECTED: dict[type[Reader], tuple[str, ...]] = {
    DocxReader: ("a ZIP archive (a Word .docx or other Office file is one)", "an empty ZIP archive"),
    PdfReader: ("a PDF document",),
    RtfReader: ("an RTF document",),
}


#: a lone UTF-16 surrogate: a code point, no character.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no NULs or stray control characters; a lone UTF-16 surrogate (a
    PDF's character map may give one) is U+FFFD, the character no reader could read: no UTF-8 text,
    file or graph holds it."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text))


def _screen(path: Path, reader: type[Reader], data: bytes) -> None:
    if not data.strip():
        raise InputError(str(path), "empty: the file holds only white space")
    kind = sniff(data)
    expected = EXPECTED.get(reader, ())
    if kind is not None and kind not in expected:
        what = f"{kind}, not {reader.media_type}" + (" (renamed?)" if not expected else "")
        raise InputError(str(path), f"binary file: {what}" if not expected else f"wrong format: {what}")
    if not expected and looks_binary(data):
        raise InputError(str(path), "binary file: NUL bytes in what should be text")


def _pages(read: ReadText) -> tuple[str, tuple[int, ...]]:
    """Normalise page by page, so the page starts still point at their pages."""
    if not read.page_starts:
        return normalise_text(read.text), ()
    bounds = [*read.page_starts, len(read.text)]
    parts = [normalise_text(read.text[a:b]) for a, b in itertools.pairwise(bounds)]
    starts, offset = [], 0
    for part in parts:
        starts.append(offset)
        offset += len(part)
    return "".join(parts), tuple(starts)


def read(path: Path, limits: Limits | None = None, worker: Worker | None = None) -> Document:
    """Read one file; raise ``InputError`` with a one-line reason if it cannot be.

    Readers marked ``isolated`` run in ``worker`` (with the time limit) when one is given.
    """
    limits = limits or Limits()
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r}",
                         f"orgkg reads {known}")
    data = load_bytes(path, limits)
    _screen(path, reader, data)
    if reader.isolated and worker is not None:
        result = worker.read(reader, path, data, limits.timeout)
    else:
        result = reader().read(path, data)
    text, pages = _pages(result)
    if not text.strip():
        raise InputError(str(path), "no text in the document")
    return Document(
        path=path, name=path.name, text=text, sha256=hashlib.sha256(data).hexdigest(),
        media_type=reader.media_type, encoding=result.encoding, reader=result.reader, pages=pages,
    )


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


__all__ = ["READERS", "Document", "Limits", "Reader", "Worker", "load_bytes", "read", "supported"]
