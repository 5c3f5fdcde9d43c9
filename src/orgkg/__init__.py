"""orgkg: a knowledge graph of organisations and positions."""

__version__ = "0.1.0"
