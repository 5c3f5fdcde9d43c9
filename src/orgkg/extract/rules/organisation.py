"""Jurisdiction by the phrases that name a government (``[jurisdictions]`` of the lexicon).

Phrases are matched as written, capitals included (``Civil Service`` names the
UK government; ``civil service exam`` names none). The first phrase in the
document wins; its span is the evidence.
"""

from __future__ import annotations

import re

from orgkg.extract.lexicon import LANGUAGES, table
from orgkg.extract.rules.labels import Found
from orgkg.extract.structure import Document, Span


def jurisdiction(doc: Document) -> Found | None:
    best: tuple[int, str, Span] | None = None
    for lang in LANGUAGES:
        for name, cues in table("jurisdictions", lang).items():
            assert isinstance(cues, list)
            for cue in cues:
                m = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", doc.text)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), name, Span(m.start(), m.end()))
    return (best[1], best[2]) if best else None
