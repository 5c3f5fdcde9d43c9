"""A build into a folder holding an earlier build reads only what changed, and gives what a full
build of the same inputs gives: the graph files byte for byte, and every command's output.

Each scenario builds a folder, changes the inputs, builds again into it, and
compares with a full build of the changed inputs into a fresh folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from orgkg.build import BuildOptions, BuildReport, build
from orgkg.build.directory import FEW
from orgkg.errors import OutputError
from orgkg.graph import titles
from orgkg.graph.store import trig_text
from tests.conftest import ROOT, SAMPLES, run

REGISTER = ROOT / "tests" / "cases" / "register" / "english-title-line" / "register.csv"
IDENTITY = ROOT / "tests" / "cases" / "identity" / "mention-joins-described" / "documents"
COMMANDS = (["positions", "--format", "json"], ["query", "documents", "--format", "json"],
            ["query", "find-posts", "--param", "text=a", "--format", "json"],
            ["query", "span-of-control", "--format", "json"], ["validate", "--format", "json"],
            ["export", "--format", "nq"])


def outputs(out: Path) -> list[str]:
    """What every reading command prints for the folder, the folder's graphs as one TriG text and the
    title index's rows (their order is no answer's)."""
    with closing(sqlite3.connect(out / "current" / titles.FILE)) as db:
        pairs = sorted(db.execute("SELECT post, lower FROM title"))
    answers = [trig_text(out / "current"), json.dumps(pairs)]
    for args in COMMANDS:
        result = run(*args, "--graph", str(out))
        answers.append(result.stdout.replace(str(out), "OUT"))
    return answers


def edit(folder: Path) -> None:
    doc = folder / "002_98d24b394b33c00d.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Ministry: Health", "Ministry: Wellness"),
                   encoding="utf-8")


def text_added(folder: Path) -> None:  # a document with mentions changes; the posts it offers do not
    doc = folder / "000_90ea68258074114b.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nReviews risk assessments.\n", encoding="utf-8")


def retitle(folder: Path) -> None:  # a numbered post's title: the title index and the directory change
    doc = folder / "004_537286d98502ce55.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Computer Information System Manager\t",
                                                           "Acting Computer Information System Manager\t"),
                   encoding="utf-8")


def add(folder: Path) -> None:
    shutil.copy(IDENTITY / "officer.txt", folder / "officer.txt")


def delete(folder: Path) -> None:
    (folder / "003_12d5e8fc9094d42c.txt").unlink()


def rename(folder: Path) -> None:
    (folder / "004_537286d98502ce55.txt").rename(folder / "montana.txt")


def register_row(folder: Path) -> None:
    reg = folder / "register.csv"
    reg.write_text(reg.read_text(encoding="utf-8").replace("Range 18", "Range 19"), encoding="utf-8")


def same_name_elsewhere(folder: Path) -> None:  # two inputs now share a name: both get new IRIs
    (folder / "sub").mkdir()
    shutil.copy(IDENTITY / "officer.txt", folder / "sub" / "001_8ba5af5d962b80b0.txt")


SCENARIOS: dict[str, tuple[Callable[[Path], None], int, int, int]] = {
    # change: (reused, read, removed) of the second build
    "edit": (edit, 5, 1, 1),
    "text-added": (text_added, 5, 1, 1),
    "title": (retitle, 5, 1, 1),
    "add": (add, 6, 1, 0),
    "delete": (delete, 5, 0, 1),
    "rename": (rename, 5, 1, 1),
    "register-row": (register_row, 5, 1, 1),
    "same-name-elsewhere": (same_name_elsewhere, 5, 2, 1),
}


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The inputs (the samples and a register) and a folder built from them."""
    base = tmp_path_factory.mktemp("incremental")
    inputs = base / "inputs"
    shutil.copytree(SAMPLES, inputs)
    shutil.copy(REGISTER, inputs / "register.csv")
    report = build([inputs], base / "out")
    assert not report.incremental and len(report.read) == 6 and report.trig is not None
    return inputs, base / "out"


@pytest.mark.parametrize("name", SCENARIOS)
def test_an_incremental_build_gives_what_a_full_build_gives(first: tuple[Path, Path], name: str,
                                                           tmp_path: Path) -> None:
    change, reused, read, removed = SCENARIOS[name]
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(first[0], inputs)
    shutil.copytree(first[1], out, symlinks=True)
    change(inputs)
    again = build([inputs], out)
    full = build([inputs], tmp_path / "full")
    assert again.incremental and not full.incremental
    assert (len(again.reused), len(again.read), len(again.removed)) == (reused, read, removed)
    assert outputs(out) == outputs(tmp_path / "full")
    assert [o.path for o in again.outcomes] == [o.path for o in full.outcomes]


def test_a_document_whose_mention_now_names_a_post_is_read_again(tmp_path: Path) -> None:
    """The officer's supervisor is only a mention until the director's document arrives: then the
    officer's graph joins it, and only the officer is read again besides the new document."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(IDENTITY / "officer.txt", inputs)
    build([inputs], tmp_path / "out")
    shutil.copy(IDENTITY / "director.txt", inputs)
    again = build([inputs], tmp_path / "out")
    assert (len(again.reused), len(again.read)) == (0, 2)
    build([inputs], tmp_path / "full")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")


def test_the_report_says_what_each_input_gave_and_how_long_each_step_took(tmp_path: Path) -> None:
    (tmp_path / "notes.xyz").write_text("not a document", encoding="utf-8")
    shutil.copy(SAMPLES / "000_90ea68258074114b.txt", tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    report: BuildReport = build([tmp_path], tmp_path.parent / f"{tmp_path.name}-out",
                                BuildOptions(incremental=False))
    statuses = {Path(o.path).name: o.status for o in report.outcomes}
    assert statuses == {"000_90ea68258074114b.txt": "ok", "empty.txt": "failed", "notes.xyz": "skipped"}
    assert report.problems and report.graphs == 2  # the document and the derived structure
    assert report.positions == 11 and report.triples == report.outcomes[0].triples
    assert set(report.seconds) == {"hash", "read", "join", "write", "publish"}
    assert report.trig is not None and report.trig.is_dir()


def test_a_build_by_other_code_is_not_reused(first: tuple[Path, Path], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    shutil.copytree(first[1], out, symlinks=True)
    monkeypatch.setattr("orgkg.build.state.fingerprint", lambda: "another orgkg")
    again = build([first[0]], out)
    assert not again.incremental and len(again.read) == 6


def test_an_input_whose_size_time_and_inode_are_unchanged_is_not_hashed_again(tmp_path: Path) -> None:
    """The stat is only a cache key for the SHA-256: an edit that keeps the file's size and puts its
    modification time back is not seen (as by make), unless the file changed within two seconds
    before the build that saw it (then the next build hashes it again)."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name in ("000_90ea68258074114b.txt", "001_8ba5af5d962b80b0.txt"):
        shutil.copy(SAMPLES / name, inputs / name)
    old, recent = inputs / "000_90ea68258074114b.txt", inputs / "001_8ba5af5d962b80b0.txt"
    os.utime(old, ns=(0, 1_000_000_000))  # long ago
    build([inputs], tmp_path / "out")

    def same_size_edit(path: Path) -> None:
        before = path.stat()
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Director", "Directer"), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert path.stat().st_size == before.st_size and path.stat().st_ino == before.st_ino

    same_size_edit(old)
    same_size_edit(recent)
    again = build([inputs], tmp_path / "out")
    assert again.reused == (str(old),) and again.read == (str(recent),)
    old.touch()  # a new modification time: hashed again, and read
    assert build([inputs], tmp_path / "out").read == (str(old),)


def test_a_damaged_part_of_the_build_before_is_one_error_and_a_full_build_mends_it(tmp_path: Path) -> None:
    """A file of ``parts/`` changed by hand: the build stops with one error naming it and saying to
    build again with ``--full`` (the folder keeps its build); the full build succeeds."""
    inputs = tmp_path / "inputs"
    shutil.copytree(SAMPLES, inputs)
    shutil.copy(REGISTER, inputs / "register.csv")
    out = tmp_path / "out"
    build([inputs], out)
    kept = trig_text(out / "current")
    damaged = sorted((out / "current" / "parts").iterdir())
    assert damaged
    for file in damaged:
        file.write_text("{damaged", encoding="utf-8")
    edit(inputs)
    with pytest.raises(OutputError) as stopped:
        build([inputs], out)
    assert stopped.value.where in {str(f.resolve()) for f in damaged} | {str(f) for f in damaged}
    assert "--full" in str(stopped.value) and trig_text(out / "current") == kept
    assert len(build([inputs], out, BuildOptions(incremental=False)).read) == 6


def _packs(out: Path) -> dict[str, tuple[int, int]]:
    """The pack files of the current build's parts/: name -> (inode, size)."""
    return {f.name: (f.stat().st_ino, f.stat().st_size) for f in (out / "current" / "parts").iterdir()}


def test_a_build_that_changed_one_document_writes_the_parts_of_that_document_only(
        first: tuple[Path, Path], tmp_path: Path) -> None:
    """The parts the next build needs (reporting lines, posts, titles, offers ...) are kept in packs:
    the build before's pack is linked, not copied, and the new pack holds the changed document's
    parts only; ``sources.json`` holds none of them."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(first[0], inputs)
    shutil.copytree(first[1], out, symlinks=True)
    before = _packs(out)
    assert len(before) == 1
    text_added(inputs)
    again = build([inputs], out)
    written = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert written == [json.loads(json.dumps(vars(o))) for o in again.outcomes]  # kept lines as they were
    after = _packs(out)
    (kept, (inode, size)), = before.items()
    new = {name: st for name, st in after.items() if name != kept}
    assert after[kept][0] == inode and len(new) == 1
    assert 0 < next(iter(new.values()))[1] < size
    assert b'"offers"' not in (out / "current" / "sources.json").read_bytes()
    build([inputs], tmp_path / "full")
    assert outputs(out) == outputs(tmp_path / "full")


def test_a_pack_the_build_uses_less_than_half_of_is_written_again(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Packs do not pile up: one mostly unused is not linked (the parts still used are copied into
    the new pack), and at most ``PACKS`` are."""
    inputs = tmp_path / "inputs"
    shutil.copytree(SAMPLES, inputs)
    out = tmp_path / "out"
    build([inputs], out)
    first_pack = set(_packs(out))
    for doc in sorted(inputs.iterdir())[:4]:  # four of the five documents change
        doc.write_text(doc.read_text(encoding="utf-8") + "\nReviews risk assessments.\n", encoding="utf-8")
    build([inputs], out)
    assert not first_pack & set(_packs(out)) and len(_packs(out)) == 1
    monkeypatch.setattr("orgkg.build.state.PACKS", 1)
    for doc in sorted(inputs.iterdir())[:1]:
        doc.write_text(doc.read_text(encoding="utf-8") + "Advises on budgets.\n", encoding="utf-8")
        build([inputs], out)
    assert len(_packs(out)) == 2
    doc = sorted(inputs.iterdir())[1]
    doc.write_text(doc.read_text(encoding="utf-8") + "Advises on budgets.\n", encoding="utf-8")
    build([inputs], out)
    assert len(_packs(out)) == 2  # the largest linked; the other's parts copied into the new pack
    build([inputs], tmp_path / "full")
    assert outputs(out) == outputs(tmp_path / "full")


@pytest.mark.parametrize("damage", ["{damaged", ""])
def test_a_damaged_or_empty_state_file_makes_the_next_build_read_everything(
        first: tuple[Path, Path], tmp_path: Path, damage: str) -> None:
    """``sources.json`` cut short or emptied by hand: nothing is reused, and the build is a full one."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(first[0], inputs)
    shutil.copytree(first[1], out, symlinks=True)
    state = out / "current" / "sources.json"
    state.unlink()  # a hard link of the fixture's: replaced, not written through
    state.write_text(damage, encoding="utf-8")
    edit(inputs)
    again = build([inputs], out)
    assert not again.incremental or not again.reused
    assert len(again.read) == 6
    build([inputs], tmp_path / "full")
    assert outputs(out) == outputs(tmp_path / "full")


AMBIGUOUS = ROOT / "tests" / "cases" / "identity" / "mention-stays-ambiguous" / "documents"
OPERATIONS = "Position Title: Director, Program Operations"


@pytest.mark.parametrize("few", [FEW, 0])  # what changed looked for in the kept parts, or not
@pytest.mark.parametrize(("steps", "ambiguous"), [
    ([("director-east.txt", "Regional")], [False]),  # the officer's supervisor joins the Atlantic director
    ([("director-east.txt", "Regional"), ("director-east.txt", "Program")], [False, True]),  # unjoined
    ([("director-atlantic.txt", "Atlantic"), ("director-east.txt", "Regional")], [False, False]),  # none fits
])
def test_a_retitled_post_joins_and_unjoins_mentions_as_a_full_build_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: list[tuple[str, str]],
        ambiguous: list[bool], few: int) -> None:
    """The officer's supervisor ("Director, Program Operations") fits two directors: it stays its own
    node. A director retitled changes the directory mentions are joined through: each build into the
    folder gives what a full build gives (the mention joined, ambiguous again, or joined to none),
    and patches the title index instead of writing it whole. The directory is made again only where
    the retitled post's offers are, or (``few`` 0) whole: the same graph."""
    monkeypatch.setattr("orgkg.build.directory.FEW", few)
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(AMBIGUOUS, inputs)
    build([inputs], out)
    patched: list[bool] = []
    patch = titles.patch_pairs
    monkeypatch.setattr(titles, "patch_pairs", lambda *a, **k: patched.append(patch(*a, **k)) or patched[-1])
    for i, ((name, word), possibly) in enumerate(zip(steps, ambiguous, strict=True)):
        doc = inputs / name
        text = doc.read_text(encoding="utf-8").split("\n", 1)[1]
        doc.write_text(f"Position Title: Director, {word} Operations\n{text}", encoding="utf-8")
        again = build([inputs], out)
        full = tmp_path / f"full-{i}"
        build([inputs], full)
        assert again.incremental and outputs(out) == outputs(full)
        assert ("possiblySamePostAs" in trig_text(out / "current")) == possibly
        assert str(inputs / "officer.txt") in again.read  # its mention resolves otherwise: read again
    assert patched == [True] * len(steps)
