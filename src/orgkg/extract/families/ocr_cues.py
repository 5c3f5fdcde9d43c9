"""OCR-tolerant patterns for the headings and labels a family's recogniser and rules read.

Scans confuse ``O``/``0``, ``I``/``l``/``1``/``|`` and ``S``/``5`` inside words, and
drop or double the spaces between words (``NATUREAND SC0PE``, ``POSITIONTITLE``).
``ocr("GENERAL ACCOUNTABILITY")`` is a pattern that still finds such a heading;
``ocr(..., case=True)`` keeps the phrase's case (upper-case headings only), with the
confusable letters matched in either case.
"""

from __future__ import annotations

import re

_CLASSES = {"O": "[O0]", "I": "[I1l|]", "L": "[L1l|I]", "S": "[S5]"}
_LOWER = {"o": "[o0O]", "i": "[i1lI|]", "l": "[l1I|]", "s": "[s5]"}


def ocr(phrase: str, *, case: bool = False) -> str:
    """``phrase`` as a regular expression tolerant of OCR confusions and lost spaces."""
    out: list[str] = []
    for word in phrase.split():
        chars = []
        for ch in word:
            if ch in _CLASSES:
                chars.append(_CLASSES[ch])
            elif ch in _LOWER:
                chars.append(_LOWER[ch])
            else:
                chars.append(re.escape(ch))
        out.append("".join(chars))
    body = r"\s*".join(out)
    return f"(?-i:{body})" if case else body


def fix_ocr_words(text: str) -> str:
    """Digits OCR put inside words back to letters: ``0ttawa`` -> ``Ottawa``, ``GR0UP`` -> ``GROUP``.

    Only a ``0`` that opens a word before letters (or ``&``), or sits between letters
    (``M0ncton``, ``P0SITI0N``), changes; numbers and codes such as ``EX-01``, ``2I`` or
    ``K1A 0B1`` are left to the number repairs.
    """
    text = re.sub(r"(?<![\w&])0(?=[A-Za-z]{2}|&[A-Z])", "O", text)
    text = re.sub(r"(?<=[A-Za-z])0(?=[a-z])", "o", text)
    return re.sub(r"(?<=[A-Z]{2})0(?=[A-Z])|(?<=[A-Z])0(?=[A-Z]{2})", "O", text)


def ocr_any(*phrases: str, case: bool = False) -> str:
    """Any of ``phrases``, each as ``ocr`` makes it."""
    return "|".join(ocr(p, case=case) for p in phrases)
