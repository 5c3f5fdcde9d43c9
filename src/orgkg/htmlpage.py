"""The shell of every HTML page orgkg writes (the chart, the report): one self-contained offline page.

    text = page(title="Spans", generator="orgkg report", css=style, body=fill(template, parts))

A page carries everything it shows inline (style, and script or ``data:``
images where the page allows them) under a Content-Security-Policy that
forbids fetching anything, so it opens from a file anywhere. The title goes
in escaped; ``body`` is the page's ``<body>`` element, its parts put in with
``fill`` (one pass: a part's text is never read for further parts).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from pathlib import Path

_HEAD = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="generator" content="{generator}">
<title>{title}</title>
<style>{css}</style>
</head>
"""


def policy(*, scripts: bool = False, images: bool = False) -> str:
    """The Content-Security-Policy: nothing fetched; inline style, and inline script and
    ``data:`` images only when asked."""
    allowed = ["default-src 'none'", "script-src 'unsafe-inline'" if scripts else "",
               "style-src 'unsafe-inline'", "img-src data:" if images else ""]
    return "; ".join(x for x in allowed if x)


def page(*, title: str, generator: str, css: str, body: str, scripts: bool = False,
         images: bool = False) -> str:
    """The whole page: the head (policy, title, style) and ``body``, the ``<body>`` element."""
    head = _HEAD.format(policy=policy(scripts=scripts, images=images), generator=escape(generator),
                        title=escape(title), css=css)
    return f"{head}{body}</html>\n"


def fill(template: str, parts: Mapping[str, str]) -> str:
    """``template`` with each ``<!--ORGKG:NAME-->`` or ``/*ORGKG:NAME*/`` marker replaced by
    ``parts[NAME]``, in one pass over the template."""
    return re.sub(r"<!--ORGKG:(\w+)-->|/\*ORGKG:(\w+)\*/",
                  lambda m: parts[m.group(1) or m.group(2)], template)


def asset(folder: Path, name: str) -> str:
    """A text file the page inlines (a template, a style sheet, a script)."""
    return (folder / name).read_text(encoding="utf-8")
