"""The extension point for document families: one ``Extractor`` subclass each."""

from __future__ import annotations

import functools
import re
from abc import ABC, abstractmethod
from typing import ClassVar

from orgkg.extract.needles import Needled
from orgkg.extract.records import Extraction


class Extractor(ABC):
    """Reads one family of documents into an ``Extraction``.

    ``family`` names the family in records and provenance; ``version`` is
    recorded on every document it reads, so a rule change shows in the graph.
    ``recognise`` scores how strongly a text's structure and wording say it
    belongs to this family (0.0 none, 1.0 certain): by default the weights of
    its ``cues`` found in the text (``cue_score``); the recogniser picks the
    best score.
    """

    family: ClassVar[str]
    version: ClassVar[str] = "1"
    cues: ClassVar[dict[str, float]] = {}

    def recognise(self, text: str) -> float:
        """How sure this family is that ``text`` is one of its documents."""
        return cue_score(text, self.cues)

    @abstractmethod
    def extract(self, text: str) -> Extraction:
        """Read the facts a person reads in ``text``."""


def cue_score(text: str, cues: dict[str, float]) -> float:
    """Sum the weights of the cue patterns found in ``text``, capped at 1.0."""
    total = sum(w for pattern, w in cues.items() if _cue(pattern).search(text))
    return min(1.0, total)


@functools.cache
def _cue(pattern: str) -> Needled:
    return Needled(pattern, re.I | re.M)
