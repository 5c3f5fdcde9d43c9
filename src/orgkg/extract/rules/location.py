"""The place of work (city or region), read once for every family: ``location(doc)``.

A place labelled (``[labels] location``: ``Location: Ottawa, Ontario``, ``Lieu de travail : Paris (75)``,
``Work Location: 123 Main St, Springfield, IL 62701``), each labelled value in document order until one names
a place; a street address gives its town (and state or province), a value naming no town (``1221 SW 4th Ave,
OR, OR, 97204``) gives way to the next label. Else the place a phrase names (``[phrases] location``: ``based
in Leeds``, ``poste basé à Lyon``, ``will work at our Winnipeg office``), a French town with its
département's number near the top, a town after a location label inside a running line, the town of a
sentence placing the post, a town beside how the post is worked (``Hybrid - Toronto, ON``), or a town and its
state alone on a line near the top. Never the address to apply to, a head office, a residency requirement
or the places a post travels to or serves: those are said with no location label or phrase.
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from orgkg.extract.lexicon import alternation, fold, table, words, written
from orgkg.extract.needles import AtLineStart
from orgkg.extract.rules.labels import Found, clean, every_label, inline_label, labelled
from orgkg.extract.rules.titles import TOWN_WORDS, names_a_body, names_a_post, phrase, town_and_state
from orgkg.extract.rules.values import REMARK, SENTENCE_ON
from orgkg.extract.structure import Document, Span, parse

#: a French town's small words (``[words] town_links``: ``sur``, ``lès``, ``de``) and its capitalised ones.
_TOWN_LINK = f"(?:{alternation('words', 'town_links')})"
_CAPITAL_WORD = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
#: a postal address's town: ``14, avenue Duquesne, 75007 Paris``, ``75 007 Paris``; a code with its country's
#: letter (``26, rue Sainte-Zithe L-2763 Luxembourg``, ``B-1000 Bruxelles``); its words joined by small words,
#: without the sorting office's ``Cedex``: ``51 308 Vitry le François Cedex``.
POSTCODE_TOWN = re.compile(r"\b(?:\d{2}[ \t]?\d{3}|[A-Z]{1,2}-\d{4})[ \t]+(?:[-\u2013\u2014][ \t]+)?"
                           rf"(?P<town>{_CAPITAL_WORD}"
                           rf"(?:(?:[ \t-]+{_TOWN_LINK})?[ \t-]+(?!CEDEX\b|Cedex\b){_CAPITAL_WORD}){{0,3}})")


#: an address ending in its town and the town's region in brackets: ``103 avenue du Maréchal Foch - BP 44029,
#: Marcq-en-Barœul (Nord (59))``, ``Grand Place - CS 70737, Roubaix (Nord)``.
TOWN_IN_REGION = re.compile(r",[ \t]*(?P<town>[A-Z\u00c0-\u00de][^,()\n]{1,40}?)[ \t]*"
                            r"\((?:[^()\n]|\([^()\n]*\))*\)[ \t]*$")


@cache
def _street_town() -> re.Pattern[str]:
    """A street address's town and its state or province code, closing the address:
    ``15 W. 16th St. New York, NY 10011``."""
    postcode = r"(?:[ \t]+[A-Z]?\d[\dA-Z -]{3,9})?"
    return re.compile(rf"{town_and_state().pattern}{postcode}[ \t.]*$")


@cache
def _our_office() -> re.Pattern[str]:
    """An employer's own office named by its town (``[words] office_words``): ``our Hamilton office``, ``our
    Leeds campus``, ``the Regina office``."""
    office = alternation("words", "office_words", languages=("en",))
    return re.compile(r"(?:(?:our|the)[ \t]+)?(?P<town>[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,2})"
                      rf"[ \t]+(?:{office})")


#: a value opening with a ``[words] list_joins`` word: ``and St Mary's Hospital``, ``et Lyon``.
LIST_JOINED = re.compile(rf"(?:{alternation('words', 'list_joins')})[ \t]+(?=[A-Z])")


# the generic family asks it of its prepared text, then of the text as written: the same Document (``parse``)
# when preparing changed nothing, read once
@lru_cache(maxsize=2)
def location(doc: Document) -> Found | None:
    """The place a label gives (``labelled_location``), else the place the text names otherwise (the
    module's docstring, in its order), else a labelled street address as written that names no town
    (``2134 W Laburnum Avenue, VA, VA, 23219``)."""
    return labelled_location(doc) or _phrased_place(doc) or _town_with_department(doc) or _address_town(doc) \
        or _town_of_the_post(doc) or _town_and_mode(doc) or _town_line(doc) or _seeker_town(doc) \
        or labelled_location(doc, address=True)


def town_of_body(name: str) -> str | None:
    """The town a body is named after (``[words] town_bodies``, a ``local_body_links`` word, the town's
    capitalised words, its region in brackets maybe): ``Ville de Neuchâtel`` -> ``Neuchâtel``,
    ``CENTRE HOSPITALIER DE SAINT-AMAND-MONTROND (CHER)`` -> ``SAINT-AMAND-MONTROND``; none where more
    follows (``CHU de Québec – Université Laval``)."""
    m = _town_body().fullmatch(name.strip())
    return m.group("town") if m else None


@cache
def _town_body() -> re.Pattern[str]:
    bodies = alternation("words", "town_bodies", r"[ \t]+")
    links = alternation("words", "local_body_links", r"[ \t]+")
    return re.compile(rf"(?i:{bodies})[ \t]+(?i:{links})[ \t]*(?P<town>{_CAPITAL_WORD}"
                      rf"(?:(?:[ \t-]+{_TOWN_LINK})?[ \t-]+{_CAPITAL_WORD}){{0,3}})"
                      r"(?:[ \t]+\([^()\n]{1,30}\))?")


def labelled_location(doc: Document, *, address: bool = False) -> Found | None:
    """The first labelled value that names a town (``labelled_place``); with ``address``, the first that is
    a street address naming none, as written. A form's families read the place so, its labels only."""
    for f in labelled(doc, "location"):
        if found := (_address if address else labelled_place)(doc, f.value_start, f.value_end):
            return found
    return None


def place_of(value: str | None, *, town: bool = False) -> str | None:
    """The place a value a family's own form gives names (``labelled_place`` over the value alone, else the
    value as written where it is a street address naming no town); with ``town``, the town alone, without
    its state's code (``2675 Palmer Street, Missoula, MT 59808`` -> ``Missoula``) and after a building's
    address (``Scott Hart Building, 302 N. Roberts, Great Falls`` -> ``Great Falls``)."""
    if not value:
        return None
    doc = parse(value)
    found = labelled_place(doc, 0, len(doc.text)) or _address(doc, 0, len(doc.text))
    if not found or not town:
        return found[0] if found else None
    said = re.sub(r",[ \t]*[A-Z]{2}$", "", found[0]) if town_and_state().fullmatch(found[0]) else found[0]
    last = said.split(",")[-1].strip()
    return last if re.search(r"\d", said) and not re.search(r"\d", last) else said


#: how many words a labelled place has at most, an address (no word of a sentence) at most; a longer value
#: is a sentence, read for a town only.
PLACE_WORDS, ADDRESS_WORDS = 8, 14
#: a run-in label after a full stop ends a value: ``Altnagelvin Hospital. DATE: September 2013``.
_STOP_LABEL = re.compile(r"\.[ \t]+[A-Z][\w /&']{1,30}:")
#: a French town and its département's number: ``Paris (75)``, ``Toulouse (31)``.
_TOWN_NUMBERED = re.compile(r"(?P<town>[^()]+?)[ \t]*\((?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])\)")


def labelled_place(doc: Document, start: int, end: int) -> Found | None:
    """The place a label's value between ``start`` and ``end`` names: a town in brackets' region, after a
    postal code (not a county: ``Des Moines - 50319 - Polk County``) or closing a street address; a short
    value opening with a capital whole (``Ottawa, Ontario``, ``Remote (Canada)``, ``Metro Hall, 55 John St,
    Toronto, ON M5V 3C6``), up to its state's code where a job board writes it again with a postal code
    (``Madison, WI, WI, 53703``: ``Madison, WI``); none where it names no town (``2134 W Laburnum Avenue,
    VA, VA, 23219``, ``WA 98057-2906, WA, WA, 98104``)."""
    found = _value(doc, start, end)
    if not found:
        return None
    value, start, end = found[0], found[1].start, found[1].end
    town = TOWN_IN_REGION.search(doc.text, start, end)
    # an address's town (a number or a street's word before it: ``Hotel du departement - place de la
    # révolution française, Belfort (Territoire de Belfort)``), not the second of ``Ottawa (ON), Montréal
    # (QC)``
    if town and (re.search(r"\d", before := doc.text[start : town.start()])
                 or set(fold(before).split()) & words("words", "street_words")):
        return clean(doc, town.start("town"), town.end("town")) or found
    town = POSTCODE_TOWN.search(doc.text, start, end)  # ``20 avenue de Ségur - 75 007 Paris``
    if town and fold(town.group("town").split()[-1]) not in words("words", "county_words"):
        return clean(doc, town.start("town"), town.end("town")) or found
    if not value[:1].isupper() or _sentence(value):  # an address, a sentence: its town only
        town = _street_town().search(doc.text, start, end) or _town_of_address(doc.text, start, end)
        if town:
            return clean(doc, town.start(), town.end("state"))
        after = _AFTER_STREET.search(doc.text, start, end)  # ``159 Dalton Street, Napier``
        streets = words("words", "street_words")
        if after and fold(after.group("street")) in streets:
            return clean(doc, after.start("town"), after.end())
        return None
    if not _names_a_town(value) or fold(value) in words("words", "place_unknown"):
        return None  # ``WA 98057-2906, WA, WA, 98104``, ``To be determined``
    if _mode_only(value):
        return None  # ``Organisation de travail flexible, en télétravail possible``: how, not where
    if repeated := _repeated_state().search(doc.text, start, end):  # ``Tacoma, WA, WA, 98409``
        return clean(doc, start, repeated.end("state"))
    if (moded := _mode_bracket().fullmatch(value)) and town_and_state().fullmatch(moded.group("place")):
        return clean(doc, start + moded.start("place"), start + moded.end("place"))  # ``Hybrid (Calgary,
        # AB)``
    if m := _TOWN_NUMBERED.fullmatch(value):
        return clean(doc, start, start + m.end("town"))
    return found


@cache
def _repeated_state() -> re.Pattern[str]:
    """A job board's place closing in its state's or province's code written again and a postal code:
    ``Madison, WI, WI, 53703``, ``Cedar Rapids, IA, IA, 52404-2100`` (the code in group ``state``)."""
    codes = "|".join(sorted({*written("words", "us_states"), *written("words", "canadian_provinces")}))
    return re.compile(rf",[ \t]*(?P<state>{codes or '(?!)'})(?:,[ \t]*(?P=state))+"
                      r"(?:,[ \t]*[A-Z]?\d[\dA-Z -]{3,9})?[ \t]*$")


#: a telephone number closing an address: ``(406) 555-0148``, ``444-6260``.
_PHONE = re.compile(r"[ \t,]*(?<![\w-])(?:\(?\d{3}\)?[ \t.-]*)?\d{3}[ \t.-]\d{4}[ \t]*$")


def _value(doc: Document, start: int, end: int) -> Found | None:
    """A label's value cleaned: without a closing telephone number, up to a run-in label after a full stop
    (``Altnagelvin Hospital. DATE:``), from the place a list's joining word leads to (``Main site of activity:
    and St Mary's Hospital``), up to where it goes on as a sentence (``Ventura and may require travel
    throughout ...``)."""
    found = clean(doc, start, end)
    if found and (phone := _PHONE.search(doc.text, found[1].start, found[1].end)):  # ``Helena 444-6260``
        found = clean(doc, found[1].start, phone.start())
    if found and (cut := _STOP_LABEL.search(doc.text, found[1].start, found[1].end)):
        found = clean(doc, found[1].start, cut.start())
    if found and (lead := LIST_JOINED.match(found[0])):
        found = clean(doc, found[1].start + lead.end(), found[1].end)
    if found and (on := SENTENCE_ON.search(found[0])) and on.start() > 0:
        found = clean(doc, found[1].start, found[1].start + on.start())
    return found


def _address(doc: Document, start: int, end: int) -> Found | None:
    """A labelled value naming no town read as written where it is a street address (a number first, no
    sentence): ``1221 SW 4th Ave, OR, OR, 97204``, ``Des Moines - 50319 - Polk County, IA, IA, 50319``."""
    found = _value(doc, start, end)
    if found and _names_a_town(found[0]) and not _sentence(found[0]) and re.search(r"\d", found[0]):
        return found
    return None


#: a town closing a street address after the street's word and a comma or its stop: ``159 Dalton Street,
#: Napier``, ``1236 6 th Ave. Helena``.
_AFTER_STREET = re.compile(r"\d[^,\n]*?[ \t](?P<street>[A-Z][a-z]+)(?:\.,?|,)[ \t]*"
                           r"(?P<town>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})[ \t]*$")


def _sentence(value: str) -> bool:
    """More words than a place has (a closing remark in brackets not counted: ``Sud de Lanaudière (MRC Les
    Moulins et MRC L'Assomption)``), unless an address without a sentence's words: ``Metro Hall, 55 John
    St, Toronto, ON M5V 3C6``."""
    said = REMARK.sub("", value).split()
    worded = re.search(r"\b[a-zà-ÿ]{4,}\b", value)
    return len(said) > PLACE_WORDS and (len(said) > ADDRESS_WORDS or bool(worded))


def _mode_only(value: str) -> bool:
    """A value saying how the post is worked (a ``[words] work_modes`` entry) that names no place: no word in
    capitals after its first (``Organisation de travail flexible, en télétravail possible``; not ``En
    télétravail avec des réunions à La Défense``, ``Remote (Canada)``)."""
    return bool(_work_mode().search(value)) and not any(w[:1].isupper() for w in value.split()[1:])


@cache
def _work_mode() -> re.Pattern[str]:
    """A ``[words] work_modes`` entry as a word of a value: ``télétravail``, ``remote``."""
    modes = alternation("words", "work_modes", r"[ \t]+")
    return re.compile(rf"(?i)(?<!\w)(?:{modes})(?!\w)")


@cache
def _mode_bracket() -> re.Pattern[str]:
    """How the post is worked (``[words] work_modes``) and a place in brackets: ``Hybrid (Calgary, AB)``."""
    modes = alternation("words", "work_modes", r"[ \t]+")
    return re.compile(rf"(?i:{modes})[ \t]*\((?P<place>[^()]+)\)")


def _town_of_address(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first town and state or province code between ``start`` and ``end`` that is no street's end
    (``Ave, OR`` of ``1221 SW 4th Ave, OR``: ``[words] street_words``): ``876 Skyland Drive -- Sylva, NC,
    NC, 28779``."""
    streets = words("words", "street_words")
    return next((m for m in town_and_state().finditer(text, start, end)
                 if fold(m.group(0).split(",")[0].split()[-1]) not in streets), None)


def _names_a_town(value: str) -> bool:
    """A value with a word that is neither a state's or province's code nor a number."""
    codes = {*written("words", "us_states"), *written("words", "canadian_provinces")}
    return any(w not in codes and not re.search(r"\d", w) for w in re.findall(r"[^\s,;]+", value))


@cache
def _regions() -> re.Pattern[str]:
    """A region closing a town: ``, British Columbia``, ``, Missouri`` (each ``[jurisdiction_kinds]``
    place of every language)."""
    names = {str(n) for lang in ("en", "fr") for kind in table("jurisdiction_kinds", lang).values()
             if isinstance(kind, dict) for names in kind["places"] for n in names}
    return re.compile(r",[ \t]*(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                      + r")\b")


def _town_line(doc: Document) -> Found | None:
    """A town and its state or province code alone on a line near the top, a posting's header
    (``San Rafael, CA``)."""
    for ln in [ln for ln in doc.lines[doc.front_end :] if not ln.blank][:TOP_PLACE_LINES]:
        if m := _street_free_town().fullmatch(doc.body(ln)):
            return clean(doc, ln.body_start + m.start(), ln.body_start + m.end("state"))
    return None


@cache
def _street_free_town() -> re.Pattern[str]:
    return re.compile(rf"{town_and_state().pattern}(?:[ \t]+[A-Z]?\d[\dA-Z -]{{3,9}})?[ \t.]*")

@cache
def _mode_line() -> re.Pattern[str]:
    """A line giving how the post is worked (``[words] work_modes``) and its town and state or province,
    one after the other, a dash, a colon, a bar or brackets between: ``Hybrid - Ottawa, ON``, ``Toronto, ON
    (Remote)``."""
    modes = alternation("words", "work_modes", r"[ \t]+")
    between = r"[ \t]*[-\u2013\u2014:|(][ \t]*"
    return re.compile(rf"[ \t]*(?P<before>(?i:{modes}){between})?(?P<place>{town_and_state().pattern})"
                      rf"(?P<after>{between}(?i:{modes}))?[ \t)]*")


def _town_and_mode(doc: Document) -> Found | None:
    """The town near the top on a line that says how the post is worked (``_mode_line``)."""
    for ln in [ln for ln in doc.lines[doc.front_end :] if not ln.blank][:TOP_PLACE_LINES]:
        if (m := _mode_line().fullmatch(doc.body(ln))) and (m.group("before") or m.group("after")):
            return clean(doc, ln.body_start + m.start("place"), ln.body_start + m.end("place"))
    return None


@cache
def _seeker() -> re.Pattern[str]:
    """A town closing the employer's name that opens a line saying whom it seeks, after a comma or ``in``,
    before a ``[words] seeking_verbs`` or ``inviting_verbs`` entry: ``The New Brunswick Department of
    Wellness, Culture and Sport in Fredericton, is seeking``, ``The [University of British Columbia,
    Vancouver](...) invites applications``."""
    verbs = "|".join((alternation("words", "seeking_verbs", r"[ \t]+"),
                      alternation("words", "inviting_verbs", r"[ \t]+")))
    return re.compile(rf"(?:,|[ \t]in)[ \t]+(?P<town>{TOWN_WORDS})(?:\]\([^()\s]*\))?,?[ \t]+(?:{verbs})\b")


def _seeker_town(doc: Document) -> Found | None:
    """The town of the employer that says whom it seeks near the top (``_seeker``), a place's name, no
    body's or post's (``The Department of Health, Finance Branch is hiring`` names no town)."""
    for ln in [ln for ln in doc.lines[doc.front_end :] if not ln.blank][: 3 * TOP_PLACE_LINES]:
        if (m := _seeker().search(doc.text, ln.body_start, ln.body_end)) and _a_town(m.group("town")):
            # ``The City of Brandon, Manitoba is seeking``: a region, the town before it too
            town = _TOWN_BEFORE.search(doc.text, ln.body_start, m.start()) if _regions().fullmatch(
                ", " + m.group("town")) else None
            return clean(doc, town.start() if town else m.start("town"), m.end("town"))
    return None


#: the capitalised words of a town closing a text before its region: ``The City of Brandon``.
_TOWN_BEFORE = re.compile(rf"{TOWN_WORDS}$")


def _a_town(name: str) -> bool:
    """A name that is no body's, unit's, employer's or post's (``Finance Branch``, ``Museum``,
    ``Director``)."""
    last = fold(name).split()[-1]
    return not names_a_body(name) and not names_a_post(name) and last not in words("words", "employer_heads")


#: the lines near the top where a posting gives its town.
TOP_PLACE_LINES = 10


def _phrased_place(doc: Document) -> Found | None:
    """The place named after ``[phrases] location``: its first capitalised words, a list of places whole, a
    region after a comma kept (``located in Victoria, British Columbia``); the town of an office (``will work
    at our Winnipeg office``) or of a building (``located at the Natural History Museum in Raleigh``); none
    where what follows is no place (``located in Library Services' ...``, ``basé à une ...``) or a building
    alone (``based in City Hall``, ``[words] building_words``)."""
    found = phrase(doc, "location", stop=".;:()", accept=lambda f: None if _REQUIRED.search(
        doc.text, max(0, f[1].start - 40), f[1].start) else f)
    if not found:
        return None
    value = found[0]
    if m := _our_office().match(value):  # ``located at our Hamilton office``: the town
        start = found[1].start + m.start("town")
        value, found = m.group("town"), (m.group("town"), Span(start, start + len(m.group("town"))))
    if m := _IN_TOWN.search(value):  # ``le site de Beauvau à Paris``, ``the X Building in Linden``: the town
        value, found = value[m.end() :], (value[m.end() :], Span(found[1].start + m.end(), found[1].end))
    said = value.split()
    if not said or not said[0][:1].isupper():
        return None
    places = PLACES.match(value)  # ``office locations in Toronto, Kingston and Ottawa``: all three
    if places and re.search(r"['\u2019]s?$", places.group(0)):
        return None  # ``located in Library Services' Administrative Services Office``: a body, not a place
    linked = _linked_place().match(value)  # ``Based in Te Tai Tokerau me Tāmaki Makaurau - Northern Region``
    if linked and (not places or linked.end() > places.end()) and not places_more(places):
        end = found[1].start + linked.end()
        return _placed(doc, found[1].start, end) if len(linked.group(0).split()) <= 9 else None
    end = found[1].start + (places.end() if places else len(value))
    found = _placed(doc, found[1].start, end) or found
    return found if len(found[0].split()) <= (6 if places_more(places) else 4) + _region_words(found[0]) \
        else None


#: a requirement before a place phrase: where candidates must be, not where the post is (``Candidates must be
#: located in Canada``, ``[words] requirement_words``).
_REQUIRED = re.compile(rf"(?i)\b(?:{alternation('words', 'requirement_words')})\b[^.;:\n]{{0,25}}$")
#: the town after a building or a site: `` à Paris``, `` in Linden``.
_IN_TOWN = re.compile(r"\s+(?:[àa]|in)\s+(?=[A-Z])")


def _placed(doc: Document, start: int, end: int) -> Found | None:
    """The place between ``start`` and ``end`` and a region after it; none for a building alone."""
    if region := _regions().match(doc.text, end):
        end = region.end()
    found = clean(doc, start, end)
    if found and fold(found[0].split()[-1]) in words("words", "building_words"):
        return None
    return found


def _region_words(value: str) -> int:
    """How many words a region closing ``value`` adds to it."""
    region = re.search(r",[^,]*$", value)
    return len(region.group(0).split()) if region and _regions().fullmatch(region.group(0)) else 0


def places_more(places: re.Match[str] | None) -> bool:
    """A list of places (``Toronto, Kingston and Ottawa``), not one."""
    return bool(places and places.group("more"))


#: a French town alone on its line with its département's number in brackets or, in a job board's summary
#: item, after a dash: ``- Chaumont (52)``, ``• Chessy - 77`` (never a line's field and number without a list
#: mark: ``Salary Grade - 25``).
_TOWN_WORD = rf"(?:[A-Z\u00c0-\u00de][\w'\u2019]*|{_TOWN_LINK})"
_DEPARTMENT_NO = r"(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])"
TOWN_DEPARTMENT = AtLineStart(rf"[ \t]*(?P<mark>[-*\u2022][ \t]+)?(?P<town>[A-Z\u00c0-\u00de][\w'\u2019]*"
                              rf"(?:[ \t-]+{_TOWN_WORD}){{0,5}})"
                              rf"(?:[ \t]*\({_DEPARTMENT_NO}\)"
                              rf"|(?(mark)[ \t]+[-\u2013][ \t]+{_DEPARTMENT_NO}|(?!)))[ \t]*$")


def _town_with_department(doc: Document) -> Found | None:
    """``Chaumont (52)`` on a line of its own near the top (a posting's summary): the town of work; never a
    level's word and its number (``• Pay Band - 12``, ``[words] level_words``)."""
    end = doc.lines[min(doc.front_end + 15, len(doc.lines) - 1)].end if doc.lines else 0
    for m in TOWN_DEPARTMENT.finditer(doc.text, 0, end):
        if not set(fold(m.group("town")).split()) & words("words", "level_words"):
            return clean(doc, m.start("town"), m.end("town"))
    return None



def _address_town(doc: Document) -> Found | None:
    """A location label inside a running line (a form flattened to one paragraph: ``... Adresse : 2 rue
    Charles Simon – CS 70413 – 51 308 Vitry le François Cedex Accès par : ...``): the town after the address's
    postal code, within the next few words, or a town and its state or province code just after the label;
    else its value up to the next label run into the line (``Work Location: Harbor District Yard Shift
    Pattern: Days``), read as a labelled value."""
    for label in inline_label("labels", "location").finditer(doc.text):
        if _LABEL_HEAD.fullmatch(doc.text, doc.text.rfind("\n", 0, label.start()) + 1, label.start()):
            continue  # ``Mailing address:``: another label, ending in a location label's words
        if town := POSTCODE_TOWN.search(doc.text, label.end(), min(len(doc.text), label.end() + 80)):
            return clean(doc, town.start("town"), town.end("town"))
        blanks = re.compile(r"[ \t]*").match(doc.text, label.end())
        # ``... food establishments. Work location: Seattle, WA.``
        if blanks and (town := town_and_state().match(doc.text, blanks.end())):
            return clean(doc, town.start(), town.end())
        if found := labelled_place(doc, label.end(), _run_in_end(doc.text, label.end())):
            return found
    return None


#: a line's first words before a label inside it, the head of a longer label: ``Mailing`` of ``Mailing
#: address:``.
_LABEL_HEAD = re.compile(r"[ \t*\u2022-]*(?:[\w'\u2019-]+[ \t]+){1,2}")
#: a value's end in a running line: a full stop before a blank, the line's end.
_VALUE_END = re.compile(r"\.(?=\s)|\n|$")
#: the words before the next label's colon: ``Yard Shift Pattern`` of ``Yard Shift Pattern: Days``.
_BEFORE_COLON = re.compile(r"(?:[ \t]+[\w\u2019'()/&-]+){1,6}[ \t]*:(?=[ \t])")


def _run_in_end(text: str, start: int) -> int:
    """Where a value run into a line ends: at a full stop, the line's end, or the next label (a ``[labels]``
    entry of any field, else the last two capitalised words, or one, before a colon: ``Shift Pattern:``,
    ``DATE:``)."""
    end = _VALUE_END.search(text, start)
    stop = end.start() if end else len(text)
    colon = text.find(":", start, stop)
    if colon < 0:
        return stop
    before = list(re.finditer(r"\S+", text[start:colon]))
    said = [m.group(0) for m in before]
    known = every_label()
    size = next((k for k in range(min(4, len(said) - 1), 0, -1) if fold(" ".join(said[-k:])) in known), 0)
    if not size:
        capitals = len(list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(said))))
        size = min(2, capitals - 1) if capitals > 1 else capitals
    return start + before[-size].start() if size else colon


#: one capitalised word after ``à`` closing a clause: ``(BSCI) à Bangui et relève``, ``de 18 mois, à Ottawa.``
#: where the sentence placing the post ends: a full stop before a blank, or the line's end.
POST_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")
_AT_TOWN = re.compile(r"(?<!\w)à[ \t]+(?P<town>[A-Z\u00c0-\u00de][\w\u2019'-]+)(?=[ \t]*[.,;]|[ \t]+et\b)")


@cache
def _post_sentence() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w)(?:{alternation('phrases', 'post_sentence')})(?!\w)")


def _town_of_the_post(doc: Document) -> Found | None:
    """The sentence that places the post (``[phrases] post_sentence``: ``Le poste est à la Division ... à
    Bangui et relève du Chef``, ``nous recherchons un ou une chef ... de 18 mois, à Ottawa.``): a town after
    ``à`` closing a clause, not a body's or a unit's word."""
    kinds = words("words", "organisation_nouns") | words("words", "unit_words")
    for said_ in _post_sentence().finditer(doc.text):
        end = POST_SENTENCE_END.search(doc.text, said_.end())
        for m in _AT_TOWN.finditer(doc.text, said_.end(), end.end() if end else len(doc.text)):
            if fold(m.group("town")) not in kinds:
                return clean(doc, m.start("town"), m.end("town"))
    return None


#: a list of places: ``Toronto, Kingston and Ottawa``, ``Ottawa, Toronto, Waterloo ou Montréal``.
_PLACE = r"[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)?"
PLACES = re.compile(rf"{_PLACE}(?P<more>(?:,[ \t]*{_PLACE})*,?[ \t]+(?:and|or|et|ou)[ \t]+{_PLACE})?")
#: a place named in three words or more, or in two parts joined by a ``[words] place_links`` word:
#: ``Te Tai Tokerau me Tāmaki Makaurau``, ``Newcastle upon Tyne``.
_NAME = r"[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3}"


@cache
def _linked_place() -> re.Pattern[str]:
    links = alternation("words", "place_links")
    return re.compile(rf"{_NAME}(?:[ \t]+(?:{links})[ \t]+{_NAME})?(?=\s*(?:[-\u2013,.;]|$))")
