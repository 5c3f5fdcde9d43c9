"""A SmartArt diagram's text, from its data part (``dgm:dataModel``), as lines: each box a line, an
org chart's boxes below their superior as bullets one level deeper per level."""

from __future__ import annotations

from typing import Any

_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
#: Where a document's drawing names its diagram's parts.
DIAGRAM = _DGM + "relIds"


def lines(blob: bytes) -> list[str]:
    """A diagram data part's lines (none when it is no XML)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        return _lines(etree.fromstring(blob, parser))
    except etree.XMLSyntaxError:
        return []


def _box_text(point: Any) -> str:
    paragraphs = ("".join(t.text or "" for t in p.iter(_A + "t")).strip() for p in point.iter(_A + "p"))
    return " ".join(text for text in paragraphs if text)


def _lines(data: Any) -> list[str]:
    """A SmartArt data part's boxes: from the diagram's root, each box then the boxes under it
    (``parOf`` connections, in their order) as bullets one level deeper; boxes no connection
    reaches after them, in the order of the points."""
    texts: dict[str | None, str] = {}
    roots = []
    for point in data.iter(_DGM + "pt"):
        kind = point.get("type", "node")
        if kind == "doc":
            roots.append(point.get("modelId"))
        elif kind in ("node", "asst"):
            texts[point.get("modelId")] = _box_text(point)
    below: dict[str | None, list[tuple[int, str | None]]] = {}
    for link in data.iter(_DGM + "cxn"):
        if link.get("type", "parOf") == "parOf":
            order = link.get("srcOrd", "")
            below.setdefault(link.get("srcId"), []).append((int(order) if order.isdecimal() else 0,
                                                             link.get("destId")))
    lines: list[str] = []
    seen: set[str | None] = set()
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        children = [child for _, child in sorted(below.get(node, ()), key=lambda c: c[0])
                    if child in texts and child not in seen]
        seen.update(children)
        stack.extend((child, depth + 1) for child in reversed(children))
        if texts.get(node):
            lines.append(("  " * (depth - 2) + "• " if depth > 1 else "") + texts[node])
    return lines + [text for key, text in texts.items() if key not in seen and text]
