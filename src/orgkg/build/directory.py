"""What of the directory mentions are joined through (``graph.identity``) a build needs, and which kept
inputs' mentions now resolve otherwise.

A full build makes the whole directory from every input's offers. A build
into a folder changes it only where the offers of the inputs read now, and of
those gone, are: at their keys (organisation and title) and their posts. So
only the kept inputs that ask for one of those keys, or mention one of those
posts, may resolve otherwise; and only the directory's entries for what the
inputs resolved now ask need making. Both are found without parsing the kept
inputs' parts: each key or post is looked for as its JSON text in the part's
text (``state``: the parts are kept as JSON), and only the parts that hold one
are parsed (``state.naming``). With many keys or posts to look for, the whole directory is made,
as a full build makes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orgkg.build.model import Piece
from orgkg.build.state import Previous, naming, needles, part
from orgkg.graph.identity import Ask, Key, Offer, candidates, every_post, resolve

Directory = dict[Key, frozenset[str]]
#: At most this many keys and posts are looked for in the kept parts' texts; more: the whole directory.
FEW = 64


@dataclass(frozen=True)
class Needed:
    """The directory's entries a join needs, the posts it names among the mentions resolved, and the
    kept pieces (their indexes) whose mentions resolve otherwise than when they were written."""

    directory: Directory
    named: frozenset[str]
    again: list[int]


def needed(pieces: Sequence[Piece], pending: Iterable[int], prev: Previous | None, same: bool) -> Needed:
    """What the join of ``pending`` (pieces read now whose mentions wait for the directory) needs. ``same``:
    the posts offered are those of the build before (no kept piece resolves otherwise)."""
    pending = list(pending)
    if prev is not None and prev.totals is not None:
        changed: list[Offer] = [] if same else _changed(pieces, prev)
        keys, posts = {key for key, _ in changed}, {post for _, post in changed}
        if len(keys) + len(posts) <= FEW:
            looked = needles([*keys, *posts])
            asking = [i for i, p in enumerate(pieces) if looked and p.outcome.reused and any(
                key in keys or mention in posts for mention, key in naming(p, "asks", looked))]
            found = _found([a for i in [*pending, *asking] for a in part(pieces[i], "asks")], pieces)
            if found is not None:
                directory, named = found
                return Needed(directory, named, [i for i in asking if resolve(
                    part(pieces[i], "asks"), directory, named) != part(pieces[i], "resolution")])
    directory = candidates(o for p in pieces for o in part(p, "offers"))
    named = every_post(directory)
    again = [] if same else [i for i, p in enumerate(pieces) if p.outcome.reused and (asks := part(p, "asks"))
                             and resolve(asks, directory, named) != part(p, "resolution")]
    return Needed(directory, named, again)


def _changed(pieces: Sequence[Piece], prev: Previous) -> list[Offer]:
    """The offers of the pieces read now and of the build before's pieces not kept: the directory
    differs from the build before's at their keys and posts only."""
    kept = {p.key for p in pieces if p.outcome.reused}
    new = [o for p in pieces if not p.outcome.reused for o in part(p, "offers")]
    return new + [o for key, p in prev.pieces.items() if key not in kept for o in part(p, "offers")]


def _found(asked: list[Ask], pieces: Sequence[Piece]) -> tuple[Directory, frozenset[str]] | None:
    """The directory's entries for the keys ``asked`` and the posts offered among the mentions asked;
    None when there are too many to look for."""
    keys, mentions = {key for _, key in asked}, {mention for mention, _ in asked}
    if len(keys) + len(mentions) > FEW:
        return None
    looked = needles([*keys, *mentions])
    offered = [o for p in pieces for o in naming(p, "offers", looked) if o[0] in keys or o[1] in mentions]
    named = frozenset(post for _, post in offered if post in mentions)
    return candidates(o for o in offered if o[0] in keys), named
