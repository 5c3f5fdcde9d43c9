"""Accountabilities and supervised staff of a Government of Alberta position profile.

Three layouts of the accountabilities section:

- top-level bullets (or numbered items) that open a block of explanatory prose
  and nested activity lists ("The Manager:" then bullets): each opening bullet is
  a duty, a bullet after a line ending in ":" or after a sibling bullet is an activity;
- a plain list: every top-level item is a duty;
- plain one-sentence headings, each followed by an indented list of activities
  (the newer "Responsibilities and Activities" format): each heading is a duty.

Supervised staff told in one sentence ("Supervises the Manager, X; two Senior
Analysts; a Policy Analyst; and an Administrative Support position") give the
named subordinates and, counting "two ...", how many people the post supervises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgkg.extract.lexicon import alternation
from orgkg.extract.records import Duty, MentionedPosition
from orgkg.extract.text import NUMBER, clean_title, first_sentence, parse_percent, squash, to_int

BULLET = re.compile(
    r"^\s*(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2043\uf0b7\uf0a7\u00a7*\-\u2013>o]|\d{1,2}[.)]|"
    r"[a-z][.)]|\(?[ivx]{1,4}\))\s+"
)


@dataclass(frozen=True)
class Line:
    indent: int
    bullet: bool
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def lines_of(block: str) -> list[Line]:
    out = []
    for raw in block.splitlines():
        expanded = raw.replace("\t", "    ").replace("\u00a0", " ")
        indent = len(expanded) - len(expanded.lstrip(" "))
        bullet = bool(BULLET.match(expanded))
        text = squash(BULLET.sub("", expanded) if bullet else expanded)
        out.append(Line(indent, bullet, text))
    return out


def _is_prose(line: Line) -> bool:
    return not line.bullet and len(line.text.split()) >= 8


def _duty(text: str) -> Duty | None:
    statement = first_sentence(re.sub(r"\(?\d{1,3}\s*%\)?", "", text))
    return Duty(statement, parse_percent(text)) if statement else None


def _plain_headings(lines: list[Line]) -> list[Duty]:
    """One-sentence plain lines each followed by a deeper list: the headings are the duties."""
    heads = []
    for i, ln in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if ln.bullet or not nxt.bullet or nxt.indent <= ln.indent or ln.text.endswith(":"):
            continue
        if len(ln.text.split()) > 45 or first_sentence(ln.text, max_words=99) != ln.text.rstrip(" ."):
            return []  # a paragraph, not a heading: the structured layout
        heads.append(ln)
    if len(heads) < 2 or lines[0].bullet:
        return []
    return [d for ln in heads if (d := _duty(ln.text))]


def accountabilities(block: str) -> list[Duty]:
    lines = [ln for ln in lines_of(block) if not ln.blank]
    bullets = [ln for ln in lines if ln.bullet]
    if not bullets:
        return []
    if headed := _plain_headings(lines):
        return headed
    top = min(b.indent for b in bullets)
    structured = any(_is_prose(ln) for ln in lines)
    duties: list[Duty] = []
    for i, ln in enumerate(lines):
        if not ln.bullet or ln.indent != top or ln.text.endswith(":"):
            continue
        prev = lines[i - 1] if i else None
        if structured and prev is not None:
            if prev.text.rstrip("*").endswith(":"):
                continue
            if prev.bullet and prev.indent == top:
                continue
        if duty := _duty(ln.text):
            duties.append(duty)
    return duties


ARTICLE = rf"(?:the|a|an|one|{NUMBER})"


def supervised_list(text: str) -> tuple[list[MentionedPosition], int | None]:
    """"Supervises the X; two Ys; and a Z position" -> [X, Y, Z] and 1 + 2 + 1."""
    for m in re.finditer(rf"\b(?i:(?:directly\s+)?(?:{alternation('words', 'count_verbs')}))\s+", text):
        sentence = re.split(r"[.:](?=\s|$)|\n", text[m.end() : m.end() + 600], maxsplit=1)[0]
        sep = r"\s*;\s*(?:and\s+)?" if ";" in sentence else rf",?\s+and\s+(?={ARTICLE}\s)|,\s+(?={ARTICLE}\s)"
        reports: list[MentionedPosition] = []
        total = 0
        for item in re.split(sep, sentence):
            im = re.match(rf"(?i:{ARTICLE})\s+([A-Z][^;]*)$", item.strip())
            if not im:
                break
            count = to_int(item.split()[0]) or 1
            title = re.sub(r"\s+(?:positions?|staff|employees)$", "", clean_title(im.group(1)))
            title = re.sub(r"\s*\([A-Z]{2,5}\s?\d{1,2}\)$", "", title)  # its class code: ``(AS2)``
            if count > 1:
                title = re.sub(r"(?<=[a-rt-z])s$", "", title)
            reports.append(MentionedPosition(title))
            total += count
        else:
            if len(reports) >= 2:
                return reports, total
    return [], None
