"""The explicit limits every document is read under: a size cap and a time limit.

``deadline`` bounds work done in this process (decoding, extraction, mapping)
with a real-time timer; readers whose libraries can hang run in a worker
process instead (``worker``), which is killed when its time is up.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from orgkg.errors import InputError

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Limits:
    """``max_bytes``: larger files are refused; ``timeout``: seconds per document (0 = none)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT


class _Expired(BaseException):
    """Raised by the timer inside the guarded code; BaseException so no ``except Exception`` eats it."""


@contextmanager
def deadline(where: str, seconds: float) -> Iterator[None]:
    """Raise ``InputError`` if the block runs longer than ``seconds`` (main thread only)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise InputError(where, f"took longer than the time limit of {seconds:g} s",
                         "raise it with --timeout") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux; elsewhere nothing).

    Used in the reader worker and in the programs it starts (Tesseract), so a
    build killed with SIGKILL leaves nothing running behind it.
    """
    import ctypes

    try:  # the process's own symbols, the C library's among them: no ``ldconfig -p`` run to find it
        libc = ctypes.CDLL(None, use_errno=True)  # (``ctypes.util.find_library``: 6 ms, in each child)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


@contextmanager
def born_deaf_to_ctrl_c() -> Iterator[None]:
    """Start child processes inside this block: they are born ignoring Ctrl-C (an ignored signal
    stays ignored across fork and exec, and a Python started so installs no KeyboardInterrupt), so
    a Ctrl-C that comes while one still starts (a spawned interpreter importing orgkg) never
    becomes a traceback there. Here Ctrl-C is held back meanwhile (on Linux a blocked signal is
    never discarded as ignored) and delivered at the end of the block: nothing is lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    answer = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, answer)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def ignore_ctrl_c() -> None:
    """A child's first act: ignore Ctrl-C (the build answers it), and hold nothing back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def child_of(parent: int) -> None:
    """A child process's first acts: die with its parent (``die_with_parent``; at once if the
    parent, the build, died before that was armed), and leave Ctrl-C to it (``ignore_ctrl_c``)."""
    die_with_parent()
    if os.getppid() != parent:
        os._exit(0)
    ignore_ctrl_c()
