"""Government of Alberta position profiles.

Layout: a "Position Profile" header, then ``Label: value`` lines, or in the
newer web format ``• Label: value`` bullets (Job Title, Work Unit, Ministry,
Competition Number, Date; sometimes Division, Branch, Location, Classification,
Position Number), then titled sections: Position Summary or Purpose ("Reporting
to the X, the Y provides ..."), Specific Accountabilities or Responsibilities and
Activities, Knowledge / Experience, Leadership and Business Know-How, Problem
Solving, Relationships / Contacts, Impact and Magnitude of Job (Scope). A Work
Unit written ``A / B / C`` names nested units, outermost first; without a
Location field the place comes from "the position is located in (the) X".

Accountabilities are read in ``alberta_duties`` (opening bullets of prose
blocks, plain lists, or plain headings over activity lists).
The supervisor is every one the shared prose rule names ("reporting to the X",
``rules.reporting.supervisor_phrases``); the field labels are the lexicon's
``[alberta]`` entries; named
subordinates come from a "Supervises the X; two Ys; ..." list, else from
"provide direction to X", "supervises the X", "the X is mentored"; education
and years from the knowledge section.
"""

from __future__ import annotations

import functools
import re

from orgkg.extract.base import Extractor
from orgkg.extract.families.alberta_duties import accountabilities, supervised_list
from orgkg.extract.families.alberta_org import gluable, location, opening_class, unit_parts
from orgkg.extract.lexicon import alternation, words
from orgkg.extract.records import (
    UNTITLED,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    StaffCount,
)
from orgkg.extract.rules.budgets import budgets
from orgkg.extract.rules.education import education
from orgkg.extract.rules.experience import counted_years
from orgkg.extract.rules.reporting import supervisor_phrases
from orgkg.extract.rules.staff import After, counted_after
from orgkg.extract.rules.supervised import Counting, supervised_count
from orgkg.extract.structure import parse
from orgkg.extract.text import (
    clean_title,
    field_value,
    find_sections,
)

CUES: dict[str, float] = {
    r"^[^\w\n]*position\s+profile\b": 0.3,
    r"^[^\w\n]*job\s+title\s*:": 0.1,
    r"^[^\w\n]*work\s+unit\s*:": 0.15,
    r"^[^\w\n]*ministry\s*:": 0.05,
    r"^[^\w\n]*competition\s+(?:number|no)": 0.1,
    r"^[^\w\n]*specific\s+accountabilities": 0.2,
    r"^[^\w\n]*responsibilities\s+and\s+activities[^\w\n]*$": 0.1,
    r"leadership\s+and\s+business\s+know": 0.15,
    r"impact\s+and\s+magnitude": 0.15,
    r"^[^\w\n]*relationships\s*/\s*contacts": 0.1,
    r"\b(?:Government of Alberta|GoA|Alberta Public Service)\b": 0.1,
}

HEADINGS = {
    "summary": r"^[^\w\n]*(?:(?:position|job)\s+)?(?:summary|purpose)[^\w\n]*$",
    "duties": r"^[^\w\n]*(?:(?:specific|key|major|main)\s+)?(?:accountabilities|responsibilities)"
              r"(?:\s+(?:and|&)\s+(?:activities|duties|tasks|outcomes))?[^\w\n]*$",
    "knowledge": r"^[^\w\n]*(?:knowledge\s*/\s*experience|knowledge,?\s+skills.*|qualifications)[^\w\n]*$",
    "leadership": r"^[^\w\n]*leadership\s+and\s+business\s+know.*$",
    "problems": r"^[^\w\n]*problem\s+solving[^\w\n]*$",
    "contacts": r"^[^\w\n]*relationships\s*/\s*contacts[^\w\n]*$",
    "scope": r"^[^\w\n]*impact\s+and\s+magnitude.*$",
}

TITLE_WORDS = r"[A-Z][\w/&'\u2019-]*(?:\s+(?:of|and|for|&|\([A-Z]{2,8}\)|[A-Z][\w/&'\u2019-]*)){0,10}"
#: ``• Job Title: X`` header bullets, dropped so the form labels read as ``Job Title: X``.
FORM_BULLET = re.compile(r"(?m)^[ \t]*[\u2022\u25cf\u25aa\u25e6\uf0b7*-][ \t]+(?=[A-Z][\w /&()-]{1,40}:)")


#: a rank before its unit, written without the comma the profile's titles take: ``Director Practice and
#: Contract Management`` -> ``Director, Practice and Contract Management`` (not a rank: ``Manager II``).
RANK_BEFORE_UNIT = re.compile(r"^((?:Executive |Senior |Assistant )?(?:Director|Manager|Deputy Minister))\s+"
                              r"(?!of\b|for\b|and\b|General\b|[IVX]{1,4}\b)(?=[A-Z])")


def _reports_to(text: str) -> list[MentionedPosition]:
    """The supervisors named in prose (``supervisor_phrases``), each once, a rank before its unit."""
    out: dict[str, MentionedPosition] = {}
    for said in supervisor_phrases(text):
        title = RANK_BEFORE_UNIT.sub(r"\1, ", said)
        out.setdefault(title.casefold(), MentionedPosition(title))
    return list(out.values())


def _summary_name(summary: str) -> str | None:
    """'Reporting to the X, the Y provides ...' or 'The Y reports to ...' -> Y."""
    for pat in (r"\b(?i:reporting\s+to)\s+[^,\n]{2,150},\s+(?i:the)\s+(" + TITLE_WORDS + r")\s+[a-z]",
                r"^[ \t]*(?:The\s+)?(" + TITLE_WORDS + r")\s+reports\s+to\b"):
        m = re.search(pat, summary, re.M)
        if m:
            return clean_title(m.group(1))
    return None


@functools.cache
def _heads() -> frozenset[str]:
    """The last words of a short title that takes its unit (``Manager, Rangeland``): ``[words]
    title_heads``, ``posting_title_heads`` and ``[alberta] title_heads``."""
    return frozenset().union(*(words(group, key) for group, key in (
        ("words", "title_heads"), ("words", "posting_title_heads"), ("alberta", "title_heads"))))


def _title(job_title: str | None, unit: str | None, named: str | None) -> tuple[str, list[str]]:
    if not job_title:
        return (named or UNTITLED), []
    title, others = clean_title(job_title), []
    words = title.lower().split()
    if unit and 0 < len(words) <= 2 and words[-1] in _heads() and "," not in title:
        title, others = f"{title}, {unit}", [clean_title(job_title)]
    if named and named.casefold() not in {t.casefold() for t in [title, *others]}:
        others.append(named)
    return title, others


def _subordinates(text: str) -> list[MentionedPosition]:
    pats = (
        r"provide\s+(?:direction|supervision|leadership)\s+to\s+(?:the\s+|a\s+)?("
        + TITLE_WORDS + ")",
        r"\bsupervis(?:es|ing)\s+(?:the\s+|a\s+|an\s+)?(" + TITLE_WORDS + ")",
        r"\b[Tt]he\s+(" + TITLE_WORDS + r")\s+(?:resources?\s+|positions?\s+)?(?:is|are)\s+"
        r"(?:mentored|supervised|coached|directed)",
    )
    hits: list[tuple[int, str]] = []
    for pat in pats:
        for m in re.finditer(pat, text):
            name = re.sub(r"\s+(?:resources?|positions?|staff|team)$", "", clean_title(m.group(1)))
            if name and name.split()[0] not in ("The", "This", "All", "ITB"):
                hits.append((m.start(), name))
    out: list[MentionedPosition] = []
    for _, name in sorted(hits):
        if name.casefold() not in {p.title.casefold() for p in out}:
            out.append(MentionedPosition(name))
    return out


#: a profile's staff count: after a ``[words] staff_count_stems`` verb ("supervises", "manages", "leads") or
#: a ``staff_count_groups`` group ("a branch of"), counting ``count_nouns``, posts or members.
STAFF = After(stems=("staff_count_stems",), groups=("staff_count_groups",),
              nouns=("count_nouns_posts", "count_nouns_members"))
#: how a profile's prose counts its direct reports: "directly supervises 6" (``[words] direct_count_verbs``),
#: "6 direct reports" (``[phrases] reports_counted``).
COUNTING = Counting(verbs=("direct_count_verbs",), teams=False)


def _label(text: str, key: str) -> str | None:
    """The value of an ``[alberta] key`` label's form line."""
    return field_value(text, alternation("alberta", key))


def _identifiers(text: str) -> list[Identifier]:
    schemes = (("competition number", "competition_number"), ("position number", "position_number"))
    return [Identifier(scheme, value) for scheme, key in schemes if (value := _label(text, key))]


def _organisation(text: str, unit: str | None) -> Organisation:
    ministry = _label(text, "organization")
    levels = [(name, kind) for kind in ("division", "branch") if (name := _label(text, kind))]
    return Organisation(
        jurisdiction="Government of Alberta",
        organization=re.sub(r"^Alberta\s+", "", ministry) if ministry else None,
        units=levels + unit_parts(unit, text),
        location=location(text, unit_parts(unit, text)),
    )


class AlbertaPositionProfile(Extractor):
    family = "alberta-position-profile"
    cues = CUES

    def extract(self, text: str) -> Extraction:
        text = text.replace("\u00a0", " ").replace("\r", "")
        form = FORM_BULLET.sub("", text)
        sec = find_sections(text, HEADINGS.values(), flags=re.I | re.M)
        part = {name: sec.get(pat, "") for name, pat in HEADINGS.items()}
        unit = _label(form, "unit_path")
        named = _summary_name(part["summary"] or text)
        job_title = _label(form, "title")
        units = [u for u, _ in unit_parts(unit, text)]
        title, others = _title(job_title, units[-1] if units and gluable(units[-1]) else None, named)
        reports, listed = supervised_list(text)
        counts = counted_after(text, STAFF)
        if listed and listed not in {c.count for c in counts}:
            counts.append(StaffCount(listed, "direct reports"))  # "supervises the X and the Y"
        reports = reports or _subordinates(text)
        klass = _label(form, "class")
        position = Position(
            title=title,
            other_titles=others,
            identifiers=_identifiers(form),
            reports_to=_reports_to(text),
            direct_reports=reports,
            supervises_count=supervised_count(text, COUNTING) or listed or len(reports) or None,
            job_class=JobClass(title=klass) if klass else opening_class(text),
            level=_label(form, "level"),
            duties=accountabilities(part["duties"]),
            education=education(part["knowledge"] or text),
            experience_years=counted_years(part["knowledge"]) or counted_years(text),
            budgets=[b for b, _ in budgets(parse(text), currency="CAD")],
            staff_counts=counts,
        )
        return Extraction(family=self.family, subject=position,
                          organisation=_organisation(form, unit))
