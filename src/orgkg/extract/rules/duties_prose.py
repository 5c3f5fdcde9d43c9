"""Duties told in prose, where a document has no duties section or list (a vacancy notice).

A sentence is a duty when its subject is the post and its first verb names work: the subject is a
``[words] post_subjects`` phrase ("Le titulaire", "The incumbent") or the post's title led by an article
("Le sous-directeur, délégué à ..., conçoit ..."), perhaps after a leading clause ("Rattaché
directement à la directrice ..., le sous-directeur du contentieux est chargé de diriger ..."); a
sentence opening with a pronoun ("Il coordonne ...") goes on with the last subject named; a charge
told to the holder (``[words] holder_charged``: "Within this role, you will be responsible for ...") is
one; an inclusive pronoun ("il/elle") names a person, so the post, after any subject; where no duty was
read otherwise, a sentence told to the holder ("vous rédigez les plans") is one. The first verb is a ``[words]
duty_verbs`` entry (or its future: "assurera"), or a ``[words] charged_with`` phrase ("est chargé de",
"is responsible for"); "Il est assisté d'un adjoint" or "Le titulaire exerce les fonctions de ..." name none.
"""

from __future__ import annotations

import re
from functools import cache

from orgkg.extract.lexicon import LANGUAGES, alternation, entries, fold, words, written
from orgkg.extract.records import Duty
from orgkg.extract.rules.duties import is_stop_line, said_to_holder
from orgkg.extract.rules.titles import head_noun, plain
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import squash

#: how far into a sentence a leading clause may run before the subject: ``Rattaché directement à X, le ...``;
#: how many such clauses: ``Aux côtés de la directrice qu'il seconde et supplée, avec le second directeur
#: adjoint, le directeur départemental adjoint ... exerce ...``.
LEAD_CLAUSE, LEAD_CLAUSES = 160, 2
#: a label before the sentence: ``**Description du poste:** La responsable ... est chargée de ...``.
LABEL = r"[*_\s]*[^:,.*\n]{2,40}:[*_\s]*"
#: a sentence opening with a determiner (``[words] subject_determiners``, folded) and a noun names another
#: subject: ``Le service``, ``Son aire``.
OTHER_SUBJECT = re.compile(r"(?:{})\b".format("|".join(
    re.escape(w) for w in sorted(words("words", "subject_determiners"), key=lambda w: (-len(w), w)))))


def prose_duties(doc: Document, title: str, *, told_to_holder: bool = False) -> list[tuple[Duty, Span]]:
    """The sentences that say what the post does, in document order; with ``told_to_holder`` (a document
    with no duties read otherwise) also those told to the holder ("vous rédigez les plans")."""
    head = _head(title)
    out: list[tuple[Duty, Span]] = []
    post = opened = False  # the last sentence's subject is the post; the last paragraph opened with it
    recruited = False  # the last sentence's subject is the person recruited (``Le candidat ...``)
    for para in (line for p in doc.paragraphs() for line in doc.line_items(p)):
        post, opened = post or opened, False  # ``Il voit à ...`` opening a paragraph: the last one's subject
        asked = told_to_holder and not _under_stop(doc, para.start)  # not under ``Profil recherché``
        for n, span in enumerate(doc.sentences(para)):
            said = doc.text[span.start : span.end]
            folded = plain(said)
            if ((told_to_holder and _told_to_holder(folded)) or _holder_charged().match(fold(said))) \
                    and len(said.split()) >= 4:
                out.append((Duty(squash(said), None), span))
                continue
            if asked and (will := _recruited_will(folded, recruited)) is not None:
                recruited = post = True
                if will and len(said.split()) >= 4:
                    text = squash(said)
                    out.append((Duty(text[0].upper() + text[1:], None), span))
                continue
            recruited = recruited and not OTHER_SUBJECT.match(folded)  # a wrapped line's rest keeps it
            if (end := _subject_end(folded, head)) is not None:
                post, rest = True, said[end:] if len(folded) == len(said) else folded[end:]
                rest = _after_title(rest, title)  # ``The Senior [Project Manager of Research] is ...``
            elif folded.split()[:1] and fold(folded.split()[0]) in words("words", "pronouns"):
                rest = said.split(None, 1)[1] if len(said.split()) > 1 else ""
            elif m := _led_pronoun().match(folded):  # ``Au plan départemental, il travaille ...``
                rest = folded[m.end() :]
            else:
                post = post and not OTHER_SUBJECT.match(folded)
                continue
            opened = post if n == 0 else opened
            if post and _names_work(rest) and len(said.split()) >= 4:
                if lead := re.match(LABEL, said):  # the label is no part of the duty
                    said, span = said[lead.end() :], Span(span.start + lead.end(), span.end)
                text = squash(said)
                out.append((Duty(text[0].upper() + text[1:], None), span))
    return out


def _recruited_will(folded: str, recruited: bool) -> bool | None:
    """For a sentence (``plain``) whose subject is the person recruited (``_recruited``), or a pronoun
    after such a sentence (``recruited``): whether it says what they will do (``_will_work``); None for
    another subject."""
    if m := _recruited().match(folded):
        return _not_had(folded[m.end() :]) if m.group("wish") else _will_work(folded[m.end() :])
    if recruited and (m := _pronoun().match(folded)):
        return _will_work(folded[m.end() :])
    return None


@cache
def _pronoun() -> re.Pattern[str]:
    """A ``[words] pronouns`` entry opening a sentence (``plain``): ``il``, ``il ou elle``."""
    said = sorted((re.escape(plain(w)) for w in written("words", "pronouns")), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(said)})(?![\w/-])")


@cache
def _led_pronoun() -> re.Pattern[str]:
    """A ``[words] pronouns`` entry after a leading clause and its comma, the sentence ``plain``: ``Au plan
    départemental, il travaille ...``, ``Aux côtés du sous-préfet chargé de mission ..., il anime ...``."""
    return re.compile(rf"(?:[^,.]{{1,{LEAD_CLAUSE}}},\s+){{1,{LEAD_CLAUSES}}}{_pronoun().pattern}\s+")


@cache
def _recruited() -> re.Pattern[str]:
    """The person recruited as a sentence's subject (``plain``), after an optional label and leading clause:
    a ``[words] recruited_subjects`` phrase (``le candidat``, ``la personne recrutée``), or an article
    (``[words] subject_articles``), up to four words and a ``[words] recruited_marks`` word (``le maître de
    conférences recruté``); maybe after a wish (``[words] recruited_wishes``, group ``wish``: ``Nous
    souhaitons que le (ou la) candidat(e) prenne en charge ...``)."""
    subjects, marks, articles = (sorted((re.escape(plain(w)) for w in written("words", key)), key=len,
                                        reverse=True)
                                 for key in ("recruited_subjects", "recruited_marks", "subject_articles"))
    lead = rf"(?:[^,.]{{0,{LEAD_CLAUSE}}},\s*)?"
    named = rf"(?:{'|'.join(articles)})\s*(?:[\w'-]+\s+){{0,4}}?(?:{'|'.join(marks)})"
    subject = rf"(?:{'|'.join(subjects)})(?:\s+(?:{'|'.join(marks)}))?"  # ``le/la candidat(e) recruté(e)``
    wishes = "|".join(re.escape(plain(w)) for w in written("words", "recruited_wishes")) or "(?!)"
    return re.compile(rf"(?:{LABEL})?{lead}(?P<wish>(?:{wishes})\s+)?(?:{named}|{subject})(?![\w(.·-])\s*")


def _will_work(rest: str) -> bool:
    """``intégrera le département``, ``devra contribuer au ...``, ``se doit de renforcer ...``: the verb after
    the person recruited, in the future (``[words] recruited_future_ends``) or after a modal (``[words]
    modals``), names what they will do; never what they must have or be (``[words] recruited_not_work``:
    ``devra avoir``, ``sera titulaire de``)."""
    said = [w.removeprefix("s'") for w in re.findall(r"[\w'-]+", rest)[:6]
            if w not in words("words", "verb_adverbs") and w not in words("words", "reflexives")]
    if not said:
        return False
    if said[0] in words("words", "modals"):
        said = [w for w in said[1:] if w not in words("words", "duty_verb_lead")]
    elif not said[0].endswith(tuple(written("words", "recruited_future_ends"))) or len(said[0]) < 4:
        return False
    return _not_had(" ".join(said))


def _not_had(told: str) -> bool:
    """``told`` (the words after the person recruited) says something they will do, not what they must have
    or be (``[words] recruited_not_work``)."""
    told = told.strip()
    return bool(told) and not any(told == w or told.startswith(w + " ") for w in _not_work())


@cache
def _not_work() -> frozenset[str]:
    return frozenset(plain(w) for w in written("words", "recruited_not_work"))


def _under_stop(doc: Document, at: int) -> bool:
    """``at`` lies under a heading naming another topic than the work (``duties.is_stop_line``: ``Profil
    recherché``, ``Qualifications``), never under a profile of the work (``[headings] work_profiles``, accents
    kept: ``PROFIL RECHERCHE``, ``Profil enseignement``)."""
    heads = [h for h in doc.headings if h.start < at]
    if not heads:
        return False
    said = " ".join(re.findall(r"[^\W\d_]+", heads[-1].text.replace("\u2019", "'").casefold()))
    return not said.startswith(_work_profiles()) and is_stop_line(heads[-1].text)


@cache
def _work_profiles() -> tuple[str, ...]:
    return tuple(" ".join(re.findall(r"[^\W\d_]+", w.casefold()))
                 for w in written("headings", "work_profiles"))


def _after_title(rest: str, title: str) -> str:
    """``rest`` without the title's words going on after the first its subject names, up to the verb: a word
    in capitals or a ``[words] title_goes_on`` word (``[The Senior] Project Manager of Research, Partnerships
    and Outreach [is responsible for]``); never a ``[words] duty_verbs`` verb in capitals that is no word of
    the title ("The Manager Oversees the ...")."""
    own, end = set(fold(title).split()), 0
    while m := _title_word().match(rest, end):
        said = fold(m.group("cap") or "")
        if said in words("words", "duty_verbs") and said not in own:
            break
        end = m.end()
    return rest[end:]


@cache
def _title_word() -> re.Pattern[str]:
    """One word of a title going on (``_after_title``): ``, Partnerships``, `` of``, `` and``."""
    links = alternation("words", "title_goes_on")
    return re.compile(rf"(?:,?[ \t]+(?:(?P<cap>[A-Z][\w'\u2019&/-]*)|(?:{links})(?![\w'\u2019&/-])))")


def told_in(doc: Document, duty: str, title: str) -> list[tuple[Duty, Span]]:
    """The sentences of the paragraph a duty was read from that each say what the post does:
    "He/she is responsible for ... The selected candidate will provide ... The Head serves as ..."."""
    at = doc.text.find(duty[:60])
    para = next((p for p in doc.paragraphs() if p.start <= at < p.end), None) if at >= 0 else None
    return [(d, s) for d, s in prose_duties(doc, title) if para and para.start <= s.start < para.end]


def told_in_paragraphs(doc: Document, read: list[tuple[Duty, Span]],
                       title: str) -> list[tuple[Duty, Span]] | None:
    """Duties read as paragraphs (their first sentences): a paragraph that opens with the post as its subject
    gives each of its sentences whose subject is the post ("Relevant du président-directeur général, la
    personne titulaire est responsable de ... Elle voit au déploiement de ..."); one that opens with
    another subject and tells none ("Le CIUSSS est un établissement ...") is none; one that opens with a
    duty without a subject ("Participates with the IG in ...") stays as read. None when a duty is a list
    item or no paragraph tells two."""
    blocks = [line for p in doc.paragraphs() for line in doc.line_items(p)]
    told = prose_duties(doc, title)
    out: list[tuple[Duty, Span]] = []
    count, seen = 0, set()
    for duty, span in read:
        block = next((b for b in blocks if b.start <= span.start < b.end), None)
        if block is None or block.start in seen:
            return None
        seen.add(block.start)
        mine = [(d, s) for d, s in told if block.start <= s.start < block.end]
        if mine and mine[0][1].start == block.start:  # the paragraph opens with the post as its subject
            count += len(mine)
            out += mine
        elif mine or not OTHER_SUBJECT.match(plain(duty.text)):
            out.append((duty, span))  # ``Participates with the IG in ...``: a duty without a subject
    return out if count >= 2 else None


def of_others(doc: Document, read: list[tuple[Duty, Span]], title: str) -> bool:
    """Duties read as paragraphs (no list item) each opening with another subject than the post and telling
    none of its work (``Les missions de la DDT sont définies à l'article 3 du décret ...``): the section under
    the duties heading speaks of the body."""
    if not read or not all(OTHER_SUBJECT.match(plain(duty.text)) for duty, _ in read):
        return False  # the cheap test first: most duties open with a verb
    blocks = [line for p in doc.paragraphs() for line in doc.line_items(p)]
    found = [b for _, span in read for b in blocks if b.start <= span.start < b.end]
    if len(found) < len(read):
        return False  # a list item among them
    told = prose_duties(doc, title)
    return not any(b.start <= s.start < b.end for b in found for _, s in told)


def _head(title: str) -> str:
    """The title's first word and its head noun (``titles.head_noun``), folded, on two lines: ``senior`` and
    ``advisor`` for 'Senior Policy Advisor', ``sous-directeur`` twice for 'Sous-directeur du contentieux';
    "" for no title."""
    said = plain(title).split()
    return f"{said[0]}\n{head_noun(title)}" if said else ""


def _subject_end(folded: str, head: str) -> int | None:
    """Where the post as subject ends in a ``folded`` sentence (``_subject``), the title's first word and
    head noun being ``head`` (``_head``); None when the sentence has another subject."""
    if not head:
        m = _subject(False).match(folded)
        return m.end() if m else None
    m = _subject(True).match(f"{head}\n{folded}")  # no white space in a word: a line break ends each
    return m.end() - len(head) - 1 if m else None


@cache
def _subject(titled: bool) -> re.Pattern[str]:
    """The post as a sentence's subject, after an optional label and leading clause: a ``[words]
    post_subjects`` phrase, folded, or (``titled``) the title's first word or head noun led by an article
    (``le sous-directeur``, ``the advisor``), read from two lines put before the sentence: one pattern
    serves every title, none compiled for each document."""
    found = [re.escape(w) for w in sorted(words("words", "post_subjects"), key=len, reverse=True)]
    if titled:
        found.append(r"(?:le|la|l'|the)\s*(?:(?P=head)|(?P=noun))")
    head = r"(?P<head>[^\n]*)\n(?P<noun>[^\n]*)\n" if titled else ""
    lead = rf"(?:[^,]{{0,{LEAD_CLAUSE}}},\s*){{0,{LEAD_CLAUSES}}}"
    return re.compile(rf"{head}(?:{LABEL})?{lead}(?:{'|'.join(found)})\b")


def _told_to_holder(folded: str) -> bool:
    """A duty told to its holder (``duties.said_to_holder``), at the start or after a leading phrase (``En cas
    d'anomalie vous tirez la sonnette d'alarme``); never a question (``Et si vous preniez la vie côté
    Roubaix ?``)."""
    if folded.rstrip().endswith("?") or not (m := _told().match(folded)):
        return False
    return said_to_holder(m.group(1), m.group(2))


@cache
def _told() -> re.Pattern[str]:
    """A ``[words] duty_pronouns`` entry, at the start or after a leading phrase, and the word after it."""
    pronouns = "|".join(re.escape(w) for w in words("words", "duty_pronouns"))
    return re.compile(rf"(?:[^.;:]{{0,{LEAD_CLAUSE}}}?[\s,])?({pronouns})\s+([\w']+)")


@cache
def _holder_charged() -> re.Pattern[str]:
    """A ``[words] holder_charged`` entry (the sentence folded: ``fold``), at the start or after a leading
    clause: "Within this role, you will be responsible for ...", "Votre mission consiste à ..."."""
    charged = sorted(words("words", "holder_charged"), key=len, reverse=True)
    said = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in charged)
    return re.compile(rf"(?:.{{0,{LEAD_CLAUSE}}}?\s)?(?:{said})(?![\w'])")


#: "will be (primarily) responsible for": "is responsible for".
RESPONSIBLE = re.compile(r"^\s*(?:will|shall)\s+be\s+(?:[a-z]+ly\s+)?(responsible|accountable)\s+for\b")


def _names_work(rest: str) -> bool:
    """The first verb after the subject is work: a duty verb, or "est chargé de"; a modal before it
    ("will provide", "doit optimiser") names none of its own, nor an adverb ("est également chargé de")."""
    rest = RESPONSIBLE.sub(r"is \1 for", rest)
    rest = re.sub(r"^\s*(?:will|shall)\s+(?!be\b)", "", rest)
    said = [w for w in fold(rest[:100]).split() if w not in words("words", "verb_adverbs")]
    if (modal := _first_verb(" ".join(said))) in words("words", "modals"):  # ``doit aussi optimiser``
        said = said[said.index(modal) + 1 :]
        rest = " ".join(said)
    if any(p in " ".join(said) for p in _charged()):  # ``est également chargé de``
        return _first_verb(rest) in {"", *_charged_verbs()}
    return _first_verb(rest) in words("words", "duty_verbs")


#: the elided reflexive pronoun before a French verb: ``s’assure``, ``s'occupe``.
REFLEXIVE = re.compile(r"^s['\u2019](?=\w)")


def _first_verb(rest: str) -> str:
    """The first verb of ``rest`` (as written: ``à`` is no verb ``a``), folded; a pronominal verb by its verb
    (``s’assure`` is ``assure``)."""
    verbs = words("words", "duty_verbs") | words("words", "clause_links") | words("words", "other_verbs")
    tokens = [REFLEXIVE.sub("", fold(w)) for w in re.findall(r"[\w'\u2019]+", rest)[:14]
              if w.casefold() != "à"]
    return next((_infinitive(w) for w in tokens if _infinitive(w) in verbs), "")


def _infinitive(token: str) -> str:
    """A verb told in the future by its infinitive and a ``[words] future_ends`` ending ("Le titulaire
    assurera la liaison" -> ``assurer``), where the infinitive is a duty verb; any other token as it is."""
    for end in words("words", "future_ends"):
        if token.endswith(end) and (stem := token[: -len(end)]) in words("words", "duty_verbs"):
            return stem
    return token


@cache
def _charged() -> tuple[str, ...]:
    return tuple(fold(str(w)) for lang in LANGUAGES for w in entries(lang)["words"].get("charged_with", []))


@cache
def _charged_verbs() -> frozenset[str]:
    return frozenset(p.split()[0] for p in _charged())
