"""Shared fixtures: the bundled samples built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from orgkg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "documents"
SHARED = ROOT.parent / "shared"


def run(*args: str) -> Result:
    """Run the ``orgkg`` command in-process, standard error kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five bundled documents, built into a graph folder."""
    out = tmp_path_factory.mktemp("built")
    result = run("build", str(SAMPLES), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out
