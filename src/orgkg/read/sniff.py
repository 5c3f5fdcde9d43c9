"""What a file really is, from its first bytes: never trust the suffix alone.

``sniff`` names the kind of a file whose magic bytes say it is binary (an
image, an archive, a program ...), or returns None for what may be text.
"""

from __future__ import annotations

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or other Office file is one)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-format or password-protected Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_RIFF = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}


def sniff(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like, or None."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            # "BM" and "MZ" are short: also demand a NUL byte early on.
            if len(magic) == 2 and magic != b"\x1f\x8b" and b"\x00" not in data[:64]:
                continue
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere in text that has no UTF-16/32 byte-order mark: binary, not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" not in data:
        return False
    # UTF-16 without a BOM: every other byte NUL, and nothing else.
    even, odd = data[0::2], data[1::2]
    return not (even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd))
