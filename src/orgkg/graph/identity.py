"""Joining mentioned posts to the posts they name, across documents and registers.

A document that only mentions a post (its supervisor, a subordinate, a
peer) names it by a title. Such a mention is joined to a described or
registered post only on evidence: the same position number (the mapping
already gives both the same IRI), or the same organisation and the same
title (case, accents and punctuation folded) with no competing candidate.
When several posts fit, the mention stays a node of its own and says which
posts it could be (``orgkg:possiblySamePostAs``), for a person to decide; the
validation reports it as an Info finding. A mention in a document that names
no organisation is never joined on its title.

This runs on the built named graphs, after mapping, because a mention in one
document can only be resolved against all the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rdflib import Graph, URIRef
from rdflib.namespace import ORG, RDF, SKOS

from orgkg.mapping.evidence import Statement
from orgkg.mapping.iris import normalise
from orgkg.mapping.namespaces import ORGKG

#: What a post is known by for joining: its organisation's name and a title, both folded.
Key = tuple[str, str]


#: A described or registered post a graph offers to join: (its key, the post).
Offer = tuple[Key, str]
#: A post a graph only mentions, and its key.
Ask = tuple[str, Key]
#: What a graph's mentions resolve to: each mention with the posts it could be (one: it is joined).
Resolution = tuple[tuple[str, tuple[str, ...]], ...]


def join_mentions(graphs: Mapping[URIRef, Graph]) -> dict[URIRef, Graph]:
    """The graphs with every unambiguous mention joined to the post it names."""
    found = candidates(o for g in graphs.values() for o in offers(g))
    return {iri: joined(g, resolve(asks(g), found)) for iri, g in graphs.items()}


def offers(g: Graph) -> list[Offer]:
    """The described and registered posts of a graph, with every (organisation, title) they answer to."""
    return [(key, str(post)) for key, post in _named_posts(g)]


def offered(named: Mapping[str, tuple[Iterable[str], Iterable[str]]],
            organisation: Mapping[str, str | None]) -> list[Offer]:
    """``offers`` from what a graph states as records: each post's units (in order) and titles, and
    each unit's organisation (a register's rows give them: ``mapping.register.RegisterParts``)."""
    out: list[Offer] = []
    for post, (units, titles) in named.items():
        org = next((o for unit in units if (o := organisation.get(unit))), None)
        if org:
            out.extend(((normalise(org), normalise(title)), post) for title in titles)
    return out


def asks(g: Graph) -> list[Ask]:
    """The posts a graph only mentions, with the key a described or registered post would need."""
    return [(str(post), key) for post, key in _mentions(g)]


def candidates(offered: Iterable[Offer]) -> dict[Key, frozenset[str]]:
    """The posts of the whole build each key names (the directory mentions are joined through)."""
    found: dict[Key, set[str]] = defaultdict(set)
    for key, post in offered:
        found[key].add(post)
    return {key: frozenset(posts) for key, posts in found.items()}


def resolve(asked: Iterable[Ask], directory: Mapping[Key, frozenset[str]],
            named: frozenset[str] | None = None) -> Resolution:
    """Each mention that names a post of ``directory`` other than itself, with the posts it names
    (sorted); a mention that is itself a described or registered post (the same number) is not one.
    ``named`` (every post of the directory) may be given when resolving many graphs' mentions."""
    if named is None:
        named = every_post(directory)
    out = []
    for mention, key in sorted(set(asked)):
        if mention in named:
            continue
        found = directory.get(key, frozenset()) - {mention}
        if found:
            out.append((mention, tuple(sorted(found))))
    return tuple(out)


def every_post(directory: Mapping[Key, frozenset[str]]) -> frozenset[str]:
    """Every post the directory names."""
    return frozenset(post for posts in directory.values() for post in posts)


def joined(g: Graph, resolution: Resolution) -> Graph:
    """``g`` with each mention named by one post joined to it; one named by several says which
    posts it could be (``orgkg:possiblySamePostAs``) and stays its own node."""
    joins: dict[URIRef, URIRef] = {}
    for mention, found in resolution:
        if len(found) == 1:
            joins[URIRef(mention)] = URIRef(found[0])
        else:
            for other in found:
                g.add((URIRef(mention), ORGKG.possiblySamePostAs, URIRef(other)))
    return _renamed(g, joins) if joins else g


def joined_statements(evidence: Sequence[Statement], resolution: Resolution) -> list[Statement]:
    """Evidence statements (``mapping.evidence.statements``) whose objects name a mention that
    ``joined`` joins to one post, naming that post."""
    joins = {URIRef(mention).n3(): URIRef(found[0]).n3() for mention, found in resolution if len(found) == 1}
    return [(s, p, joins.get(o, o)) for s, p, o in evidence]


def _organisation(g: Graph, unit: URIRef) -> str | None:
    """The name of the formal organisation (not a jurisdiction) a unit is, or sits in."""
    seen: set[URIRef] = set()
    todo = [unit]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if (node, RDF.type, ORG.FormalOrganization) in g and (node, RDF.type, ORGKG.Jurisdiction) not in g:
            label = g.value(node, SKOS.prefLabel)
            return str(label) if label is not None else None
        todo.extend(o for o in g.objects(node, ORG.subOrganizationOf) if isinstance(o, URIRef))
    return None


def _post_organisation(g: Graph, post: URIRef, known: dict[URIRef, str | None] | None = None) -> str | None:
    """The organisation a post sits in; ``known`` keeps each unit's answer (posts share units)."""
    known = {} if known is None else known
    for unit in g.objects(post, ORG.postIn):
        if isinstance(unit, URIRef):
            if unit not in known:
                known[unit] = _organisation(g, unit)
            if known[unit]:
                return known[unit]
    return None


def _named_posts(g: Graph) -> list[tuple[Key, URIRef]]:
    """Described and registered posts with every (organisation, title) they answer to."""
    out: list[tuple[Key, URIRef]] = []
    posts = {*g.subjects(RDF.type, ORGKG.DescribedPost), *g.subjects(RDF.type, ORGKG.RegisteredPost)}
    known: dict[URIRef, str | None] = {}
    folded: dict[str, str] = {}
    for post in posts:
        if not isinstance(post, URIRef):
            continue
        org = _post_organisation(g, post, known)
        if not org:
            continue
        for t in g.objects(post, ORGKG.title):
            for text in (org, str(t)):
                if text not in folded:
                    folded[text] = normalise(text)
            out.append(((folded[org], folded[str(t)]), post))
    return out


def _document_organisation(g: Graph) -> str | None:
    posts = (p for p in g.subjects(RDF.type, ORGKG.DescribedPost) if isinstance(p, URIRef))
    return next((org for post in posts if (org := _post_organisation(g, post))), None)


def _mentions(g: Graph) -> list[tuple[URIRef, Key]]:
    """Posts this graph only mentions, keyed by its document's organisation and their title."""
    org = _document_organisation(g)
    if not org:
        return []
    described = set(g.subjects(RDF.type, ORGKG.DescribedPost))
    out = []
    for post in set(g.subjects(ORGKG.mentionedIn, None)):
        title = g.value(post, ORGKG.primaryTitle)
        if isinstance(post, URIRef) and post not in described and title is not None:
            out.append((post, (normalise(org), normalise(str(title)))))
    return out


def _renamed(g: Graph, joins: Mapping[URIRef, URIRef]) -> Graph:
    out = Graph(store="SimpleMemory")
    for s, p, o in g:
        s2 = joins.get(s, s) if isinstance(s, URIRef) else s
        o2 = joins.get(o, o) if isinstance(o, URIRef) else o
        out.add((s2, p, o2))
    return out
