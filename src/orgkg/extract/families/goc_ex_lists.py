"""Lists of positions in a GoC EX ORGANIZATION STRUCTURE section.

Besides bulleted lists and lists told in one sentence, the plan's benchmarks
describe each subordinate in its own paragraph: ``Scientific Coordinator, (staff
of 28) responsible for ...`` or ``Sector Account Executives [x5], responsible
for ...``. A bracketed ``[x5]`` or ``(5)`` after a title says how many such
positions there are: the title is then written in the singular and counts five.
"""

from __future__ import annotations

import re

from orgkg.extract.lexicon import LANGUAGES, leading, patterns, said, written
from orgkg.extract.text import singular_title, squash, to_int


def _described(language: str) -> str:
    """``is responsible for``, ``sont chargées d'``: a language's described_verbs (or none), described_by
    and described_by_links entries; a link ending in a letter ends a word (``for``, not ``form``)."""
    def alternation(key: str) -> str:
        return "|".join(patterns("words", key, languages=(language,)))
    links = "|".join(said(w) + (r"\b" if w[-1].isalnum() else "")
                     for w in written("words", "described_by_links", (language,)))
    return rf"(?:(?:{alternation('described_verbs')})\s+)?(?:{alternation('described_by')})\s+(?:{links})"


#: ``, (staff of 28) responsible for`` (or ``is responsible for``) — the comma closes the title of a
#: described position;
#: ``(AS-06, 3 FTEs): accountable for`` — so does a bracket (the words: ``[words] described_verbs``,
#: ``described_by`` and ``described_by_links`` of each language).
DESCRIBED = re.compile(r"(?:,\s*(?:\([^()\n]{0,40}\)\s*)?,?|\s*\([^()\n]{0,40}\)\s*[:,]?)\s*"
                       rf"(?:{'|'.join(f'(?:{_described(lang)})' for lang in LANGUAGES)})", re.I)
#: the article before a described title (``[words] described_articles``): ``the``, ``Le``, ``L'`` (a French
#: title is lower case after it).
ARTICLE = re.compile(rf"^(?:{leading('words', 'described_articles')})", re.I)
MULTIPLE = re.compile(r"\s*(?:\[\s*[x\u00d7]?\s*(\d{1,3})\s*\]|\(\s*[x\u00d7]?\s*(\d{1,2})\s*\))\s*$", re.I)
SENTENCE_END = re.compile(r"(?:\.|;|:)\s+(?=(?:[\u2022\u25cf\u25aa*-]\s*)?[A-Z])")


def described_titles(text: str) -> list[str]:
    """The titles that open ``Title, responsible for ...`` paragraphs, in order."""
    flat = squash(text)
    out: list[str] = []
    prev = 0
    for m in DESCRIBED.finditer(flat):
        head = flat[prev : m.start()]
        ends = list(SENTENCE_END.finditer(head))
        title = head[ends[-1].end() :] if ends else head
        title = title.strip(" ,;:*\u2022\u25cf\u25aa-")
        article = ARTICLE.match(title)
        title = title[article.end() :] if article else title
        if (title[:1].isupper() or article) and len(title.split()) <= 12:
            out.append(title)
        prev = m.end()
    return out


def multiplicity(title: str) -> tuple[str, int]:
    """``Sector Account Executives [x5]`` -> (``Sector Account Executive``, 5)."""
    m = MULTIPLE.search(title)
    if not m or m.start() == 0:
        return title, 1
    n = to_int(m.group(1) or m.group(2)) or 1
    base = title[: m.start()].rstrip(" ,")
    return (singular_title(base) if n > 1 else base), n
