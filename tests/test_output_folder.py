"""The build's output folder: switched whole, locked, never someone else's, checked before reading.

The crash-consistency test kills the build (SIGKILL) at each of its file
operations in turn, through the test-only hook ``ORGKG_TEST_SIGNAL_AT_FILE_OP``
(``orgkg.graph.output.step``), and checks that every reading command then sees
the old build or the new one, never a mix, and that the next build succeeds.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from orgkg.graph.output import Output, resolve
from orgkg.graph.store import trig_text
from tests.conftest import SAMPLES, run
from tests.support.faults import Run, killed_at_each_operation, orgkg, sigint_as_a_terminal_leaves_it

Switch = tuple[Path, tuple[str, ...], tuple[str, ...]]
OLD = [SAMPLES / "001_8ba5af5d962b80b0.txt"]
NEW = [SAMPLES / "002_98d24b394b33c00d.txt", SAMPLES / "003_12d5e8fc9094d42c.txt"]


def build(out: Path, inputs: list[Path], *args: str, fault: str | None = None) -> Run:
    return orgkg("build", *map(str, inputs), "--out", str(out), "-q", *args, fault=fault)


def seen(out: Path) -> tuple[str, ...]:
    """What each reading command gives for ``out``: positions, documents, an export, the files."""
    answers = []
    for args in (["positions", "--format", "json"], ["query", "documents", "--format", "json"],
                 ["query", "find-posts", "--param", "text=a", "--format", "json"],
                 ["export", "--format", "nq"]):
        result = run(*args, "--graph", str(out))
        assert result.exit_code == 0, result.stderr
        answers.append(result.stdout)
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    answers.append(json.dumps([r["path"] for r in report]))
    answers.append(trig_text(out / "current"))
    return tuple(answers)


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> Switch:
    base = tmp_path_factory.mktemp("switch")
    for _ in range(2):  # two versions in the folder: the next build removes the older
        assert build(base / "old", OLD).returncode == 0
    assert build(base / "new", NEW).returncode == 0
    return base / "old", seen(base / "old"), seen(base / "new")


def test_killed_at_any_file_operation_the_folder_holds_the_old_build_or_the_new(
        before_and_after: Switch, tmp_path: Path) -> None:
    pristine, old, new = before_and_after

    def versions_kept(out: Path) -> None:
        assert len(list((out / "versions").iterdir())) <= 2

    outcomes = killed_at_each_operation(pristine, tmp_path, lambda out, fault: build(out, NEW, fault=fault),
                                        seen, old, new, check=versions_kept)
    assert len(outcomes) >= 8 and "before" in outcomes and "after" in outcomes, outcomes


def test_ctrl_c_is_one_line_exit_130_and_nothing_half_written(
        before_and_after: Switch, tmp_path: Path) -> None:
    pristine, old, _ = before_and_after
    for n in (1, 2, 3, 6):  # making the version, writing the graphs, the store, build.json
        out = tmp_path / f"out{n}"
        shutil.copytree(pristine, out, symlinks=True)
        interrupted = build(out, NEW, fault=f"INT:{n}")
        assert interrupted.returncode == 130
        assert interrupted.stderr.strip().splitlines() == [
            "orgkg: interrupted; nothing was left half-written"]
        assert seen(out) == old
        assert sorted(os.listdir(out / "versions")) == sorted(os.listdir(pristine / "versions"))


def test_ctrl_c_while_a_worker_reads_is_one_line(tmp_path: Path) -> None:
    slow = tmp_path / "slow.html"
    slow.write_text("<a " * 40_000, encoding="utf-8")  # html.parser is quadratic on it: minutes
    cmd = [sys.executable, "-m", "orgkg", "build", str(slow), "--out", str(tmp_path / "out")]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=sigint_as_a_terminal_leaves_it)
    try:
        assert _wait_for_child(proc.pid), "the build never started its reader"
        time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal does: the whole process group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["orgkg: interrupted; nothing was left half-written"]
    assert not (tmp_path / "out").exists()


def _wait_for_child(pid: int, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if _children(pid):
            return True
        time.sleep(0.1)
    return False


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def test_a_second_build_says_who_holds_the_folder_and_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Output.open(out):
        result = run("build", str(OLD[0]), "--out", str(out))
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"another orgkg build is writing here (process {os.getpid()} on " in line
    assert "pass --wait" in line
    assert str(OLD[0]) not in result.stderr  # refused before reading anything


def test_with_wait_the_second_build_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = Output.open(out)
    threading.Timer(1.0, first.close).start()
    start = time.monotonic()
    result = run("build", str(OLD[0]), "--out", str(out), "--wait")
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - start >= 0.9
    assert (out / "graphs").is_dir()


@pytest.mark.parametrize("theirs", ["store/data.bin", ".staging/precious.txt", "notes.txt"])
def test_a_folder_orgkg_did_not_make_is_never_replaced(theirs: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / theirs).parent.mkdir(parents=True, exist_ok=True)
    (out / theirs).write_text("the user's own data", encoding="utf-8")
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    result = run("build", str(OLD[0]), "--out", str(out))
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"orgkg: {out}: not an orgkg output folder (it has no .orgkg marker)")
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert (out / theirs).read_text(encoding="utf-8") == "the user's own data"


def test_a_users_file_in_an_orgkg_folder_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", str(OLD[0]), "--out", str(out)).exit_code == 0
    (out / "build-report.json").unlink()
    (out / "build-report.json").write_text("mine", encoding="utf-8")
    result = run("build", str(OLD[0]), "--out", str(out))
    assert result.exit_code == 2 and "is in the way and orgkg did not write it" in result.stderr
    assert (out / "build-report.json").read_text(encoding="utf-8") == "mine"


def test_the_output_folder_is_marked_and_an_empty_folder_is_adopted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert run("build", str(OLD[0]), "--out", str(out)).exit_code == 0
    assert (out / ".orgkg").is_file()
    assert run("build", str(OLD[0]), "--out", str(out)).exit_code == 0


@pytest.mark.parametrize(("option", "where", "message"), [
    ("--out", "a-file/out", "is a file, not a folder"),
    ("--out", "/proc/orgkg-out", "cannot be written"),
    ("--report", "a-file/run.json", "is a file, not a folder"),
    ("--report", "/proc/orgkg-run.json", "cannot be written"),
])
def test_an_unwritable_out_or_report_is_one_line_before_reading(
        option: str, where: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = where if where.startswith("/") else str(tmp_path / where)
    args = {"--out": str(tmp_path / "out"), "--report": None, option: target}
    result = run("build", str(OLD[0]), *[x for k, v in args.items() if v for x in (k, v)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"orgkg: {target}: ") and message in line
    assert not (tmp_path / "out").exists() or option == "--out"


READERS = [
    ["positions", "--format", "json"],
    ["query", "documents"],
    ["validate"],
    ["export", "--format", "nq"],
    ["chart", "--out", "{tmp}/chart.dot", "--no-findings"],
]


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("damaged") / "out"
    assert build(out, OLD).returncode == 0
    tables = sorted((out / "store").glob("*.sst"), key=lambda p: p.stat().st_size)
    with open(tables[-1], "r+b") as handle:
        handle.truncate(100)
    return out


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_damaged_store_is_one_line_naming_the_folder(command: list[str], damaged: Path,
                                                        tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = run(*args, "--graph", str(damaged))
    assert result.exit_code == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"orgkg: {damaged}: the store is damaged or unreadable")
    assert line.endswith("(rebuild with `orgkg build`)")


def test_a_stale_title_index_is_detected_not_zero_rows(tmp_path: Path) -> None:
    assert build(tmp_path / "a", OLD).returncode == 0
    assert build(tmp_path / "b", NEW).returncode == 0
    listing = ("query", "post-layers", "--graph", str(tmp_path / "a"), "--format", "csv")
    before = run(*listing).stdout
    stale = resolve(tmp_path / "a") / "titles.sqlite"
    shutil.copyfile(resolve(tmp_path / "b") / "titles.sqlite", stale)
    result = run("query", "find-posts", "--param", "text=a", "--graph", str(tmp_path / "a"))
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "the title index is not from the build beside it" in line and "rebuild with" in line
    after = run(*listing)  # a query the title index does not narrow never opens it
    assert after.exit_code == 0 and after.stdout == before and len(before.splitlines()) > 1
