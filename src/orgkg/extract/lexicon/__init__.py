"""The words rules look for, as data: one TOML file per language (``en.toml``, ``fr.toml``).

``words("headings", "duties")`` gives the entries of every language, folded
(``fold``: case, accents, punctuation and spacing), so a rule compares a
folded label or heading with them.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

LANGUAGES = ("en", "fr")
HERE = Path(__file__).parent


NOT_WORD = re.compile(r"[^\w'/]+")
SPACED_SLASH = re.compile(r"\s*/\s*")


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``Niveau du poste :`` -> ``niveau du poste``; ``What You’ll Do`` -> ``what you'll do``."""
    text = unaccented(text.replace("\u2019", "'").replace("&", " and ")).casefold()
    text = NOT_WORD.sub(" ", text)
    return (SPACED_SLASH.sub("/", text) if "/" in text else text).strip()  # most hold no slash: one pass


def unaccented(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: ``Éé`` -> ``Ee``; ASCII as it is (no
    character of it decomposes), without a look at each character."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_KEPT)


class _Kept(dict[int, int | None]):
    """A character's code -> itself, or None for a combining mark (``str.translate`` drops it), each
    character asked of ``unicodedata`` once: the text is not walked in Python."""

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else code
        return kept


_KEPT = _Kept()


@cache
def _table(language: str) -> dict[str, dict[str, list[str]]]:
    with (HERE / f"{language}.toml").open("rb") as f:
        return tomllib.load(f)


@cache
def words(group: str, key: str) -> frozenset[str]:
    """The folded entries of ``[group] key`` in every language."""
    return frozenset(fold(w) for lang in LANGUAGES for w in _table(lang).get(group, {}).get(key, []))


@cache
def words_in(language: str, group: str, key: str) -> frozenset[str]:
    """The folded entries of ``[group] key`` in one language."""
    return frozenset(fold(str(w)) for w in _table(language).get(group, {}).get(key, []))


@cache
def written(group: str, key: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The entries of ``[group] key`` as written, language after language in their order, once each."""
    found = (_table(lang).get(group, {}).get(key, []) for lang in languages)
    return tuple(dict.fromkeys(str(w) for listed in found if isinstance(listed, list) for w in listed))


@cache
def patterns(group: str, key: str, space: str = r"\s+", *, languages: tuple[str, ...] = LANGUAGES,
             apostrophe: str = "['\u2019]") -> tuple[str, ...]:
    """The entries of ``[group] key`` as written, each as a regex: longest first, ``space`` between
    words, ``apostrophe`` for either apostrophe."""
    return tuple(said(w, space, apostrophe=apostrophe) for w in _longest_first(group, key, languages))


@cache
def _longest_first(group: str, key: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The entries of ``[group] key`` as written, longest first (a longer entry is tried before one it
    opens with), then in alphabetical order."""
    return tuple(sorted(written(group, key, languages), key=lambda w: (-len(w), w)))


#: the blanks between a phrase's words when it must stay on one line (``said``'s and ``leading``'s ``space``).
BLANKS = r"[ \t]+"


def said(entry: str, space: str = r"\s+", *, apostrophe: str = "['\u2019]") -> str:
    """An entry as a regex: ``space`` between its words, any blanks around a slash, ``apostrophe`` for
    either apostrophe."""
    return re.escape(entry).replace(r"\ ", space).replace("/", r"\s*/\s*").replace("'", apostrophe)


def unmarked(entry: str, space: str = r"\s+") -> str:
    """An entry as a regex (``said``) whose accented letters may lose their accents and whose first letter,
    written in lower case, may be a capital (a sentence's start): ``unité`` -> ``[Uu]nit[eé]``; an entry
    written with a capital matches only so: ``Équipe`` -> ``[EÉ]quipe``."""
    out = []
    for k, c in enumerate(said(entry, space)):
        chars = {c, unaccented(c)} | ({c.upper(), unaccented(c).upper()} if k == 0 and c.islower() else set())
        out.append(f"[{''.join(sorted(chars))}]" if len(chars) > 1 else c)
    return "".join(out)


@cache
def alternation(group: str, key: str, space: str = r"\s+", *, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The entries of ``[group] key`` in every language (or those of ``languages``: ``patterns``) as one regex
    alternation; ``(?!)`` (never matches) when there are none."""
    return "|".join(patterns(group, key, space, languages=languages)) or "(?!)"


@cache
def gender_bracket() -> str:
    """A French word's other gender in brackets right after it (``[words] gender_endings``): ``adjoint(e)``,
    ``départemental(e)``, ``directeur(trice)``."""
    return rf"\((?:{alternation('words', 'gender_endings')})\)"


def inclusive(escaped: str) -> str:
    """``escaped`` (entries as a regex: ``patterns``, ``alternation``), each word ending in ``é`` (a
    participle) in any written gender (``[words] inclusive_endings``): ``rattaché`` also as ``rattachée``,
    ``rattaché·e``, ``rattaché-e``, ``rattaché.e``, ``rattaché(e)``."""
    return _WORD_END_E.sub(lambda _: f"é(?:{alternation('words', 'inclusive_endings')})?", escaped)


#: an ``é`` closing a word of an entry's regex (no letter after it).
_WORD_END_E = re.compile(r"é(?![^\W\d_])")


@cache
def leading(group: str, key: str, space: str = r"\s+", *, capitalised: bool = False,
            languages: tuple[str, ...] = LANGUAGES) -> str:
    """The entries of ``[group] key`` (of ``languages``) as one alternation of words that lead another
    (articles): each followed by ``space``, an elided one (``l'``) by ``space`` or nothing (``L'Agence``);
    ``capitalised``: as a sentence opens with them, a capital first (``La``, ``L'``, ``The``)."""
    return "|".join(said(w.capitalize() if capitalised else w, space)
                    + (f"(?:{space})?" if w.endswith("'") else space)
                    for w in _longest_first(group, key, languages)) or "(?!)"


@cache
def numbers(languages: tuple[str, ...] = LANGUAGES) -> Mapping[str, int]:
    """The numbers ``languages`` write in words (``[numbers]``), each with its value: ``trois`` -> 3."""
    return MappingProxyType({str(k): int(str(v)) for lang in languages
                             for k, v in _table(lang).get("numbers", {}).items()})


@cache
def abbreviation_guard() -> str:
    """Lookbehinds refusing a full stop that closes a ``[words] abbreviations`` word (``Snr.``)."""
    return "".join(rf"(?<!\b{re.escape(a)})" for a in sorted(words("words", "abbreviations")))


def table(group: str, language: str) -> dict[str, object]:
    """A ``[group]`` table of one language, as written (``[groups]``: code -> name)."""
    return dict(_table(language).get(group, {}))


@functools.lru_cache(maxsize=8)  # several rules ask it of the same document
def language(text: str) -> str:
    """``fr`` when French function words outnumber English ones, else ``en``."""
    found = opening_words(text)
    common = {lang: set(_table(lang)["words"]["function_words"]) for lang in LANGUAGES}
    counts = {lang: sum(map(common[lang].__contains__, found)) for lang in LANGUAGES}
    return "fr" if counts["fr"] > counts["en"] else "en"


#: how much of a text its opening words are read from.
OPENING = 20000


@functools.lru_cache(maxsize=8)  # the recogniser and ``language`` read them of the same document
def opening_words(text: str) -> tuple[str, ...]:
    """The words (``\\w+``) of the text's first ``OPENING`` characters, casefolded, in order."""
    return tuple(re.findall(r"\w+", text[:OPENING].casefold()))


def entries(language: str) -> dict[str, dict[str, list[str]]]:
    """The raw table of one language (for tests)."""
    return _table(language)
