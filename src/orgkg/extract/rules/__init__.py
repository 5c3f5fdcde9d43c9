"""Field rules over a document's structure: each returns its values with the span it read.

One module per field group (``labels``: label-value fields by lexicon key;
``duties``; ``classification``; ``titles``). The words each rule looks for
live in ``orgkg.extract.lexicon``; families configure rules, never copy them.
"""
