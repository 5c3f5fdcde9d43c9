"""Validate the organisation: standard SHACL shapes, run the fast way.

    report = validate(Path("out"))                  # a graph folder from `orgkg build`
    for f in findings(Path("out")): print(f.focus, f.severity.value, f.message)

``validate`` runs ``shapes/*.ttl`` (or ``Options.shapes``) over the union of
the folder's named graphs with the ontology, through an engine (``fast``,
set-based in the store, or ``pyshacl``, the reference), and returns a
``Report`` of typed ``Finding``s; formatting is in ``orgkg.validate.formats``.
``keep=True`` (``orgkg validate``) keeps the findings about posts in the
build's version folder, and ``marks`` (``orgkg chart``) reads them back rather
than validating again when nothing they depend on changed (``validate.saved``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orgkg.errors import ShapesError
from orgkg.graph.built import BuiltGraph
from orgkg.resources import ontology_path
from orgkg.validate import saved
from orgkg.validate import shapes as shapes_module
from orgkg.validate.describe import describe
from orgkg.validate.engine import ENGINES
from orgkg.validate.engine.base import ontology_graph
from orgkg.validate.model import Finding, Report, Result, Severity


@dataclass(frozen=True)
class Options:
    shapes: Path | None = None
    max_span: int | None = None
    engine: str = "fast"


def validate(source: Path | BuiltGraph, options: Options | None = None, *, keep: bool = False,
             with_quotes: bool = True) -> Report:
    """Validate a graph folder (or an open graph) and return its findings; ``keep``: keep those
    about posts in its version folder for ``marks``; ``with_quotes=False``: without their quotes."""
    options = options or Options()
    if options.engine not in ENGINES:
        raise ShapesError(options.engine, "no such validation engine", f"use one of {', '.join(ENGINES)}")
    graph = source if isinstance(source, BuiltGraph) else BuiltGraph.open(source)
    digest = saved.key(graph, options.shapes, options.max_span, options.engine) if keep else None
    shapes = shapes_module.with_max_span(shapes_module.load(options.shapes), options.max_span)
    results = ENGINES[options.engine]().run(graph, shapes, ontology_graph(ontology_path()))
    report = Report(describe(graph, results, shapes, with_quotes=with_quotes), shapes)
    saved.keep(graph, digest, report.findings)
    return report


def findings(source: Path | BuiltGraph, *, max_span: int | None = None) -> list[Finding]:
    """Every finding of orgkg's shapes on a graph folder or open graph, per ``Finding.post`` for the chart."""
    return validate(source, Options(max_span=max_span)).findings


def marks(graph: BuiltGraph) -> list[saved.Kept]:
    """Each finding of orgkg's shapes about a post, as (post, severity, message): those the last
    ``validate(..., keep=True)`` of this build kept, else found now (without quotes, which these
    leave out)."""
    options = Options()
    found = saved.kept(graph, saved.key(graph, options.shapes, options.max_span, options.engine))
    if found is not None:
        return found
    report = validate(graph, options, with_quotes=False)
    return [(f.post, f.severity.value, f.message) for f in report.findings if f.post is not None]


__all__ = ["Finding", "Options", "Report", "Result", "Severity", "findings", "marks", "validate"]
