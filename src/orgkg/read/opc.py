"""A Word package's parts (Open Packaging Conventions) as python-docx can open them: its relationships
to parts the archive does not hold left out. A program that dropped a part (a diagram's, an image)
and kept the relationship naming it leaves a package Word still opens; python-docx refuses it whole."""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def without_missing_parts(data: bytes) -> bytes:
    """The package with each relationship to a part it does not hold left out (the same bytes when
    none is)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        parts = {name: z.read(name) for name in z.namelist()}
    changed = False
    for name in [n for n in parts if n.endswith(".rels")]:
        kept = _kept(name, parts[name], names)
        if kept is not None:
            parts[name], changed = kept, True
    if not changed:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return out.getvalue()


def _kept(name: str, blob: bytes, names: set[str]) -> bytes | None:
    """A relationships part without its relationships to missing parts, or None when it has none."""
    from lxml import etree

    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    source = posixpath.dirname(posixpath.dirname(name))  # "word/_rels/document.xml.rels" -> "word"
    missing = [rel for rel in root.iter(_RELS) if rel.get("TargetMode") != "External"
               and _target(source, rel.get("Target", "")) not in names]
    for rel in missing:
        rel.getparent().remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if missing else None


def _target(source: str, target: str) -> str:
    """The archive name a relationship's target points to."""
    target = unquote(target)
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(source, target)
    return posixpath.normpath(path).lstrip("/")
