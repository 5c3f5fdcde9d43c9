"""Generic duty-list rules: find a duties section by its heading and read its items.

A duties section starts at a heading such as Duties, Key Responsibilities,
Essential Functions, Major Duties or "What you will do", and ends at a heading
about something else (qualifications, working conditions, salary ...). Its
duties are the top-level list items (the marker kind and indent of the first
item), or its paragraphs when it has no list; a ``N%`` share of time may sit
at the start or end of an item, in brackets, or alone on the next line. Duties
written as short headings with their share (``Customer Support (45%)``) above
a description are read as those headings.
"""

from __future__ import annotations

import functools
import re

from orgkg.extract.records import Duty
from orgkg.extract.text import clean_title, first_sentence, squash

DUTY_HEAD = re.compile(
    r"^(?:(?:essential|major|primary|principal|key|main|specific|typical|general|core|job|assigned|"
    r"examples?\s+of)\s+)*(?:duties|functions|responsibilities|accountabilities|tasks|work|"
    r"activities)(?:\s*(?:and|&|/)\s*(?:responsibilities|duties|tasks|accountabilities|deliverables|"
    r"outcomes|results))?"
    r"(?:\s+(?:include|of\s+the\s+(?:position|job|role)))?(?:\s*\([^)]*\))?\s*:?$"
    r"|^what\s+you\s+will\s+do\s*:?$", re.I)
STOP_HEAD = re.compile(
    r"qualification|requirement|education|experience|knowledge|skills|abilit|competenc|"
    r"working\s+conditions|physical|environment|salary|compensation|benefit|how\s+to\s+apply|"
    r"licen[cs]|certificat|selection|person\s+specification|supervision\s+(?:received|exercised)|"
    r"contacts|about\s+(?:us|the|you)|equal\s+opportunity|signature|approv|distinguishing|"
    r"what\s+you\s+(?:bring|need|have)|who\s+you\s+are|what\s+we\s+offer|additional\s+information|"
    r"(?:we\s+are|we['\u2019]re)\s+looking\s+for|criteria|desirable|nice\s+to\s+have|ideal\s+candidate|"
    r"you\s+(?:should|must|will\s+need\s+to)\s+(?:possess|have|bring)", re.I)
#: a section number before a heading (``4.0``, ``SECTION 3.``), a time column after it (``% OF TIME``).
SECTION_NO = re.compile(r"^\s*(?:section\s+\d{1,2}[.:]?|\d{1,2}\.0)\s+(?=\S)", re.I)
TIME_COLUMN = re.compile(r"(?:\s{2,}|\s*[-/|]\s*)(?:%|percent(?:age)?)\s*(?:of\s+time)?\s*$", re.I)
COLUMN_HEADS = re.compile(r"^(?:%|percent(?:age)?)\s*(?:of\s+time)?\b", re.I)
#: a share of time in a column at the end of a line: ``... geodatabase,        30%``.
END_SHARE = re.compile(r"[ \t]{2,}\(?(\d{1,3}(?:\.\d+)?)[ \t]*%\)?[ \t]*$")
LEAD_SHARE = re.compile(r"^\(?(\d{1,3}(?:\.\d+)?)\s*%\)?\s*(?:[-\u2013:]\s*)?\**(?=\S)")
INTRO = re.compile(r"the\s+following|these\b|this\s+list|any\s+one\s+position|examples\s+of", re.I)


def is_heading(line: str) -> bool:
    """A short line that ends with a colon, is in capitals or in title case, or names duties."""
    s = line.strip()
    if not s or len(s.split()) > 8 or s.endswith((".", ",", ";")):
        return False
    title_case = len(s.split()) <= 6 and all(w[0].isupper() or not w[0].isalpha() or len(w) <= 3
                                             for w in s.split())
    return s.endswith(":") or title_case or s.upper() == s or bool(DUTY_HEAD.match(s))


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


@functools.lru_cache(maxsize=8192)  # a document's lines are looked at several times over
def heading_text(line: str) -> str:
    """A heading without its section number or time column: ``4.0 DUTIES   % OF TIME`` -> ``DUTIES``."""
    return TIME_COLUMN.sub("", SECTION_NO.sub("", line)).strip()


#: a line of this many words or fewer, in sentence case, may name the next section (``Essential criteria``).
SHORT_HEAD = 4


def duty_section(text: str) -> list[str]:
    """The lines under the first duties heading, up to the next non-duty heading."""
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if DUTY_HEAD.match(clean_title(heading_text(ln)) + ":")
                  or DUTY_HEAD.match(heading_text(ln))), None)
    if start is None:
        return []
    out = []
    for ln in lines[start + 1 :]:
        head = heading_text(ln)
        numbered = SECTION_NO.match(ln) is not None and is_heading(head)
        short = len(head.split()) <= SHORT_HEAD and head[:1].isupper() and not head.endswith((".", ",", ";"))
        plain = marker(ln)[0] == "none" or numbered
        stop = (is_heading(head) or short) and STOP_HEAD.search(head) and plain
        if stop or (numbered and not DUTY_HEAD.match(head)):
            break
        out.append(ln)
    return out


PERCENT = re.compile(
    r"^\s*\(?(\d{1,3}(?:\.\d+)?)\s*%\)?\s*(?:of\s+time)?\s*[-\u2013:]?\s*"
    r"|\s*[-\u2013(]?\s*(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+time)?\)?\s*$|\s*\((\d{1,3})\s*%\)"
)
PERCENT_LINE = re.compile(r"(?:percent(?:age)?\s+of\s+time\s*:?\s*)?\(?(\d{1,3}(?:\.\d+)?)\s*%\)?", re.I)


def percent_of(text: str) -> tuple[float | None, str]:
    """A share of time at the start, the end or in brackets, and the text without it."""
    m = PERCENT.search(text)
    if not m:
        return None, text
    return float(next(g for g in m.groups() if g)), (text[: m.start()] + " " + text[m.end() :]).strip()


def _item(line: str) -> tuple[str, int, str]:
    """``marker``, and kind ``pct`` for an item that opens with its share: ``35%  *Reviews ...``."""
    kind, indent, body = marker(line)
    lead = LEAD_SHARE.match(body) if kind == "none" else None
    return ("pct", indent, body) if lead and len(body) > lead.end() else (kind, indent, body)


#: a duty heading carrying its share of time, its description below: ``Customer Support (45%)``.
SHARED_HEAD = re.compile(r"^[ \t]*([A-Z][^\n%:.]{2,70}?)[ \t]*(?:[(\[][ \t]*|[-\u2013][ \t]*)"
                         r"(\d{1,3}(?:\.\d+)?)[ \t]*%[ \t]*[)\]]?[ \t]*$")


def headed_duties(lines: list[str]) -> list[Duty]:
    """Duties written as headings with their share (``Customer Support (45%)``), when two or more are."""
    found = [(m.group(1), float(m.group(2))) for ln in lines
             if marker(ln)[0] == "none" and (m := SHARED_HEAD.match(ln)) and is_heading(m.group(1))]
    return [Duty(clean_title(name), share) for name, share in found] if len(found) >= 2 else []


def duties(text: str) -> list[Duty]:
    """Top-level items (or paragraphs) of the duties section, each with its share of time."""
    if headed := headed_duties(duty_section(text)):
        return headed
    bodies: list[str] = []
    shares: list[float | None] = []
    top: tuple[str, int] | None = None
    pending: float | None = None
    blank = True
    for line in duty_section(text):
        column = END_SHARE.search(line)
        kind, indent, body = _item(line[: column.start()] if column else line)
        if kind == "pct" and (lead := LEAD_SHARE.match(body)):
            pending, kind, body = float(lead.group(1)), "num", body[lead.end():]
        only = PERCENT_LINE.fullmatch(body)
        if COLUMN_HEADS.match(body) and not only:
            continue
        if only and shares and shares[-1] is None:
            shares[-1] = float(only.group(1))
        elif only:
            pending = float(only.group(1))
        elif not body:
            blank = True
            continue
        elif (kind != "none" and (top is None or (kind == top[0] and indent <= top[1] + 1)
                                  or indent < top[1])) or \
                (kind == "none" and top is None and blank and body[0].isupper() and not is_heading(body)):
            top = top or ((kind, indent) if kind != "none" else None)
            bodies.append(body)
            shares.append(pending)
            pending = None
        elif bodies and kind == "none" and not blank:
            bodies[-1] += " " + body
        if column and shares and shares[-1] is None:
            shares[-1] = float(column.group(1))
        blank = False
    out = []
    for body, share in zip(bodies, shares, strict=True):
        found, rest = percent_of(squash(body))
        sentence = first_sentence(rest).rstrip(" .")
        if len(sentence.split()) >= 3 and not INTRO.match(sentence):
            out.append(Duty(sentence, share if share is not None else found))
    return out


def listed_after(text: str) -> list[str]:
    """Short title lines (bulleted or not) that follow a label, up to a sentence, label or heading."""
    out = []
    for ln in text.splitlines()[:25]:
        body = marker(ln)[2]
        if not body:
            continue
        if ":" in body or body.endswith(".") or len(body.split()) > 12 or STOP_HEAD.search(body) \
                or DUTY_HEAD.match(body):
            break
        out.append(body)
    return out
