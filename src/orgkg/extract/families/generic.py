"""PLACEHOLDER: being written."""

from orgkg.extract.base import Extractor
from orgkg.extract.records import Extraction


class GenericDescription(Extractor):
    family = "generic"

    def recognise(self, text: str) -> float:
        return 0.0

    def extract(self, text: str) -> Extraction:
        raise NotImplementedError
