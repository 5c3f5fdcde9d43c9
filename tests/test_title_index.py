"""The build's title index narrows text searches and never changes their answers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from orgkg.errors import QueryError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.titles import FILE, TitleIndex, write_pairs
from orgkg.query.library import get, parse
from orgkg.query.local import LocalGraph
from orgkg.query.params import bind
from orgkg.query.run import run as run_query

TEXTS = ["director", "DIRECTOR", "manager", "it project manager", "zzz-nothing", "a", "é"]


def answers(engine: LocalGraph, text: str) -> set[tuple[str, ...]]:
    result = run_query(engine, "find-posts", [f"text={text}"])
    return {tuple(str(v) for v in row) for row in result.rows}


def test_the_build_writes_a_title_index_beside_the_store(built: Path) -> None:
    index = TitleIndex.open(built)
    assert index is not None and index.path.resolve() == (built / FILE).resolve()
    assert index.posts_containing("director", limit=100)


@pytest.mark.parametrize("text", TEXTS)
def test_find_posts_answers_the_same_with_and_without_the_index(built: Path, text: str) -> None:
    store = BuiltGraph.open(built)
    assert answers(LocalGraph(store, titles=TitleIndex.open(built)), text) == answers(LocalGraph(store), text)


def test_the_index_narrows_the_query_to_the_posts_it_names(built: Path) -> None:
    query = get("find-posts")
    values = bind(query, ["text=Director"])
    index = TitleIndex.open(built)
    assert index is not None
    posts = index.posts_containing("Director", limit=100)
    assert posts
    text = LocalGraph(BuiltGraph.open(built), titles=index).narrow(query, values)
    assert "VALUES ?post {" in text and all(f"<{p}>" in text for p in posts)
    assert LocalGraph(BuiltGraph.open(built)).narrow(query, values) == query.text


def test_too_many_posts_found_leaves_the_query_as_written(tmp_path: Path) -> None:
    write_pairs(tmp_path / FILE, [(f"https://example.org/post/{i}", f"Clerk {i}") for i in range(20)])
    index = TitleIndex(tmp_path / FILE)
    assert index.posts_containing("clerk", limit=20) is not None
    assert index.posts_containing("CLERK", limit=19) is None
    assert index.posts_containing("clerk 7", limit=19) == ["https://example.org/post/7"]


def test_an_unreadable_index_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / FILE).write_text("not a database", encoding="utf-8")
    index = TitleIndex.open(tmp_path)
    assert index is not None and index.posts_containing("clerk", limit=10) is None


def test_a_title_index_header_must_name_a_declared_parameter(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("# name: q\n# summary: s\n# param: text (string) t\n# title-index: words ?post\n"
                    "SELECT ?post WHERE { ?post ?p ?o }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="title-index"):
        parse(path)


def test_an_index_answer_of_no_post_gives_no_rows(built: Path) -> None:
    engine = LocalGraph(BuiltGraph.open(built), titles=TitleIndex.open(built))
    text = engine.narrow(get("find-posts"), {"text": ox.Literal("zzz-nothing")})
    assert "VALUES ?post {  }" in text
    assert answers(engine, "zzz-nothing") == set()
