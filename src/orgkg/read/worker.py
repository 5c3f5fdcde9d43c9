"""A worker process for the readers whose libraries can hang or blow up (PDF, DOCX, RTF, HTML).

One process serves every document of a build (starting one per document
would cost more than reading most files); it is killed and replaced when a
document runs past its time limit or kills it. It is spawned (a fresh
interpreter, none of the starting process's memory) unless told to fork: a
build's pool process, small and single-threaded, forks its own at once. It
is fenced in:

- its address space is capped, so a decompression bomb fails there, not in the build;
- each job's CPU time is capped (``RLIMIT_CPU``), a second fence behind the wall-clock limit;
- it dies with the build (``PR_SET_PDEATHSIG``), even when the build is killed with SIGKILL;
- it ignores Ctrl-C (the build answers it), says nothing on standard error
  (library warnings would break the one line per file), and keeps its
  temporary files (OCR page images) in a folder the build removes.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing as mp
import os
import pickle
import resource
import shutil
import signal
import tempfile
import warnings
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText
from orgkg.read.files import load_bytes
from orgkg.read.limits import Limits, born_deaf_to_ctrl_c, child_of

MEMORY_CAP = 4 * 1024**3
#: CPU seconds a job may use beyond its wall-clock time limit before the kernel stops it.
CPU_MARGIN = 5
TEMP_PREFIX = "orgkg-worker-"


def _fence(parent: int, tmp: str) -> None:
    """Set the worker's limits before it reads anything."""
    child_of(parent)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    tempfile.tempdir = tmp
    os.environ["TMPDIR"] = tmp
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _cpu_cap(timeout: float) -> None:
    """Cap the CPU time of the next job: what was used so far, plus the time limit and a margin."""
    if timeout <= 0:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime + timeout) + CPU_MARGIN
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard),
                                                 hard))


def _serve(conn: Connection, readers: dict[str, type[Reader]], parent: int, tmp: str) -> None:
    _fence(parent, tmp)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        name, path, data, timeout = job
        _cpu_cap(timeout)
        try:
            conn.send(("ok", readers[name]().read(path, data)))
        except InputError as err:
            conn.send(("input", (err.what, err.hint)))
        except MemoryError:
            conn.send(("failed", "ran out of memory reading it (a decompression bomb?)"))
        except Exception as err:  # a library's own error on a hostile file: one document fails
            conn.send(("failed", f"the {name} reader failed: {type(err).__name__}: {err}"[:300]))


#: A file's text read ahead (``Ahead``): the SHA-256 of the bytes it was read from, and the text.
Primed = tuple[str, ReadText]


class Worker:
    """Runs ``Reader.read`` in a child process with a time limit. ``primed``: a text read ahead,
    the answer of the next read of the same bytes (``Ahead``)."""

    def __init__(self, readers: dict[str, type[Reader]], *, fork: bool = False) -> None:
        self.readers = readers
        self.fork = fork
        self.process: Any = None
        self.conn: Connection | None = None
        self.tmp: str | None = None
        self.primed: Primed | None = None

    def _start(self) -> Connection:
        if self.conn is None or self.process is None or not self.process.is_alive():
            self.kill()
            _remove_orphaned_temp()
            self.tmp = tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-")
            ctx = mp.get_context("fork") if self.fork else mp.get_context("spawn")
            parent, child = ctx.Pipe()
            self.process = ctx.Process(target=_serve, args=(child, self.readers, os.getpid(), self.tmp),
                                       daemon=True)
            with born_deaf_to_ctrl_c():
                self.process.start()
            child.close()
            self.conn = parent
        return self.conn

    def read(self, reader: type[Reader], path: Path, data: bytes, timeout: float) -> ReadText:
        primed, self.primed = self.primed, None
        if primed is not None and primed[0] == hashlib.sha256(data).hexdigest():
            return primed[1]
        name = reader.__name__
        try:
            conn = self._start()
            conn.send((name, path, data, timeout))
            done = conn.poll(timeout if timeout > 0 else None)
        except BaseException:  # the build's own deadline or Ctrl-C: this job's answer will never be read
            self.kill()
            raise
        if not done:
            self.kill()
            raise InputError(str(path), f"reading took longer than the time limit of {timeout:g} s",
                             "raise it with --timeout")
        try:
            status, value = conn.recv()
        except EOFError:
            code = self.process.exitcode if self.process else None
            self.kill()
            if code == -signal.SIGXCPU:
                raise InputError(str(path), "reading used more CPU time than the time limit of "
                                 f"{timeout:g} s", "raise it with --timeout") from None
            raise InputError(str(path), f"the reader crashed on this file (exit code {code})") from None
        if status == "ok":
            assert isinstance(value, ReadText)
            return value
        if status == "input":
            raise InputError(str(path), value[0], value[1])
        raise InputError(str(path), str(value))

    def kill(self) -> None:
        if self.process is not None and self.process.pid is not None:  # None: interrupted while starting
            self.process.kill()
            self.process.join()
        if self.conn is not None:
            self.conn.close()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
        self.process = self.conn = self.tmp = None

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            if self.process is not None:
                self.process.join(timeout=5)
        self.kill()


class Ahead:
    """Files read ahead by their isolated readers, in a process of their own, while the build's
    process is busy on one core (with its first document, whose rules compile their patterns:
    ``build.work.Readers``). Forked and fenced as a worker, it reads the files in turn and writes
    each text to a file of its own; ``stop`` kills it and gives the texts it finished. A file it
    did not finish, or could not read, is read as usual (its failure told there)."""

    def __init__(self, readers: Mapping[str, type[Reader]], files: Sequence[tuple[str, Path]],
                 limits: Limits) -> None:
        self.files = list(files)
        self.tmp = tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-")
        self.process = mp.get_context("fork").Process(
            target=_read_ahead, args=(self.files, dict(readers), limits, os.getpid(), self.tmp), daemon=True)
        with born_deaf_to_ctrl_c():
            self.process.start()

    def reading(self) -> bool:
        """Whether it still reads (it ends when every file is read)."""
        return bool(self.process.is_alive())

    def stop(self) -> dict[Path, Primed]:
        """End the reading at once; each text finished, by its file's path."""
        self.process.kill()
        self.process.join()
        done: dict[Path, Primed] = {}
        for i, (_, path) in enumerate(self.files):
            with contextlib.suppress(OSError), open(os.path.join(self.tmp, f"{i}.done"), "rb") as handle:
                done[path] = pickle.load(handle)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return done


def _read_ahead(files: list[tuple[str, Path]], readers: dict[str, type[Reader]], limits: Limits,
                parent: int, tmp: str) -> None:
    _fence(parent, tmp)
    for i, (name, path) in enumerate(files):
        _cpu_cap(limits.timeout)
        try:
            data = load_bytes(path, limits)
            text = readers[name]().read(path, data)
        except Exception:  # read again by the build, which tells why it fails
            continue
        part = os.path.join(tmp, f"{i}.part")
        with open(part, "wb") as handle:
            pickle.dump((hashlib.sha256(data).hexdigest(), text), handle)
        os.rename(part, os.path.join(tmp, f"{i}.done"))  # whole, or not there


def _remove_orphaned_temp() -> None:
    """Temporary folders of workers whose build was killed (its process id no longer runs)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*-*"):
        pid = folder.name[len(TEMP_PREFIX):].split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)
