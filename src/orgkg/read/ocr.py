"""Scanned PDFs: Tesseract OCR when it is installed, a clear refusal when not.

Tesseract is Debian's ``tesseract-ocr`` package (run as the ``tesseract``
command). Pages are rendered with PDFium (pypdfium2) at 300 dpi.
The text then goes through the same loaders, whose OCR repairs apply.
The page images go to the worker's temporary folder, which the build removes
even when the worker is killed at its time limit; Tesseract dies with the worker.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from orgkg.errors import InputError
from orgkg.read.base import ReadText
from orgkg.read.limits import die_with_parent

DPI = 300


def tesseract() -> str | None:
    return shutil.which("tesseract")


def _version(exe: str) -> str:
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


def read_scanned(path: Path, pdf: Any) -> ReadText:
    """OCR every page of ``pdf`` (pypdfium2's); refuse when Tesseract is missing or finds nothing."""
    exe = tesseract()
    if exe is None:
        raise InputError(str(path), "scanned PDF without a text layer: it needs OCR",
                         "install Tesseract (apt-get install tesseract-ocr) and build again")
    texts, starts, offset = [], [], 0
    with tempfile.TemporaryDirectory(prefix="orgkg-ocr-") as tmp:
        for i in range(len(pdf)):
            image = Path(tmp) / f"page{i}.png"
            page = pdf[i]
            page.render(scale=DPI / 72).to_pil().save(image)
            page.close()
            done = subprocess.run([exe, str(image), "stdout"], capture_output=True, text=True,
                                  check=False, preexec_fn=die_with_parent)
            if done.returncode != 0:
                raise InputError(str(path), f"OCR failed on page {i + 1}: {done.stderr.strip()[:200]}")
            starts.append(offset)
            texts.append(done.stdout.rstrip() + "\n\n")
            offset += len(texts[-1])
    text = "".join(texts)
    if not text.strip():
        raise InputError(str(path), "scanned PDF: OCR found no text")
    return ReadText(text, None, f"orgkg.read.ocr ({_version(exe)})", tuple(starts))
