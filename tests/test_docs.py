"""The README and docs/*.md run as printed: every command's output is what the page shows.

`python tools/docs.py --generate` rewrites the printed outputs from real runs
after a change of output (then read the diff); `python tools/docs.py` is this
check from the command line.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("orgkg_docs_tool", ROOT / "tools" / "docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


docs = load_tool()


@pytest.mark.slow
@pytest.mark.parametrize("page", docs.documents(), ids=lambda p: p.name)
def test_every_printed_output_is_what_the_command_prints(page: Path) -> None:
    if shutil.which("java") is None and "orgkg reason" in page.read_text(encoding="utf-8"):
        pytest.skip("needs Java for orgkg reason (tools/system-deps.sh)")
    problems = docs.check(page)
    assert not problems, "\n\n".join(problems) + "\n\n(regenerate with: python tools/docs.py --generate)"


def test_the_pages_name_only_files_of_the_repository() -> None:
    """No path outside the checkout (the shared folders of the workspace a clone does not have)."""
    for page in docs.documents():
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\.\./shared|shared/(schema|eval|gold)", text), page.name


@pytest.mark.parametrize(("expected", "actual", "same"), [
    (["consistent (6.2 s); 9"], ["consistent (3.4 s); 9"], True),
    (["a", "...", "z"], ["a", "b", "c", "z"], True),
    (["a", "...", "z"], ["a", "z"], True),
    (["Reports to more than one position: ..."], ["Reports to more than one position: its document"], True),
    (["5 positions"], ["6 positions"], False),
    (["a"], ["a", "b"], False),
])
def test_unstable_parts_are_marked(expected: list[str], actual: list[str], same: bool) -> None:
    assert docs.matches(expected, actual) is same


def test_a_csv_output_is_shown_as_a_table() -> None:
    text = "unit,name\nhttps://w3id.org/orgkg/id/unit/x,X\n" + "".join(f"u{i},n{i}\n" for i in range(6))
    table = docs.as_table(text)
    assert table[:3] == ["| unit | name |", "|---|---|", "| id:unit/x | X |"]
    assert table[-1] == "(7 rows; the first 5 shown)"


@pytest.mark.parametrize(("printed", "actual", "regenerated"), [
    (["a", "...", "z"], ["a", "b", "c", "z"], ["a", "...", "z"]),
    (["a", "...", "z"], ["a", "b", "c", "y"], ["a", "...", "y"]),
    (["...", "6 graphs published (HTTP ...); every count matches"],
     ["x", "7 graphs published (HTTP Digest authentication); every count matches"],
     ["...", "7 graphs published (HTTP ...); every count matches"]),
    (["Wrote out/chart.html (... KB)", "consistent (6.2 s)"],
     ["Wrote out/chart.html (12 KB)", "new", "consistent (3.4 s)"],
     ["Wrote out/chart.html (... KB)", "new", "consistent (6.2 s)"]),
    (["a", "b", "c"], ["a", "c"], ["a", "c"]),
    (["...", "last"], ["1", "2", "last", "more"], ["...", "last", "more"]),
])
def test_regenerating_keeps_the_marked_parts(printed: list[str], actual: list[str],
                                             regenerated: list[str]) -> None:
    """`--generate` rewrites only what changed: the `...` elisions and times stay as printed."""
    assert docs.regenerated(printed, actual) == regenerated
    assert docs.matches(regenerated, actual)
