"""Register: flat position records computed from the graph."""
