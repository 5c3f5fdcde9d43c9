"""Where the ontology, shapes and queries live: in the installed package, or the checkout.

A wheel carries them under ``orgkg/_data/``; an editable install or a source
checkout reads them from the repository's top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``ontology``, ``shapes`` or ``queries``."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"orgkg's {name}/ folder is missing from this installation")


def ontology_path() -> Path:
    return data_dir("ontology") / "orgkg.ttl"
