"""Shared fixtures: the bundled samples built once per test session."""

from __future__ import annotations

import shutil
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


def build_folder(folder: Path, out: Path) -> Path:
    """``orgkg build`` of the documents in ``folder`` into ``out``, which it returns once built."""
    result = run("build", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five bundled documents, built into a graph folder."""
    return build_folder(SAMPLES, tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def reasoned(tmp_path_factory: pytest.TempPathFactory, built: Path) -> Path:
    """The samples after `orgkg reason`: a copy of ``built`` with the inferred graph added."""
    if shutil.which("java") is None:
        pytest.skip("needs Java for orgkg reason (tools/system-deps.sh)")
    folder = tmp_path_factory.mktemp("reasoned") / "out"
    shutil.copytree(built, folder)
    result = run("reason", "--graph", str(folder))
    assert result.exit_code == 0, result.stderr
    return folder
