"""One document's structure, parsed once and shared by every rule.

``parse(text)`` gives a ``Document``: its lines, headings (with a level),
sections (a heading and the lines up to the next heading of the same or a
higher rank), label-value fields, list items (marker kind, depth, continuation
lines joined), tables, paragraphs and sentences. Every part carries offsets
into ``text`` (code points), so a rule that reads a part can say where.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Concatenate, ParamSpec, TypeVar, cast

from orgkg.extract.lexicon import fold, words
from orgkg.extract.records import Span
from orgkg.extract.structure.fields import Field, known_labels, read_fields
from orgkg.extract.structure.lines import PLACEHOLDER, UNDERLINE, Line, front_matter_end, split_lines


@dataclass(frozen=True)
class Heading:
    """A heading line: its text, its level, its line number and where it starts in the text."""

    text: str
    level: int  # 1..6 markdown-like; 7 a heading only by its shape (short, capitals, colon)
    line: int
    start: int
    end: int
    colon: bool = False  # written as a lead-in: ``The main duties are:``


@dataclass(frozen=True)
class Item:
    """A list item: its marker kind, its depth in the list, its text's span (continuations included)."""

    marker: str
    depth: int
    line: int
    start: int
    end: int


@dataclass
class Section:
    heading: Heading | None
    first: int  # the first line index after the heading
    last: int  # one past the last line index
    children: list[Section] = field(default_factory=list)


SHAPE_WORDS = 10
#: a line ending in a word that needs the next one (``issued by the`` / ``Secretary of State``) runs on;
#: ``...; and`` closes a list item.
CONTINUES = re.compile(r"(?i)(?<![;,])[ \t](?:the|a|an|of|and|or|to|for|in|by|with|on|at|from|"
                       r"de|du|des|la|le|les|et|[aà])$")


def _runs_on(item: str, body: str) -> bool:
    """A line at the margin goes on with the list item right above it: it opens in lower case or a bracket,
    or the item ends on a word or mark that needs the next (``CONTINUES``, a comma, a hyphen) or leaves a
    bracket open (``(mail is forwarded from the LA PO`` / ``Box to the Secretary's address)``)."""
    said = item.rstrip()
    return bool(body) and (body[0].islower() or body[0] == "(" or said.endswith((",", "-"))
                           or bool(CONTINUES.search(said) or NEEDS_NEXT.search(said))
                           or said.count("(") > said.count(")"))


#: a line ending in a word that never ends an item, even after a comma (``..., by-laws, the`` / ``Minimum Road
#: Standards Policy``); ``and``, ``or`` after a comma or semicolon may (``...; and``).
NEEDS_NEXT = re.compile(r"(?i)[ \t](?:the|a|an|of|to|for|in|by|with|on|at|from|de|du|des|la|le|les|[aà])$")


def _shape_heading(text: str, ln: Line, prev_blank: bool) -> bool:
    """A heading by its shape: a short line in capitals, or a short line ending with a colon."""
    body = text[ln.body_start : ln.body_end]
    words = body.split()
    if not words or len(words) > SHAPE_WORDS or body.endswith((".", ",", ";")) or ln.marker == "bullet":
        return False
    colon = body.endswith(":") and len(words) <= 8
    return in_capitals(body) or (colon and (prev_blank or ln.marker == "")) or ln.bold


def in_capitals(body: str) -> bool:
    """Three letters or more, all capitals. An ASCII line not ``isupper`` has none or a small one: not
    looked at letter by letter."""
    if body.isascii() and not body.isupper():
        return False
    letters = [c for c in body if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


class Document:
    """The parsed structure of one tidied text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.front_end = front_matter_end(self.lines, text)
        self.fields: list[Field] = read_fields(text, self.lines, self.front_end)
        if run_in := self._run_in_fields():
            self.fields = sorted(self.fields + run_in, key=lambda f: f.value_start)
        #: the answers of the rules read once for this document (``per_document``)
        self.answers: dict[tuple[Hashable, ...], object] = {}

    def _run_in_fields(self) -> list[Field]:
        """A list of fields written without colons, each item a known label (``[labels]``, any kind)
        run into its value or a space before it, the value opening with a capital or a digit:
        ``• LieuLuxembourg``, ``• MinistèreMinistère du Travail``, ``• Groupe A1``. Only a list of at
        least ``RUN_IN_ITEMS`` such items is one; ``Catégorie de métiers...`` is none (a word in lower case
        follows the label)."""
        found: list[Field] = []
        run: list[Field] = []
        for ln in self.lines[self.front_end :]:
            if ln.blank:
                continue
            field = _run_in(self.text, ln) if ln.marker == "bullet" else None
            if field:
                run.append(field)
            elif ln.marker != "bullet":
                found += run if len(run) >= RUN_IN_ITEMS else []
                run = []
        return found + (run if len(run) >= RUN_IN_ITEMS else [])

    # ------------------------------------------------------------ reading parts

    def body(self, ln: Line) -> str:
        return self.text[ln.body_start : ln.body_end]

    @cached_property
    def headings(self) -> list[Heading]:
        """The document's headings, read when first asked: a text parsed for its fields alone (a value,
        generic's prepared lines read for the location) never reads them."""
        return self._headings()

    def _headings(self) -> list[Heading]:
        out: list[Heading] = []
        prev_blank, prev_item = True, ""
        for ln in self.lines[self.front_end :]:
            body = self.body(ln)
            # an item's sentence wrapped to the margin: ``* Manage communications with ... and`` / ``the
            # council. This would typically include:`` is no heading
            runs_on = bool(prev_item) and not ln.marker and _runs_on(prev_item, body)
            nxt = self.lines[ln.index + 1] if ln.index + 1 < len(self.lines) else None
            under = nxt is not None and not ln.blank and UNDERLINE.match(self.text, nxt.start, nxt.end)
            level = 0
            if ln.atx:
                level = ln.atx
            elif under and under.group(1)[0] == "=":
                level = 1
            elif under and len(under.group(1)) >= 3:
                level = 2
            elif not ln.blank and not runs_on and not PLACEHOLDER.search(body) and \
                    _shape_heading(self.text, ln, prev_blank):
                level = 7
            if level and body.rstrip(" :*_"):
                end = ln.body_start + len(body.rstrip(" :*_"))
                out.append(Heading(body.rstrip(" :*_"), level, ln.index, ln.body_start, end,
                                   body.rstrip(" *_").endswith(":")))
            prev_blank, prev_item = ln.blank, body if ln.marker else ""
        return out

    @cached_property
    def sections(self) -> list[Section]:
        """Every heading's section: its lines up to the next heading of the same or higher rank."""
        out = []
        for i, h in enumerate(self.headings):
            last = len(self.lines)
            for later in self.headings[i + 1 :]:
                if later.level <= h.level or h.level == 7:
                    last = later.line
                    break
            out.append(Section(h, h.line + 1, last))
        return out

    def section_lines(self, section: Section) -> list[Line]:
        return self.lines[section.first : section.last]

    def items(self, section: Section | None = None) -> list[Item]:
        """List items (in ``section``, or everywhere), continuation lines joined, with depth."""
        lines = self.section_lines(section) if section else self.lines
        out: list[Item] = []
        indents: list[tuple[int, str]] = []
        for ln in lines:
            if ln.blank:
                continue
            if ln.marker:
                while indents and (indents[-1][0] > ln.indent
                                   or (indents[-1][0] == ln.indent and indents[-1][1] != ln.marker)):
                    indents.pop()
                if not indents or indents[-1][0] < ln.indent:
                    indents.append((ln.indent, ln.marker))
                out.append(Item(ln.marker, len(indents) - 1, ln.index, ln.body_start, ln.body_end))
            elif out and out[-1].line == ln.index - 1 and not self._is_heading(ln) and \
                    (ln.indent > 0 or _runs_on(self.text[out[-1].start : out[-1].end], self.body(ln))):
                last = out[-1]
                out[-1] = Item(last.marker, last.depth, ln.index, last.start, ln.body_end)
            elif not ln.indent:
                indents = []
        return out

    @cached_property
    def _item_lines(self) -> set[int]:
        return {k for it in self.items() for k in range(self.line_of(it.start), it.line + 1)}

    def line_of(self, offset: int) -> int:
        """The index of the line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset) - 1

    @cached_property
    def _starts(self) -> list[int]:
        return [ln.start for ln in self.lines]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every run of word characters (``\\w+``) of the text, as written: a phrase whose words are not all
        here, each whole, is nowhere in the text."""
        return frozenset(re.findall(r"\w+", self.text))

    def _is_heading(self, ln: Line) -> bool:
        return any(h.line == ln.index for h in self.headings)

    def paragraphs(self, section: Section | None = None) -> list[Span]:
        """Runs of unmarked, non-heading lines."""
        lines = self.section_lines(section) if section else self.lines[self.front_end :]
        heads = {h.line for h in self.headings} | self._item_lines
        out: list[Span] = []
        cur: Span | None = None
        for ln in lines:
            if ln.blank or ln.marker or ln.index in heads:
                if cur:
                    out.append(cur)
                cur = None
                continue
            cur = Span(cur.start, ln.body_end) if cur else Span(ln.body_start, ln.body_end)
        if cur:
            out.append(cur)
        return out

    def blocks(self, section: Section | None = None) -> list[Span]:
        """Paragraphs, a paragraph whose every line ends a sentence split into its lines
        (a list whose markers were lost), and top-level list items, in document order."""
        out = [Span(it.start, it.end) for it in self.items(section) if it.depth == 0]
        for p in self.paragraphs(section):
            out += self.line_items(p)
        return sorted(out, key=lambda s: s.start)

    def line_items(self, p: Span) -> list[Span]:
        """A paragraph's lines when they are a list whose markers were lost (each line ends a
        sentence, or each opens with a capital and none continues the one before), a Markdown table's
        rows (``| 40% | Answers telephones ... |``, not its header row or the rule under it), else the
        paragraph."""
        lines = [ln for ln in self.lines[self.line_of(p.start) : self.line_of(p.end) + 1] if not ln.blank]
        if len(lines) >= 2 and all(self.text[ln.body_start] == "|" for ln in lines):
            rules = {k for k, ln in enumerate(lines)
                     if TABLE_RULE.fullmatch(self.text, ln.body_start, ln.body_end)}
            return [Span(ln.body_start, ln.body_end) for k, ln in enumerate(lines)
                    if k not in rules and k + 1 not in rules]
        ends = all(self.text[ln.body_end - 1] in ".;!?" for ln in lines)
        capitals = all(self.text[ln.body_start].isupper() for ln in lines) and not any(
            self.text[ln.body_end - 1] in ",-(:" or CONTINUES.search(self.text, ln.body_start, ln.body_end)
            for ln in lines[:-1])
        if len(lines) >= 2 and (ends or capitals):
            return [Span(ln.body_start, ln.body_end) for ln in lines]
        return [p]

    def sentences(self, span: Span) -> list[Span]:
        """Sentences of a paragraph or item: a full stop, then a capital or the end."""
        out, at = [], span.start
        for m in SENTENCE_END.finditer(self.text[span.start : span.end]):
            end = span.start + m.end()
            if end < span.end and abbreviation(self.text, span.start + m.start()):
                continue  # ``the Snr. Program Delivery Manager``: no sentence ends there
            out.append(Span(at, end))
            at = end
            while at < span.end and self.text[at].isspace():
                at += 1
        if at < span.end:
            out.append(Span(at, span.end))
        return out


#: the rule under a Markdown table's header row: ``|---|:---:|``.
TABLE_RULE = re.compile(r"\|[\s:|-]*-[\s:|-]*")
#: a full stop, not after a lone letter (an initial: ``J. Smith``, ``U.S.``; an acronym ends a sentence: ``...
#: et celle de la DIRECCTE. Il veille ...``), then a capital or the end. The stop comes first: ``_sre`` skips
#: to a stop at once, where lookbehinds first are tried at every character.
SENTENCE_END = re.compile(r"[.!?](?<!\b[A-Za-z][.!?])(?=\s+[A-Z(\"\u2018\u201c]|\s*$)")


def abbreviation(text: str, dot: int) -> bool:
    """The full stop at ``dot`` closes a ``[words] abbreviations`` word (``Snr.``, ``Mme.``)."""
    m = re.search(r"(?<![\w.])(\w+)$", text[max(0, dot - 12) : dot])
    return m is not None and m.group(1).casefold() in words("words", "abbreviations")


#: how many run-in label items make a list of fields.
RUN_IN_ITEMS = 3


@cache
def _labels_by_length() -> tuple[str, ...]:
    """Every ``[labels]`` entry of every language, folded, longest first."""
    return tuple(sorted(known_labels(), key=len, reverse=True))


@cache
def _labels_by_start() -> dict[str, tuple[str, ...]]:
    """``_labels_by_length`` by their first character, in that order (a head opens as the labels it can
    start with do); a label folded to nothing, which any head starts with, ends each of them."""
    found = _labels_by_length()
    empty = tuple(label for label in found if not label)
    return {first: (*(label for label in found if label[:1] == first), *empty)
            for first in {label[:1] for label in found if label}} | {"": empty}


def _run_in(text: str, ln: Line) -> Field | None:
    """A bullet's known label and the value run into it (see ``Document._run_in_fields``)."""
    body = text[ln.body_start : ln.body_end]
    head = fold(body[:60])
    labels = _labels_by_start()
    for label in labels.get(head[:1], labels[""]):
        n = len(label)
        if not head.startswith(label) or fold(body[:n]) != label:
            continue
        value = body[n:].lstrip(" \t") if body[n : n + 1] in (" ", "\t") else body[n:]
        if value and (value[0].isupper() or value[0].isdigit()) and ":" not in body[:n]:
            start = ln.body_end - len(value)
            return Field(body[:n], ln.body_start, ln.body_start + n, start, ln.body_end, ln.index, loose=True)
        return None
    return None


@lru_cache(maxsize=4)  # a family and the shared rules it calls parse the same text; a Document is only read
def parse(text: str) -> Document:
    return Document(text)


P = ParamSpec("P")
T = TypeVar("T")


def per_document(rule: Callable[Concatenate[Document, P], T]) -> Callable[Concatenate[Document, P], T]:
    """``rule`` read once for each document and arguments (hashable, positional; keyword arguments are
    read afresh): a Document is only read, so the answer never changes. The rules that several others ask
    of the same document (``titles.announced``, ``labels.clean`` of the same span) keep their answer on it
    (``Document.answers``). Every caller gets the same object: answer tuples, or copy a list before changing
    it."""

    @functools.wraps(rule)
    def once(doc: Document, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:  # no key: read afresh
            return rule(doc, *args, **kwargs)
        key = (rule, *args)
        if key not in doc.answers:
            doc.answers[key] = rule(doc, *args, **kwargs)
        return cast(T, doc.answers[key])
    return once
