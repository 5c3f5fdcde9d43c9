"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16, legacy code pages.

Encodings are decided, never guessed silently: a BOM, valid UTF-8 or clean
BOM-less UTF-16 is certain; otherwise charset-normalizer must be sure enough
(``MIN_COHERENCE``) or the file is refused with a message saying so. Latin-1
decodes any bytes at all, so it is never a fallback.
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText

MIN_COHERENCE = 0.9
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not valid {encoding} text at byte {err.start}",
                         "save it as UTF-8 and build again") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL (ASCII-range text), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was decoded with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(path, data, encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(path, data, utf16), utf16
    return _legacy(path, data)


def _legacy(path: Path, data: bytes) -> tuple[str, str]:
    """A legacy code page, only when charset-normalizer finds it coherent.

    Among coherent candidates, the Western code pages job descriptions use win
    when they give the same text: ISO-8859-1 when no byte falls in 0x80-0x9F
    (where it has only control codes), Windows-1252 otherwise.
    """
    from charset_normalizer import from_bytes

    candidates = [m for m in from_bytes(data) if m.encoding and 1.0 - m.chaos >= MIN_COHERENCE]
    if not candidates:
        raise InputError(str(path), "undecodable text: not UTF-8, UTF-16 or a legacy code page "
                         "orgkg can tell with confidence", "save it as UTF-8 and build again")
    texts = {str(m) for m in candidates}
    western = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin_1"
    try:
        text = data.decode(western)
    except UnicodeDecodeError:
        text = None
    if text is not None and (text in texts or any(m.encoding == western for m in candidates)):
        return text, "windows-1252" if western == "cp1252" else "iso-8859-1"
    best = candidates[0]
    return str(best), best.encoding


class TextReader(Reader):
    suffixes = (".txt", ".text", ".md", ".markdown")
    media_type = "text/plain"

    def read(self, path: Path, data: bytes) -> ReadText:
        import charset_normalizer

        text, encoding = decode(path, data)
        version = charset_normalizer.__version__
        return ReadText(unescaped(text), encoding, f"orgkg.read.text (charset-normalizer {version})")


#: a character reference closed by its semicolon: ``&amp;``, ``&#39;``, ``&#x2019;`` (a bare ``&not`` in
#: ``&notes`` is no reference).
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescaped(text: str) -> str:
    """Text scraped from a web page keeps the page's character references (``Clerk &amp; Recorder``,
    ``State&#39;s Office``): each is the character it stands for; one that names none stays as written."""
    return REFERENCE.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text
