"""Build speed over the real documents of ``tests/corpus/`` (documents per second).

    python -m bench.corpus            # -> bench/results/corpus.md

Builds every document under ``tests/corpus/*/docs`` into a fresh folder with
``orgkg.build`` (on every core), then again into the same folder (nothing
changed: everything reused), and reports documents per second and per core.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from orgkg.build import BuildOptions, build

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "corpus"


def main() -> None:
    folders = sorted(CORPUS.glob("*/docs"))
    cores = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        start = time.perf_counter()
        full = build(folders, out, BuildOptions())
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = build(folders, out, BuildOptions())
        second = time.perf_counter() - start
        shutil.rmtree(out, ignore_errors=True)
    docs = sum(o.status == "ok" for o in full.outcomes)
    rate = docs / first
    text = f"""# Build speed over the real corpus

`python -m bench.corpus`: {len(full.outcomes)} files under tests/corpus/*/docs, {docs} read as
position documents, on {cores} cores (load average before the run {load:.1f}; the machine is shared).

| build | seconds | documents per second | per core |
|---|---:|---:|---:|
| full | {first:.1f} | {rate:.1f} | {rate / cores:.1f} |
| again, nothing changed ({len(again.reused)} reused) | {second:.1f} | | |

Full build steps: {', '.join(f'{k} {v:.1f} s' for k, v in full.seconds.items())}.
Goal (issue 12): at least 50 documents per second on this machine.
"""
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "corpus.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
