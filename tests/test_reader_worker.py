"""The reader worker is fenced in: time limit over all reading, dies with the build, CPU and memory
capped, and leaves no temporary files behind, even when it is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orgkg.read import Limits
from orgkg.read.html import HtmlReader
from orgkg.read.worker import Ahead, Worker
from tests.support.badinputs import scanned_pdf
from tests.support.faults import sigint_as_a_terminal_leaves_it
from tests.test_output_folder import _children, _wait_for_child

#: ``html.parser`` is quadratic on a run of unclosed tags: 10,000 of them take about 30 s.
SLOW_HTML = "<a " * 10_000


def orgkg(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "orgkg", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_time_limit_covers_reading_html_and_states_the_real_limit(tmp_path: Path) -> None:
    (tmp_path / "slow.html").write_text(SLOW_HTML, encoding="utf-8")
    start = time.monotonic()
    proc = orgkg("build", str(tmp_path / "slow.html"), "--out", str(tmp_path / "out"), "--timeout", "2")
    _, err = proc.communicate(timeout=120)
    assert time.monotonic() - start < 15
    assert proc.returncode == 1
    assert f"{tmp_path / 'slow.html'}: " in err
    assert "took longer than the time limit of 2 s (raise it with --timeout)" in err


def test_the_worker_dies_with_a_killed_build_and_is_capped(tmp_path: Path) -> None:
    (tmp_path / "slow.html").write_text("<a " * 40_000, encoding="utf-8")
    build = orgkg("build", str(tmp_path / "slow.html"), "--out", str(tmp_path / "out"))
    try:
        assert _wait_for_child(build.pid), "no reader worker started"
        time.sleep(1.0)  # the worker is now parsing
        (worker,) = [c for c in _children(build.pid)
                     if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        limits = Path(f"/proc/{worker}/limits").read_text()
        cpu = next(ln for ln in limits.splitlines() if ln.startswith("Max cpu time")).split()
        memory = next(ln for ln in limits.splitlines() if ln.startswith("Max address space")).split()
        assert cpu[3] != "unlimited" and int(cpu[3]) <= 60 + 5 + 10
        assert int(memory[3]) == 4 * 1024**3
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=10)
        end = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < end:
            time.sleep(0.1)
        assert not _alive(worker), "the reader worker outlived the build"
    finally:
        if build.poll() is None:
            build.kill()


def test_ocr_page_images_and_tesseract_are_gone_after_a_time_out(tmp_path: Path) -> None:
    """Tesseract is not installed here: a stand-in program that hangs as a stuck OCR would
    (a shell script named ``tesseract`` on PATH) shows the clean-up. The real one takes the same path."""
    bin_dir, tmp = tmp_path / "bin", tmp_path / "tmp"
    bin_dir.mkdir()
    tmp.mkdir()
    pid_file = tmp_path / "tesseract.pid"
    fake = bin_dir / "tesseract"
    fake.write_text('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "tesseract 5 (stand-in)"; exit 0; fi\n'
                    f'echo $$ > {pid_file}\nexec sleep 300\n', encoding="utf-8")
    fake.chmod(0o755)
    scanned_pdf(tmp_path / "scan.pdf")
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "TMPDIR": str(tmp)}
    proc = orgkg("build", str(tmp_path / "scan.pdf"), "--out", str(tmp_path / "out"), "--timeout", "15",
                 env=env)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "took longer than the time limit of 15 s" in err
    assert pid_file.is_file(), "the OCR program never ran"
    end = time.monotonic() + 5
    while _alive(int(pid_file.read_text())) and time.monotonic() < end:
        time.sleep(0.1)
    assert not _alive(int(pid_file.read_text())), "Tesseract outlived its worker"
    assert list(tmp.iterdir()) == []


def test_a_forking_build_imports_the_libraries_its_inputs_need_once_before_it_forks() -> None:
    # Only those of the suffixes given (a text-only build imports neither), whatever their case.
    code = ("import sys; from orgkg.build.work import preload; preload({'.PDF', '.txt'}); "
            "print('pdfplumber' in sys.modules, 'docx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]


def test_a_text_read_ahead_answers_the_next_read_of_the_same_bytes_only(tmp_path: Path) -> None:
    """A build reads its PDF and Word files ahead while its first document compiles the rules; what
    was read ahead answers the read of those bytes, without the worker, and only of those."""
    page, other, empty = tmp_path / "page.html", tmp_path / "other.html", tmp_path / "empty.html"
    page.write_text("<h1>Director</h1><p>Reports to the Minister.</p>", encoding="utf-8")
    other.write_text("<h1>Clerk</h1>", encoding="utf-8")
    empty.write_bytes(b"")
    readers = {"HtmlReader": HtmlReader}
    ahead = Ahead(readers, [("HtmlReader", empty), ("HtmlReader", page)], Limits())
    ahead.process.join(timeout=60)  # both files tried (an empty file is left to the build to tell)
    done = ahead.stop()
    assert list(done) == [page] and not Path(ahead.tmp).exists()
    worker = Worker(readers, fork=True)
    try:
        worker.primed, data = done[page], page.read_bytes()
        assert worker.read(HtmlReader, page, data, 60) == HtmlReader().read(page, data)
        assert worker.process is None  # answered without the worker
        worker.primed = done[page]
        assert worker.read(HtmlReader, other, other.read_bytes(), 60).text == "Clerk"
        assert worker.primed is None
    finally:
        worker.close()


def test_a_forking_build_reads_its_first_documents_itself_while_files_are_read_ahead(tmp_path: Path) -> None:
    """Before it forks its pool, the build's process reads its first document, then the next ones for as
    long as the PDF, Word and HTML files are read ahead on the other core (at most a quarter of its
    own): the patterns their rules build on first use are built once, not in each pool process. Every
    document's piece still comes in input order. Run in a fresh interpreter: a build forks only from a
    single-threaded process, which the test session's is not once a store or server test has run."""
    texts = [tmp_path / f"analyst-{i:02}.txt" for i in range(16)]
    for i, path in enumerate(texts):
        path.write_text(f"Position title: Analyst {i}\nReports to: Director, Planning\n", encoding="utf-8")
    slow = tmp_path / "slow.html"
    slow.write_text("<a " * 5000, encoding="utf-8")  # html.parser is quadratic on it: about two seconds
    code = """
import json, sys
from pathlib import Path
from orgkg.build.work import Job, Readers, start_method
from orgkg.read import Limits
assert start_method() == "fork", "a fresh interpreter runs one thread"
paths = [Path(p) for p in sys.argv[1:]]
jobs = [Job(path, path.name, False, Limits(), None) for path in paths]
with Readers(jobs, 2) as readers:
    before = [job.path.name for job in jobs if id(job) in readers.ahead]
    pieces = list(readers.read(jobs))
print(json.dumps({"before": before, "order": [Path(p.outcome.path).name for p in pieces],
                  "status": {Path(p.outcome.path).name: p.outcome.status for p in pieces}}))
"""
    order = [texts[0], slow, *texts[1:]]
    done = subprocess.run([sys.executable, "-c", code, *map(str, order)], capture_output=True, text=True,
                          check=True, timeout=120)
    seen = json.loads(done.stdout)
    assert seen["before"] == [path.name for path in texts[:4]]
    assert seen["order"] == [path.name for path in order]
    assert all(status == "ok" for name, status in seen["status"].items() if name != slow.name)


def _ctrl_c_mask(pid: int) -> dict[str, bool]:
    """Whether Ctrl-C (SIGINT) is blocked, ignored or caught in a process, from /proc."""
    status = dict(line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                  if ":\t" in line)
    bit = 1 << (signal.SIGINT - 1)
    return {key: bool(int(status[f"Sig{key}"], 16) & bit) for key in ("Blk", "Ign", "Cgt")}


def test_the_worker_never_takes_ctrl_c_while_it_starts() -> None:
    """From its first instant until it is fenced in, a reader worker ignores Ctrl-C: a Ctrl-C
    that comes while it still imports orgkg (seconds on a loaded machine) is answered by the build
    alone, never with a traceback from the worker (CI once failed on it)."""
    from orgkg.build.work import _reader_worker

    def fenced(pid: int) -> bool:  # its last act before serving: standard error to /dev/null
        return os.readlink(f"/proc/{pid}/fd/2") == os.devnull

    worker = _reader_worker()
    try:
        worker._start()
        pid = worker.process.pid
        seen: list[dict[str, bool]] = []
        end = time.monotonic() + 60
        while time.monotonic() < end and not (seen and fenced(pid)):
            seen.append(_ctrl_c_mask(pid))
        assert seen and fenced(pid), "the worker never came to be fenced in"
        assert all(mask["Ign"] for mask in seen), [mask for mask in seen if not mask["Ign"]][:3]
        assert not _ctrl_c_mask(os.getpid())["Blk"]  # the build holds nothing back once it is started
    finally:
        worker.kill()


def test_a_ctrl_c_while_a_worker_starts_is_answered_once_it_is_started() -> None:
    code = ("import os, signal, time\n"
            "from orgkg.read.limits import born_deaf_to_ctrl_c\n"
            "with born_deaf_to_ctrl_c():\n"
            "    os.kill(os.getpid(), signal.SIGINT)\n"
            "    time.sleep(0.2)\n"
            "    print('started', flush=True)\n"
            "print('Ctrl-C lost')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          preexec_fn=sigint_as_a_terminal_leaves_it)
    assert done.stdout == "started\n"
    assert done.stderr.strip().endswith("KeyboardInterrupt")


def test_the_build_pool_waits_on_its_change_notifier_and_else_on_what_the_standard_pool_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's pool (``_Pool``) overrides a private method of ``multiprocessing``'s pool: with
    this Python's pool it drops the results' pipe from what its worker handler waits on; were the
    standard pool to wait on anything else (another Python), it waits on that, and still works."""
    import multiprocessing
    from multiprocessing.pool import Pool

    from orgkg.build.work import _Pool

    with _Pool(1) as pool:
        assert pool._get_sentinels() == [pool._change_notifier._reader]  # type: ignore[attr-defined]
        assert pool.map(abs, [-1, -2]) == [1, 2]
    other, _ = multiprocessing.Pipe(duplex=False)  # something else to wait on
    monkeypatch.setattr(Pool, "_get_sentinels", lambda self: [self._change_notifier._reader, other])
    with _Pool(1) as pool:
        assert pool._get_sentinels() == [pool._change_notifier._reader, other]  # type: ignore[attr-defined]
        assert pool.map(abs, [-1, -2]) == [1, 2]
