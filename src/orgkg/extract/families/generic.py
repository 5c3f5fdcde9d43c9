"""The fallback reader for any job or position description no family claims.

It reads wording common to most layouts: form labels on their own lines
(``Job Title:``, ``Department:``, ``Reports to:``, ``Pay Band:`` ...; also
table rows ``| Reports to | X |`` and tab-separated rows), a duties section
under a heading such as Duties, Responsibilities, Key Accountabilities,
Essential Functions or Major Duties (one duty per list item or paragraph,
with a ``N%`` share of time on the item or the line after it), and phrases
such as "reporting to the X", "under the supervision of the X",
"supervises N", "N years of experience", "Bachelor's degree in ...",
"$N million budget". The functions are small rules other families may reuse.
"""

from __future__ import annotations

import html
import re

from orgkg.extract.base import Extractor
from orgkg.extract.records import (
    Budget,
    Duty,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    StaffCount,
)
from orgkg.extract.text import (
    NUMBER,
    clean_title,
    currency_of,
    first_sentence,
    parse_amount,
    repair_level,
    squash,
    strip_bullet,
    to_int,
    to_number,
)

LABELS: dict[str, list[str]] = {
    "title": [r"working\s+title", r"(?:job|position|post|role)\s+title", r"class(?:ification)?\s+title",
              r"title", r"job", r"position", r"role", r"post"],
    "organization": [r"ministry", r"department", r"agency", r"organi[sz]ation", r"employer",
                     r"company", r"institution"],
    "unit": [r"directorate", r"branch", r"division", r"bureau", r"section", r"work\s+unit", r"unit",
             r"program(?:me)?(?:\s+area)?", r"faculty", r"school", r"team"],
    "location": [r"(?:work|job|office)\s+location", r"location", r"work\s*site", r"place\s+of\s+work",
                 r"duty\s+station", r"based\s+(?:at|in)", r"city", r"(?:work\s+)?address"],
    "reports_to": [r"reports?\s+(?:directly\s+)?to", r"reporting\s+to", r"(?:immediate\s+)?supervisor",
                   r"supervisor'?s?\s+(?:title|position)", r"line\s+manager", r"responsible\s+to",
                   r"accountable\s+to"],
    "level": [r"(?:pay\s+|salary\s+)?band", r"(?:pay\s+|salary\s+)?grade", r"(?:pay\s+)?range",
              r"group\s*(?:and|/|&)\s*level", r"(?:pay\s+|classification\s+)?level"],
    "class": [r"classification", r"job\s+class(?:ification)?", r"class", r"job\s+code\s+title",
              r"occupational\s+group", r"job\s+family"],
    "position number": [r"position\s+(?:number|no\.?|#|id)", r"post\s+number"],
    "job code": [r"job\s+code(?:\s+number)?", r"class\s+code", r"job\s+(?:number|no\.?|id)"],
    "competition number": [r"(?:competition|posting|requisition|vacancy|reference)\s+(?:number|no\.?|#|id)",
                           r"job\s+req(?:uisition)?"],
    "flsa": [r"flsa(?:\s+status|\s+designation)?", r"exempt\s+status"],
    "supervised": [r"number\s+of\s+(?:positions|employees|staff)\s+supervised", r"direct\s+reports",
                   r"(?:positions|staff|employees)\s+supervised", r"supervises"],
}
#: a second word after a label: ``Division and Bureau``, ``Work Address and Phone``.
COMPOUND = r"(?:[ \t]*(?:and|/|&)[ \t]*\w+(?:[ \t]+\w+)?)?"
UNIT_WORDS = r"branch|division|bureau|section|unit|office|directorate|team|services?|program|cent(?:re|er)"
EMPLOYMENT_WORDS = re.compile(r"^(?:full|part)[- ]time|^permanent|^temporary|^casual|^term\b|^\d", re.I)
STAFF_NOUNS = (r"staff|employees|FTEs?|full[- ]time\s+equivalents?|specialists|professionals|personnel|"
               r"workers|subordinates|technicians|officers|analysts")
N = rf"\b{NUMBER}\b"
DUTY_HEAD = re.compile(
    r"^(?:(?:essential|major|primary|principal|key|main|specific|typical|general|core|job|assigned|"
    r"examples?\s+of)\s+)*(?:duties|functions|responsibilities|accountabilities|tasks|work|"
    r"activities)(?:\s+(?:and|&)\s+(?:responsibilities|duties|tasks|accountabilities))?"
    r"(?:\s+(?:include|of\s+the\s+(?:position|job|role)))?(?:\s*\([^)]*\))?\s*:?$"
    r"|^what\s+you\s+will\s+do\s*:?$", re.I)
STOP_HEAD = re.compile(
    r"qualification|requirement|education|experience|knowledge|skills|abilit|competenc|"
    r"working\s+conditions|physical|environment|salary|compensation|benefit|how\s+to\s+apply|"
    r"licen[cs]|certificat|selection|person\s+specification|supervision\s+(?:received|exercised)|"
    r"contacts|about\s+(?:us|the)|equal\s+opportunity|signature|approv|distinguishing", re.I)
INTRO = re.compile(r"the\s+following|these\b|this\s+list|any\s+one\s+position|examples\s+of", re.I)
JURISDICTION = re.compile(
    r"\b(?:Government|State|Province|Commonwealth|County|City(?:\s+and\s+County)?|Town|Village|"
    r"Township|(?:Regional\s+)?Municipality|Region|District)\s+of\s+(?:the\s+)?[A-Z][\w.'\-]*"
    r"(?:\s+(?!Job\b|Position\b|Class\b|Human\b|Department\b)[A-Z][\w.'\-]*){0,2}"
    r"|\b(?:[A-Z][a-z]+\s+){1,2}County\b|\bUniversity\s+of\s+[A-Z]\w+(?:\s+[A-Z]\w+)?"
    r"|\b[A-Z]\w+(?:\s+[A-Z]\w+)?\s+University\b")


# ---------------------------------------------------------------- lines and labels

def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s*\|\s*|\t+", line.strip().strip("|")) if c.strip()]


def _label_kind(cell: str) -> str | None:
    """The kind of form label a table cell is (``Reports To`` -> reports_to), or None."""
    cell = cell.strip(" :*")
    for kind, labels in LABELS.items():
        if any(re.fullmatch(rf"(?:{lab}){COMPOUND}(?:\s*\([^)]*\))?", cell, re.I)
               for lab in labels):
            return kind
    return None


def _is_label_row(cells: list[str]) -> bool:
    """A row of column headings (``Working Title | Job Code``), its values on the next row."""
    labelled = sum(1 for c in cells if _label_kind(c))
    return len(cells) >= 2 and labelled >= max(2, len(cells) - 1)


def prepare(text: str) -> str:
    """Plain lines: HTML and Markdown removed, table cells made ``Label: value`` lines."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</tr>|</li>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    out: list[str] = []
    heads: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"^\s*#{1,6}\s+", "", line).replace("**", "").replace("__", "").rstrip()
        if re.fullmatch(r"\s*-{3}.*-{3}\s*|\s*\|?[\s:|\-]+\|?\s*", line) and line.strip():
            continue
        cells = _cells(line)
        if heads and cells and not _label_kind(cells[0]):
            out += [f"{h.rstrip(':')}: {v}" for h, v in zip(heads, cells, strict=False)]
        elif len(cells) >= 2 and not cells[0].endswith(":") and _label_kind(cells[0]) \
                and not _is_label_row(cells):
            out.append(f"{cells[0]}: {' '.join(cells[1:])}")
        else:
            out.append("  ".join(cells) if "|" in line else line)
        heads = cells if _is_label_row(cells) else (heads if not cells else [])
    return "\n".join(out)


def field(text: str, label: str) -> str | None:
    """The value of ``Label: value`` on its own line, or on the next line when the label stands alone."""
    pattern = rf"(?im)^[ \t>*\-\u2022]*(?:{label}){COMPOUND}[ \t]*(?:\([^)\n]*\))?[ \t]*:[ \t]*(.*)$"
    for m in re.finditer(pattern, text):
        value = re.split(r"\s{2,}[A-Z][\w /&']{1,30}:", m.group(1))[0].strip(" *_")
        if not value:
            nxt = re.match(r"\s*\n\s*([^\n]+)", text[m.end() :])
            value = nxt.group(1).strip() if nxt else ""
            if ":" in value or len(value.split()) > 12:
                value = ""
        if value:
            return squash(value)
    return None


def first_field(text: str, kind: str) -> str | None:
    return next((v for lab in LABELS[kind] if (v := field(text, lab))), None)


# ---------------------------------------------------------------- the position's names

def fallback_title(text: str) -> str | None:
    """The first short heading-like line that is not boilerplate or a label."""
    boiler = re.compile(r"(?:job|position|class|role)\s+(?:description|profile|specification|posting)|"
                        r"^page\b|confidential|^date\b|^revised|^draft|authority|commission|government|ministry|"
                        r"department|agency|\bboard\b|council|office\s+of", re.I)
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:15]:
        line = clean_title(strip_bullet(line))
        if (line and ":" not in line and len(line.split()) <= 10 and not boiler.search(line)
                and not JURISDICTION.fullmatch(line) and not line.endswith(".")):
            return line
    return None


def mentioned(title: str) -> MentionedPosition:
    """``Computer Programmer, position 66012`` -> the title and its position number."""
    m = re.search(r"[\s,]*\(?(?:(?:new\s+)?position\s*(?:no\.?|number|#)?\s*)?(\d[\d\-]{3,11}\d)\)?$",
                  title, re.I)
    if m and m.start() > 0:
        return MentionedPosition(clean_title(title[: m.start()]), m.group(1))
    return MentionedPosition(clean_title(title))


def supervisor_phrases(text: str) -> list[str]:
    """Supervisors named in prose: "reporting to the X", "under the supervision of the X"."""
    pat = (r"(?:reporting|reports)\s+(?:directly\s+)?to\s+(?:the\s+)?|under\s+the\s+(?:\w+\s+)?"
           r"(?:supervision|direction)(?:\s+and\s+(?:direction|supervision))?\s+of\s+(?:the\s+|an?\s+)?")
    out = []
    for m in re.finditer(pat, text, re.I):
        rest = squash(text[m.end() : m.end() + 200])
        parts = re.split(r"(,)", rest)
        name = parts[0]
        for i in range(2, len(parts), 2):
            if not re.match(r"\s*[A-Z]", parts[i]) or re.match(r"\s*(?:The|This|He|She|It)\b", parts[i]):
                break
            name += "," + parts[i]
        name = re.split(r"[.;:()]\s|\s+(?:and|who|which|with|in|to|for|is|are|as|on)\s|[.;:]$", name)[0]
        name = clean_title(name)
        if name and name[0].isupper() and 1 <= len(name.split()) <= 12 and \
                not re.match(r"(?:incumbent|position|this)\b", name, re.I):
            out.append(name)
    return out


# ---------------------------------------------------------------- classification

def level_of(label: str, value: str) -> str | None:
    """``Pay Band``/``7`` -> ``Pay Band 7``; ``Classification``/``AS-07`` -> ``AS-07``."""
    if "$" in value or not value:
        return None
    code = repair_level(value)
    if re.fullmatch(r"[A-Z]{2,4}-\d\d", code):
        return code
    if re.match(r"[A-Za-z]", value) and not re.match(r"[A-Z]?\d", value):
        return value if re.search(r"\d", value) else None
    word = " ".join(w.capitalize() for w in label.split())
    return f"{word} {value.split()[0]}"


def classification(text: str) -> tuple[JobClass | None, str | None]:
    """The job class and the level / grade / range / band the document states."""
    level = None
    for lab in LABELS["level"]:
        m = re.search(rf"(?im)^[ \t*\-]*({lab})[ \t]*:[ \t]*([^\n]+)", text)
        if m and (level := level_of(squash(m.group(1)), squash(m.group(2)))):
            break
    if not level:
        m = re.search(r"\b(Pay\s+Band|Pay\s+Grade|Salary\s+Grade|Grade|Range|Band)\s+(\d{1,3}[A-Z]?)\b",
                      text)
        level = f"{squash(m.group(1))} {m.group(2)}" if m else None
    value = first_field(text, "class")
    if not value:
        return None, level
    code = repair_level(value)
    if re.fullmatch(r"[A-Z]{2,4}-\d\d", code):
        return JobClass(code.split("-")[0], None), level or code
    return JobClass(None, clean_title(value)), level


def flsa_of(raw: str, text: str) -> str | None:
    """``FLSA: Exempt``, ``[X] Non-Exempt``, or a checked HTML box before the word."""
    checked = re.search(r"(?i)(?:<input[^>]*\bchecked\b[^>]*>|\[\s*[xX\u2713]\s*\]|[\u2612\u2611])"
                        r"\s*(?:FLSA\s+)?(non[- ]?exempt|exempt)", raw)
    value = checked.group(1) if checked else first_field(text, "flsa")
    if not value:
        m = re.search(r"(?i)\bFLSA\b[^\n]{0,20}?\b(non[- ]?exempt|exempt)\b", text)
        value = m.group(1) if m else None
    if not value or not re.search(r"exempt", value, re.I):
        return None
    return "Non-Exempt" if re.match(r"(?i)non", value) else "Exempt"


# ---------------------------------------------------------------- supervision, money, people

def listed_after(text: str) -> list[str]:
    """Short title lines (bulleted or not) that follow a label, up to a sentence, label or heading."""
    out = []
    for ln in text.splitlines()[:25]:
        body = _marker(ln)[2]
        if not body:
            continue
        if ":" in body or body.endswith(".") or len(body.split()) > 12 or STOP_HEAD.search(body) \
                or DUTY_HEAD.match(body):
            break
        out.append(body)
    return out


def supervision(text: str) -> tuple[int | None, list[MentionedPosition]]:
    """How many positions it supervises and, where listed, which."""
    names: list[MentionedPosition] = []
    count = None
    labels = "|".join(LABELS["supervised"])
    for m in re.finditer(rf"(?im)^[^\n:]*?\b(?:{labels})[ \t]*:[ \t]*([^\n]*)$", text):
        value = m.group(1).strip()
        num = re.match(rf"({N})\b\s*(?:\((.*)\))?", value, re.I)
        if num and count is None:
            count = to_int(num.group(1))
        rest = num.group(2) if num and num.group(2) else ("" if num else value)
        items = re.split(r"\s*[;,]\s*", rest) if rest else listed_after(text[m.end() :])
        if not names:
            names = [mentioned(x) for x in items if x.strip() and x.strip()[0].isupper()]
    if count is None:
        m = re.search(rf"(?:supervis(?:es|ing)|supervision\s+(?:to|of)|(?:manages|leads)\s+a\s+(?:staff|"
                      rf"team)\s+of)\s+(?:a\s+(?:staff|team)\s+of\s+|(?:[\w-]+\s+){{0,4}}?\()?({N})"
                      rf"(?!\s*%)|({N})\s+(?:direct\s+reports|(?:\w+\s+){{0,3}}(?:positions|employees|staff)\s+"
                      rf"report(?:ing)?\s+(?:directly\s+)?to\s+(?:this\s+position|the\s+incumbent))",
                      text, re.I)
        count = to_int(m.group(1) or m.group(2)) if m else None
    return (count if count is not None else (len(names) or None)), names


def staff_counts(text: str) -> list[StaffCount]:
    """``5 professional information technology specialists``, ``120 FTEs``: one per distinct count.

    A count is kept only where its sentence speaks of supervising, managing or a team.
    """
    out: dict[int, StaffCount] = {}
    words = r"(?:(?!(?:of|and|the|to|in|for|with)\b)[A-Za-z-]+\s+){0,4}?"
    pat = rf"(?<![\d$.,])(\d[\d,]*|{N})\s+({words}(?:{STAFF_NOUNS}))\b"
    context = re.compile(r"supervis|manag|lead|direct|oversee|responsib|includ|consist|compris|team|"
                         r"staff\s+of|FTE|report", re.I)
    for m in re.finditer(pat, text, re.I):
        n = to_int(m.group(1).replace(",", ""))
        before = re.split(r"[.;]\s|\n\s*\n", text[max(0, m.start() - 150) : m.start()])[-1]
        if n and n not in out and context.search(before + m.group(0)):
            out[n] = StaffCount(n, squash(m.group(2)))
    return list(out.values())


def currency_default(text: str) -> str | None:
    if "£" in text:
        return "GBP"
    if "€" in text:
        return "EUR"
    if re.search(r"Canad|Province\s+of|Ontario|Alberta|British\s+Columbia|Quebec|Manitoba|"
                 r"Saskatchewan|Nova\s+Scotia|New\s+Brunswick", text):
        return "CAD"
    if re.search(r"\bFLSA\b|\bCounty\b|State\s+of|\bU\.?S\.?\b", text):
        return "USD"
    return None


def budgets(text: str) -> list[Budget]:
    """``budget of $4.2 million``, ``$850,000 operating budget``, ``Budget: $1.5M``."""
    amt = r"[$£€]\s*\d[\d,.]*(?:\s*(?:million|billion|thousand|[MBK])\b)?"
    scope = r"(?:[A-Za-z&-]+\s+){0,2}budgets?"
    pat = (rf"(?P<s1>{scope})\s*(?::|of|totaling|totalling|exceeding|over|in\s+excess\s+of)?\s*"
           rf"(?:approximately\s+|about\s+|over\s+|more\s+than\s+)?(?P<a1>{amt})"
           rf"|(?P<a2>{amt})\s+(?:annual\s+)?(?P<s2>{scope})")
    default = currency_default(text)
    out = []
    for m in re.finditer(pat, text, re.I):
        money = m.group("a1") or m.group("a2")
        amount = parse_amount(money.lstrip("$£€ "))
        words = (m.group("s1") or m.group("s2")).split()
        while words and words[0].lower() in {"a", "an", "the", "of", "and", "with", "manages", "its"}:
            words.pop(0)
        if amount:
            out.append(Budget(amount, currency_of(money, default) or default, " ".join(words)))
    return out


def qualification_lines(text: str) -> list[str]:
    """The lines under headings about qualifications, education or experience."""
    out, inside = [], False
    for ln in text.splitlines():
        if _is_heading(ln) and _marker(ln)[0] == "none":
            inside = bool(re.search(r"qualif|requirement|education|experience|knowledge", ln, re.I))
        elif inside:
            out.append(ln)
    return out


def education(text: str) -> str | None:
    """The first degree, diploma or certificate a requirement names."""
    pat = (r"(?:(?:Bachelor|Master|Doctor|Associate)(?:['’]?s)?(?:\s+of\s+[A-Z]\w+)?\s+degree|"
           r"(?:Bachelor|Master)['’]s|Ph\.?\s?D\.?|doctorate|(?:(?:university|college|post-secondary|"
           r"undergraduate|graduate)\s+)?degree(?!\s+of\b)|high\s+school\s+diploma|(?-i:GED)|diploma)\b")
    quals = "\n".join(qualification_lines(text))
    m = next((m for t in (quals, text) for m in re.finditer(pat, t, re.I)
              if m.group(0) == "GED" or not m.group(0).isupper()), None)
    if not m:
        return None
    rest = m.string[m.start() : m.start() + 200]
    phrase = re.split(r"[.;:\n]|\s+(?:and|plus|with|from|along)\s+|,\s+(?:and|plus|or\s+an?)\s+", rest)[0]
    phrase = clean_title(phrase)
    return phrase[0].upper() + phrase[1:] if phrase else None


def experience(text: str) -> tuple[float | None, str | None]:
    """Minimum years of experience, and a class named by "experience at the level of X"."""
    m = re.search(rf"({N})(?:\s*\(\d+\))?\s*(?:\+|or\s+more|to\s+\w+|-\s*\d+)?\s+(?:full[- ]time\s+)?"
                  rf"years?['’]?\s+(?:of\s+)?(?:[\w/,-]+\s+){{0,6}}?experience", text, re.I)
    years = to_number(m.group(1)) if m else None
    c = re.search(r"experience\s+(?:at|equivalent\s+to)\s+the\s+level\s+of\s+(?:an?\s+|the\s+)?"
                  r"([A-Z][\w ]+?)(?=[.,;(]|\s+(?:or|and|with|in)\b)", text)
    return years, (clean_title(c.group(1)) if c else None)


# ---------------------------------------------------------------- duties

def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s.split()) > 8 or s.endswith((".", ",", ";")):
        return False
    title_case = len(s.split()) <= 6 and all(w[0].isupper() or not w[0].isalpha() or len(w) <= 3
                                             for w in s.split())
    return s.endswith(":") or title_case or s.upper() == s or bool(DUTY_HEAD.match(s))


def _marker(line: str) -> tuple[str, int, str]:
    """(marker kind, indent, text without markers): kinds sym, num, lower, upper, none."""
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    kind, s = "none", line.strip()
    while (m := re.match(r"(?:([\u2022\u25cf\u25aa\u25e6*\-\u2013\u2014>])|\(?(\d{1,2})[.)]|\(?([a-z])[.)]|"
                         r"\(?([A-Z])[.)])\s+", s)):
        kind = "sym" if m.group(1) else "num" if m.group(2) else "lower" if m.group(3) else "upper"
        s = s[m.end() :]
    return kind, indent, s


def duty_section(text: str) -> list[str]:
    """The lines under the first duties heading, up to the next non-duty heading."""
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if DUTY_HEAD.match(clean_title(ln) + ":")
                  or DUTY_HEAD.match(ln.strip())), None)
    if start is None:
        return []
    out = []
    for ln in lines[start + 1 :]:
        if _is_heading(ln) and STOP_HEAD.search(ln) and _marker(ln)[0] == "none":
            break
        out.append(ln)
    return out


def _percent_of(text: str) -> tuple[float | None, str]:
    """A share of time at the start, the end or in brackets, and the text without it."""
    m = re.search(r"^\s*\(?(\d{1,3}(?:\.\d+)?)\s*%\)?\s*(?:of\s+time)?\s*[-\u2013:]?\s*|"
                  r"\s*[-\u2013(]?\s*(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+time)?\)?\s*$|\s*\((\d{1,3})\s*%\)", text)
    if not m:
        return None, text
    return float(next(g for g in m.groups() if g)), (text[: m.start()] + " " + text[m.end() :]).strip()


def duties(text: str) -> list[Duty]:
    """Top-level items (or paragraphs) of the duties section, each with its share of time."""
    items: list[list] = []  # [text, percent]
    top: tuple[str, int] | None = None
    pending: float | None = None
    blank = True
    for ln in duty_section(text):
        kind, indent, body = _marker(ln)
        only = re.fullmatch(r"(?:percent(?:age)?\s+of\s+time\s*:?\s*)?\(?(\d{1,3}(?:\.\d+)?)\s*%\)?", body, re.I)
        if only:
            if items and items[-1][1] is None:
                items[-1][1] = float(only.group(1))
            else:
                pending = float(only.group(1))
        elif not body:
            blank = True
            continue
        elif kind != "none" and (top is None or (kind == top[0] and indent <= top[1] + 1)
                                 or indent < top[1]):
            top = top or (kind, indent)
            items.append([body, pending])
            pending = None
        elif kind == "none" and top is None and blank and body[0].isupper() and not _is_heading(body):
            items.append([body, pending])
            pending = None
        elif items and kind == "none" and not blank:
            items[-1][0] += " " + body
        blank = False
    out = []
    for body, pct in items:
        found, rest = _percent_of(squash(body))
        sentence = first_sentence(rest)
        if len(sentence.split()) >= 3 and not INTRO.match(sentence):
            out.append(Duty(sentence, pct if pct is not None else found))
    return out


# ---------------------------------------------------------------- the extractor

def organisation(text: str) -> Organisation:
    org = first_field(text, "organization")
    kind = next((k for k in ("Ministry", "Department") if org and field(text, k.lower()) == org), None)
    if org and kind and kind.lower() not in org.lower() and len(org.split()) <= 3:
        org = f"{kind} of {org}"
    units: list[tuple[str, str]] = []
    for m in re.finditer(r"(?m)^[ \t*\-]*([A-Za-z][\w /&]{1,40}?)[ \t]*:[ \t]*(\S[^\n]*)$", text):
        value = clean_title(m.group(2))
        if _label_kind(m.group(1)) != "unit" or not value or any(value in u for u, _ in units):
            continue
        word = re.findall(r"\w+", m.group(1).lower())[-1]
        named = re.search(UNIT_WORDS, value, re.I) or word in {"unit", "faculty", "school", "area"}
        units.append((value if named else f"{value} {word.title()}", word))
    head = "\n".join(text.splitlines()[:30])
    juris = JURISDICTION.search(head) or JURISDICTION.search(text)
    return Organisation(jurisdiction=juris.group(0).strip() if juris else None,
                        organization=clean_title(org) if org else None, units=units,
                        location=first_field(text, "location"))


class GenericDescription(Extractor):
    family = "generic"

    def recognise(self, text: str) -> float:
        return 0.0

    def extract(self, text: str) -> Extraction:
        raw, text = text, prepare(text)
        title = first_field(text, "title")
        if title and EMPLOYMENT_WORDS.match(title):
            title = None
        pos = Position(title=clean_title(title or fallback_title(text) or "") or "Untitled position")
        for scheme in ("position number", "job code", "competition number"):
            value = first_field(text, scheme)
            if value and re.search(r"\d", value):
                pos.identifiers.append(Identifier(scheme, value.split()[0].strip(",;")))
        named = [first_field(text, "reports_to"), *supervisor_phrases(text)]
        pos.reports_to = [MentionedPosition(clean_title(n)) for n in named if n]
        pos.supervises_count, pos.direct_reports = supervision(text)
        pos.job_class, pos.level = classification(text)
        code = next((i.value for i in pos.identifiers if i.scheme == "job code"), None)
        if pos.job_class and code and not pos.job_class.code:
            pos.job_class = JobClass(code, pos.job_class.title)
        if not pos.job_class and re.search(r"\bclass\s+(?:specification|description|series)", text, re.I):
            pos.job_class = JobClass(None, pos.title)
        pos.flsa = flsa_of(raw, text)
        pos.duties = duties(text)
        pos.education = education(text)
        pos.experience_years, pos.experience_at_class = experience(text)
        pos.budgets, pos.staff_counts = budgets(text), staff_counts(text)
        return Extraction(family=self.family, subject=pos, organisation=organisation(text))
