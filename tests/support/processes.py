"""Ending a process the tests started: asked to stop, then killed if it does not within the time."""

from __future__ import annotations

import subprocess


def stop(process: subprocess.Popen[bytes], *, wait: float = 15) -> None:
    """SIGTERM, then SIGKILL when ``process`` has not ended ``wait`` seconds later."""
    process.terminate()
    try:
        process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=wait)
