"""A report formatter: one per output format, behind this tiny base class."""

from __future__ import annotations

from abc import ABC, abstractmethod

from orgkg.validate.model import Report


class Formatter(ABC):
    name: str

    @abstractmethod
    def format(self, report: Report) -> str:
        """The whole output, ending in a newline."""
