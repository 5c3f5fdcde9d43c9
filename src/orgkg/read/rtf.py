"""Rich Text Format (``.rtf``), read with striprtf.

The code page comes from the document's ``\\ansicpgNNNN`` (Windows-1252 when
it names none). striprtf writes table cells ending in ``|``; those rows
become cells joined by tabs, as in the other readers.
"""

from __future__ import annotations

import re
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def _rows(text: str) -> str:
    lines = text.split("\n")
    return "\n".join("\t".join(ln[:-1].split("|")) if ln.endswith("|") else ln for ln in lines)


class RtfReader(Reader):
    suffixes = (".rtf",)
    media_type = "application/rtf"
    isolated = True  # striprtf is regular expressions over the whole file: keep a time limit on it
    libraries = ("striprtf.striprtf",)

    def read(self, path: Path, data: bytes) -> ReadText:
        from importlib.metadata import version

        from striprtf.striprtf import rtf_to_text

        if not data.lstrip().startswith(b"{\\rtf"):
            raise InputError(str(path), "not an RTF document: it does not start with {\\rtf")
        page = _CODEPAGE.search(data[:4096])
        encoding = f"cp{int(page.group(1))}" if page else "cp1252"
        try:
            text = str(rtf_to_text(data.decode("latin-1"), encoding=encoding,  # type: ignore[no-untyped-call]
                                   errors="strict"))
        except (LookupError, UnicodeDecodeError) as err:
            raise InputError(str(path), f"undecodable RTF text ({encoding}): {err}") from None
        return ReadText(_rows(text), encoding, f"orgkg.read.rtf (striprtf {version('striprtf')})")
