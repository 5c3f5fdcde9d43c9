"""Inferences into a named graph of their own (``graph.built``: ``inferred.trig`` and the store).

The graph's earlier inferred graph is replaced by the new one, and the union
of the named graphs with it, so queries and exports see it. In an output
folder of versions (``graph.output``) the inferences go into a new version,
a copy of the current one (the store backed up by hard links, the other files
linked: none is ever rewritten in place), and the folder switches to it in
one rename under the folder's lock: an interrupted or concurrent ``reason``
leaves the build before it or the build with its inferences, never a mix.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from orgkg.graph.built import BuiltGraph
from orgkg.graph.output import CURRENT, Output, resolve, shown, step
from orgkg.graph.store import STORE

RDF_TYPE = ox.NamedNode(str(RDF.type))


def write(folder: Path, types: list[tuple[str, str]]) -> Path:
    """Write the (post, class) memberships the reasoner found; the path of ``inferred.trig``."""
    triples = [ox.Triple(ox.NamedNode(s), RDF_TYPE, ox.NamedNode(c)) for s, c in types]
    if not (folder / CURRENT).is_symlink():  # an older layout: written in place
        path = BuiltGraph.open(folder, writable=True).add_inferred(triples)
        assert path is not None
        return path
    with Output.open(folder) as output:
        current = resolve(folder)
        version = output.new_version()
        for entry in sorted(current.iterdir()):
            if entry.name == STORE:
                step("back up the store")
                ox.Store.read_only(str(entry)).backup(str(version / STORE))
            elif entry.is_file() and not entry.is_symlink():
                step(f"link {entry.name}")
                os.link(entry, version / entry.name)
            elif entry.is_dir() and not entry.is_symlink():  # graphs/: a folder of links
                step(f"link {entry.name}/")
                (version / entry.name).mkdir()
                for file in sorted(entry.iterdir()):
                    os.link(file, version / entry.name / file.name)
        step("write the inferred graph")
        graph = BuiltGraph.open(version, writable=True)
        path = graph.add_inferred(triples)
        del graph  # the store is flushed and closed before the switch
        output.publish()
    assert path is not None
    return shown(path)
