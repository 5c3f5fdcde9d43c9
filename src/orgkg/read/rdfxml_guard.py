"""RDF a user hands in (an extra ontology, a graph to merge), parsed safely.

RDF/XML is screened before rdflib sees it: no external entities, no
parameter entities, no entity that refers to another (the "billion laughs"
bomb), at most ``MAX_ENTITIES`` declarations of at most ``MAX_ENTITY_CHARS``
characters each, and at most ``MAX_EXPANSION`` characters from expanding
them. Small namespace entities, as Protégé writes them
(``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``), still load.
Every format is parsed with the network refused (``safety.offline``).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from rdflib import Graph

from orgkg.errors import InputError
from orgkg.safety import offline

MAX_ENTITIES = 200
MAX_ENTITY_CHARS = 2048
MAX_EXPANSION = 10_000_000
XML_FORMATS = {".rdf": "xml", ".owl": "xml", ".xml": "xml", ".ttl": "turtle", ".nt": "nt",
               ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".n3": "n3"}


class _PrologDoneError(Exception):
    """The DTD is read: stop before the document's body."""


def screen_xml(path: Path, data: bytes) -> None:
    """Raise ``InputError`` if the document's DTD declares anything but small, plain entities."""
    entities: dict[str, str] = {}

    def declared(name: str, is_parameter: int, value: str | None, base: str | None,
                 system_id: str | None, public_id: str | None, notation: str | None) -> None:
        if is_parameter:
            raise InputError(str(path), f"refused: parameter entity %{name}; in the DTD")
        if value is None or system_id or public_id:
            raise InputError(str(path), f"refused: external entity &{name}; ({system_id or public_id})")
        if "&" in value or "%" in value:
            raise InputError(str(path), f"refused: entity &{name}; refers to other entities "
                             "(an entity-expansion bomb?)")
        if len(value) > MAX_ENTITY_CHARS or len(entities) >= MAX_ENTITIES:
            raise InputError(str(path), "refused: too many or too large entity declarations")
        entities[name] = value

    def end_doctype() -> None:
        raise _PrologDoneError

    def first_element(name: str, attrs: dict[str, str]) -> None:
        raise _PrologDoneError

    parser = xml.parsers.expat.ParserCreate()
    parser.EntityDeclHandler = declared
    parser.EndDoctypeDeclHandler = end_doctype
    parser.StartElementHandler = first_element
    try:
        parser.Parse(data, True)
    except _PrologDoneError:
        pass
    except xml.parsers.expat.ExpatError as err:
        raise InputError(str(path), f"not well-formed XML: {err}") from None
    expansion = sum(len(value) * len(re.findall(rf"&{re.escape(name)};".encode(), data))
                    for name, value in entities.items())
    if expansion > MAX_EXPANSION:
        raise InputError(str(path), f"refused: entities would expand to {expansion} characters")


def safe_parse_rdf(path: Path, rdf_format: str | None = None) -> Graph:
    """Parse ``path`` into a new graph, screened and offline; ``InputError`` says why not."""
    fmt = rdf_format or XML_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF format {path.suffix!r}",
                         f"use one of {', '.join(sorted(XML_FORMATS))}")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read the file: {err.strerror or err}") from None
    if fmt == "xml":
        screen_xml(path, data)
    graph = Graph()
    with offline(str(path)):
        try:
            graph.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
        except (SyntaxError, ValueError, UnicodeDecodeError) as err:
            raise InputError(str(path), f"not valid {fmt}: {err}") from None
        except Exception as err:  # rdflib's parsers raise many kinds (SAXParseException, BadSyntax ...)
            if isinstance(err, InputError | PermissionError):
                raise
            raise InputError(str(path), f"not valid {fmt}: {type(err).__name__}: {err}") from None
    return graph
