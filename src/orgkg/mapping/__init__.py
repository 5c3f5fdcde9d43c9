"""Map: typed records -> RDF. The only package that knows the ontology's terms."""

from orgkg.mapping.mapper import Provenance, document_iri, graph_iri, to_graph

__all__ = ["Provenance", "document_iri", "graph_iri", "to_graph"]
