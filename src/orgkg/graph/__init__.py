"""Graph: named graphs per document, written to TriG and an embedded store."""
