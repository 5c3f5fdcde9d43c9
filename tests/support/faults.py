"""Crash consistency: a command killed (SIGKILL) at each of its file operations in turn.

The test-only hook ``ORGKG_TEST_SIGNAL_AT_FILE_OP`` (``orgkg.graph.output.step``)
sends the command a signal at its Nth file operation; ``killed_at_each_operation``
runs the command on a fresh copy of a folder for N = 1, 2, ... until it finishes
untouched, and checks each time that readers see the folder as it was or as the
command leaves it, never a mix, and that running the command again succeeds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from orgkg.graph.output import FAULT_ENV

Run = subprocess.CompletedProcess[str]


def sigint_as_a_terminal_leaves_it() -> None:
    """In the child before it runs: SIGINT at its default, so that Python turns it into
    KeyboardInterrupt even when the tests themselves were started in the background (a shell's
    ``&`` makes its children ignore SIGINT, and an ignored signal stays ignored across exec)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def orgkg(*args: str, fault: str | None = None, timeout: float = 300) -> Run:
    """``python -m orgkg ARGS`` in a process of its own, the hook set to ``fault`` (``KILL:3``, ``INT:1``)."""
    env = {k: v for k, v in os.environ.items() if k != FAULT_ENV}
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.run([sys.executable, "-m", "orgkg", *args], capture_output=True, text=True, env=env,
                          check=False, timeout=timeout, preexec_fn=sigint_as_a_terminal_leaves_it)


def killed_at_each_operation(pristine: Path, work: Path, command: Callable[[Path, str | None], Run],
                             seen: Callable[[Path], object], before: object, after: object, *,
                             check: Callable[[Path], None] = lambda out: None, most: int = 40) -> list[str]:
    """Kill ``command`` (given a folder and the hook, it runs in a process) at its 1st, 2nd, ...
    file operation, each time on a copy of ``pristine`` under ``work``: the process dies of SIGKILL,
    readers see (``seen``) the folder ``before`` or ``after``, and the command run again gives
    ``after`` (and passes ``check``). Returns, for each kill, ``before`` or ``after`` as readers saw it."""
    outcomes: list[str] = []
    for n in range(1, most):
        out = work / f"out{n}"
        shutil.copytree(pristine, out, symlinks=True)
        killed = command(out, f"KILL:{n}")
        if killed.returncode == 0:
            return outcomes
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        now = seen(out)
        assert now in (before, after), f"a mix after a kill at file operation {n}"
        outcomes.append("before" if now == before else "after")
        assert command(out, None).returncode == 0, f"the command after a kill at file operation {n} failed"
        assert seen(out) == after
        check(out)
        # a version the build discarded may still be being removed by its own process (.orgkg-trash/)
        shutil.rmtree(out, ignore_errors=True)
    pytest.fail(f"the command did not finish in {most - 1} file operations: the hook fires forever")
