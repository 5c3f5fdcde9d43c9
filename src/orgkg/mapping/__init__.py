"""Map: typed records -> RDF. The only package that knows the ontology's terms.

``to_graph`` and its companions are imported on first use (PEP 562): a reader of
the ontology's names (``orgkg.mapping.vocab``, ``namespaces``) does not import the
mapper, and with it every document family's rules (``orgkg query`` started 0.5 s
slower for it).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orgkg.mapping.mapper import Provenance, document_iri, graph_iri, to_graph

__all__ = ["Provenance", "document_iri", "graph_iri", "to_graph"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("orgkg.mapping.mapper"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
