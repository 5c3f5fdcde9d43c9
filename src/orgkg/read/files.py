"""A file's bytes, after the checks that need no reader (kind, size, permission): the first step of every
read, in the build's process, its pool and a worker reading ahead (``read.worker.Ahead``)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.limits import Limits


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "not a regular file"


def load_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, after the checks that need no reader: kind, size, permission."""
    where = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except OSError as err:
        raise InputError(where, f"cannot read the file: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(where, f"not a regular file: it is {_kind(info.st_mode)}")
    if info.st_size == 0:
        raise InputError(where, "zero bytes: the file is empty")
    if info.st_size > limits.max_bytes:
        raise InputError(where, f"over the size cap: {info.st_size} bytes > {limits.max_bytes}",
                         "raise it with --max-bytes")
    try:
        with open(path, "rb") as handle:
            return handle.read(limits.max_bytes + 1)
    except PermissionError:
        raise InputError(where, "unreadable: permission denied",
                         "ask for read access or copy it somewhere readable") from None
    except OSError as err:
        raise InputError(where, f"cannot read the file: {err.strerror or err}") from None
