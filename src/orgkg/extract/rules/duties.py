"""Duties: the items (or paragraphs) under a duties heading, else a run of verb-led statements.

A duties heading is any ``[headings] duties`` entry (``Key Responsibilities``,
``What you'll do``, ``We are looking for someone who will:``, ``Responsabilités
spécifiques``), with or without a section number or a time column. Under it the
top-level list items are the duties (items may start in lower case, nest,
and run over several lines, or be wrapped to the margin); without a list, its
paragraphs. A heading over a list is taken before one over paragraphs, a
heading before a lead-in line. Each duty keeps its share of time (``40%`` at its
start or end, in brackets, or in a column at the end of its first line); duties
named with their share above their description (``Customer Support (45%)``)
are those names. A list in groups keeps its duties, not the groups' names: a
line ending with a colon over unmarked lines (``Other duties:``), a short line
that names a group below it (``Financial reporting and analysis``, ``1. Program
Delivery`` over bullets). A lead-in saying ``Our ...`` names the employer's
responsibilities, not the post's. A document with no such heading gives its longest run (three
or more) of consecutive paragraphs or items that open with a duty verb
(``Provide ...``, ``Manages ...``; the whole list the run lies in when two thirds of
its items do, or the whole paragraph of unmarked lines; unmarked duty lines in one paragraph with a page's
chrome are its lines), else the one paragraph under a duties heading.
The generic family reads its duties here, once per document.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from orgkg.extract.lexicon import alternation, fold, language, words, words_in, written
from orgkg.extract.records import Duty
from orgkg.extract.rules.labels import DATE, MD_LINK
from orgkg.extract.structure import Document, Heading, Item, Span
from orgkg.extract.structure.document import CONTINUES, in_capitals
from orgkg.extract.structure.lines import Line
from orgkg.extract.text import clean_title, first_sentence, squash

#: a heading's number (``2.``, ``II.``, ``I –``, ``a)``, ``Section 3``) and a share closing it (``(40%)``).
SECTION_NO = re.compile(
    r"^(?:section\s+)?\d{1,2}(?:\.\d{1,2})*\.?\s+|^[ivx]{1,5}(?:\.|\s+[\u2013\u2014-])\s+|^[a-z]\)\s+"
    r"|\s*\(?%.*$", re.I)

#: a statement introducing duties, not one: ``The following are examples ...``.
INTRO = re.compile(r"the\s+following|these\b|this\s+list|any\s+one\s+position|examples\s+of", re.I)
#: the words after a share of time (``[words] share_of_time``): ``30% of time``.
_OF_TIME = alternation("words", "share_of_time")
PERCENT = re.compile(
    rf"^\s*\(?(\d{{1,3}}(?:\.\d+)?)\s*%\)?\s*(?:{_OF_TIME})?\s*[-\u2013:]?\s*"
    rf"|\s*[-\u2013(]?\s*(\d{{1,3}}(?:\.\d+)?)\s*%\s*(?:{_OF_TIME})?\)?\s*$|\s*\((\d{{1,3}})\s*%\)"
)


def percent_of(text: str) -> tuple[float | None, str]:
    """A share of time at the start, the end or in brackets, and the text without it."""
    m = PERCENT.search(text)
    if not m:
        return None, text
    return float(next(g for g in m.groups() if g)), (text[: m.start()] + " " + text[m.end() :]).strip()


#: a page header or footer (``[words] page_words``, ``page_links``): ``Page 2 of 5``, ``page 2 sur 5``.
PAGE_CHROME = re.compile(rf"(?i)\b(?:{alternation('words', 'page_words')})\s+\d+\s+"
                         rf"(?:{alternation('words', 'page_links')})\s+\d+\s*$")


@lru_cache(maxsize=4096)  # the rules ask it of the same lines again and again
def _is(heading: str, group: str, *, colon: bool = False) -> bool:
    text = fold(SECTION_NO.sub("", heading))
    known = words("headings", group)
    if group == "duties" and text.split()[:1] and text.split()[0] in words("words", "employer_possessives"):
        return False  # ``Our main responsibilities are:``: the employer's, not the post's
    if group == "duties" and text in words("labels", "supervises"):
        return False  # ``SUPERVISORY RESPONSIBILITIES:``: whom the post supervises, not its duties
    others = words("headings", "others_missions") if group == "duties" else frozenset()
    if any(text == w or text.startswith(w + " ") for w in others):
        return False  # ``Missions de la Direction :``: a directorate's, not the post's
    if group == "duties" and text in words("headings", "duties_exact"):
        return True
    if group == "duties" and colon and any(text.endswith(" " + w) for w in words("headings", "duties_exact")
                                           if w.startswith("you")):
        return True  # ``As a Service Designer you will:``
    if group == "duties" and colon and any(text.endswith(" " + w) or text == w
                                           for w in words("headings", "lead_in_endings")):
        return True  # ``En tant qu'expert en affaires juridiques, vous serez amené à:``
    said = text.split()
    if text in known or (len(said) <= 8 and any(" ".join(said[:k]) in known for k in range(1, len(said)))):
        return True  # the heading, or its first words (``Key Responsibilities of the Post``)
    if group == "duties" and (bare := _unqualified(text)) != text:
        return _is(bare, group)  # ``Primary Accountabilities``, ``Examples of Major Duties``
    if group == "duties" and 0 < len(said) <= 8 and said[0] in words("headings", "duties_questions") and \
            _single_words().search(text) and not any(w in words("headings", "stop") for w in said):
        return True  # a heading asked as a question around the duties' name: ``What Your Key Responsibilities
        # Will Be`` (no other topic's word in it: ``What skills and duties ...``)
    # ``The main responsibilities of the post are:``: a lead-in naming the duties
    return group == "duties" and colon and len(text.split()) <= 12 and bool(_single_words().search(text))


def names_duties(line: str) -> bool:
    """A heading naming the duties: ``Key Responsibilities``, ``Duties:``, ``What you will do``."""
    return _is(line.strip().rstrip(" :"), "duties")


def _unqualified(text: str) -> str:
    """A folded heading without the ``[headings] duties_qualifiers`` words it opens with."""
    qualifiers = words("headings", "duties_qualifiers")
    while (first := next((q for q in qualifiers if text.startswith(q + " ")), None)) is not None:
        text = text[len(first) + 1 :]
    return text


@cache
def _single_words() -> re.Pattern[str]:
    """The one-word duties headings (``responsibilities``, ``missions``) as one pattern."""
    single = sorted(w for w in words("headings", "duties") if len(w.split()) == 1)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, single)) + r")\b")


def is_stop_line(line: str) -> bool:
    """A short unpunctuated line naming another topic: ``Key Qualifications``, ``What We Offer``."""
    text = fold(SECTION_NO.sub("", line.rstrip(" :")).replace("(s)", "s"))  # ``Legal Requirement(s)``
    if not text or line.rstrip().endswith((".", ";", ",")):
        return False
    if " " in text and text in words("headings", "stop"):
        return True  # a stop heading word for word, in sentence case, of any length: ``What you'll need``,
        # ``What Skills and Qualifications Do I Need?``
    if len(text.split()) > 6:
        return False
    if len(text.split()) <= 3 and text.split()[0] in words("headings", "stop"):
        return True  # the topic first, as French writes it: ``Qualifications essentielles``
    if not line.rstrip().endswith(":") and any(w[0].islower() for w in line.split() if len(w) > 3):
        return False  # a sentence (``Monitors the requirement for continued certification``)
    # the heading, or a stop heading closing it (``Your Qualifications``) or, of two words or more, opening it
    # (``Skills and abilities required``): each word break looked up, not each stop heading tried
    stop = words("headings", "stop")
    return text in stop or any(c == " " and (text[i + 1 :] in stop or (" " in text[:i] and text[:i] in stop))
                               for i, c in enumerate(text))


def _group_of_duties(doc: Document, ln: Line, starts: dict[int, Item]) -> bool:
    """A line naming another topic that is a group of the duties list it stands in: the items right under
    it (two or more) open with duty verbs, two thirds of them."""
    below = next((n for n in doc.lines[ln.index + 1 :] if not n.blank), None)
    if below is None or below.index not in starts:
        return False
    items = [it for k, it in sorted(starts.items()) if k >= below.index][:GROUP_ITEMS]
    led = sum(_verb_led(doc, Span(it.start, it.end)) for it in items)
    return len(items) >= 2 and led * 3 >= len(items) * 2


#: the items under a group's name that say whether they are duties.
GROUP_ITEMS = 3


def _short(line: str) -> bool:
    """A short unpunctuated line, a heading's shape."""
    return 0 < len(line.split()) <= 6 and not line.rstrip().endswith((".", ";", ","))


def is_lead_in(line: str) -> bool:
    """A line introducing the duties: ``The main responsibilities of the post are:``,
    ``... vous aiderez à vous acquitter des responsabilités suivantes :``."""
    tail = " ".join(line.rstrip(" :").split()[-LEAD_IN_WORDS:])
    return line.rstrip().endswith(":") and _is(tail, "duties", colon=True)


#: the words at the end of a lead-in line that say what follows.
LEAD_IN_WORDS = 8


def duty_headings(doc: Document) -> list[Heading]:
    """Headings naming the duties, and short unmarked lines that are a duties heading word for word
    (``Major Responsibilities`` written as plain text)."""
    found = {h.line: h for h in doc.headings if _is(h.text, "duties", colon=h.colon)}
    for ln in doc.lines:
        body = doc.body(ln).rstrip(" :")
        said = len(body.split())
        if ln.index not in found and not ln.marker and 0 < said <= SHORT_HEAD and \
                (said <= 6 or _over_a_list(doc, ln)) and _is(body, "duties") and \
                not body.endswith((".", ";", ",")):
            found[ln.index] = Heading(body, 7, ln.index, ln.body_start, ln.body_start + len(body))
    for h in doc.headings:
        if h.line not in found and not h.colon and _leads_into_duties(doc, h):
            found[h.line] = h
    return [found[k] for k in sorted(found)]


def _over_a_list(doc: Document, ln: Line) -> bool:
    """The next line that is not blank opens a list item: ``Missions et tâches spécifiques à la fonction``
    over ``1. Mise en place ...``."""
    below = next((n for n in doc.lines[ln.index + 1 :] if not n.blank), None)
    return below is not None and bool(below.marker)


def _leads_into_duties(doc: Document, head: Heading) -> bool:
    """A heading whose sentence goes on in the items under it (it ends with a ``[words] lead_in_ends`` word:
    ``DISCOVER THE OPPORTUNITY TO``, ``IN THIS JOB YOU WILL``), three or more, two thirds of them opening
    with a duty verb."""
    said = fold(head.text).split()
    if len(said) < 2 or said[-1] not in words("words", "lead_in_ends"):
        return False
    end = min((h.line for h in doc.headings if h.line > head.line), default=len(doc.lines))
    items = [Span(it.start, it.end) for it in doc.items() if it.depth == 0 and head.line < it.line < end]
    led = sum(_verb_led(doc, span) for span in items)
    return len(items) >= 3 and led * 3 >= len(items) * 2


def _blocks_under(doc: Document, head: Heading, others: frozenset[int] = frozenset()) -> list[Span]:
    """The top-level items under ``head`` (those under a lead-in item, ``vous serez amené à:``, in its
    place), else its paragraphs, up to the next heading or the next line of ``others`` (another duties
    heading written as a plain line: ``Missions et tâches spécifiques à la fonction`` under a page's
    ``Description de fonction``)."""
    heads = {h.line: h for h in doc.headings}
    starts = {doc.line_of(it.start): it for it in doc.items()}
    covered = {k for first, it in starts.items() for k in range(first, it.line + 1)}
    out: list[Span] = []
    lead_ins: set[Span] = set()
    nested: set[Span] = set()
    below: dict[Span, list[Span]] = {}  # the items one level under each top-level item
    grouped = False
    top: int | None = None
    para: Span | None = None
    kind = ""
    employer = False  # ``About the Agency`` first under ``Job Duties``: the employer's words, up to ``About
    # the Position``
    for ln in doc.lines[head.line + 1 :]:
        if not out and not para and not ln.marker and _short(doc.body(ln)):
            if _is(doc.body(ln), "employer"):
                employer = True
                continue
            if employer and _is(doc.body(ln), "post"):
                employer = False
                continue
        if employer:
            continue
        if ln.index in others and ln.index not in heads and (out or para):
            break
        if ln.index in heads and ln.index not in starts:
            group = _group_of_items(doc, heads[ln.index], starts) or _subsection(head, heads[ln.index])
            if not out and para and group and _introduces(doc, para):
                para = None  # ``The following tasks represent ... key duties:`` over the list's first group
            if not out and not para and group:
                grouped = True  # ``Secrétariat du Maire :`` first under the heading: a list in groups
            if grouped and group:
                if para:
                    out.append(para)
                    para = None
                continue  # ``Suivi des affaires intercommunales :`` over the list's next group
            if kind == "item" and _short(heads[ln.index].text) and not is_stop_line(heads[ln.index].text) \
                    and _between_items(doc, ln, starts, out[-1]):
                continue  # ``Commercial work:``, ``Data Management`` between items of duties marked alike:
                # the list's next group
            if out or para or _is(heads[ln.index].text, "stop"):
                break
            continue
        if (out or para) and not ln.marker and is_stop_line(doc.body(ln)):
            if kind == "item" and _group_of_duties(doc, ln, starts):
                continue  # ``CMS and Migration Requirements`` over items led by duty verbs: the list's group
            break  # ``Key Qualifications`` written as plain text
        if PAGE_CHROME.search(doc.body(ln)) or COLUMN_HEADS.match(doc.body(ln)):
            continue  # ``Page 2 of 5``, ``Percent of Time / Duties``: a page's or a table's chrome
        it = starts.get(ln.index)
        if it and (out or para) and _capitals(doc.body(ln)):
            break  # ``6.0 MINIMUM QUALIFICATIONS``: a numbered heading of the next section
        if it and out and doc.body(ln).rstrip().endswith(":") and is_stop_line(doc.body(ln)):
            break  # ``- Nos critères d'évaluation :``: the next section's heading written as an item
        if it and out and _short(body := doc.body(ln)) and _requirements().match(body.strip(" \t*_#")):
            break  # ``2. Qualifications`` over ``- Hold a trade certificate ...``: what is required, no group
        if it:
            if para and not out:
                para = None  # an introduction before the list
            last = para or (out[-1] if out and kind == "para" else None)
            if last and _profile_lead().search(doc.text, last.start, last.end):
                out, para = [], None  # ``Le candidat ou la candidate devra disposer d'une expérience ...
                break  # intégrant :``: the profile the person recruited must have, listed under the heading
            if last and doc.text[last.start : last.end].rstrip(" *_").endswith(":"):
                out, para = [], None  # paragraphs ending with a lead-in (``... aura pour missions de :``)
            top = it.depth if top is None else top
            if it.depth == top:
                out.append(Span(it.start, it.end))
                kind = "item"
            elif kind == "item" and (parent := next((s for s in reversed(out) if s not in nested), None)) \
                    and is_lead_in(doc.text[parent.start : parent.end].rstrip(" *_")):
                # ``vous serez amené à:`` over its own list: the items under the lead-in are the duties
                lead_ins.add(parent)
                nested.add(Span(it.start, it.end))
                out.append(Span(it.start, it.end))
            elif kind == "item" and it.depth == top + 1:
                below.setdefault(out[-1], []).append(Span(it.start, it.end))
            continue
        if ln.blank:
            if para and out and kind == "para" and _leads_elsewhere(doc, para):
                para = None  # ``Les agents du grade ... exercent :``: another list
                break
            if para:
                out.append(para)
                para = None
            continue
        if kind == "item" and ln.index not in covered and _runs_on(doc, out[-1], ln):
            out[-1] = Span(out[-1].start, ln.body_end)  # an item's sentence wrapped to the margin
            continue
        if kind == "item" and ln.indent == 0 and ln.index not in covered:
            if _short(doc.body(ln)) and _between_items(doc, ln, starts, out[-1]):
                continue  # ``Service Development`` between ``2.3 To ensure ...`` and ``2.4 To lead ...``
            break  # a paragraph after the list ends it
        if kind != "item" and ln.index not in covered:
            para = Span(para.start, ln.body_end) if para else Span(ln.body_start, ln.body_end)
            kind = "para"
    if para:
        out.append(para)
    out = _groups_opened(doc, [span for span in out if span not in lead_ins], below)
    if kind == "para" and (led := [k for k, span in enumerate(out) if _leads_in(doc, span)]) and \
            len(out) - led[-1] > 2:
        out = out[led[-1] + 1 :]  # ``À ce titre, vos missions principales sont les suivantes :`` after the
        # employer's and the post's presentation: the paragraphs after it are the duties
    return _without_group_names(doc, [part for span in out
                                      for part in (_prose_parts(doc, span) if kind == "para" else [span])])


@cache
def _profile_lead() -> re.Pattern[str]:
    """A lead-in sentence whose subject is the person recruited (``[words] recruited_subjects``) and whose
    verb says what they must have or be (``recruited_not_work``), closed by a colon: ``Le candidat ou la
    candidate devra disposer d'une expérience professionnelle solide ... intégrant en particulier :``."""
    subjects, required = (alternation("words", key, r"\s+")
                          for key in ("recruited_subjects", "recruited_not_work"))
    return re.compile(rf"(?im)(?:^|[.!?]\s+)[*_]*(?:{subjects})(?!\w)[^.:;]{{0,80}}?"
                      rf"(?<!\w)(?:{required})(?!\w)[^.:;]*:[*_\s]*$")


def _introduces(doc: Document, para: Span) -> bool:
    """A paragraph that introduces what follows: it ends with a colon or says ``The following ...``."""
    said = doc.text[para.start : para.end].rstrip(" *_")
    return said.endswith(":") or bool(INTRO.search(said))


def _prose_parts(doc: Document, span: Span) -> list[Span]:
    """A paragraph under a duties heading as its duties: its lines when they are a list whose markers were
    lost, else its sentences when three or more, two thirds of them opening with a duty verb (``Vous
    analysez ... Vous préparez ... Vous assurez ...``), else the paragraph."""
    french = language(doc.text) == "fr"
    lines = doc.line_items(span)
    if lines != [span]:  # each line a paragraph of its own, perhaps of duty sentences (a PDF's paragraphs)
        return [part for line in lines
                for part in _sentences_if_duties(doc, line, french, least=HEADED_SENTENCE_DUTIES)]
    return _sentences_if_duties(doc, span, french, least=HEADED_SENTENCE_DUTIES)


#: as many duty sentences in a paragraph under a duties heading as make it a list written as prose.
HEADED_SENTENCE_DUTIES = 3


def _leads_elsewhere(doc: Document, para: Span) -> bool:
    """A paragraph ending with a colon that leads in no duties, over no marked list (the items under a
    paragraph ending ``:`` are read as the duties): what follows is another topic's."""
    said = doc.text[para.start : para.end].rstrip(" *_")
    below = next((ln for ln in doc.lines[doc.line_of(para.end) + 1 :] if not ln.blank), None)
    return said.endswith(":") and not _leads_in(doc, para) and not (below and below.marker)


def _groups_opened(doc: Document, spans: list[Span], below: dict[Span, list[Span]]) -> list[Span]:
    """The spans, an item naming a group (a short line without a duty verb: ``1. Maintenance des
    bâtiments communaux``) in place of the items under it when two thirds of them open with one (``-
    Planifier les interventions ...``)."""
    french = language(doc.text) == "fr"
    out: list[Span] = []
    for span in spans:
        items = below.get(span, [])
        led = sum(_verb_led(doc, it, french) for it in items)
        named = _short(doc.body(doc.lines[doc.line_of(span.start)])) and not _verb_led(doc, span, french)
        opened = bool(items) and led * 3 >= len(items) * 2 and named
        out += items if opened else [span]
    return out


@cache
def _requirements() -> re.Pattern[str]:
    """A name opening with the stem of what is required (``[degrees] required``: ``Qualifications``,
    ``Minimum Requirements``, ``Exigences du poste``), never a group of duties."""
    return re.compile("|".join(re.escape(w) for w in written("degrees", "required")) or "(?!)", re.I)


def _between_items(doc: Document, ln: Line, starts: dict[int, Item], last: Span) -> bool:
    """A line naming a group of a list of duties: right over an item marked as the ``last`` item above it
    is, that opens with a duty verb."""
    below = next((n for n in doc.lines[ln.index + 1 :] if not n.blank), None)
    item = starts.get(below.index) if below else None
    return item is not None and item.marker == doc.lines[doc.line_of(last.start)].marker and \
        _verb_led(doc, Span(item.start, item.end))


def _leads_in(doc: Document, span: Span) -> bool:
    """A paragraph whose last sentence is a lead-in to the duties (``is_lead_in``)."""
    said = doc.text[span.start : span.end].rstrip(" *_")
    return said.endswith(":") and is_lead_in(re.split(r"(?<=[.!?])\s+", said)[-1])


def _without_group_names(doc: Document, spans: list[Span]) -> list[Span]:
    """The spans without the names of their groups: in a list at least half of whose items open with a
    duty verb, a short unpunctuated line that does not (or names in title case, ``Program
    Implementation and Delivery``), right before one that does, names the group below it
    (``Financial reporting and analysis`` / ``Responsible for preparation ...``)."""
    french = language(doc.text) == "fr"
    led = [_verb_led(doc, span, french) for span in spans]
    if sum(led) * 2 < len(spans):
        return spans
    said = [doc.text[span.start : span.end].strip(" *_\t") for span in spans]
    named = [_group_name(t) for t in said]
    marker = [doc.lines[doc.line_of(span.start)].marker for span in spans]
    names = [k for k in range(len(spans) - 1)
             if (not led[k] or named[k]) and led[k + 1] and not named[k + 1]
             and len(said[k].split()) <= GROUP_WORDS and not said[k].endswith((".", ";", ":", ","))]
    # two such lines or more that open with no duty verb, or one marked otherwise than the items below
    # it (``1.`` over bullets): ``Matrix-managing a multidisciplinary team`` alone among its list's
    # bullets, ``Manages the Records Program`` over its unmarked lines, are duties
    unled = [k for k in names if not led[k]]
    names = [k for k in names if (len(unled) >= 2 and k in unled) or marker[k] != marker[k + 1]]
    return [span for k, span in enumerate(spans) if k not in names]


def _group_of_items(doc: Document, head: Heading, starts: dict[int, Item]) -> bool:
    """A heading ending with a colon, no other topic's, right over list items or over unmarked lines
    that are not a heading (``Overseeing the Photograph Collection:`` / ``Digitizing photographs ...``):
    a group of a list."""
    below = next((ln for ln in doc.lines[head.line + 1 :] if not ln.blank), None)
    heads = {h.line for h in doc.headings}
    over = below is not None and (below.index in starts or (
        not below.marker and below.index not in heads and below.index == head.line + 1))
    return head.colon and over and not _is(head.text, "stop") and not is_stop_line(head.text)


def _subsection(head: Heading, sub: Heading) -> bool:
    """``### Pilotage`` under ``## Missions``: a heading of a lower rank than the duties heading (both
    marked as headings), no other topic's, names a group of the duties."""
    return head.level < sub.level < SHAPE_LEVEL and not _is(sub.text, "stop") and not is_stop_line(sub.text)


#: the level of a heading known only by its shape (``Document._headings``).
SHAPE_LEVEL = 7


def _runs_on(doc: Document, item: Span, ln: Line) -> bool:
    """``ln`` goes on with the item on the line above it (a PDF's lines wrapped to the margin): ``ln``
    opens in lower case or a bracket, or the item ends on a word or mark that needs the next."""
    said = doc.text[item.start : item.end].rstrip()
    body = doc.body(ln)
    return doc.line_of(item.end) == ln.index - 1 and bool(body) and \
        (body[0].islower() or body[0] == "(" or said.endswith((",", "-")) or bool(CONTINUES.search(said)))


def _capitals(body: str) -> bool:
    """A short line in capitals, a heading whatever its marker: ``5.0 OTHER FUNCTIONS``."""
    return in_capitals(body) and len(body.split()) <= SHORT_HEAD


#: a heading in capitals has at most this many words.
SHORT_HEAD = 8
#: a table's column headings over the duties: ``Percent of Time / Duties``, ``% OF TIME``.
COLUMN_HEADS = re.compile(rf"(?i)(?:%|{alternation('words', 'percent_words')})\s*(?:{_OF_TIME})?\b")
#: a share of time in a column at the end of a line: ``... geodatabase,        30%``.
END_SHARE = re.compile(r"[ \t]{2,}\(?(\d{1,3}(?:\.\d+)?)[ \t]*%\)?[ \t]*$", re.M)
#: a duty heading carrying its share of time, its description below: ``Customer Support (45%)``,
#: ``Fieldwork – 15%:`` (a colon closing it).
SHARED_HEAD = re.compile(r"([A-Z][^\n%:.]{2,70}?)[ \t]*(?:[(\[][ \t]*|[-\u2013][ \t]*)"
                         r"(\d{1,3}(?:\.\d+)?)[ \t]*%[ \t]*[)\]]?[ \t]*:?[ \t]*$")


def _headed(doc: Document, head: Heading) -> list[tuple[Duty, Span]]:
    """Duties written as unmarked lines naming each with its share (``Customer Support (45%)``), a
    description below, when two or more are, up to the next heading."""
    heads = {h.line for h in doc.headings}
    found: list[tuple[Duty, Span]] = []
    for ln in doc.lines[head.line + 1 :]:
        m = None if ln.marker else SHARED_HEAD.fullmatch(doc.body(ln))
        if (ln.index in heads and not m) or (found and not ln.marker and is_stop_line(doc.body(ln))):
            break  # (a duty's own heading, ``Fieldwork – 15%:``, read as a heading, goes on)
        if m and len(m.group(1).split()) <= SHORT_HEAD:
            span = Span(ln.body_start, ln.body_start + m.end(1))
            found.append((Duty(clean_title(m.group(1)), float(m.group(2))), span))
    return found if len(found) >= 2 else []


def _share(doc: Document, span: Span) -> tuple[float | None, str]:
    """A duty's share of time (in a column at the end of a line, or at the start, end or in
    brackets) and its text without it."""
    said = doc.text[span.start : span.end]
    if said.startswith("|"):
        return _row_share(said)
    column = END_SHARE.search(said)
    said = END_SHARE.sub("", said) if column else said
    share, rest = percent_of(squash(MD_LINK.sub(r"\1", said)))
    rest = re.sub(r"^\*(?=[^\s*])(?!.*\*)", "", rest)  # ``*Plans ...``: an essential function's mark
    return (float(column.group(1)) if column else share), rest


#: a table cell that is a share of time and nothing else: ``40%``, ``(25 %)``.
SHARE_CELL = re.compile(r"\(?(\d{1,3}(?:\.\d+)?)[ \t]*%\)?")


def _row_share(row: str) -> tuple[float | None, str]:
    """A Markdown table row's share of time (a cell saying only that) and its duty (its longest other cell:
    the activity, not the area it serves, in ``| Reporting | Prepare monthly progress reports ... |``)."""
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    shares = [m for c in cells if (m := SHARE_CELL.fullmatch(c))]
    said = max((c for c in cells if not SHARE_CELL.fullmatch(c)), key=len, default="")
    return (float(shares[0].group(1)) if shares else None), squash(MD_LINK.sub(r"\1", said))


LEADING_WORDS = re.compile(r"[\W\d]*(?:[sS]['\u2019])?([^\W\d_]+)\b(?:\s+(\w+))?")
IES_END = re.compile(r"ies$")


def said_to_holder(pronoun: str, verb: str) -> bool:
    """``vous effectuez``, folded: a ``[words] duty_pronouns`` entry and a verb with a
    ``duty_pronoun_verb_ends`` ending, a duty told to the post's holder; not a ``[words] other_verbs`` one
    (``vous avez``)."""
    return pronoun in words("words", "duty_pronouns") and verb not in words("words", "other_verbs") \
        and verb.endswith(_ends("fr", "duty_pronoun_verb_ends"))


def _verb_led(doc: Document, span: Span, french: bool = False) -> bool:
    """The span opens with a duty's verb (``Manages ...``, ``vous effectuez ...``, ``In partnership with
    the Board, establishes ...``)."""
    text, at = doc.text, _past_label(doc, span).start
    return _led(text[at : at + 80], text[at : min(span.end, at + 120)], french)


#: a label opening a line, and the bullet after it: ``Duties: ``, ``Activités secondaires : - ``.
OPENING_LABEL = re.compile(r"([^:\n]{2,40}?)[ \t]*:[ \t]+(?:[-*\u2022\u25aa\u25e6][ \t]+)?(?=\S)")


def _past_label(doc: Document, span: Span) -> Span:
    """The span after a label naming the duties that opens it (``Duties: Processes fortnightly payroll
    ...``, the list's first line), else the span."""
    m = OPENING_LABEL.match(doc.text, span.start, span.end)
    return Span(m.end(), span.end) if m and names_duties(m.group(1)) else span


@lru_cache(maxsize=4096)  # the rules ask it of the same blocks again and again
def _led(head: str, opening: str, french: bool) -> bool:
    """``_verb_led`` of a span whose first 80 characters (past its end too) are ``head`` and whose first
    120 (up to its end) are ``opening``."""
    first = LEADING_WORDS.match(head)
    if not first:
        return False
    verbs = words("words", "duty_verbs")
    w1, w2 = fold(first.group(1)), fold(first.group(2) or "")
    if (w1.endswith(_ends("en", "duty_verb_lead_ends")) or w1 in words_in("en", "words", "duty_verb_lead")) \
            and w2:
        w1 = w2  # ``Independently manages``, ``May act on behalf of ...``
    if french and w1 in words_in("fr", "words", "duty_verb_lead") and w2:
        w1 = w2  # ``de participer ...``, ``d'effectuer ...``: an infinitive after its preposition
    if french and said_to_holder(w1, w2):
        return True  # ``vous effectuez le suivi ...``: the post's duty said to its holder
    # an infinitive (``Garantir``, ``planifier``, ``S'assurer``), never a noun or a participle: the word as
    # written, its accents kept
    said = ((first.group(2) if w1 != fold(first.group(1)) else first.group(1)) or "").casefold()
    if french and w1.endswith(_ends("fr", "infinitive_ends")) and len(w1) > 4 \
            and not said.endswith(_ends("fr", "not_infinitive_ends")):
        return True
    if not french and w1.endswith(_ends("en", "participle_ends")) and w1 not in verbs:
        return False  # ``Demonstrated experience in ...``: a participle opens a requirement, never a duty
    if (_told_bases(w1) if french else _bases(w1)) & verbs:
        return True
    # ``In partnership with the Board, establishes ...``: an opening phrase, then the duty's verb
    lead = LEAD_PHRASE.match(opening)
    if lead is None or french:
        return False
    return bool(_bases(fold(lead.group(1))) & verbs) and lead.group(1).endswith("s")


def _ends(language: str, key: str) -> tuple[str, ...]:
    """The word endings ``[words] key`` of one language, as written (``infinitive_ends``: ``er``, ``ir``)."""
    return written("words", key, (language,))


#: a duty opening with a phrase (``In consultation with X,``, ``Under general direction of Y,``)
#: before its verb.
LEAD_PHRASE = re.compile(r"(?:In|Under|With|Through|As|When)\b[^,.;:\n]{3,100},[ \t]+([a-z]+)\b")


def is_duty_verb(word: str) -> bool:
    """``directs``, ``leads``, ``manages``: a word that opens a duty statement (``[words] duty_verbs``)."""
    return bool(_bases(fold(word)) & words("words", "duty_verbs"))


def _told_bases(word: str) -> set[str]:
    """The forms a French word may come from: itself, and for a verb told to the holder (a ``[words]
    duty_pronoun_verb_ends`` ending: ``assurez``) the third person and the infinitive (``assure``,
    ``assurer``); never an English ending's (``Conduite`` is no ``conduit``)."""
    end = next((e for e in _ends("fr", "duty_pronoun_verb_ends") if word.endswith(e)), None)
    return {word} if end is None else {word, word[: -len(end)] + "e", word[: -len(end)] + "er"}


def _bases(word: str) -> set[str]:
    """The base forms a word may come from: ``manages``, ``studies``, ``setting``, ``creating``."""
    out = {word, word[:-1], word[:-2], IES_END.sub("y", word)}
    if word.endswith("ing"):
        stem = word[:-3]
        out |= {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return out


#: a short unpunctuated line inside a run of duties names a group of them.
GROUP_WORDS = 8


def _group_name(said: str) -> bool:
    """``Supports Voter Engagement, Outreach and Education``: a group of duties named in title case."""
    long = [w for w in said.split() if len(w.strip(",;")) >= 5]
    return not said.rstrip().endswith((".", ";", ":")) and len(said.split()) <= GROUP_WORDS and \
        bool(long) and all(w[0].isupper() for w in long)


def _sentences_if_duties(doc: Document, span: Span, french: bool, least: int = 0) -> list[Span]:
    """A paragraph that is a list of duty sentences (``Plans ... staff. Recommends selection of staff ...
    Oversees the security of ...``), ``least`` of them or more (``SENTENCE_DUTIES`` unless told), as its
    sentences, else the paragraph."""
    parts = doc.sentences(span)
    led = sum(_verb_led(doc, p, french) for p in parts)
    return parts if len(parts) >= (least or SENTENCE_DUTIES) and led * 3 >= len(parts) * 2 else [span]


#: as many duty sentences in one paragraph as make it a list written as prose.
SENTENCE_DUTIES = 6


def _lines_if_duties(doc: Document, span: Span, french: bool) -> list[Span]:
    """A paragraph some of whose lines are a list whose markers were lost, among lines of another kind (a
    page's chrome run into it: ``Careers > Search Jobs``, ``Position workload: 40% ...``) as its lines,
    when three lines running on, none going on in the next, open with a duty verb: its lines, each with
    the lines in lower case that go on with it (one in lower case first is chrome: ``share print
    email``); else the paragraph (a wrapped paragraph's lines go on in lower case)."""
    out: list[Span] = []
    for ln in doc.lines[doc.line_of(span.start) : doc.line_of(span.end) + 1]:
        if ln.blank:
            continue
        if not doc.text[ln.body_start].islower():
            out.append(Span(ln.body_start, ln.body_end))
        elif out:
            out[-1] = Span(out[-1].start, ln.body_end)
    run = best = 0
    for part in out:
        one_line = doc.line_of(part.start) == doc.line_of(part.end)
        run = run + 1 if one_line and _verb_led(doc, part, french) else 0
        best = max(best, run)
    return out if best >= 3 else [span]


def _verb_run(doc: Document) -> list[Span]:
    """The longest run of blocks opening with a duty verb (three or more), the items under a top-level
    item naming their group among them (``_under_group_names``)."""
    french = language(doc.text) == "fr"
    blocks: list[Span] = []
    inside: set[Span] = set()  # sentences of a paragraph read as a list of duties
    for b in sorted(doc.blocks() + _under_group_names(doc, french), key=lambda sp: sp.start):
        parts = _lines_if_duties(doc, b, french)
        parts = _sentences_if_duties(doc, b, french) if parts == [b] else parts
        blocks += parts
        inside |= set(parts) if len(parts) > 1 else set()
    best: list[Span] = []
    run: list[Span] = []
    stops = _stop_sections(doc)
    for k, b in enumerate(blocks):
        said = doc.text[b.start : b.end]
        if run and _another_section(doc, run[-1].end, b.start):
            run = []  # ``SUPERVISORY RESPONSIBILITIES:`` between them: the run of duties has ended
        if any(start <= b.start < end for start, end in stops):
            run = []  # ``Savoir-faire :`` over ``- Rédiger des actes ...``: what the holder knows how to do
            continue
        if PAGE_CHROME.search(said) or _group_name(said):
            continue
        if run and b in inside and not _verb_led(doc, b, french):
            continue  # ``Ability to interpret ...`` among the duty sentences: passed over
        if _verb_led(doc, b, french) and len(said.split()) >= 4:
            run.append(b)
            if len(run) > len(best):
                best = list(run)
        elif run and len(said.split()) <= GROUP_WORDS and not said.rstrip().endswith((".", ":")):
            continue  # a group's name between duties (``Planning and Voter Registration``)
        elif run and k + 1 < len(blocks) and _unknown_verb(said) and _verb_led(doc, blocks[k + 1], french):
            run.append(b)  # ``Divides and/or alters precincts ...`` between duties: a verb the lexicon lacks
        else:
            run = []
    return _whole_list(doc, best, french) if len(best) >= 3 else []


def _unknown_verb(said: str) -> bool:
    """A statement shaped as a duty whose verb is not a ``[words] duty_verbs`` one: a capitalised word in
    the third person (``Divides``, ``Composes``) then one in lower case, the whole ending with a full stop."""
    m = THIRD_PERSON.match(said)
    return m is not None and said.rstrip().endswith(".") and not is_stop_line(said) and \
        fold(m.group(1)) not in words("headings", "stop") and \
        m.group(2) not in words("words", "subject_verbs")


#: a duty's opening verb in the third person, the next word in lower case: ``Divides and/or alters``
#: (``Applicants must``: a plural subject, its verb after it).
THIRD_PERSON = re.compile(r"([A-Z][a-z]{2,}(?:es|[^s\W]s))[ \t]+([a-z]+)")


def _stop_sections(doc: Document) -> list[tuple[int, int]]:
    """Where the lists and lines right under a heading naming another topic than the duties lie
    (``Savoir-faire :`` over ``- Rédiger des actes ...``; ``Compétences``, ``Qualifications``): from the
    heading to the next heading or the first paragraph after a blank line that is no list item; under a
    Markdown heading (``## Votre profil``), to the next heading of its rank or higher (the ``Vous ...``
    sentences of a profile, its paragraphs and lists, are no duties)."""
    heads = {h.line: h for h in doc.headings}
    stops = [(h.line, h.end) for h in heads.values() if is_stop_line(h.text) or _is(h.text, "stop")]
    stops += [(ln.index, ln.body_end) for ln in doc.lines if ln.index not in heads and not ln.marker
              and _short(doc.body(ln)) and is_stop_line(doc.body(ln)) and _over_a_list(doc, ln)]
    out: list[tuple[int, int]] = []
    for line, start in sorted(stops):
        end = start
        gap = False
        ranked = doc.lines[line].atx
        for ln in doc.lines[line + 1 :]:
            if ranked and not (ln.atx and ln.atx <= ranked):
                end = end if ln.blank else ln.body_end  # ``## Votre profil``: its paragraphs and lists up
                continue  # to the next heading of its rank or higher, all of the profile
            if ln.index in heads or (gap and not ln.marker and not ln.blank and end > start):
                break
            gap = ln.blank
            end = end if ln.blank else ln.body_end
        out.append((start, end))
    return out


def _another_section(doc: Document, start: int, end: int) -> bool:
    """A heading between ``start`` and ``end`` that opens a section other than the duties: a ``[headings]
    stop`` heading or a ``[labels] supervises`` one (``SUPERVISORY RESPONSIBILITIES:``)."""
    others = words("headings", "stop") | words("labels", "supervises")
    return any(start <= h.start < end and fold(h.text.rstrip(" :")) in others for h in doc.headings)


def _under_group_names(doc: Document, french: bool) -> list[Span]:
    """The items one level under a top-level item that states no duty but names their group with its
    share of time (``1. Collections, data management, and conservation (40%)`` over ``o Ensure ...``):
    read with the blocks, so that they make a run where a list of another kind makes one too."""
    out: list[Span] = []
    parent: Item | None = None
    for it in doc.items():
        if it.depth == 0:
            parent = it
        elif it.depth == 1 and parent is not None and \
                not _verb_led(doc, Span(parent.start, parent.end), french):
            out.append(Span(it.start, it.end))
    return out


def _whole_list(doc: Document, run: list[Span], french: bool) -> list[Span]:
    """The run, or the whole list it lies in when two thirds of that list's items open with a duty verb
    (``Welcome constructive criticism ...`` and ``Model a culture ...`` among a list of duties)."""
    items = [it for it in doc.items() if it.depth == 0]
    at = {Span(it.start, it.end): k for k, it in enumerate(items)}
    if run and not any(span in at for span in run):
        return _whole_paragraph(doc, run, french)
    if not run or any(span not in at for span in run):
        return run
    first = last = at[run[0]]
    while first > 0 and _adjacent(doc, items[first - 1], items[first]):
        first -= 1
    while last + 1 < len(items) and _adjacent(doc, items[last], items[last + 1]):
        last += 1
    whole = [Span(it.start, it.end) for it in items[first : last + 1]]
    if any(at[span] < first or at[span] > last for span in run):
        return run
    led = sum(_verb_led(doc, span, french) for span in whole)
    return whole if led * 3 >= len(whole) * 2 and len(whole) > len(run) else run


def _whole_paragraph(doc: Document, run: list[Span], french: bool) -> list[Span]:
    """The run, or the lines of the paragraph it lies in, from its first duty line to its last, when they are
    a list whose markers were lost and two thirds of them open with a duty verb (``Redistricting of voting
    precincts as needed.`` or an unknown verb among unmarked duty lines breaks no list)."""
    para = next((p for p in doc.paragraphs() if p.start <= run[0].start and run[-1].end <= p.end), None)
    lines = doc.line_items(para) if para else []
    if para and len(lines) == 1 and len(split := _lines_if_duties(doc, para, french)) > 1 and \
            _introduces_duties(doc.text[split[0].start : split[0].end]):
        lines = split  # unmarked lines under ``Other responsibilities ... the following:``: its lines
    led = [k for k, span in enumerate(lines) if _verb_led(doc, span, french)]
    whole = lines[led[0] : led[-1] + 1] if led else []  # the lines between its first and last duty
    if len(whole) <= len(run) or any(span not in whole for span in run):
        return run
    return whole if len(led) * 3 >= len(whole) * 2 else run


def _introduces_duties(line: str) -> bool:
    """A line ending with a colon that names the duties (a ``[headings] duties`` word in it):
    ``Other responsibilities in this role would include, but are not limited to, the following:``."""
    return line.rstrip().endswith(":") and bool(_single_words().search(fold(line)))


def _adjacent(doc: Document, item: Item, nxt: Item) -> bool:
    """Two items of one list: the same marker, nothing between them but blank lines and the items of a list
    nested in the first (``- Croiser les données ...`` / ``  - Pour quel type de déchet ?`` / ``- Créer
    ...``)."""
    gap = doc.lines[item.line + 1 : doc.line_of(nxt.start)]
    indent = doc.lines[doc.line_of(item.start)].indent
    return item.marker == nxt.marker and all(ln.blank or ln.indent > indent for ln in gap)


def _catch_all(sentence: str) -> bool:
    """``Performs related work as assigned``: no duty of its own."""
    folded = fold(sentence)
    return any(w in folded for w in words("words", "not_duties"))


def _lead_in_lists(doc: Document) -> list[Span]:
    """The top-level items of each list whose lead-in line ends ``You will:`` / ``... include:`` (``Sur le
    registre X, les missions consisteront en :`` over one list, ``Sur le registre Y, ...`` over the next);
    the lead-in may be a numbered section's line over items of another mark (``3. Les tâches principales
    (liste non exhaustive):`` over ``* Remettre ...``)."""
    items = [it for it in doc.items() if it.depth == 0]
    found: list[Span] = []
    for k, it in enumerate(items):
        first = doc.line_of(it.start)
        before = next((ln for ln in reversed(doc.lines[max(0, first - 3) : first]) if not ln.blank), None)
        if not before or (before.marker and before.marker == doc.lines[first].marker) or \
                not doc.body(before).endswith(":"):
            continue
        if not is_lead_in(re.split(r"(?<=[.!?])\s+", doc.body(before))[-1]):
            continue
        if found and found[-1].end >= it.start:
            continue
        found.append(Span(it.start, it.end))
        for prev, nxt in zip(items[k:], items[k + 1 :], strict=False):
            gap = doc.lines[prev.line + 1 : doc.line_of(nxt.start)]
            if any(not ln.blank for ln in gap):
                break
            found.append(Span(nxt.start, nxt.end))
    return found


def _inline_lead_in_lists(doc: Document) -> list[Span]:
    """Lists printed on one line after a lead-in naming the duties (a form's row flattened: ``Duties may
    include: !"Planning and conducting research ... !"Performing complex scientific analyses. ...``), two
    glyphs or more: the words from the first glyph to the line's end, which ``_read`` cuts into items."""
    out: list[Span] = []
    for ln in doc.lines:
        first = INLINE_BULLET.search(doc.text, ln.body_start, ln.body_end)
        if first is None or not INLINE_BULLET.search(doc.text, first.end(), ln.body_end):
            continue
        before = doc.text[ln.body_start : first.start()].rstrip()
        if before.endswith(":") and is_lead_in(re.split(r"(?<=[.!?])\s+", before)[-1]):
            out.append(Span(first.start(), ln.body_end))
    return out


def _semicolon_lines(doc: Document) -> list[Span]:
    """A list written without marks: after a line ending ``:``, lines that go on its sentence in lower case
    and end ``;`` (the last may end otherwise), most of them opening with a duty's verb (``de participer
    étroitement au processus ...;`` / ``de contribuer au développement ...;`` under ``... en plus :``)."""
    french = language(doc.text) == "fr"
    lines = [ln for ln in doc.lines if not ln.blank]
    for k, ln in enumerate(lines[:-2]):
        if ln.marker or not doc.body(ln).rstrip().endswith(":"):
            continue
        run: list[Span] = []
        for nxt in lines[k + 1 :]:
            body = doc.body(nxt).rstrip()
            if nxt.marker or not body[:1].islower():
                break
            run.append(Span(nxt.body_start, nxt.body_start + len(body)))
            if not body.endswith(";"):
                break
        ended = sum(doc.text[s.start : s.end].endswith(";") for s in run)
        led = sum(_verb_led(doc, s, french) for s in run)
        if ended >= 2 and led * 3 >= len(run) * 2:
            return run
    return []


def duties(doc: Document) -> list[tuple[Duty, Span]]:
    """The document's duties with the span of each, in document order."""
    found: list[tuple[Duty, Span]] = []
    single: list[tuple[Duty, Span]] = []  # one paragraph under a heading: the duties if nothing else is
    heads = duty_headings(doc)  # a heading naming the duties before a lead-in line (``The role is to:``)
    prose: list[tuple[Duty, Span]] = []  # paragraphs under a heading: the duties if no heading has a list
    items: list[tuple[Duty, Span]] = []  # a list under a heading, one duty long
    for head in [h for h in heads if not h.colon] + [h for h in heads if h.colon]:
        if headed := _headed(doc, head):
            return headed
        spans = _blocks_under(doc, head, frozenset(h.line for h in heads))
        found = _read(doc, spans)
        listed = any(doc.lines[doc.line_of(s.start)].marker for s in spans)
        if len(found) >= 2 and listed and _amid_items(doc, head, spans) and \
                set(spans) < set(run := _verb_run(doc)):
            return _read(doc, run)  # ``Voter Operations tasks:`` between bullets of duties: a group of them
        if len(found) >= 2 and listed:
            return found
        found = found if listed else _not_of_a_body(found)
        prose = prose or (found if len(found) >= 2 else [])
        single = single or found
        items = items or (found if listed else [])
    if prose:
        return items if items and _after(items, prose) else prose
    found = _read(doc, _lead_in_lists(doc)) or _read(doc, _inline_lead_in_lists(doc))
    if len(found) >= 2:
        return found
    if len(found := _read(doc, _labelled(doc, lists=True))) >= 2:
        return found  # ``TYPICAL DUTIES: Plans ... Coordinates ... Acquire ...``: a labelled list of duties
        # written as prose, before lines or a run of verbs that may be another topic's (a list of skills)
    if len(found := _read(doc, _semicolon_lines(doc))) >= 2:
        return found
    return _shares_in_a_line(doc) or _read(doc, _verb_run(doc)) or single or _read(doc, _labelled(doc))



def _amid_items(doc: Document, head: Heading, spans: list[Span]) -> bool:
    """A heading ending with a colon right under an item marked as the first item under it is: it may name
    a group of a longer list (``Voter Operations tasks:``)."""
    above = next((ln for ln in reversed(doc.lines[: head.line]) if not ln.blank), None)
    return head.colon and above is not None and bool(above.marker) and \
        above.marker == doc.lines[doc.line_of(spans[0].start)].marker


def _not_of_a_body(read: list[tuple[Duty, Span]]) -> list[tuple[Duty, Span]]:
    """Paragraphs read as duties, without those that tell what a body does (``La direction des affaires
    juridiques (DAJ) exerce ...``, ``La DAJ élabore ...``: a determiner, then a unit's or an organisation's
    noun or an acronym) and those right after them that go on with its pronoun (``Elle assure ...``)."""
    out: list[tuple[Duty, Span]] = []
    body = False
    for duty, span in read:
        m = BODY_SUBJECT.match(duty.text)
        if m and fold(m.group(1)) in words("words", "subject_determiners") and _a_body(m.group(2)):
            body = True
        elif not (body and fold(duty.text.split()[0]) in words("words", "pronouns")):
            body = False
            out.append((duty, span))
    return out


#: the two words a sentence opens with: ``La direction``, ``L'agence``, ``La DAJ``.
BODY_SUBJECT = re.compile(r"(\w+['\u2019]?)\s*([\w-]+)")


def _a_body(noun: str) -> bool:
    """A unit's or an organisation's noun (``[words] unit_words``, ``organisation_nouns``; a post's kind of
    unit, ``mission``, is none: ``La mission principale du poste ...``), or an acronym (``DAJ``)."""
    folded = fold(noun)
    kinds = words("words", "unit_words") | words("words", "organisation_nouns")
    return (folded in kinds and folded not in words("words", "post_kind_units")) or \
        (noun.isupper() and 2 <= len(noun) <= 6)


def _after(items: list[tuple[Duty, Span]], prose: list[tuple[Duty, Span]]) -> bool:
    """A list under a later duties heading than the paragraphs' (``Key Responsibilities`` / ``1. ...``
    after ``Role Responsibilities`` / ``About the Role``): the list is the duties, the paragraphs its
    introduction."""
    return items[0][1].start > prose[-1][1].end


def _labelled(doc: Document, *, lists: bool = False) -> list[Span]:
    """The values of fields whose label names the duties (``DUTIES : To plan and conduct ...``), a value
    that is a list of duty sentences or clauses as its parts: the last resort; with ``lists``, only the
    values that are such lists (``TYPICAL DUTIES: (Illustrative Only) Plans ... Coordinates ...``), the
    bracketed remark opening one passed over."""
    french = language(doc.text) == "fr"
    out: list[Span] = []
    for f in doc.fields:
        if not f.loose and names_duties(f.label) and f.value_end > f.value_start:
            remark = REMARK.match(doc.text, f.value_start, f.value_end)
            value = Span(remark.end() if remark else f.value_start, f.value_end)
            parts = _clauses_if_duties(doc, value, french) or \
                _sentences_if_duties(doc, value, french, least=HEADED_SENTENCE_DUTIES)
            out += parts if len(parts) > 1 or not lists else []
    return out


#: a bracketed remark opening a value, before its first duty: ``(Illustrative Only) Plans ...``.
REMARK = re.compile(r"\([^()\n]{1,40}\)[ \t]+(?=[A-Z])")
#: what chains duties in one value (``_clauses_if_duties``).
SEMICOLON = re.compile(";")


def _clauses_if_duties(doc: Document, span: Span, french: bool) -> list[Span]:
    """A value chaining its duties with semicolons (``Vos missions : assurer la paie ; suivre les
    carrières ; préparer les arrêtés.``), three clauses or more each opening with a duty's verb: its
    clauses; else none."""
    parts: list[Span] = []
    at = span.start
    for end in [*(m.start() for m in SEMICOLON.finditer(doc.text, span.start, span.end)), span.end]:
        said = doc.text[at:end]
        if said.strip():
            parts.append(Span(at + len(said) - len(said.lstrip()), end))
        at = end + 1
    return parts if len(parts) >= 3 and all(_verb_led(doc, p, french) for p in parts) else []


#: a duty's share of time closing it on a line printed flat: ``... to appropriate personnel 30% Distributes``.
SHARE_CLOSING = re.compile(r"(?<=\s)(\d{1,3})%(?=\s|$)")
#: where the words before a flat list's first duty end: ``... Each Responsibility (5% or Greater) Greets``.
BEFORE_FIRST = re.compile(r".*(?:\)|:)[ \t]+")


def _shares_in_a_line(doc: Document) -> list[tuple[Duty, Span]]:
    """A list of duties with their shares of time printed flat on one line (a document site's
    transcript): three shares or more that make the whole time (90 to 110 per cent), each closing its
    duty; the first duty begins after the heading's last bracket or colon."""
    for ln in doc.lines:
        shares = list(SHARE_CLOSING.finditer(doc.text, ln.body_start, ln.body_end))
        if len(shares) < 3 or not 90 <= sum(int(m.group(1)) for m in shares) <= 110:
            continue
        out: list[tuple[Duty, Span]] = []
        at = ln.body_start
        for k, m in enumerate(shares):
            if k == 0 and (lead := BEFORE_FIRST.match(doc.text, at, m.start())):
                at = lead.end()
            start, end = at, m.start()
            while start < end and doc.text[start] in " \t":
                start += 1
            while end > start and doc.text[end - 1] in " \t.;,":
                end -= 1
            said = squash(doc.text[start:end])
            if len(said.split()) >= 3:
                out.append((Duty(said[0].upper() + said[1:], float(m.group(1))), Span(start, end)))
            at = m.end()
        if len(out) >= 3:
            return out
    return []


#: a bullet's glyph inside a line, between words and blanks: a list a page printed on one line; ``!"``, a
#: bullet a PDF printed without its character map, before the item's capital (``include: !"Collection ...``).
INLINE_BULLET = re.compile(r"(?<=[^\s][ \t])(?:[\u2022\u25aa\u25e6\u25cf\u25a0\u27a2\u2713](?=[ \t]+[^\s])"
                           r"|!\"(?=[ \t]*[A-Z]))")


def _inline_items(doc: Document, span: Span) -> list[Span]:
    """A span on one line holding a list printed on that line (``• Assurer le suivi ... • Piloter les études
    ...``, two glyphs or more) as its items, the words before the first glyph apart; else the span."""
    glyphs = list(INLINE_BULLET.finditer(doc.text, span.start, span.end))
    if len(glyphs) < 2 or doc.line_of(span.start) != doc.line_of(span.end):
        return [span]
    out = []
    for start, end in zip([span.start, *(g.end() for g in glyphs)], [*(g.start() for g in glyphs), span.end],
                          strict=True):
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end))
    return out


def _read(doc: Document, spans: list[Span]) -> list[tuple[Duty, Span]]:
    """Each span's duty (each item's of a list printed on one line): its first sentence and share of time,
    unless it states no duty."""
    out = []
    for span in (_past_label(doc, part) for whole in spans for part in _inline_items(doc, whole)):
        share, rest = _share(doc, span)
        sentence = first_sentence(rest).rstrip(" .")
        if len(sentence.split()) >= 3 and not INTRO.match(sentence) and not _catch_all(sentence) \
                and not _another_field(sentence) and not _dated(sentence):
            out.append((Duty(sentence[0].upper() + sentence[1:], share), span))
    return out


#: as many words as a line giving only when the posting was opened or closed has (``Poste ouvert le
#: 08/02/2021``, ``Posted on 2022-06-20``).
DATED_WORDS = 5


def _dated(sentence: str) -> bool:
    """``Poste ouvert le 08/02/2021`` under the duties heading: a date and a few words, no duty."""
    return len(sentence.split()) <= DATED_WORDS and DATE.search(sentence) is not None


#: the record's fields a labelled line among the duties may give instead (``Responsable hiérarchique : X``).
FIELD_LABELS = ("reports_to", "location", "level", "class", "organization", "unit", "title", "supervises")


def _another_field(sentence: str) -> bool:
    """``Responsable hiérarchique : cheffe de la mission ...``: a line giving another field, no duty; nor
    ``Profil : BTS informatique`` (another topic's label, a page flattened to one line)."""
    label = re.match(r"([^:]{2,40}?)[ \t]*:", sentence)
    return label is not None and (any(fold(label.group(1)) in words("labels", key) for key in FIELD_LABELS)
                                  or fold(label.group(1)) in words("headings", "stop"))
