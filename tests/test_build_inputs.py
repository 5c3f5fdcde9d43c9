"""What the build takes as input: links out of the folder, one content under two names, file names
and library chatter that must not reach the terminal raw."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from orgkg.graph.store import trig_text
from tests.conftest import SAMPLES, run
from tests.support.badinputs import MAKERS, SAMPLE_TEXT

SAMPLE = SAMPLES / "004_537286d98502ce55.txt"


def test_a_link_out_of_the_folder_is_skipped_unless_follow_links(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text(SAMPLE_TEXT, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(SAMPLE, docs / "job.txt")
    (docs / "link.txt").symlink_to(outside)
    (docs / "inside.txt").symlink_to(docs / "job.txt")  # inside the folder: followed (and the same file)
    (docs / "sub").symlink_to(outside.parent, target_is_directory=True)

    result = run("build", str(docs), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert (f"{docs / 'link.txt'}: skipped, a symbolic link out of the folder (to {outside}); "
            "pass --follow-links to read it") in result.stderr
    assert f"{docs / 'sub'}: skipped, a symbolic link out of the folder" in result.stderr
    assert "Records Clerk" not in trig_text(tmp_path / "out" / "current")

    followed = run("build", str(docs), "--out", str(tmp_path / "followed"), "--follow-links")
    assert followed.exit_code == 0, followed.stderr
    assert "Records Clerk" in trig_text(tmp_path / "followed" / "current")


def test_the_same_content_under_two_names_is_one_source(tmp_path: Path) -> None:
    docs, single = tmp_path / "docs", tmp_path / "single"
    docs.mkdir()
    single.mkdir()
    shutil.copyfile(SAMPLE, docs / "a.txt")
    shutil.copyfile(SAMPLE, docs / "b.txt")
    shutil.copyfile(SAMPLE, single / "a.txt")
    twice = run("build", str(docs), "--out", str(tmp_path / "twice"))
    once = run("build", str(single), "--out", str(tmp_path / "once"))
    assert twice.exit_code == once.exit_code == 0, twice.stderr
    assert trig_text(tmp_path / "twice/current") == trig_text(tmp_path / "once/current")
    (line,) = [ln for ln in twice.stderr.splitlines() if ln.startswith(f"{docs / 'b.txt'}: ")]
    assert f"same content as {docs / 'a.txt'} (SHA-256 " in line and "one source, read once" in line
    report = json.loads((tmp_path / "twice/build-report.json").read_text(encoding="utf-8"))
    assert [(r["status"], r["same_content"]) for r in report] == [("ok", [str(docs / "b.txt")]),
                                                                 ("duplicate", [])]
    findings = [run("validate", "--graph", str(tmp_path / x), "--format", "json").stdout
                for x in ("twice", "once")]
    assert findings[0] == findings[1]


def test_a_pdf_librarys_warnings_never_reach_standard_error(tmp_path: Path) -> None:
    MAKERS["pdf-library-warning"](tmp_path / "job.pdf")
    done = subprocess.run([sys.executable, "-m", "orgkg", "build", str(tmp_path / "job.pdf"), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"{tmp_path / 'job.pdf'}: "), lines
    assert "invalid float value" not in done.stderr


def test_control_characters_in_a_folder_name_are_escaped_in_errors(tmp_path: Path) -> None:
    folder = tmp_path / "out\n\x1b[31mred"
    result = run("positions", "--graph", str(folder))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "\\n\\x1b[31mred: no such graph folder" in line and "\x1b" not in line


def test_a_file_name_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9\n.txt")
    (tmp_path / name).write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "orgkg", "build", str(tmp_path / name), "--out",
                             str(tmp_path / "out")], capture_output=True, check=False)
    assert result.returncode == 1
    lines = result.stderr.decode("utf-8").splitlines()
    assert lines[0].endswith("caf\\xe9\\n.txt: zero bytes: the file is empty"), lines
    assert len(lines) == 2
