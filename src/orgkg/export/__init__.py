"""Export: the built graph to RDF files, or published to a SPARQL 1.1 store."""
