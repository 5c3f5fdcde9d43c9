"""Validation engines, by name: ``fast`` (set-based, in the store) and ``pyshacl`` (the reference)."""

from __future__ import annotations

from orgkg.validate.engine.base import Engine
from orgkg.validate.engine.fast import FastEngine
from orgkg.validate.engine.plain import PlainEngine

ENGINES: dict[str, type[Engine]] = {"fast": FastEngine, "pyshacl": PlainEngine}

__all__ = ["ENGINES", "Engine", "FastEngine", "PlainEngine"]
