"""orgkg's errors: each says what went wrong, where, and what to do.

Library code raises these; only the CLI turns them into one line on standard
error and an exit code (see ``orgkg.cli``).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: control characters, line and paragraph
    separators, bidirectional overrides and undecodable bytes (surrogates) escaped as ``\\xNN``."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


class OrgkgError(Exception):
    """Base of every error orgkg reports to a person.

    ``where`` is a file, folder, endpoint or IRI; ``hint`` says what to do.
    ``str(error)`` is the one-line message ``where: what (hint)``.
    """

    def __init__(self, where: str, what: str, hint: str | None = None) -> None:
        self.where, self.what, self.hint = where, what, hint
        super().__init__(str(self))

    @property
    def message(self) -> str:
        """What went wrong and what to do, without the place."""
        return f"{self.what} ({self.hint})" if self.hint else self.what

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class InputError(OrgkgError):
    """A document could not be read or understood; the others still load."""


class NotAPositionError(InputError):
    """A document was read but states no position fact: no title field, duties, reporting line,
    level, class or organisation. It is reported, not turned into a position."""


class GraphError(OrgkgError):
    """A built graph folder is missing or unreadable."""


class QueryError(OrgkgError):
    """A query is unknown, malformed, or got bad parameters."""


class EndpointError(OrgkgError):
    """A remote SPARQL store is unreachable, refused us, or answered badly."""


class PublishError(OrgkgError):
    """Publishing stopped part way: the graphs sent before are in place, the rest are not."""


class OutputError(OrgkgError):
    """The build's output folder or report cannot be written, or is not orgkg's to replace."""


class ExportError(OrgkgError):
    """An export cannot be written: unknown format, unwritable file."""


class ChartError(OrgkgError):
    """A chart cannot be drawn: unknown position or unit, unsupported format, no renderer."""


class ShapesError(OrgkgError):
    """Validation cannot run: the shapes are unreadable, not SHACL, or use what the engine lacks."""


class ReasonerError(OrgkgError):
    """Reasoning cannot run: no Java, the reasoner failed or timed out."""


class NoDocumentsError(InputError):
    """The inputs of a build hold no file orgkg reads: nothing is built."""
