"""Web pages (``.html``, ``.htm``): the visible text, blocks on their own lines.

The standard library's ``html.parser`` reads the page; scripts, styles and
the head are dropped. List items are written ``• text``, table rows as
cells joined by tabs. The encoding is the BOM's, the page's own
``<meta charset>``, or decided as for plain text (``text.decode``).
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText
from orgkg.read.text import decode

BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol",
          "section", "article", "header", "footer", "blockquote", "pre", "dt", "dd", "hr", "title"}
HIDDEN = {"script", "style", "head", "noscript", "template", "svg"}
#: Python codecs that are no page encoding: ``undefined`` always fails, the escapes read markup as code.
_NOT_CHARSETS = {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode"}
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n")
            self.cells = 0
            if tag == "li":
                self.parts.append("• ")
        elif tag in ("td", "th"):
            if self.cells:
                self.parts.append("\t")
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    declared = _META.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii")
        if _text_encoding(name):
            try:
                return data.decode(name), name.lower()
            except UnicodeError:
                raise InputError(str(path), f"the page says it is {name} but is not valid {name}") from None
    # No charset, or one that is no text encoding ("undefined", "base64", a typo): decided as for text.
    return decode(path, data)


def _text_encoding(name: str) -> bool:
    """Whether a page's declared charset names a real text encoding Python can decode."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return bool(info._is_text_encoding) and info.name not in _NOT_CHARSETS


class HtmlReader(Reader):
    suffixes = (".html", ".htm", ".xhtml")
    media_type = "text/html"
    isolated = True  # html.parser is quadratic on some malformed markup: time-limited in the worker

    def read(self, path: Path, data: bytes) -> ReadText:
        text, encoding = _decode(path, data)
        parser = _Text()
        parser.feed(text)
        parser.close()
        lines = [ln.strip(" ") for ln in "".join(parser.parts).split("\n")]
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
        return ReadText(body, encoding, "orgkg.read.html (html.parser)")
