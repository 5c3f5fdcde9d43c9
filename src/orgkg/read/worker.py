"""A worker process for the readers whose libraries can hang or blow up (PDF, DOCX, RTF).

One process serves every document of a build (starting one per document
would cost more than reading most files); it is killed and replaced when a
document runs past its time limit or kills it. Its address space is capped,
so a decompression bomb fails there, not in the build.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import resource
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from orgkg.errors import InputError
from orgkg.read.base import Reader, ReadText

MEMORY_CAP = 4 * 1024**3


def _serve(conn: Connection, readers: dict[str, type[Reader]]) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        name, path, data = job
        try:
            conn.send(("ok", readers[name]().read(path, data)))
        except InputError as err:
            conn.send(("input", (err.what, err.hint)))
        except MemoryError:
            conn.send(("failed", "ran out of memory reading it (a decompression bomb?)"))
        except Exception as err:  # a library's own error on a hostile file: one document fails
            conn.send(("failed", f"the {name} reader failed: {type(err).__name__}: {err}"[:300]))


class Worker:
    """Runs ``Reader.read`` in a child process with a time limit."""

    def __init__(self, readers: dict[str, type[Reader]]) -> None:
        self.readers = readers
        self.process: Any = None
        self.conn: Connection | None = None

    def _start(self) -> Connection:
        if self.conn is None or self.process is None or not self.process.is_alive():
            ctx = mp.get_context("spawn")
            parent, child = ctx.Pipe()
            self.process = ctx.Process(target=_serve, args=(child, self.readers), daemon=True)
            self.process.start()
            child.close()
            self.conn = parent
        return self.conn

    def read(self, reader: type[Reader], path: Path, data: bytes, timeout: float) -> ReadText:
        name = reader.__name__
        conn = self._start()
        conn.send((name, path, data))
        if not conn.poll(timeout if timeout > 0 else None):
            self.kill()
            raise InputError(str(path), f"reading took longer than the time limit of {timeout:g} s",
                             "raise it with --timeout")
        try:
            status, value = conn.recv()
        except EOFError:
            code = self.process.exitcode if self.process else None
            self.kill()
            raise InputError(str(path), f"the reader crashed on this file (exit code {code})") from None
        if status == "ok":
            assert isinstance(value, ReadText)
            return value
        if status == "input":
            raise InputError(str(path), value[0], value[1])
        raise InputError(str(path), str(value))

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
        if self.conn is not None:
            self.conn.close()
        self.process = self.conn = None

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            if self.process is not None:
                self.process.join(timeout=5)
        self.kill()
