"""`pip install` works outside the repository: the wheel carries ontology, shapes and queries."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_data_folders(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
           "--quiet", "-w", str(tmp_path), str(ROOT)]
    subprocess.run(cmd, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("orgkg-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "orgkg/_data/ontology/orgkg.ttl" in names
    assert "orgkg/_data/queries/register/positions.rq" in names
    assert "orgkg/cli/__init__.py" in names
    assert not any(n.startswith(("orgkg/_data/ontology/.", "tests/")) for n in names)
