"""Staff figures: how many people the post's staff counts, English and French, one reader (``staff_counts``).

The ways a document states a staff figure, each read once here: a number and who it counts in a sentence
that speaks of supervising or a team (``_figures``: "supervises 5 professional information technology
specialists", "48 full time Staff and 66 Volunteers"), a ``[phrases] staff`` template or a figure under a
``[labels] staff`` label (``rules.figures.stated_staff``: "une équipe de 12 agents", "FTEs: 45", "Number of
employees supervised: 4 direct, 35 indirect"), and the team a sentence says the post leads
(``rules.figures.team_led``). A family gives the counts its own layout lists (a table of posts supervised)
and reads the rest here; a form family whose prose names its staff only right after a verb or a group
(Montana, Alberta) configures ``counted_after`` with its verbs and nouns instead; a form whose duties give
their staff anywhere in a duty that supervises (BC benchmarks: "Supervises registry staff (6 FTEs)") takes
the supervised count from ``supervised_figure``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from orgkg.extract.lexicon import alternation, fold, words
from orgkg.extract.needles import Needled
from orgkg.extract.records import StaffCount
from orgkg.extract.rules.figures import FIGURES, counts_things, number, stated_staff, team_led
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import NUMBER, singular, squash, to_int

Found = tuple[StaffCount, Span | None]
N = rf"\b{NUMBER}\b"


def staff_counts(doc: Document, *, flat: str | None = None, listed: Iterable[StaffCount] = (),
                 nouns: tuple[str, ...] = ()) -> list[Found]:
    """Every staff figure ``doc`` states, each count once, with where it was read where known: the family's
    ``listed`` counts first, then the figures in sentences (read in ``flat``, the family's own lines;
    ``doc.text`` by default; ``nouns``: ``[words]`` keys it counts besides ``count_nouns``), the templates
    and labels, and the team the post leads."""
    out: dict[int, Found] = {}
    for count in listed:
        out.setdefault(count.count, (count, None))
    _figures(doc.text if flat is None else flat, out, nouns)
    for count, at in stated_staff(doc):
        out.setdefault(count.count, (count, at))
    if (led := team_led(doc)) and led[0] not in out and not _counts_go_on(doc.text, led[1].end):
        out[led[0]] = (StaffCount(led[0], "team"), led[1])  # the team led is a staff figure too
    return list(out.values())


def _counts_go_on(text: str, end: int) -> bool:
    """More counts after the one read, in its sentence, joined by a comma or "and" / "et": "a team that
    includes one Access & Collection Services librarian, one Digital Initiatives librarian, and five ...
    staff" is a team of seven, not of one."""
    sentence = re.split(r"[.;:\n]", text[end : end + 300], maxsplit=1)[0]
    return bool(_more_counts().search(sentence))


@cache
def _more_counts() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?:,|\b(?:{alternation('words', 'list_and')})\b)[ \t]*"
                      rf"(?:(?:{alternation('words', 'list_and')})[ \t]+)?(?:{number().pattern})")


def _count(text: str, m: re.Match[str]) -> int | None:
    """The whole count a staff figure ``m`` states ("6.0 FTEs": 6); none for a floor ("two or more full
    time employees", "at least two employees"), a count of things ("2 staff meetings"), a grade ("Band 6
    Support Workers") or the post's own share of full time ("1.0 FTE", "0.6 FTE")."""
    ahead = max(0, m.start() - 20)
    if floor().match(text, m.end(1)) or _floor_before().search(text, ahead, m.start()) \
            or counts_things().match(text, m.end()) or _grade_before().search(text, ahead, m.start()):
        return None
    if re.fullmatch(r"[01]\.\d+", m.group(1)) and float(m.group(1)) <= 1:
        return None
    return to_int(re.sub(r"[,'\u2019]", "", m.group(1)))


def _figures(text: str, out: dict[int, Found], nouns: tuple[str, ...] = ()) -> None:
    """``5 professional information technology specialists``, ``120 FTEs``: each count not in ``out`` yet,
    kept only where its sentence (up to it) speaks of supervising, managing or a team (``[words]
    staff_context``); never a floor, a count of things or a grade (``_count``); ``nouns``: the ``[words]``
    keys of the nouns a family counts besides ``count_nouns``."""
    context = _staff_context()
    for m in _staff_figure(*nouns).finditer(text):
        n = _count(text, m)
        before = re.split(r"[.;]\s|\n\s*\n", text[max(0, m.start() - 400) : m.start()])[-1]
        if n and n not in out and context.search(before + m.group(0)):
            out[n] = (StaffCount(n, squash(m.group(2))), None)
            if (shared := _shares_the_noun().search(text, max(0, m.start() - 60), m.start())) \
                    and (k := to_int(shared.group(1))) and k not in out:  # "5 professional and 7 ... staff"
                out[k] = (StaffCount(k, f"{squash(shared.group(2))} {m.group(2).split()[-1]}"), None)
            end = m.end()
            while more := _more_staff().match(text, end):  # "48 full time Staff and 66 Volunteers"
                k, end = to_int(more.group(1)), more.end()
                said = fold(more.group(2)).split()
                if k and k not in out and not floor().match(text, more.end(1)) \
                        and not set(said) & _years() and _names_staff(more.group(2)):
                    out[k] = (StaffCount(k, squash(more.group(2))), None)


@dataclass(frozen=True)
class After:
    """What opens and closes a staff count a form family's prose states right after a verb or a group:
    ``verbs`` (``[words]`` keys of verbs said whole: ``count_verbs``), ``stems`` (keys of verb stems:
    ``supervis`` reads ``supervises`` and ``supervision``), ``groups`` (keys of the words before a count:
    ``team of``, ``unit of``), ``nouns`` (the ``[words] count_nouns`` kinds it counts besides
    ``count_nouns``); ``titles``: a title in the plural counts too (``5 Captains``)."""

    verbs: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    titles: bool = False


def counted_after(text: str, after: After) -> list[StaffCount]:
    """A staff count for each number right after one of ``after``'s verbs or groups (maybe "a team of"),
    up to four words before who it counts: "supervises 12 professional staff", "a unit of 9 inspectors";
    each number once."""
    out: list[StaffCount] = []
    for m in _after(after).finditer(text):
        n = to_int(m.group(1))
        if n is not None and n not in {c.count for c in out}:
            out.append(StaffCount(n, squash(m.group(2))))
    return out


def supervised_figure(text: str, after: After) -> int | None:
    """The first staff figure (``_staff_figure`` counting ``after``'s nouns too; ``_count``) in a sentence
    or line that has one of ``after``'s verbs, stems or groups anywhere: a form whose duties give their
    staff in brackets, "1. Supervises registry staff (6 FTEs)", "Leads summer inspection crews (3 FTEs)":
    6, 3."""
    opens = re.compile(rf"\b(?:{_opens(after)})", re.I)
    for sentence in re.split(r"(?<=[.;])\s+|\n", text):
        if not opens.search(sentence):
            continue
        for m in _staff_figure(*after.nouns).finditer(sentence):
            if n := _count(sentence, m):
                return n
    return None


def _opens(after: After) -> str:
    opens = [alternation("words", k) for k in after.verbs + after.groups]
    return "|".join(opens + [rf"(?:{alternation('words', k)})\w*" for k in after.stems])


@cache
def _after(after: After) -> re.Pattern[str]:
    nouns = count_nouns(*after.nouns) + (r"|(?-i:[A-Z][a-z]+[a-rt-z]s)" if after.titles else "")
    return re.compile(rf"\b(?:{_opens(after)})\s+(?:a\s+team\s+of\s+)?({NUMBER})\s+"
                      rf"((?:[\w-]+\s+){{0,4}}?(?:{nouns}))\b", re.I)


@cache
def count_nouns(*more: str) -> str:
    """Who a count of staff counts, after its number (``[words] count_nouns``: ``120 FTEs``), and the
    nouns of the ``[words]`` keys ``more`` a family adds (``count_nouns_posts``: ``4 positions``)."""
    return "|".join(alternation("words", key) for key in ("count_nouns", *more))


@cache
def _staff_context() -> re.Pattern[str]:
    return re.compile(alternation("words", "staff_context"), re.I)


@cache
def floor() -> re.Pattern[str]:
    """The words after a count that make it a floor (``[words] count_floors``): "three or more"."""
    return re.compile(rf"\s+(?:{alternation('words', 'count_floors')})\b", re.I)


@cache
def _floor_before() -> re.Pattern[str]:
    """The words before a count that make it a floor (``[words] count_floors_before``): "at least two"."""
    return re.compile(rf"(?i)\b(?:{alternation('words', 'count_floors_before')})\s+$")


@cache
def _grade_before() -> re.Pattern[str]:
    """A ``[words] level_words`` word just before a figure: "Band 6 Support Workers" names their grade."""
    return re.compile(rf"(?i)\b(?:{alternation('words', 'level_words')})[ \t]+$")


@cache
def _shares_the_noun() -> re.Pattern[str]:
    """A count just before a staff figure, joined by "and", that shares its noun: "5 professional and 7
    paraprofessional staff" (its words lower case, none a plural: "2 buildings and 5 staff" is none)."""
    word = rf"(?!(?:{_links()})\b)[a-z][\w-]*(?<!s)"
    return re.compile(rf"(?<![\d$.,])({N})[ \t]+((?:{word}[ \t]+){{0,1}}{word})[ \t]+and[ \t]+\Z")


def _names_staff(said: str) -> bool:
    """A further staff figure's words name who it counts: a title, its last word in capitals ("Volunteer
    Firefighters"), or a ``[words] count_nouns`` (any kind) or ``staff_nouns`` word ("seasonal workers"),
    never a thing ("20 staff, 4 buildings and a budget")."""
    last = said.split()[-1]
    return last[:1].isupper() or bool(_staff_noun().fullmatch(last)) \
        or singular(fold(last)) in words("words", "staff_nouns")


@cache
def _staff_noun() -> re.Pattern[str]:
    """A ``[words] count_nouns`` word of any kind: ``employees``, ``positions``, ``members``, ``clerks``."""
    nouns = count_nouns("count_nouns_posts", "count_nouns_members", "count_nouns_occupations")
    return re.compile(rf"(?:{nouns})", re.I)


@cache
def _staff_figure(*more: str) -> Needled:
    """A number and who it counts (``[words] count_nouns`` and the keys ``more``), up to four words
    between: ``5 professional information technology specialists``; a text without any of the nouns is not
    searched."""
    links = alternation("words", "figure_links")  # not staff_links: "12 full or part-time employees"
    between = rf"(?:(?!(?:{links})\b)[A-Za-z/&-]+\s+){{0,4}}?"  # ``Access & Collection``
    # never a grade's figure: ``B3 Clinical Support workers`` (its letter before it)
    figures = f"(?:{FIGURES.pattern})?"  # ``eight (8) full time equivalent positions``: the figures repeat it
    return Needled(rf"(?<![\w$.,'\u2019])(\d{{1,3}}(?:['\u2019]\d{{3}})+(?!\d)|\d[\d,]*|{N}){figures}[ \t]+"
                   rf"({between}(?:{count_nouns(*more)}))\b", re.I)  # Swiss thousands: ``1'400 staff``


@cache
def _years() -> frozenset[str]:
    """The words of a length of time (``[words] year_words``): "and 2 years": no staff."""
    return frozenset(words("words", "year_words"))


@cache
def _more_staff() -> re.Pattern[str]:
    """A staff figure a list goes on with after another, its words up to the list's next comma, "and", stop
    or linking word: ``, three hourly extra help Maintenance Assistants and``, `` and 66 Volunteer
    Firefighters to implement``."""
    link = rf"(?!(?:{_links()})\b)"
    return re.compile(rf"(?i)(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)({N})[ \t]+"
                      rf"((?:{link}[A-Za-z/&\u00b7-]+[ \t]+){{0,4}}{link}[A-Za-z/&\u00b7-]+)"
                      rf"(?=[ \t]*(?:[,.;:)]|(?:{_links()})\b|$))")


@cache
def _links() -> str:
    """The linking words that end the words of a staff figure (``[words] staff_links``): "48 full time Staff
    and", "66 Volunteer Firefighters to implement"."""
    return alternation("words", "staff_links")
