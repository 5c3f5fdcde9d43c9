"""bench.store asks its named queries with real values found around the deepest synthetic post:
the posts it names must be the synthetic organisation's (a post is its position number)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from bench.store import picks, positions
from bench.synthetic import cached_store, write_nquads


def test_the_top_and_deepest_posts_and_the_values_around_them(tmp_path: Path) -> None:
    n = 120
    store = ox.Store.read_only(str(cached_store(write_nquads(tmp_path / "org.nq", n), tmp_path / "store")))
    posts = positions(n)
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert posts["top"] in subjects and posts["deepest"] in subjects
    found = picks(store, posts)
    assert {"unit", "class", "level", "family", "head"} <= set(found)
