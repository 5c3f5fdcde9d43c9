#!/usr/bin/env python3
"""Score position records against hand-made gold records.

Usage:
  score.py --gold DIR --pred FILE [--details] [--json] [--min-f1 X]

DIR holds one gold JSON file per document (see docs/records.md; the samples' are in data/gold).
FILE is a JSON array of position records (or an object with a "positions"
array), as printed by the project; "-" reads standard input. Records are
matched to gold files by their "source" file name; records whose source is
null are ignored. Prints precision, recall and F1 per field, per document and
overall (micro-averaged over all facts, and macro-averaged over fields). Standard library only.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

SCALAR_STR = ["title", "jurisdiction", "organization", "location", "reports_to",
              "education", "flsa", "level", "job_class.code", "job_class.title"]
SCALAR_NUM = ["supervises_count", "series_rank", "experience_years", "total_points"]
STR_LISTS = ["org_units", "peers", "series"]
# object lists: key field used to pair items, then sub-fields compared on pairs
OBJ_LISTS = {
    "identifiers": ("value", []),
    "direct_reports": ("title", ["identifier"]),
    "duties": ("text", ["percent"]),
    "budgets": ("amount", ["currency"]),
    "staff_counts": ("count", []),
    "factors": ("name", ["degree", "points"]),
}
ALL_FIELDS = SCALAR_STR + SCALAR_NUM + STR_LISTS + list(OBJ_LISTS)


def norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = s.replace("&", " and ").replace("\u2019", "'")
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\b0+(\d)", r"\1", s)  # 03 -> 3, 076 -> 76
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
NEGATIONS = {"non", "not", "no"}


def key_tokens(s: str) -> set[str]:
    """Tokens that change the meaning however similar the rest is:
    numbers, Roman numerals, ordinals, negations (Band 5 vs Band 7,
    Manager II vs Manager III, Exempt vs Non-Exempt)."""
    return {t for t in s.split()
            if any(c.isdigit() for c in t) or t in ROMAN or t in NEGATIONS}


def str_match(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    if key_tokens(na) != key_tokens(nb):
        return False
    if difflib.SequenceMatcher(None, na, nb).ratio() >= 0.9:
        return True
    ta, tb = na.split(), nb.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return set(short) <= set(long_) and len(short) / len(long_) >= 0.5


def text_match(gold, pred) -> bool:
    """Duty statements: the opening words must agree."""
    if gold is None or pred is None:
        return False
    g, p = norm(gold).split(), norm(pred).split()
    k = min(12, len(g), len(p))
    if k < min(len(g), 6):
        return False
    return difflib.SequenceMatcher(None, " ".join(g[:k]), " ".join(p[:k])).ratio() >= 0.85


def num_match(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(fa - fb) <= 1e-9 * max(1.0, abs(fa), abs(fb))


def value_match(field: str, sub: str, a, b) -> bool:
    if field in ("budgets", "staff_counts", "factors") and sub in ("amount", "count", "points"):
        return num_match(a, b)
    if sub == "percent":
        return num_match(a, b)
    if field == "duties" and sub == "text":
        return text_match(a, b)
    return str_match(a, b)


class Tally:
    def __init__(self):
        self.c = defaultdict(lambda: [0, 0, 0])  # field -> [tp, fp, fn]
        self.misses: list[str] = []

    def add(self, field, tp=0, fp=0, fn=0, note=None):
        t = self.c[field]
        t[0] += tp
        t[1] += fp
        t[2] += fn
        if note and (fp or fn):
            self.misses.append(f"{field}: {note}")

    def merge(self, other: "Tally"):
        for f, (tp, fp, fn) in other.c.items():
            self.add(f, tp, fp, fn)


def get(rec, dotted):
    cur = rec
    for part in dotted.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def alts(gold, dotted):
    """Acceptable alternatives for a scalar field (also from a parent's ~alt)."""
    if "." in dotted:
        parent, sub = dotted.split(".", 1)
        return [get(a, sub) for a in gold.get(parent + "~alt", []) or [] if isinstance(a, dict)]
    return list(gold.get(dotted + "~alt", []) or [])


def score_scalar(t: Tally, field, gold, pred, numeric):
    g, p = get(gold, field), get(pred, field)
    match = num_match if numeric else str_match
    if isinstance(p, str) and not p.strip():
        p = None
    if g is None:
        if p is None or any(match(a, p) for a in alts(gold, field)):
            return
        t.add(field, fp=1, note=f"expected nothing, got {p!r}")
    elif p is None:
        t.add(field, fn=1, note=f"missing {g!r}")
    elif match(g, p) or any(a is not None and match(a, p) for a in alts(gold, field)):
        t.add(field, tp=1)
    else:
        t.add(field, fp=1, fn=1, note=f"expected {g!r}, got {p!r}")


def pair_items(field, key, gold_items, pred_items):
    """Greedy one-to-one pairing by the key field, in gold order."""
    used, pairs, lost = set(), [], []
    for g in gold_items:
        gk = g.get(key) if isinstance(g, dict) else g
        hit = None
        for i, p in enumerate(pred_items):
            if i in used:
                continue
            pk = p.get(key) if isinstance(p, dict) else p
            if value_match(field, key, gk, pk):
                hit = i
                break
        if hit is None:
            lost.append(g)
        else:
            used.add(hit)
            pairs.append((g, pred_items[hit]))
    extra = [p for i, p in enumerate(pred_items) if i not in used]
    return pairs, lost, extra


def score_list(field, gold_items, pred_items, optional, key, subs) -> Tally:
    t = Tally()
    pairs, lost, extra = pair_items(field, key, gold_items, pred_items)
    _, _, extra = pair_items(field, key, optional, extra) if optional else ([], [], extra)
    show = (lambda x: x.get(key) if isinstance(x, dict) else x)
    for g, p in pairs:
        t.add(field, tp=1)
        for s in subs:
            gs, ps = g.get(s), p.get(s)
            if gs is None and ps is None:
                continue
            if gs is not None and ps is not None and value_match(field, s, gs, ps):
                t.add(field, tp=1)
            else:
                t.add(field, fp=int(ps is not None), fn=int(gs is not None),
                      note=f"{show(g)!r}.{s}: expected {gs!r}, got {ps!r}")
    for g in lost:
        t.add(field, fn=1, note=f"missing {show(g)!r}")
    for p in extra:
        t.add(field, fp=1, note=f"unexpected {show(p)!r}")
    return t


def score_list_field(t: Tally, field, gold, pred):
    key, subs = OBJ_LISTS.get(field, (None, []))
    as_list = lambda v: v if isinstance(v, list) else []
    candidates = [as_list(gold.get(field))]
    alt = gold.get(field + "~alt")
    if alt and all(isinstance(a, list) for a in alt):
        candidates += alt
    optional = as_list(gold.get(field + "~optional"))
    pred_items = [p for p in as_list(get(pred, field)) if p not in (None, "", {})]
    best = None
    for cand in candidates:
        sub = score_list(field, cand, pred_items, optional, key, subs)
        tp, fp, fn = sub.c[field] if field in sub.c else (0, 0, 0)
        if best is None or tp - fp - fn > best[0]:
            best = (tp - fp - fn, sub)
    t.merge(best[1])
    t.misses.extend(best[1].misses)


def score_doc(gold, pred) -> Tally:
    t = Tally()
    pred = pred or {}
    for f in SCALAR_STR:
        score_scalar(t, f, gold, pred, numeric=False)
    for f in SCALAR_NUM:
        score_scalar(t, f, gold, pred, numeric=True)
    for f in STR_LISTS + list(OBJ_LISTS):
        score_list_field(t, f, gold, pred)
    return t


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_pred(path):
    data = json.load(sys.stdin if path == "-" else open(path, encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("positions", [])
    by_source = {}
    for rec in data:
        src = rec.get("source") if isinstance(rec, dict) else None
        if src:
            by_source.setdefault(Path(str(src)).name, rec)
    return by_source


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--details", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 below this overall F1")
    a = ap.parse_args(argv)

    preds = load_pred(a.pred)
    total, per_doc = Tally(), {}
    for gf in sorted(a.gold.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        t = score_doc(gold, preds.get(gold["source"]))
        if gold["source"] not in preds:
            t.misses.insert(0, "no record with this source")
        per_doc[gold["source"]] = t
        total.merge(t)

    def sums(t):
        return [sum(v[i] for v in t.c.values()) for i in range(3)]

    overall = prf(*sums(total))
    field_f1 = [prf(*total.c[f])[2] for f in ALL_FIELDS if f in total.c]
    macro = sum(field_f1) / len(field_f1) if field_f1 else 0.0
    if a.json:
        print(json.dumps({
            "overall": dict(zip(("precision", "recall", "f1"), overall)),
            "field_macro_f1": macro,
            "fields": {f: dict(zip(("precision", "recall", "f1"), prf(*total.c[f])))
                       for f in ALL_FIELDS if f in total.c},
            "documents": {d: dict(zip(("precision", "recall", "f1"), prf(*sums(t))))
                          for d, t in per_doc.items()},
        }, indent=2))
    else:
        print(f"{'field':<18} {'tp':>4} {'fp':>4} {'fn':>4}   P     R     F1")
        for f in ALL_FIELDS:
            if f in total.c:
                tp, fp, fn = total.c[f]
                p, r, f1 = prf(tp, fp, fn)
                print(f"{f:<18} {tp:>4} {fp:>4} {fn:>4}  {p:.2f}  {r:.2f}  {f1:.2f}")
        print()
        for d, t in per_doc.items():
            p, r, f1 = prf(*sums(t))
            print(f"{d:<40} P {p:.2f}  R {r:.2f}  F1 {f1:.2f}")
            if a.details:
                for m in t.misses:
                    print(f"    - {m}")
        print(f"\nfield-macro F1 {macro:.3f}")
        print(f"overall  P {overall[0]:.3f}  R {overall[1]:.3f}  F1 {overall[2]:.3f}")
    if a.min_f1 is not None and overall[2] < a.min_f1:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
