"""The built graph as an RDF file: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

Dataset formats (N-Quads, TriG, JSON-LD) keep one named graph per document;
triples formats (Turtle, N-Triples, RDF/XML) get the union of the named
graphs, each triple once. Output is deterministic (sorted), so two exports of
the same graph are byte-identical. JSON-LD is compacted with the project's
context (``ontology/context.jsonld``), written inline so readers never fetch it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from orgkg.errors import ExportError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.terms import to_rdflib
from orgkg.mapping.namespaces import TURTLE_PREFIXES
from orgkg.resources import data_dir


@dataclass(frozen=True)
class FileFormat:
    name: str
    rdf: ox.RdfFormat
    extensions: tuple[str, ...]
    quads: bool

    @property
    def media_type(self) -> str:
        return self.rdf.media_type


FORMATS: dict[str, FileFormat] = {f.name: f for f in (
    FileFormat("turtle", ox.RdfFormat.TURTLE, ("ttl", "turtle"), quads=False),
    FileFormat("ntriples", ox.RdfFormat.N_TRIPLES, ("nt",), quads=False),
    FileFormat("nquads", ox.RdfFormat.N_QUADS, ("nq",), quads=True),
    FileFormat("trig", ox.RdfFormat.TRIG, ("trig",), quads=True),
    FileFormat("jsonld", ox.RdfFormat.JSON_LD, ("jsonld", "json"), quads=True),
    FileFormat("rdfxml", ox.RdfFormat.RDF_XML, ("rdf", "xml", "owl", "rdfxml"), quads=False),
)}
ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "nq": "nquads", "n-quads": "nquads",
           "json-ld": "jsonld", "xml": "rdfxml", "rdf/xml": "rdfxml", "rdf": "rdfxml"}


def choose(out: Path | None, fmt: str | None) -> FileFormat:
    """The format named by ``fmt`` (short name or media type), else by the file's extension."""
    if fmt:
        key = fmt.strip().lower()
        for f in FORMATS.values():
            if key == f.media_type:
                return f
        key = ALIASES.get(key, key)
        if key in FORMATS:
            return FORMATS[key]
        raise ExportError(f"--format {fmt}", "unknown format",
                          "use turtle, ntriples, nquads, trig, jsonld, rdfxml or a media type")
    suffix = out.suffix.lstrip(".").lower() if out else ""
    for f in FORMATS.values():
        if suffix in f.extensions:
            return f
    raise ExportError(str(out or "-"), "cannot tell the format from the file name", "pass --format")


@cache
def context() -> dict[str, Any]:
    """The JSON-LD context shipped with orgkg."""
    doc = json.loads((data_dir("ontology") / "context.jsonld").read_text(encoding="utf-8"))
    return dict(doc["@context"])


def quads(graph: BuiltGraph) -> list[ox.Quad]:
    return sorted(graph.quads(), key=str)


def dumps(graph: BuiltGraph, f: FileFormat) -> bytes:
    """The whole graph in one format."""
    if f.name == "jsonld":
        return _jsonld(graph)
    data: list[ox.Quad] | list[ox.Triple] = quads(graph) if f.quads else graph.triples()
    if f.name in ("ntriples", "nquads"):
        return b"".join(f"{x} .\n".encode() for x in data)
    out = ox.serialize(data, format=f.rdf, prefixes=TURTLE_PREFIXES)
    return out or b""


def _jsonld(graph: BuiltGraph) -> bytes:
    ds = Dataset()
    for q in quads(graph):
        named = ds.graph(URIRef(q.graph_name.value))  # type: ignore[union-attr]
        named.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))  # type: ignore[arg-type]
    text = ds.serialize(format="json-ld", context=context(), auto_compact=True, sort_keys=True)
    return text.encode("utf-8") + b"\n"


def write(graph: BuiltGraph, out: Path, f: FileFormat) -> int:
    """Write the file (replacing it whole); return the number of statements written."""
    data = dumps(graph, f)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return len(graph.quads()) if f.quads else len(graph.triples())
