"""Where a document places the post: the organisation and the unit it states, before any guess.

The organisation, in this order:

- a label (``[labels] organization``: ``Émis par :``, ``Employeur :``, ``Ministère :``), a trailing
  acronym dropped (``... Répression des Fraudes (DGCCRF)``);
- a vacancy notice (``[phrases] vacancy_in``): "Un emploi de sous-directeur est vacant au sein des
  ministères sociaux";
- an appointment notice (``[phrases] appointed_to``): the body named after the post, "aptes à être
  nommées au poste de présidente-directrice générale adjointe du Centre intégré ... (CIUSSS)", "... à
  être nommées membres de la Commission" (a short name spelled out where the text gives it in brackets
  after the whole: "la Commission municipale du Québec (la Commission)");
- the first sentence of an employer section (``[headings] employer``: "Descriptif de l'employeur",
  "About us") that names a body with its acronym: "La direction de la jeunesse, ... (DJEPVA) élabore";
- a sentence that says what the employer is (``[words] organisation_nouns``): "Les Territoires de la
  Mémoire sont un centre d'Éducation ...", "Code for Canada is a non-profit organization".

The units: a unit label (``[labels] unit``: ``Direction de rattachement :``, ``Branch:``), the
organisation's name at its head dropped (``Direction générale ..., bureau 2D`` -> ``bureau 2D``); else
an assignment (``[phrases] assigned_to``: "sera affecté·e au service Gestion des Ressources
financières", "rejoindra le service Projets de l'association"), cut before the organisation or a new
clause.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from orgkg.extract.lexicon import BLANKS, alternation, fold, inclusive, leading, words, words_in, written
from orgkg.extract.needles import Needled
from orgkg.extract.rules.labels import Found, clean, inline_label, labelled
from orgkg.extract.rules.titles import names_a_post, notice, phrase
from orgkg.extract.structure import Document, Span

#: an acronym in brackets after a name: ``(DGCCRF)``, ``(SGA/DAJ)``.
ACRONYM = re.compile(r"[ \t]*\([A-Z][A-Za-z/&.-]{1,11}\)")
MAX_WORDS = 16


def organisation_stated(doc: Document) -> Found | None:
    """The organisation a label, a vacancy notice or the employer's own description names."""
    for f in labelled(doc, "organization", loose=False):
        if (found := clean(doc, f.value_start, f.value_end)) and _name(found[0]):
            return _without_acronym(doc, found)
    for f in labelled(doc, "organization_alone"):  # ``Company`` alone on its line, the name on the next
        if (found := clean(doc, f.value_start, f.value_end)) and _name(found[0]):
            return _without_acronym(doc, found)
    if (said := notice(doc)) and said[1] and _name(said[1][0]):
        return said[1]  # ``Avis de recrutement n° 2023-12 d'un(e) Administrateur à la Direction des ...``
    if (found := phrase(doc, "vacancy_in", stop=".;:(),")) and _name(found[0]):
        return found
    if found := phrase(doc, "appointed_to", stop=".;:(),", reach=300, accept=lambda f: _body_after(doc, f)):
        return found
    return _service_named(doc) or _introduced(doc) or _heading_body(doc) or _addressed_body(doc)


def _heading_body(doc: Document) -> Found | None:
    """``ANNEXE III`` / ``CENTRE HOSPITALIER RÉGIONAL DE TOULOUSE`` / ``Directeur ...``: near the top, a
    line in capitals opening with a French ``[words] organisation_nouns`` entry, no post's word in it."""
    nouns, heads = words_in("fr", "words", "organisation_nouns"), words("words", "title_heads")
    for ln in [ln for ln in doc.lines[doc.front_end :] if not ln.blank][:8]:
        body = doc.body(ln)
        folded = fold(body).split()
        if body.isupper() and len(folded) >= 2 and folded[0] in nouns and not set(folded) & heads:
            return clean(doc, ln.body_start, ln.body_end)
    return None


def _addressed_body(doc: Document) -> Found | None:
    """A form flattened to one paragraph (``... du GCS HAD) Centre hospitalier de Vitry le François Adresse :
    2 rue ...``): the name just before the address label, since the last bracket or stop, where it opens with
    a capitalised ``[words] organisation_nouns`` entry."""
    nouns = words_in("fr", "words", "organisation_nouns")
    for label in inline_label("words", "address_labels").finditer(doc.text):
        window = doc.text[max(0, label.start() - 120) : label.start()]
        cut = max(window.rfind(c) for c in ").:;\n")
        name = window[cut + 1 :].strip()
        if name[:1].isupper() and _name(name) and len(name.split()) >= 2 and fold(name).split()[0] in nouns:
            start = label.start() - len(window) + window.index(name, cut + 1)
            return clean(doc, start, start + len(name))
    return None


#: how far into a notice the service it is about is named.
SERVICE_EARLY = 2500


@cache
def _service_name() -> str:
    """A body written in lower case (``[words] bodies_lower``) with its initials, then where it is:
    ``direction régionale de l'environnement, ... (DREAL) de la région Auvergne-Rhône-Alpes``."""
    lower = alternation("words", "bodies_lower", r"[ \t]+")
    place = r"[A-Z\u00c0-\u00de][\w'\u2019-]*(?:[ \t-]+[A-Z\u00c0-\u00de][\w'\u2019-]*)*"
    where = "(?:" + alternation("words", "service_place_links", BLANKS) + ")"
    return (rf"(?P<name>(?:{lower})\b[^()\n.;:]{{2,160}}?[ \t]*\([A-Z]{{2,10}}\)"
            rf"(?:[ \t]+{where}(?:(?<=['\u2019])|[ \t]+){place})?)")


@cache
def _service() -> re.Pattern[str]:
    """``_service_name`` opening a sentence, a clause or a line, after its article: ``la direction régionale
    de l'environnement, ... (DREAL) de la région Auvergne-Rhône-Alpes``."""
    articles = leading("words", "subject_articles", r"[ \t]+", languages=("fr",))
    return re.compile(rf"(?:^|[.,][ \t]+|\n)(?:{articles}){_service_name()}")


@cache
def _service_at() -> re.Pattern[str]:
    return re.compile(_service_name())


def _service_named(doc: Document) -> Found | None:
    """``Sous l'autorité de la préfète de région, la direction régionale de l'environnement, de
    l'aménagement et du logement (DREAL) de la région Auvergne-Rhône-Alpes met en œuvre ...``: early in a
    notice, a State service named in lower case with its initials (and where it is) is the organisation."""
    m = _service().search(doc.text, 0, SERVICE_EARLY)
    return clean(doc, m.start("name"), m.end("name")) if m else None


@cache
def _body_lead() -> re.Pattern[str]:
    """A preposition, then a capitalised name or a body named in lower case (``[words] bodies_lower``): the
    body a post is named to (``... adjoint du Centre intégré``, ``... de la direction départementale des
    territoires``)."""
    lower = alternation("words", "bodies_lower", r"[ \t]+")
    links = alternation("words", "body_lead_links", r"[ \t]+")
    return re.compile(rf"(?:^|[ \t])(?:{links})[ \t]*(?=[A-Z\u00c0-\u00de]|(?:{lower})\b)")


@cache
def _title_end() -> re.Pattern[str]:
    """The verb that closes a title in a sentence (``[words] title_ends``)."""
    return re.compile(rf"[ \t]+(?:{alternation('words', 'title_ends')})[ \t]")


def _body_after(doc: Document, found: Found) -> Found | None:
    """The name after the first preposition that leads a body's name in an appointment phrase's words
    (``présidente-directrice générale adjointe du Centre intégré ...`` -> ``Centre intégré ...``), up to
    the verb that closes the title (``[words] title_ends``: ``... des Deux-Sèvres est susceptible``),
    spelled out when the text gives its whole name before it in brackets."""
    m = _body_lead().search(found[0])
    if not m:
        return None
    start = found[1].start + m.end()
    if whole := _service_at().match(doc.text, start):  # ``de la direction départementale de l'emploi, du
        return clean(doc, whole.start("name"), whole.end("name"))  # travail ... (DDETS) de Vaucluse``
    verb = _title_end().search(doc.text, start, found[1].end)
    if not (body := clean(doc, start, verb.start() if verb else found[1].end)) or not _name(body[0]):
        return None
    return _spelled_out(doc, body) or body


def _spelled_out(doc: Document, short: Found) -> Found | None:
    """``Commission`` -> ``Commission municipale du Québec`` where the text says ``la Commission
    municipale du Québec (la Commission)``: the clause's capitalised name before a bracket holding the
    short name (an article or ``ci-après`` before it)."""
    if len(short[0].split()) > 2:
        return None
    article = (rf"(?:(?:{alternation('words', 'short_name_leads', BLANKS)})[ \t]+)?"
               rf"(?:{leading('words', 'subject_articles', BLANKS, languages=('fr',))})?")
    said = re.compile(rf"[ \t]*\({article}{re.escape(short[0])}\)")
    for m in said.finditer(doc.text):
        clause = max(doc.text.rfind(c, 0, m.start()) for c in ",\n.;:(")
        first = re.search(r"[A-Z\u00c0-\u00de]", doc.text[clause + 1 : m.start()])
        if first and (whole := clean(doc, clause + 1 + first.start(), m.start())) and \
                1 < len(whole[0].split()) <= MAX_WORDS // 2:
            return whole
    return None


def _name(value: str) -> bool:
    return 1 <= len(value.split()) <= MAX_WORDS and bool(re.match(r"\w", value))


def _without_acronym(doc: Document, found: Found) -> Found:
    span = found[1]
    m = ACRONYM.search(doc.text, span.start, span.end)
    if m and m.end() >= span.end - 1 and m.start() > span.start:
        return clean(doc, span.start, m.start()) or found
    return found


#: the article opening a sentence (``[words] subject_articles``, capitalised): ``La``, ``L'``, ``The``.
OPENING_ARTICLE = leading("words", "subject_articles", BLANKS, capitalised=True)
#: a body named with its acronym at a sentence's start: ``La direction de ... (DJEPVA) élabore``.
INTRODUCED = re.compile(rf"(?:{OPENING_ARTICLE})?(?P<name>[^\W\d_][^()\n.;:]{{2,160}}?)"
                        r"[ \t]*\([A-Z][A-Za-z]{1,9}\)")


def _introduced(doc: Document) -> Found | None:
    """The body an employer section opens with; in a context section (``Contexte``) only a body whose
    name starts with an organisation's word (``La Direction interministérielle du numérique (DINUM)``)."""
    for section in doc.sections:
        heading = fold(section.heading.text) if section.heading else ""
        employer, context = _starts_with(heading, "employer"), _starts_with(heading, "context")
        if not employer and not context:
            continue
        for para in doc.paragraphs(section)[:2]:
            m = INTRODUCED.match(doc.text, para.start, para.end)
            if m and _name(m.group("name")) and (employer or _organisation_word(m.group("name"))) and \
                    not _said_of().search(m.group("name")):
                return clean(doc, m.start("name"), m.end("name"))
    return _described(doc)


@cache
def _said_of() -> re.Pattern[str]:
    """A ``[words] presenting_verbs`` verb inside what stands before initials: a sentence about a body, no
    body's name (``Estime est une startup incubée au sein de la Direction de ... (DEUD)``)."""
    verbs = alternation("words", "presenting_verbs", BLANKS, languages=("fr",))
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)")


def _organisation_word(name: str) -> bool:
    first = fold(name).split()[:1]
    return bool(first) and first[0] in words("words", "organisation_nouns") | words("words", "unit_words")


def _starts_with(folded: str, key: str) -> bool:
    return any(folded == w or folded.startswith(w + " ") for w in words("headings", key))


@cache
def _description() -> re.Pattern[str]:
    """``Les Territoires de la Mémoire sont un centre``, ``Le Défenseur des droits est une autorité``: a
    capitalised name (its small words ``[words] description_links``), then "is a <noun>" (``described_verbs``,
    ``description_articles``, ``organisation_nouns``)."""
    nouns = alternation("words", "organisation_nouns")
    word = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
    link = alternation("words", "description_links", r"[ \t]+")
    # a word or two in lower case after a linking word: ``Le Défenseur des droits``, ``L'Observatoire des
    # données sociales``; an adjective after the first word: ``L'Organisation mondiale de la Santé``
    adjective = r"(?:[ \t]+[a-z\u00e0-\u00ff][\w'\u2019-]*(?=[ \t]+(?:de|du|des|d['\u2019])[ \t]))?"
    name = (rf"(?P<name>(?:{OPENING_ARTICLE})?{word}{adjective}"
            rf"(?:[ \t]+(?:des|du|de)(?:[ \t]+[a-z\u00e0-\u00ff][\w'\u2019-]*){{1,2}}"
            rf"|[ \t]+(?:{link}|{word})){{0,8}})")
    verb = (rf"[ \t]+(?:{alternation('words', 'described_verbs')})[ \t]+"
            rf"(?:{alternation('words', 'description_articles')})[ \t]+(?:[\w-]+[ \t]+){{0,2}}?")
    return re.compile(rf"(?:^|(?<=[.!?][ \t])|(?<=\n)){name}{verb}(?i:{nouns})\b", re.M)


@cache
def _not_described() -> re.Pattern[str]:
    """A sentence's subject that names no body (``[words] description_not_subjects``): ``Il``, ``This``."""
    return re.compile(rf"(?:{alternation('words', 'description_not_subjects')})\b")


def _described(doc: Document) -> Found | None:
    start = doc.lines[doc.front_end].start if doc.front_end < len(doc.lines) else 0
    for m in _description().finditer(doc.text, start):
        name = m.group("name")
        if fold(name).split()[-1] in words("words", "description_links"):
            continue
        if fold(ARTICLE.sub("", name)) in words("words", "organisation_nouns"):
            continue  # ``L'Agence est un organisme``: the body named before, by its kind alone
        if not _not_described().match(name):
            return clean(doc, m.start("name"), m.end("name"))
    return None


def units_stated(doc: Document, organisation: str | None) -> list[Found]:
    """The units a label or an assignment names, outermost first."""
    for f in labelled(doc, "unit", loose=False):
        if fold(f.label) in words("words", "named_unit_labels"):
            continue  # ``Office: Springfield``: read where it names a unit (organisation.units_labelled)
        names = {fold(ACRONYM.sub("", organisation))} if organisation else set()
        if (found := clean(doc, f.value_start, f.value_end)) and (unit := after_organisation(
                doc, found, names)) and _name(unit[0]):
            return [unit]
    for m in [*_assigned().finditer(doc.text), *_opening().finditer(doc.text)]:
        if m.re is _opening().pattern and (COUNTED.search(m.group("unit")) or doc.text[
                max(0, m.start() - 9) : m.start()].rstrip(" \t*_-")[-1:] not in {"", ".", "!", "\n"}):
            continue  # a sentence's opening clause, naming a unit, not its size (``l'équipe de 12 agents``)
        found = clean(doc, m.start("unit"), _unit_end(doc, m.start("unit"), m.end("unit"), organisation))
        if found and _name(found[0]) and len(found[0].split()) >= 2 and _has_unit_word(found[0]):
            return [found]  # ``the Platform team``, never ``the team``
    return []


def after_organisation(doc: Document, found: Found, names: set[str] | frozenset[str]) -> Found | None:
    """A unit's value without the organisation at its head: ``Direction générale de X, bureau 2D`` under
    ``Direction générale de X`` is ``bureau 2D``; None when it is the organisation (``names`` folded)."""
    value, span = found
    if fold(ACRONYM.sub("", value)) in names:
        return None
    for cut in re.finditer(r"[,;\u2013\u2014][ \t]*", doc.text[span.start : span.end]):
        if fold(ACRONYM.sub("", doc.text[span.start : span.start + cut.start()])) in names:
            return clean(doc, span.start + cut.end(), span.end)
    return found


@cache
def _assigned() -> Needled:
    """Every ``[phrases] assigned_to`` entry, a participle in any inclusive spelling (``affecté·e``,
    ``affecté-e``, ``affecté(e)``), then the unit up to the end of the clause."""
    leads = inclusive(alternation("phrases", "assigned_to"))
    return Needled(rf"(?i)\b(?:{leads})(?:(?<=['\u2019])|\s+)(?P<unit>[^.;:()\n]{{3,160}})")


#: a figure and the word it counts: ``équipe de 12 agents`` says a team's size, not its name.
COUNTED = re.compile(r"\b\d+\s+[^\W\d_]")


@cache
def _opening() -> Needled:
    """A ``[phrases] placed_opening`` entry (its participle in any inclusive spelling), the unit, a comma and
    the sentence's subject, the post or its holder (``[words] post_subjects``, ``duty_pronouns``,
    ``pronouns``): ``Au sein du Cabinet échevinal de la Propreté publique, vous ...``."""
    leads = inclusive(alternation("phrases", "placed_opening"))
    subjects = "|".join(alternation("words", key) for key in ("post_subjects", "duty_pronouns", "pronouns"))
    return Needled(rf"(?i)\b(?:{leads})(?:(?<=['\u2019])|\s+)(?P<unit>[^.;:()\n,]{{3,160}}),\s*"
                   rf"(?:{subjects})\b")


#: an article before a name (``[words] subject_articles``): ``Les Territoires`` and ``des Territoires`` name
#: the same body.
ARTICLE = re.compile(rf"^(?:{leading('words', 'subject_articles')})", re.I)


@cache
def _body_noun() -> re.Pattern[str]:
    """A body's common noun (``[words] organisation_nouns``) after its link (``body_noun_links``): `` de
    l'association``, `` of the foundation``."""
    nouns = alternation("words", "organisation_nouns")
    return re.compile(rf"(?i)\s+(?:{leading('words', 'body_noun_links')})(?:{nouns})\b")


@cache
def _unit_ends() -> tuple[str, re.Pattern[str]]:
    """The words before the organisation's name in a unit's (``[words] named_body_links``, an article after
    them maybe: ``de la Mémoire``), and what ends a unit's name: a comma, a ``unit_name_ends`` word opening a
    new clause (``, qui``, `` en renfort``, `` based in``)."""
    ends = alternation("words", "unit_name_ends")
    return (rf"\s+(?:{leading('words', 'named_body_links')})?(?:{leading('words', 'subject_articles')})?",
            re.compile(rf"(?i),|\s+(?:{ends})\b"))


def _unit_end(doc: Document, start: int, end: int, organisation: str | None) -> int:
    """Before the organisation (``... des Territoires de la Mémoire``), a body (``de l'association``),
    or a new clause (``, qui``, ``en renfort``)."""
    text = doc.text[start:end]
    cuts = [len(text)]
    if organisation:
        core = ARTICLE.sub("", ACRONYM.sub("", organisation).strip())
        if core and (m := re.search(rf"{_unit_ends()[0]}{re.escape(core)}", text, re.I)):
            cuts.append(m.start())
    if m := _body_noun().search(text):
        cuts.append(m.start())
    if m := _unit_described().search(text):
        cuts.append(m.start())  # ``l'équipe chargée de construire ...``: what the team does, no name
    if m := _unit_ends()[1].search(text):
        cuts.append(m.start())
    return start + min(cuts)


@cache
def _unit_described() -> re.Pattern[str]:
    """What a unit does after its word (``[phrases] unit_described``), an elided ``chargée d'`` too."""
    return re.compile(rf"(?i)\s+(?:{alternation('phrases', 'unit_described')})(?:(?<=['\u2019])|(?!\w))")


def _has_unit_word(value: str) -> bool:
    """A unit's word where its language puts it: first in French (``service Projets``), last in English
    (``Platform team``)."""
    folded = fold(value).split()
    return bool(folded) and (folded[0] in words_in("fr", "words", "unit_words")
                             or folded[-1] in words_in("en", "words", "unit_words"))




#: a capitalised word of a body's name (never an elided article's: ``L'objet``), a word in lower case.
_CAP_WORD = r"(?![LD]['\u2019])[A-Z\u00c0-\u00de][\w'\u2019&-]*"
_LOW_WORD = r"[a-z\u00e0-\u00ff][\w'\u2019-]*"
#: the links inside a French body's name (``[words] name_links``): ``Délégation interministérielle à
#: l'hébergement et à l'accès au logement``.
_LINKED = rf"(?:{alternation('words', 'name_links', BLANKS, languages=('fr',))})"
_NAME_LINK = rf"(?:(?:et[ \t]+)?{_LINKED}|pour[ \t]+la|pour[ \t]+le|pour[ \t]+l['\u2019])"
#: the initials in brackets after a body's name: ``(DSNA)``, ``(CISSSMC)``.
_INITIALS_AFTER = r"[ \t]*\([A-Z][A-Za-z]{1,9}\)"
#: the most words a body's name that presents itself holds; how far into a document it stands.
PRESENTED_WORDS, PRESENTED_REACH = 12, 3000


@cache
def _presented() -> re.Pattern[str]:
    """A sentence (or a fact in a list, ``[words] presenting_bullets``) opening with a body's name, perhaps
    its article, its initials and what it is between commas, then a ``[words] presenting_verbs`` verb:
    ``Les Archives nationales du Luxembourg jouent``, ``..., la Direction des Services de la Navigation
    Aérienne (DSNA) souhaite``, ``Bruxelles-Propreté, de par ses activités ..., exerce``. A word in lower case
    stands after a link, or right after a capitalised word as its adjective (``Délégation
    interministérielle``), never a small word (``[words] function_words``, ``subordinate_clauses``)."""
    bullets = "".join(re.escape(b) for b in written("words", "presenting_bullets"))
    article = leading("words", "subject_articles", BLANKS, languages=("fr",))
    verbs = alternation("words", "presenting_verbs", BLANKS, languages=("fr",))
    small = "|".join(re.escape(w) for w in sorted(words_in("fr", "words", "function_words")
                                                   | words_in("fr", "words", "subordinate_clauses")))
    adjective = rf"(?!(?:{small})\b){_LOW_WORD}"
    word = rf"(?:{_CAP_WORD}(?:[ \t]+{adjective}){{0,2}})"
    # a body's word in lower case after its article, its name in capitals after it: ``L'institut
    # Interdisciplinaire de l'Innovation``
    nouns = alternation("words", "organisation_nouns", BLANKS, languages=("fr",))
    noun = rf"(?<=[A-Za-z]['\u2019 \t])(?:{nouns})(?=[ \t]+{_CAP_WORD})"
    name = (rf"(?P<name>(?:{word}|{noun})"
            rf"(?:[ \t]+{_NAME_LINK}[ \t]*(?:{word}|{_LOW_WORD})|[ \t]+{word}){{0,10}}?)")
    return re.compile(rf"(?:^|(?<=[.!?][ \t])|(?<=,[ \t]))[{bullets} \t]*(?P<article>(?i:{article}))?{name}"
                      rf"(?P<initials>{_INITIALS_AFTER})?(?:,[ \t]+(?P<what>[^.\n]{{2,200}}?),)?"
                      rf"[ \t]+(?P<verb>{verbs})\b", re.M)


def presented(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset(),
              rank: int = 1) -> Found | None:
    """The first body that presents itself early in a sentence of its own (``_presented``), by how surely
    its name names a body (``rank``, see ``_presents``): 1, by its initials alone (``FUN ambitionne``,
    never ``La DPPLA est composée``, a unit's) or a body's word first (``[words] organisation_nouns``:
    ``La Délégation interministérielle ... est chargée``); 2, by a capitalised word that names no kind
    (``Grand Paris Sud Est Avenir réunit``, also a product: ``Mon Suivi Justice est``); 3, a unit's word
    first and the body's initials after it (``la Direction des Services de la Navigation Aérienne (DSNA)
    souhaite``: a ministry's directorate, or a unit presenting itself, ``La Direction générale
    Institutions et Population (DGIP) veille``). Never a post, a pronoun, a kind alone (``L'Agence``) nor
    a name already read (``not_names``)."""
    start = doc.lines[doc.front_end].start if doc.front_end < len(doc.lines) else 0
    later = tuple((p.start, p.end) for p in _employer_paragraphs(doc) if p.start >= start + PRESENTED_REACH)
    for name, at, end, ranked in _presentations(doc.text, ((start, start + PRESENTED_REACH), *later)):
        if ranked == rank and fold(name) not in not_names:
            return clean(doc, at, end)
    return None


def _employer_paragraphs(doc: Document) -> list[Span]:
    """The first paragraph of each section where an employer presents itself (``[headings] employer``,
    ``context``), however late: ``## Contexte`` / ``L'institut Interdisciplinaire de l'Innovation
    est ...``."""
    return [doc.paragraphs(section)[0] for section in doc.sections
            if section.heading and (_starts_with(fold(section.heading.text), "employer")
                                    or _starts_with(fold(section.heading.text), "context"))
            and doc.paragraphs(section)]


@lru_cache(maxsize=4)
def _presentations(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[str, int, int, int], ...]:
    """Every ``_presented`` match in ``spans`` of ``text`` that presents a body, its name's span and rank:
    one search for the three ranks a document is asked for."""
    out = []
    for m in (m for a, b in spans for m in _presented().finditer(text, a, b)):
        if _recruiting().match(text, m.start("verb")):
            continue  # ``est à la recherche d'un consensus``: whom it seeks tells (subject_body)
        bare = m.group("article") is not None and not _a_body_said(m.group("what") or "")
        if ranked := _presents(m.group("name"), article=bare, initials=m.group("initials") is not None):
            out.append((m.group("name"), m.start("name"), m.end("name"), ranked))
    return tuple(out)


@cache
def _recruiting() -> re.Pattern[str]:
    """A ``[words] recruiting_verbs`` phrase: ``est à la recherche``."""
    return re.compile(rf"(?:{alternation('words', 'recruiting_verbs', BLANKS)})\b")


def _a_body_said(what: str) -> bool:
    """What a body is, said between commas after its name, opens with a body's word (``[words]
    organisation_nouns``), perhaps after an article: ``l'AUF, organisation internationale ..., est``."""
    said = [w for w in fold(what).split() if w not in words_in("fr", "words", "description_articles")]
    return bool(said) and said[0] in words_in("fr", "words", "organisation_nouns")


def _presents(name: str, *, article: bool, initials: bool) -> int:
    """How surely a name presents a body (``presented``): 0 not at all, 1 by its initials or a body's word,
    2 by a capitalised word, 3 a unit's word and the body's initials.
    ``article``: an article before the name and no body's word saying what it is."""
    said, folded = name.split(), fold(name).split()
    articles = words_in("fr", "words", "subject_articles") | words_in("fr", "words", "description_articles")
    small = words_in("fr", "words", "function_words") | articles | words_in("fr", "words", "not_bodies")
    if not folded or len(said) > PRESENTED_WORDS or fold(said[0]) in small or \
            said[0] in written("words", "description_not_subjects") or \
            any(w[:1].isupper() and fold(w) in articles for w in said) or names_a_post(name):
        return 0  # ``Les missions de la DDT``, ``Ces trois CH``, ``CONTEXTE ET SPECIFICITE La ...``, a post
    if re.fullmatch(r"[A-Z]{2,8}", name):
        return 0 if article else 1  # ``FUN``, ``l'AUF, organisation ...``; ``La DPPLA``: a direction's
    nouns, units = words_in("fr", "words", "organisation_nouns"), words_in("fr", "words", "unit_words")
    if folded[0] in units and folded[0] not in nouns:
        return 3 if initials else 0  # ``Direction des Services ... (DSNA)``; ``Le service Communication``
    kinds = nouns | units | words_in("fr", "words", "local_bodies")
    named = [w for w in said[1:] if w[:1].isupper() and fold(w) not in kinds]
    return 1 if folded[0] in nouns and len(folded) >= 2 else 2 if named else 0


def partner(doc: Document) -> tuple[Found | None, Found | None]:
    """The organisation or the unit a posting's front matter names as the partner posting it (``[labels]
    partner``): ``friend: 'PIX'`` the organisation; ``friend: Mission numérique DGALN``, ``friend: Le
    laboratoire d'innovation de l'ANSSI`` a unit (its first word, its article dropped, a French ``[words]
    unit_words``, ``academic_units`` or ``partner_units`` entry)."""
    body = doc.lines[doc.front_end].start if doc.front_end < len(doc.lines) else 0
    for f in labelled(doc, "partner"):
        if f.value_start >= body or not (found := clean(doc, f.value_start, f.value_end)):
            continue
        lead = ARTICLE.match(found[0])
        named = clean(doc, found[1].start + lead.end(), found[1].end) if lead else found
        if not named or not _name(named[0]):
            continue
        units = words_in("fr", "words", "unit_words") | words_in("fr", "words", "academic_units") | \
            words_in("fr", "words", "partner_units")
        return (None, named) if fold(named[0]).split()[0] in units else (named, None)
    return None, None


#: a unit's name closed by the body it is part of: ``Atelier numérique de la Culture``.
_TAIL = re.compile(rf"[ \t]+{_LINKED}[ \t]*(?P<tail>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*)$")


def without_body(unit: Found, organisation: str | None) -> Found:
    """A unit's name without the body it closes with where that is how the organisation's name ends:
    ``Atelier numérique de la Culture`` of the ``Ministère de la Culture`` -> ``Atelier numérique``."""
    m = _TAIL.search(unit[0])
    whole = fold(ACRONYM.sub("", organisation or ""))
    if not m or not whole.endswith(" " + fold(m.group("tail"))):
        return unit
    return unit[0][: m.start()], Span(unit[1].start, unit[1].start + m.start())
