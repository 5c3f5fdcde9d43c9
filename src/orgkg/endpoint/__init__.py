"""Talking to a remote SPARQL store: checked URLs, credentials, one-line errors."""
