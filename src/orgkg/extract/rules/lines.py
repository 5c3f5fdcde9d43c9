"""Plain lines read by their shape, for the rules that read text line by line: a heading line and a
line's list marker.
"""

from __future__ import annotations

import re

from orgkg.extract.rules.duties import names_duties


def is_heading(line: str) -> bool:
    """A short line that ends with a colon, is in capitals or in title case, or names duties."""
    s = line.strip()
    said = s.split()
    if not said or len(said) > 8 or s.endswith((".", ",", ";")):
        return False
    title_case = len(said) <= 6 and all(w[0].isupper() or not w[0].isalpha() or len(w) <= 3 for w in said)
    return s.endswith(":") or title_case or s.upper() == s or names_duties(s)


MARKER = re.compile(r"(?:([\u2022\u25cf\u25aa\u25e6*\-\u2013\u2014>])|\(?(\d{1,2}(?:\.\d{1,2})*[.)]|"
                    r"\d{1,2}(?:\.\d{1,2})+)|\(?([a-z])[.)]|\(?([A-Z])[.)])\s+")


def marker(line: str) -> tuple[str, int, str]:
    """(marker kind, indent, text without markers): kinds sym, num, lower, upper, none."""
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    kind, s, at = "none", line.strip(), 0
    for _ in range(4):  # markers nest at most a few deep (``- 1. a)``); no copying per marker
        m = MARKER.match(s, at)
        if not m:
            break
        kind = "sym" if m.group(1) else "num" if m.group(2) else "lower" if m.group(3) else "upper"
        at = m.end()
    return kind, indent, s[at:]
