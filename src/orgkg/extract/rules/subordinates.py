"""Who reports to the post: a lead-in naming the post as the superior of the posts after it, then them.

The lead-in (``[phrases] subordinates_lead``, then the post, then a ``[headings] copulas`` verb or a colon):
"Reporting to the Director are five positions:", "The following positions report directly to the Director:",
"Reporting directly to the Director are the Manager, X (FI-03); ...", "Les postes suivants relèvent du
directeur :"; or the post, then ``[phrases] subordinates_after`` ("The Director's direct reports are"). The
posts are told in its sentence ("the Manager, X (FI-03); the Manager, Y; and the Manager, Z") or one a line
or list item below it. Each post is its title's head: up to its classification or figures in brackets
("(AS-06, 3 FTEs)"), a dash, a colon, "who" (``[words] subordinate_clauses``), the words saying what it is
for ("responsible for", ``[words] described_by``) or a count after a comma; its leading article dropped
(``[words] listed_articles``). How many: the count the lead-in states ("five positions", "cinq postes"),
else the posts, each as many as its bracket says ("Sector Account Executives [x5]": five).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from orgkg.extract.lexicon import (
    BLANKS,
    LANGUAGES,
    alternation,
    fold,
    leading,
    numbers,
    patterns,
    said,
    written,
)
from orgkg.extract.needles import Needled
from orgkg.extract.records import Span
from orgkg.extract.rules.lines import marker
from orgkg.extract.rules.titles import in_prose, is_section_name, names_a_post
from orgkg.extract.text import singular_title, squash

Post = tuple[str, Span, int, str | None]  # a title, where it is written, how many such posts, its number


@dataclass(frozen=True)
class Subordinates:
    """The posts a lead-in lists, the count it states (if any) and the superior it names."""

    posts: list[Post]
    stated: int | None
    superior: tuple[str, Span]
    span: Span  # from the lead-in to the last post's line
    listed: bool = False  # one post a line below the lead-in, not told in its sentence

    @property
    def count(self) -> int:
        return self.stated or sum(n for _, _, n, _ in self.posts)


#: a count with a title: ``Sector Account Executives [x5]``, ``Area Coordinator (3)``, ``Clerk x 4``.
MULTIPLE = re.compile(r"\s*(?:\[\s*[x\u00d7]?\s*(\d{1,3})\s*\]|\(\s*[x\u00d7]?\s*(\d{1,2})\s*\))\s*$"
                      r"|\s+[x\u00d7]\s*(\d{1,3})\s*$", re.I)


#: a post's number in brackets after its title: ``Manager, Client Services (10-3310)``, ``(FPO-4O31O)`` as
#: scanned, ``(position 00045830)`` (``[words] post_number_words``); never a classification (``(EC-07)``: two
#: digits).
_POST_NUMBER_WORDS = leading("words", "post_number_words", r"[ \t]*")
NUMBER = re.compile(rf"\s*\(\s*(?i:(?:{_POST_NUMBER_WORDS}))?"
                    r"((?:[A-Z]{1,5}[- ]?)?\d(?=(?:[^\d)]*\d){2})[0-9OIl\-]{2,12})\s*\)")


#: a group-and-level code in brackets closing a title, maybe with the post's figures: ``(IS-05)``, ``(AS-06, 3
#: FTEs)``: the post's classification, no part of its title.
CLASSIFIED = re.compile(r"\s*\([A-Z]{2,4}[- ]?\d{1,2}(?:\s*[,;][^()\n]*)?\)\s*$")


def multiplicity(title: str) -> tuple[str, int]:
    """``Sector Account Executives [x5]`` -> (``Sector Account Executive``, 5)."""
    m = MULTIPLE.search(title)
    if not m or m.start() == 0:
        return title, 1
    n = int(m.group(1) or m.group(2) or m.group(3)) or 1
    base = title[: m.start()].rstrip(" ,")
    return (singular_title(base) if n > 1 else base), n


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
#: what a post is for, in any language: ``is responsible for``, ``accountable for``, ``chargé de``.
DESCRIBED_BY = "|".join(f"(?:{_described(lang)})" for lang in LANGUAGES)
DESCRIBED = re.compile(r"(?:,\s*(?:\([^()\n]{0,40}\)\s*)?,?|\s*\([^()\n]{0,40}\)\s*[:,]?)\s*"
                       rf"(?:{DESCRIBED_BY})", re.I)
#: the article before a described title (``[words] described_articles``): ``the``, ``Le``, ``L'`` (a French
#: title is lower case after it).
ARTICLE = re.compile(rf"^(?:{leading('words', 'described_articles')})", re.I)
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


def _number() -> str:
    return rf"(?:\d{{1,3}}|{'|'.join(sorted(numbers(), key=len, reverse=True))})"


#: a count before a listed title: ``two Strategy Analysts``, ``2 x Team Leader``.
COUNT = re.compile(rf"(?i)({_number()})\s+(?:[x\u00d7]\s+)?(?=[A-Z])")


@cache
def _lead() -> Needled:
    """A lead-in's words, the post (``who``), then a colon, or a copula with words up to a colon, or a
    copula alone (the posts told after it)."""
    lead, verbs = alternation("phrases", "subordinates_lead"), alternation("headings", "copulas")
    return Needled(rf"(?i)(?<![\w'\u2019])(?:{lead})\s+(?P<who>[^\n:.;]{{2,100}}?)"
                   rf"(?:\s*:|,?\s+(?:{verbs})\b(?:(?P<tail>[^\n:.;]{{0,60}}?):|(?=\s)))")


@cache
def _counted() -> re.Pattern[str]:
    """An article and a count before a lead-in's words: ``The five (5) positions reporting ...``, ``Four (4)
    senior positions report ...``."""
    the = alternation("words", "subject_articles")
    count = rf"(?P<n>{_number()})\s+(?:\(\s*\d{{1,3}}\s*\)\s+)?"
    return re.compile(rf"(?i)(?<![\w'\u2019])(?:(?:{the})\s+)?{count}(?:\w+\s+)?$")


@cache
def _after() -> Needled:
    """The post, then ``[phrases] subordinates_after``: "The Director's direct reports are"."""
    return Needled(rf"(?i)(?:{alternation('phrases', 'subordinates_after')})\b\s*:?")


#: the post before ``_after``'s words: capitalised words at the end of the text before them.
_POSSESSOR = re.compile(r"(?<![\w'\u2019])(?P<who>[A-Z][\w&'\u2019-]*(?:,?[ \t]+[\w&'\u2019-]+){0,8})$")


@cache
def _cut() -> re.Pattern[str]:
    """Where a post's title ends: a bracket (not a count, not an acronym inside the title: "Executive (EX)
    Services"), a dash, a colon, ``who``, what it is for, a figure after a comma."""
    clauses = alternation("words", "subordinate_clauses")
    return re.compile(
        r"\s*\((?!\s*[x\u00d7]?\s*\d{1,2}\s*\)\s*(?:[,;:.]|$)|[A-Z]{2,6}\)\s+[A-Z])"
        r"|\s*\[(?!\s*[x\u00d7]?\s*\d{1,3}\s*\])"
        rf"|\s+[-\u2013\u2014]\s+|\s*:(?:\s|$)|,?\s+(?:{clauses})\b"
        rf"|,?\s+(?:{DESCRIBED_BY})"
        r"|,\s*(?=\d|\()", re.I)


@cache
def _list_tail() -> re.Pattern[str]:
    """What a list leaves after an item: its stops and the word joining the next (``[words] list_joins``:
    "Manager, X and", "chef de service ou")."""
    return re.compile(rf"(?i)[\s,;.]+(?:{alternation('words', 'list_joins')})?[\s,;.]*$")


@cache
def _article() -> re.Pattern[str]:
    return re.compile(rf"(?i)^(?:{leading('words', 'listed_articles')})")


def head(item: str, *, lower: bool = False) -> tuple[str, bool, bool] | None:
    """A listed post's title (its head), whether words followed it, whether an article opened it; None
    where the item is no title (a sentence, a section's name, work in lower case)."""
    item = item.strip()
    for cut in [*_cut().finditer(item), None]:  # the first cut that leaves a title ("le responsable du
        title = item[: cut.start()] if cut else item  # centre": no cut before "responsable")
        title = _list_tail().sub("", title).strip(" \t,;.*")
        article = _article().match(title + " ")
        if article and article.end() > len(title):
            continue
        title = title[article.end() :] if article else title
        if title:
            break
    if not title or len(title.split()) > 12 or not title[0].isalpha() or is_section_name(title):
        return None
    if not lower and ((title[0].islower() and not article) or in_prose(title.split()[1:])):
        return None  # work in lower case; a sentence (``Senior Analyst will work with the Data Engineer``)
    return title, bool(cut), bool(article)


#: a list's mark inside a line: "... are: * Director, X * Director, Y" (a page's list run together).
INLINE_BULLET = re.compile(r"(?:^|\s)[*\u2022\u25cf\u25aa\u25a0][ \t]+(?=[A-Z\u00c0-\u00de])")


def _told(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list told in the sentence that goes on after a lead-in on its line: between
    semicolons, else before ``, the`` / ``and a`` (an article opening each), else the sentence whole."""
    if not text[start : text.find("\n", start) if "\n" in text[start:] else len(text)].strip():
        return []  # the list is on the lines below
    stop = re.search(r"\.(?=\s+[A-Z]|\s*$)|\n\s*\n", text[start:])
    end = start + stop.start() if stop else len(text)
    said_ = text[start:end]
    if len(bullets := list(INLINE_BULLET.finditer(said_))) >= 2:  # "* Director, X * Director, Y": run on
        cuts = [m.start() for m in bullets]
    elif ";" in said_:
        cuts = [m.end() for m in re.finditer(";", said_)]
    else:
        articles = alternation("words", "listed_articles")
        opens = rf"(?i),\s+(?=(?:{articles})(?:(?<=['\u2019])|\s))"
        cuts = [m.start() + 1 for m in re.finditer(opens, said_)]
        opens = rf"(?:{articles}|{_number()})\s"  # an article or a count opens the next item
        joined = rf"(?i)\s(?=(?:{alternation('words', 'list_and')})\s+{opens})"
        cuts += [m.start() + 1 for m in re.finditer(joined, said_)
                 if not said_[: m.start()].rstrip().endswith(",")]
        cuts += [m.start() + 1 for m in re.finditer(rf"(?i),\s+(?={_number()}\s)", said_)]
    bounds = [0, *sorted(set(cuts)), len(said_)]
    return [(start + a, start + b) for a, b in itertools.pairwise(bounds) if said_[a:b].strip()]


def _lines(text: str, start: int, *, lower: bool = False) -> list[tuple[int, int]]:
    """The items on the lines from a lead-in's end (the first may run on after its colon; a described item may
    wrap over lines): up to a heading after a blank line, a sentence, or the list's end."""
    items: list[tuple[int, int]] = []
    gap, at = False, start
    for line in text[start:].split("\n"):
        lo, at = at, at + len(line) + 1
        kind, _, body = marker(line)
        if not body.strip():
            gap = gap or bool(items)
            continue
        prev = text[items[-1][0] : items[-1][1]].rstrip() if items else ""
        if items and not gap and kind == "none" and not prev.endswith((".", ";", ":")) and (
                body[:1].islower() or prev.endswith(",") or ((said_ := head(marker(prev)[2])) and said_[1])):
            items[-1] = (items[-1][0], lo + len(line))  # a described item wrapped onto this line
            continue
        found = head(body, lower=lower)
        if not found or (gap and kind == "none" and not found[1]) or len(items) >= 25:
            break
        items.append((lo + len(line) - len(line.lstrip()), lo + len(line.rstrip())))
        gap = False
    return items


def counted_title(said_: str) -> tuple[str, int]:
    """A title with the count before it ("two Strategy Analysts": ``Strategy Analyst``, 2; "2 x Team
    Leader") or in brackets after it (``multiplicity``)."""
    m = COUNT.match(said_)
    if not m:
        return multiplicity(said_)
    n = int(m.group(1)) if m.group(1).isdecimal() else int(numbers().get(fold(m.group(1)), 1))
    rest = said_[m.end() :]
    return (singular_title(rest) if n > 1 else rest), n


def listed_post(item: str, *, lower: bool = False) -> tuple[str, str, int] | None:
    """A listed item's post: its title as written, the count before it no part of it (``head``: "Content
    Lead" of "Content Lead – editorial", "Data Analyst" of "Data Analyst (0.6 FTE)", "Team Leader" of "2 x
    Team Leader"; a ``QUALIFIER`` kept), its title as a post's and how many (``counted_title``: "Accounts
    Payable Officer (x2)": 2); None where the item is no title or a bracket's part ("3 FTE (1 x Senior
    Analyst": a list split inside a figure's brackets)."""
    item = item.strip()
    if item.count("(") != item.count(")"):
        return None
    count = COUNT.match(item)
    found = head(item[count.end() :] if count else item, lower=lower)
    if not found:
        return None
    qualifier = QUALIFIER.match(item, item.find(found[0]) + len(found[0]))
    written = found[0] + (qualifier.group(0) if qualifier else "")
    title, n = counted_title((count.group(0) if count else "") + written)
    if n == 1 and not count:  # a count after the post's classification: "Officer (CR-05) x 3"
        n = multiplicity(item)[1]
    return written, title, n


#: a bracket closing a listed item that holds words in capitals, no figure: the post's qualifier, part of its
#: title (``Programme Coordinator (Regions)``, ``Kaiwhatu Rautaki Māori (Māori Strategy & Policy)``).
QUALIFIER = re.compile(r"\s*\((?=[A-Z\u00c0-\u00de])[^()\d\n]{1,40}\)\s*$")


def _posts(text: str, items: list[tuple[int, int]], *, lower: bool = False) -> list[Post]:
    out: list[Post] = []
    for a, b in items:
        body = text[a:b]
        a, b = a + len(body) - len(body.lstrip()), a + len(body.rstrip())
        skip = (b - a) - len(marker(text[a:b])[2])
        found = head(text[a + skip : b], lower=lower)
        if not found:
            return []
        title, n = counted_title(found[0])
        if n == 1:  # a count after the post's classification: "Client Services Officer (CR-05) x 3"
            n = multiplicity(text[a + skip : b])[1]
        at = text.find(title if n > 1 and title in found[0] else found[0], a)
        number = NUMBER.match(text, at + len(found[0]), b)
        out.append((title, Span(at, at + len(found[0])), n, number.group(1) if number else None))
    return out


@cache
def _own_lead() -> Needled:
    """A lead-in that names no post, the post itself the superior, closing its line (``[phrases]
    reports_listed``): "The following positions report to this position:", "Le titulaire a sous sa
    responsabilité les postes suivants :"; or a ``[labels] supervised`` label alone on its line ("Direct
    Reports:", "## Positions Supervised", "Postes sous sa responsabilité :"), maybe with how many ("Direct
    reports: 3")."""
    leads = alternation("phrases", "reports_listed", BLANKS)
    labels = alternation("labels", "supervised", BLANKS)  # a label alone on its line: "Direct Reports:"
    bold, many = r"(?:\*\*|__)?", r"(?P<n>\d{1,3})?"
    return Needled(rf"(?im)(?<![\w'\u2019])(?:{leads})[ \t]*:?[ \t]*(?=\n|$)"
                   rf"|^[ \t]*(?:#{{1,6}}[ \t]+)?{bold}(?:{labels}){bold}[ \t]*:?{bold}[ \t]*{many}[ \t]*$")


Lead = tuple[re.Match[str], int, str, int | None]


@lru_cache(maxsize=4)  # subordinates and peers both ask it of the same text
def _leads(text: str) -> tuple[Lead, ...]:
    """Each lead-in, where it opens, the post it names ("" for the post itself) and the count it states, in
    the text's order."""
    found: list[Lead] = [(m, start, m.group("who"), stated) for m in _lead().finditer(text)
                         for start, stated in [_opening(m, text)]]
    found += [(m, m.start(), "", int(m.group("n")) if m.group("n") else None)
              for m in _own_lead().finditer(text)]
    for m in _after().finditer(text):
        if who := _POSSESSOR.search(text, max(0, m.start() - 80), m.start()):
            found.append((m, who.start(), who.group("who"), None))
    return tuple(sorted(found, key=lambda f: f[1]))


def _opening(lead: re.Match[str], text: str) -> tuple[int, int | None]:
    """Where a lead-in opens and the count it states: its article and count before its words (``The five (5)
    positions``), else its words (after an article: ``The following positions``), the count then after its
    copula (``are five positions:``)."""
    before = _counted().search(text, max(0, lead.start() - 40), lead.start())
    said_ = before.group("n") if before else ""
    if not said_ and lead.group("tail") and (m := re.search(_number(), lead.group("tail"), re.I)):
        said_ = m.group(0)
    value = int(said_) if said_.isdecimal() else numbers().get(fold(said_))
    if before:
        return before.start(), (int(value) if value is not None else None)
    the = re.search(rf"(?i)(?<![\w'\u2019])(?:{alternation('words', 'subject_articles')})\s+$",
                    text[max(0, lead.start() - 6) : lead.start()])
    return lead.start() - (len(the.group(0)) if the else 0), (int(value) if value is not None else None)


def subordinates(text: str) -> Subordinates | None:
    """The first lead-in of ``text`` that lists two posts or more, or one it describes ("Le directeur
    général, X, (49 employés) est responsable de ...") or counts ("Reporting to the Director is one
    position: the Manager, X."); never one that names the post's peers (``[phrases] one_of``: "one of
    five positions reporting to the ADM: ...", "The other positions reporting to the Director General
    are:")."""
    for lead, start, who, stated in _leads(text):
        the = alternation("words", "subject_articles")
        who = re.sub(rf"(?i)^(?:{the})\s+", "", who.strip(" ,"))
        if _one_of().search(text, max(0, start - 30), start) \
                or re.search(rf"(?i),\s+(?:{the})\s", who) or len(who.split()) > 12:
            continue
        end = lead.end()
        lower = bool(_french_lead().match(lead.group(0)))  # French titles are written in lower case
        for way, items in _ways(text, end, lower=lower):
            posts = _posts(text, items, lower=lower)
            enough = len(posts) >= 2 or way == "described" or (stated and way == "told")
            if posts and enough and any(names_a_post(p[0]) for p in posts):
                at = text.find(who, start)
                return Subordinates(posts, stated, (who, Span(at, at + len(who))),
                                    Span(start, max(b for _, b in items)), way != "told")
    return None


def peers(text: str) -> list[Post]:
    """The posts a lead-in names as the post's peers: the lead-in after ``[phrases] one_of`` words that
    ``subordinates`` passes over ("Other positions reporting to the Director are the Manager, X and the
    Manager, Y.", "Les autres postes relevant du directeur sont le responsable formation et le chargé de
    recrutement."), read as its posts are; two at least (one alone may be the post's own title)."""
    for lead, start, _, _ in _leads(text):
        if not _one_of().search(text, max(0, start - 30), start):
            continue
        lower = bool(_french_lead().match(lead.group(0)))
        posts = posts_after(text, lead.end(), lower=lower)
        if len(posts) >= 2 and any(names_a_post(p[0]) for p in posts):
            return posts
    return []


def posts_after(text: str, end: int, *, lower: bool = False) -> list[Post]:
    """The posts listed after ``end`` as a lead-in's are read (told in its sentence, described one a
    paragraph, one a line): the post's peers after their lead-in ("The other positions reporting to the ADM
    are: ...")."""
    found = (_posts(text, items, lower=lower) for _, items in _ways(text, end, lower=lower))
    return next(filter(None, found), [])


def _ways(text: str, end: int, *, lower: bool) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """The items after a lead-in as each way reads them: told in its sentence, described one a paragraph,
    one a line."""
    yield "told", _told(text, end)
    yield "described", _described_items(text, end)
    yield "lines", _lines(text, end, lower=lower)


@cache
def _french_lead() -> re.Pattern[str]:
    """A French lead-in (``[phrases] subordinates_lead``, ``reports_listed``, ``[labels] supervised``): its
    titles in lower case."""
    leads = [p for key in ("subordinates_lead", "reports_listed")
             for p in patterns("phrases", key, languages=("fr",))]
    leads += patterns("labels", "supervised", languages=("fr",))
    return re.compile(rf"(?i)[ \t#*_]*(?:{'|'.join(leads)})")


def _described_items(text: str, start: int) -> list[tuple[int, int]]:
    """The posts described one a paragraph after a lead-in ("Scientific Coordinator, (staff of 28)
    responsible for ...", the paragraphs maybe run together): each title up to the next, over the
    paragraphs that describe a post."""
    end = start
    for n, para in enumerate(re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[start:])):
        if n and not DESCRIBED.search(para.group(0)):
            break
        end = start + para.end()
    at, opens = start, []
    for title in described_titles(text[start:end]):
        m = re.compile(r"\s+".join(map(re.escape, title.split()))).search(text, at, end)
        if not m:
            return []
        opens.append(m.start())
        at = m.end()
    return list(itertools.pairwise([*opens, end])) if opens else []


@cache
def _one_of() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w'\u2019])(?:{alternation('phrases', 'one_of')})\s+(?:\S+\s+){{0,3}}$")


def superior_of_listed(text: str, start: int) -> bool:
    """The post named at ``start`` is the superior a lead-in names over the posts it lists ("Reporting to the
    supervisor are two other analysts"), not the superior of the post the document describes."""
    the = alternation("words", "subject_articles")
    return any(m.start("who") == start and not re.search(rf"(?i),\s+(?:{the})\s", m.group("who"))
               for m in _lead().pattern.finditer(text, max(0, start - 60), min(len(text), start + 200)))


def figure_of_subordinates(subs: Subordinates | None, text: str, count: int) -> bool:
    """``count`` is written only among the listed posts, one a line or in a post's brackets (``Manager,
    Facilities (AS-06, 3 FTEs)``): that post's staff, not the post's own (a figure told after the posts,
    "who together supervise 45 employees", stays)."""
    if subs is None:
        return False
    number = re.compile(rf"(?<![\d.,]){count}(?![\d.,]\d)")
    brackets = re.compile(r"\([^()\n]*\)")
    where = [subs.span] if subs.listed else [
        Span(m.start(), m.end()) for m in brackets.finditer(text, subs.span.start, subs.span.end)]
    inside = [w for w in where if number.search(text, w.start, w.end)]
    outside = text[: subs.span.start] + " " + text[subs.span.end :]
    return bool(inside) and not number.search(outside)
