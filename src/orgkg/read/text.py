"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16, legacy code pages.

Encodings are decided, never guessed silently: a BOM or valid UTF-8 is
certain; otherwise charset-normalizer must be sure enough (``MIN_COHERENCE``)
or the file is refused with a message saying so.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.base import Reader

MIN_COHERENCE = 0.5
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was decoded with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or (1.0 - best.chaos) < MIN_COHERENCE:
        raise InputError(str(path), "cannot tell the text's encoding",
                         "save it as UTF-8 and build again")
    return str(best), best.encoding


class TextReader(Reader):
    suffixes = (".txt", ".text", ".md", ".markdown")
    media_type = "text/plain"

    def read(self, path: Path, data: bytes) -> tuple[str, str | None, str]:
        import charset_normalizer

        text, encoding = decode(path, data)
        return text, encoding, f"orgkg.read.text (charset-normalizer {charset_normalizer.__version__})"
