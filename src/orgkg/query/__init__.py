"""Query: named SPARQL queries over the built graph or a remote endpoint."""
