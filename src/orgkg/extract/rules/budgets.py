"""Budgets: the money a post manages, English and French, one reader (``budgets``) every family calls.

Three ways a document states a budget: a phrase around ``budget`` (``budget of $4.2 million``, ``$850,000
operating budget``, a budget's name on a line and its amount on the next), in French a ``[words]
budget_words`` word and an amount as French writes it (``un budget annuel de 1 200 000 $``, ``une enveloppe
de 3 millions d'euros``), and a ``[labels] budget`` label over its amount (``Operating budget: $2.5M``,
``O&M: $1.2 million``, ``| Budget annuel | 4 500 000 $ |``, ``Masse salariale : 2,3 M$``). Pay is never a
budget: no label of pay is a budget label, and a budget's line naming pay is passed over.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache

from orgkg.extract.lexicon import BLANKS, alternation, fold, language, words
from orgkg.extract.needles import Needled, positions
from orgkg.extract.records import Budget
from orgkg.extract.rules.labels import headed
from orgkg.extract.rules.titles import town_and_state
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import currency_of, parse_amount

Found = tuple[Budget, Span | None]


def budgets(doc: Document, *, flat: str | None = None, currency: str | None = None) -> list[Found]:
    """Every budget ``doc`` states, each amount once, with where it was read where known. ``flat``: the text
    a family reads phrases in (its own normalised lines; ``doc.text`` by default); ``currency``: the
    family's currency where neither the amount nor the document says one (``USD`` for a US state)."""
    text = doc.text if flat is None else flat
    default = currency_default(text) or currency
    out: list[Found] = [(b, None) for b in _phrased(text, default)]
    if not out and language(doc.text) == "fr":
        out = list(_french(doc))
    for budget, at in _labelled(doc, default):
        if all(budget.amount != b.amount for b, _ in out):
            out.append((budget, at))
    return out


#: an amount in a labelled value: a sign or code before it (``$2.5M``, ``CAD 5,000,000``), or after
#: (``70.7 million $``, as ``MONEY`` reads it in French).
_SIGN_AFTER = re.compile(r"(?i)\d[\d,.]*[ \u00a0\u202f]*(?:million|billion|[MK])?[ \u00a0\u202f]*\$")


def _labelled(doc: Document, default: str | None) -> Iterator[tuple[Budget, Span]]:
    """The amounts under a ``[labels] budget`` label, each a budget scoped by the label: ``Salary dollars:
    $850K``, ``Budget: $1.2M (operating), $300K (capital)``; a value without a currency is no amount."""
    for f in headed(doc, "budget", "budget_label_heads"):
        yield from amounts_in(doc.text, f.value_start, f.value_end, currency=default, scope=f.label.strip())


def amounts_in(text: str, start: int, end: int, *, currency: str | None,
               scope: str) -> Iterator[tuple[Budget, Span]]:
    """Each amount of a labelled value (``text[start:end]``), a budget named ``scope``, in ``currency`` where
    the amount says none: ``$1.5M (construction), $300K (equipment)``."""
    at = start
    while m := _amount_in(text, at, end):
        at = m.end()
        if budget := _money(m, currency, scope):
            yield budget, Span(m.start(), m.end())


def _amount_in(text: str, start: int, end: int) -> re.Match[str] | None:
    found = [m for m in (_AMOUNT.search(text, start, end), MONEY.search(text, start, end),
                         _SIGN_AFTER.search(text, start, end)) if m]
    return min(found, key=lambda m: (m.start(), -m.end())) if found else None


def _money(m: re.Match[str], default: str | None, scope: str) -> Budget | None:
    said = m.group(0)
    if m.re is MONEY:
        sign = _currency(m.group("currency"), "")  # EUR, GBP, else a dollar: the document's
        dollar = default if sign == "CAD" and default else sign
        return Budget(_amount(m), currency_of(said) or dollar, scope)
    amount = parse_amount(re.sub(r"^[A-Z]*[$\u00a3\u20ac]?\s*", "", said))
    return Budget(amount, currency_of(said, default) or default, scope) if amount else None


#: 'FLSA', 'County', 'State of', 'U.S.': their first letter first, so ``_sre`` skips to one at once (the word
#: boundaries as lookbehinds after it; first, they were tried at every character).
_US = re.compile(r"[FCSU](?:(?<=\bF)LSA\b|(?<=\bC)ounty\b|(?<=S)tate\s+of|(?<=\bU)\.?S\.?\b)")


def currency_default(text: str) -> str | None:
    if "£" in text:
        return "GBP"
    if "€" in text:
        return "EUR"
    # the first place written as a postal address (``Watertown, NY``) says which dollar, before the
    # neighbours a text may mention
    if m := town_and_state().search(text):
        return "USD" if fold(m.group("state")) in words("words", "us_states") else "CAD"
    if re.search(r"Canad|Province\s+of|Ontario|Alberta|British\s+Columbia|Quebec|Manitoba|"
                 r"Saskatchewan|Nova\s+Scotia|New\s+Brunswick", text):
        return "CAD"
    if _US.search(text):
        return "USD"
    return None


SCOPE_STOP = {"a", "an", "the", "of", "with", "its", "their", "his", "her", "s", "total", "manage",
              "manages", "managing", "oversee", "oversees", "monitors", "administers", "controls"}


#: the currency signs and codes an amount opens with (``_budget_places`` looks for them too).
SIGNS, CODES = "$£€", ("USD", "CAD", "GBP", "EUR", "AUD", "NZD")
AMOUNT = (rf"(?:(?:US|CA|C|AU|NZ)?[{SIGNS}]|\b(?-i:{'|'.join(CODES)})[ \t]?)\s*\d[\d,.]*"
          r"(?:\s*(?:million|billion|thousand|[MBK])\b)?")
#: a short line naming a budget, its amount on the next line: ``Operating budget controlled`` /
#: ``Amount in state, federal, and other funding sources is $1,250,000 per biennium``.
BUDGET_ABOVE = Needled(rf"(?im)^[ \t]*(?P<s>(?:[A-Za-z&/-]+[ \t]+){{0,4}}budgets?"
                       rf"(?:[ \t]+[A-Za-z&/-]+){{0,3}})[ \t]*:?[ \t]*\n(?:[ \t]*\n)?"
                       rf"[^\n{SIGNS}]{{0,120}}?(?P<a>{AMOUNT})")

@cache
def _not_budget() -> re.Pattern[str]:
    """A budget line that is a title (``[words] budget_posts``: ``Budget Analyst``) or an amount that is pay
    (``pay_words``: ``Salary: $55,000``)."""
    posts, pay = alternation("words", "budget_posts", BLANKS), alternation("words", "pay_words", BLANKS)
    return re.compile(rf"(?i)budgets?[ \t]+(?:{posts})|\b(?:{pay})\b")


# starts at a word start: otherwise every position inside a long word is retried (quadratic)
_SCOPE = (r"(?<![A-Za-z&-])(?:[A-Za-z&-]+[ \t]+){0,3}budget(?:s|ary)?"
          r"(?:\s+(?:requests?|allocations?|appropriations?|responsibility|managed|controlled))?")
#: the letters of a word ``_SCOPE`` reads before ``budget`` (ASCII: ``lowered`` refuses the odd letters
#: that IGNORECASE also takes for them), the blanks between.
_RUN, _BLANK = frozenset(string.ascii_letters + "&-"), " \t"


def _budget_places(text: str, low: str) -> list[int]:
    """Where a ``_BUDGET`` match can start: ``budget`` itself or one of the three word runs before it,
    blanks between (``_SCOPE``); a currency sign or the one or two letters before it (``US$``), a
    currency code (``AMOUNT``)."""
    found: set[int] = set()
    for at in positions(low, "budget"):
        if not at or text[at - 1] not in _RUN:
            found.add(at)
        word = at
        for _ in range(3):  # ``(?:[A-Za-z&-]+[ \t]+){0,3}budget``: the runs before, back to front
            blank = word
            while blank and text[blank - 1] in _BLANK:
                blank -= 1
            start = blank
            while start and text[start - 1] in _RUN:
                start -= 1
            if blank == word or start == blank:
                break  # no blank before the word, or no run before the blanks
            found.add(start)
            word = start
    for sign in SIGNS:
        found.update(p for at in positions(text, sign) for p in (at - 2, at - 1, at) if p >= 0)
    found.update(at for code in CODES for at in positions(text, code))
    return sorted(found)


#: the words between a budget and its amount (``[words] budget_links``, ``amount_approximations``): ``budget
#: of``, ``budget exceeding``, ``Budget holder for £750,000``, ``approximately``.
_LINK = alternation("words", "budget_links", languages=("en",))
_ABOUT = alternation("words", "amount_approximations", languages=("en",))
_BUDGET = Needled(rf"(?P<s1>{_SCOPE})\s*(?::|{_LINK})?\s*"
                  rf"(?:(?:{_ABOUT})\s+)?(?P<a1>{AMOUNT})"
                  rf"|(?P<a2>{AMOUNT})[ \t]+(?:annual[ \t]+)?(?P<s2>{_SCOPE})", re.I, places=_budget_places)


def _phrased(text: str, default: str | None) -> list[Budget]:
    """``budget of $4.2 million``, ``$850,000 operating budget``, ``Budget: $1.5M``, a budget's
    name on a line and its amount on the next."""
    out: list[Budget] = []
    for m in _BUDGET.finditer(text):
        if budget := _budget(m.group("a1") or m.group("a2"), m.group("s1") or m.group("s2"), default):
            out.append(budget)
    for m in BUDGET_ABOVE.finditer(text):
        if _not_budget().search(m.group(0)):
            continue  # ``Budget Analyst`` / ``Salary: $55,000``: a title and its pay, no budget
        budget = _budget(m.group("a"), m.group("s"), default)
        if budget and all(b.amount != budget.amount for b in out):
            out.append(budget)
    return out


def _budget(money: str, said: str, default: str | None) -> Budget | None:
    """A budget from its amount as written and the words that name it (``manages the unit budget``)."""
    amount = parse_amount(re.sub(r"^[A-Z]*[$£€]?\s*", "", money))  # ``US$ 2``, ``GBP 1.2m``
    words = said.split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in SCOPE_STOP), default=0)
    return Budget(amount, currency_of(money, default) or default, " ".join(words[cut:])) if amount else None



#: ``AMOUNT`` compiled, for a labelled value.
_AMOUNT = re.compile(AMOUNT, re.I)


#: an amount as French writes it, then its scale and currency: ``1 200 000 $``, ``5 M$``, ``2,5 M€``,
#: ``3 millions d'euros``, ``1.200.000 €``.
MONEY = re.compile(
    r"(?P<amount>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?)[ \u00a0\u202f]*"
    r"(?P<scale>milliards?|millions?|M(?=[ \u00a0\u202f]*[$€£])|Md|k(?=[ \u00a0\u202f]*[$€£]))?"
    r"[ \u00a0\u202f]*"
    r"(?:d['\u2019]|de[ \t]+)?(?P<currency>\$|€|£|euros?\b|dollars?\b|CAD\b|EUR\b)")
#: what stands between the budget's word and its amount and is no part of its scope (``[words]
#: number_links``, ``amount_links``): `` d'un montant de``, `` s'élève à``.
_BEFORE_AMOUNT = re.compile(rf"(?i)(?:[ \t:]+|\b(?:{alternation('words', 'number_links', BLANKS)}"
                            rf"|{alternation('words', 'amount_links', BLANKS)}))+$")
_SCALES = {"milliard": 1e9, "milliards": 1e9, "md": 1e9, "million": 1e6, "millions": 1e6, "m": 1e6, "k": 1e3}


def _amount(money: re.Match[str]) -> float:
    digits = re.sub(r"[ \u00a0\u202f.](?=\d{3}\b)", "", money.group("amount")).replace(",", ".")
    return round(float(digits) * _SCALES.get((money.group("scale") or "").casefold(), 1.0), 2)


def _currency(sign: str, text: str) -> str:
    sign = sign.casefold()
    if sign in {"€", "eur", "euro", "euros"}:
        return "EUR"
    if sign == "£":
        return "GBP"
    return "USD" if re.search(r"\bUSD\b|US\$|[ÉE]tats-Unis", text) else "CAD"


@cache
def _budget_word() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b(?:{alternation('words', 'budget_words')})\b")


def _french(doc: Document) -> list[tuple[Budget, Span]]:
    """Budgets a French document states after a ``[words] budget_words`` word, in its number formats:
    "un budget annuel de 1 200 000 $", "gère un budget de 5 M$", "une enveloppe de 3 millions d'euros"."""
    out: list[tuple[Budget, Span]] = []
    for key in _budget_word().finditer(doc.text):
        window = re.split(r"[.;](?:\s|$)|\n", doc.text[key.start() : key.start() + 120])[0]
        money = MONEY.search(window)
        if not money or any(at.start <= key.start() + money.start() < at.end for _, at in out):
            continue
        scope = _BEFORE_AMOUNT.sub("", window[: money.start()]).strip()
        start = key.start() + money.start()
        out.append((Budget(_amount(money), _currency(money.group("currency"), doc.text), scope),
                    Span(start, key.start() + money.end())))
    return out
