"""Real documents nobody here wrote, scored against their gold records (tests/corpus/README.md).

The parts: ``dev`` (the rules are developed against it), ``first-look``,
``second-look``, ``third-look``, ``fourth-look`` and ``fifth-look`` (each scored
when its documents were collected and at the end of a session, never looked at
in between; second-look and third-look were collected afresh in the fourth and
fifth sessions, from employers and sites the rules had not seen, fourth-look
in the sixth, mostly from the same sources as dev's documents, fifth-look in
the seventh, from employers the corpus had never had; sixth-look in the eighth and
seventh-look in the ninth, eighth-look in the tenth, ninth-look in the eleventh and
tenth-look in the twelfth, likewise).
Thirteenth session: second-look to seventh-look (78 documents), scored closed at the start and end of
every session since they were collected (their last closed scores: tests/corpus/README.md, "At the end
of the twelfth session"), are opened for development: the rules are now written against them as against
dev. first-look, eighth-look, ninth-look, tenth-look (and eleventh-look, collected afresh this session)
stay closed. ``DEVELOPMENT`` names the open parts; a test's id says which (``development-...`` or
``closed-...``).
Fourteenth session: eighth-look and ninth-look (30 documents, 12 French; last closed scores in
tests/corpus/README.md, "At the end of the thirteenth session") are opened for development too.
first-look, tenth-look, eleventh-look (and twelfth-look, collected afresh this session) stay closed.
Fifteenth session: thirteenth-look is collected afresh (8 documents, 5 French) and stays closed with
first-look, tenth-, eleventh- and twelfth-look.
Each is built with ``orgkg build`` and scored with ``tools/score.py``; the
scores must stay at or above the floors below, which record what was reached
(the goals of issue 11 are field-macro and overall F1 >= 0.90 on dev, >= 0.85
on first-look, >= 0.80 on the French documents alone).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run

CORPUS = ROOT / "tests" / "corpus"
#: part -> (field-macro F1, overall F1) it must keep, all documents and the French ones alone
#: (those whose sources/<id>.json says "language": "fr").
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    # Each part just under what main scored at the end of the ninth session (2135084; the figures, and
    # the session's start code 18271a0's in the same run, in tests/corpus/README.md, "At the end of the
    # ninth session"). seventh-look (new this session: the s9en, s9dr and s9fr shares' 3rd, 6th, ...
    # documents, 18, then dr3's 2) was first scored as a whole with 18271a0 at 0.760 / 0.852 (with
    # dr3's: 0.760 / 0.853), its French documents (8) 0.756 / 0.687 (each share's own first scores in
    # tests/corpus/scores/start-s9*.json).
    # Tenth session: dev with the s10us share's 12 documents scored 0.936 / 0.934 with the session's
    # start code cf0e4a8; eighth-look (new: the s10us share's 3rd, 6th, ... documents, 6, no French)
    # 0.650 / 0.670 (tests/corpus/scores/start-s10us.json; the lead fixes the final floors).
    # Tenth session: dev takes the gc share's 12 documents (s10gc-*, first scored 0.641 / 0.756 with
    # the start code cf0e4a8), dev as a whole 0.939 / 0.938 then; eighth-look is new (the gc share's
    # 3rd, 6th, ... documents, 6, first scored 0.529 / 0.524 with cf0e4a8; no French document yet).
    # With both shares, cf0e4a8 scores dev (255) 0.929 / 0.929 and eighth-look (12) 0.625 / 0.643.
    # With the s10fr share too (12 dev and 6 eighth-look documents, all French), the same code: dev
    # (267) 0.918 / 0.918, its French documents (97) 0.888 / 0.887; eighth-look (18) 0.611 / 0.605, its
    # French documents (6) 0.433 / 0.444 (tests/corpus/scores/start-s10fr.json); main at 536b55a the same.
    # End of the tenth session: every part just under main at 549b6f0 (the figures, and the start code
    # cf0e4a8's in the same run, in tests/corpus/README.md, "At the end of the tenth session").
    # Eleventh session: dev takes the s11en share's 12 documents (first scored 0.624 / 0.804 with the
    # session's start code b423ed4), dev as a whole (279) 0.923 / 0.921 then; ninth-look is new (the
    # s11en share's 3rd, 6th, ... documents, 6, no French) 0.592 / 0.618 (tests/corpus/scores/
    # start-s11en.json; the lead fixes the final floors).
    # Eleventh session: dev takes the s11fr share's 12 French documents (first scored 0.396 / 0.667 with the
    # session's start code b423ed4); dev as a whole (279, 109 French) then 0.927 / 0.922 (French 0.912 /
    # 0.876) with b423ed4, 0.928 / 0.923 (French 0.913 / 0.878) with main at 969f00b. ninth-look is new (the
    # s11fr share's 3rd, 6th, ... documents, 6, all French), first scored 0.204 / 0.438 with b423ed4
    # (tests/corpus/scores/start-s11fr.json).
    # With both shares (dev 291, 109 French; ninth-look 12, 6 French), b423ed4 scores dev 0.917 / 0.915
    # (French 0.912 / 0.876) and ninth-look 0.520 / 0.575 (French 0.204 / 0.438); main at 5bc5a0c dev
    # 0.918 / 0.916 (French 0.913 / 0.878), ninth-look 0.519 / 0.569 (French 0.197 / 0.413: a rule landed
    # between the two lowered the French closed documents; aggregates only, the part is not opened).
    # The lead fixes the final floors once every share is in.
    # End of the eleventh session: every part just under main at 17842d0 (the figures, and the start code
    # b423ed4's in the same run, in tests/corpus/README.md, "At the end of the eleventh session").
    # Twelfth session: dev takes the col share's 8 documents (s12en-*, s12fr-*: 5 English complete files,
    # 3 French page openings; first scored 0.743 / 0.806 with the session's start code 3bf7f24, French
    # 0.628 / 0.714), dev as a whole (299, 112 French) 0.925 / 0.921 (French 0.900 / 0.887) with 3bf7f24,
    # 0.928 / 0.929 (French 0.902 / 0.901) with main at 54402d6; tenth-look is new (the share's slots 3, 6,
    # 9, 12: 4 documents, 2 French), first scored 0.707 / 0.539 (French 0.567 / 0.667) with 3bf7f24
    # (tests/corpus/scores/start-s12col.json). Dev's French floor goes just under main's; the lead fixes
    # the final floors once every share is in.
    # End of the twelfth session: every part just under main at 2ff66e5c (the figures, and the start code
    # 3bf7f24's in the same run, in tests/corpus/README.md, "At the end of the twelfth session"). Four
    # closed results went down this session and are reported there, not tuned (seventh-look's field-macro
    # 0.769 -> 0.729: a job class read where its gold has none; eighth-look's and ninth-look's French halves;
    # tenth-look's education).
    # Thirteenth session: dev takes the col share's 8 documents (s13en-*, s13fr-*: 5 English complete files,
    # 3 French page openings; first scored 0.751 / 0.784 with the session's start code bab0b676, French
    # 0.633 / 0.837), dev as a whole (307, 115 French) 0.926 / 0.924 (French 0.894 / 0.900) with bab0b676,
    # so dev's French floor goes just under it; eleventh-look is new (the share's documents 2, 4, ..., 16: 8,
    # 3 French), first scored 0.745 / 0.766 (French 0.426 / 0.500) with bab0b676 (tests/corpus/scores/
    # start-s13col.json). The lead fixes the final floors.
    # End of the thirteenth session: every part just under main at 994849e4 (the figures, and the start code
    # bab0b676's in the same run, in tests/corpus/README.md, "At the end of the thirteenth session"); the
    # development parts (second- to seventh-look opened this session) included.
    # Fourteenth session: dev takes the col share's 8 documents (s14en-*, s14fr-*: 3 English complete files,
    # 2 French complete files, 3 French page openings; first scored 0.740 / 0.736 with the session's start
    # code 48d20579, French 0.642 / 0.830), dev as a whole (315, 120 French) 0.938 / 0.926 (French 0.912 /
    # 0.911) with it, so dev's overall floor goes to 0.92; twelfth-look is new (the share's documents 2, 4,
    # ..., 16: 8, 4 French), first scored 0.693 / 0.805 (French 0.386 / 0.612) with 48d20579
    # (tests/corpus/scores/start-s14col.json). The lead fixes the final floors.
    # End of the fourteenth session: the parts the session's rules moved (dev, third-, fifth-, eighth- and
    # ninth-look, the last two opened this session) just under main at 2f48379c; every other part's figure
    # was the same with the start code 48d20579 (tests/corpus/README.md, "At the end of the fourteenth
    # session").
    # Fifteenth session: dev takes the col share's 8 documents (s15en-*, s15fr-*: 3 English complete files,
    # 2 French complete files, 3 French page openings; first scored 0.707 / 0.818 with the session's start
    # code 633eaf2c, French 0.703 / 0.776); dev as a whole (323, 125 French) is 0.937 / 0.933 (French 0.915 /
    # 0.917) with it, so dev's floors go to 0.93 / 0.93 (French 0.91 / 0.91); thirteenth-look is new (the
    # share's documents 2, 4, ..., 16: 8, 5 French), first scored 0.568 / 0.624 (French 0.211 / 0.464) with
    # 633eaf2c (tests/corpus/scores/start-s15col.json). The lead fixes the final floors.
    # End of the fifteenth session: the parts that moved (dev, second-, fifth-, sixth-, seventh-, eighth-,
    # ninth-, twelfth- and thirteenth-look) just under main at 527bb248; every other part's figure was the
    # same with the start code 633eaf2c (tests/corpus/README.md, "At the end of the fifteenth session").
    "dev": {"all": (0.94, 0.94), "fr": (0.92, 0.93)},
    "first-look": {"all": (0.85, 0.88), "fr": (0.78, 0.92)},
    "second-look": {"all": (0.92, 0.94), "fr": (0.96, 0.98)},
    "third-look": {"all": (0.65, 0.78), "fr": (0.76, 0.84)},
    "fourth-look": {"all": (0.97, 0.96), "fr": (0.95, 0.94)},
    "fifth-look": {"all": (0.81, 0.89), "fr": (0.83, 0.93)},
    "sixth-look": {"all": (0.94, 0.93), "fr": (0.91, 0.89)},
    "seventh-look": {"all": (0.97, 0.97), "fr": (0.95, 0.93)},
    "eighth-look": {"all": (0.79, 0.83), "fr": (0.79, 0.86)},
    "ninth-look": {"all": (0.67, 0.69), "fr": (0.39, 0.72)},
    "tenth-look": {"all": (0.68, 0.53), "fr": (0.66, 0.79)},
    "eleventh-look": {"all": (0.78, 0.79), "fr": (0.59, 0.62)},
    "twelfth-look": {"all": (0.70, 0.81), "fr": (0.42, 0.65)},
    "thirteenth-look": {"all": (0.56, 0.63), "fr": (0.20, 0.48)},
}


#: The parts rules are written against; every other part is closed (never opened between its scorings).
DEVELOPMENT = frozenset({"dev", "second-look", "third-look", "fourth-look", "fifth-look", "sixth-look",
                         "seventh-look", "eighth-look", "ninth-look"})


def _french(folder: Path) -> set[str]:
    """The ids of a part's documents written in French, as their sources say."""
    sources = (json.loads(p.read_text(encoding="utf-8")) for p in (folder / "sources").glob("*.json"))
    return {meta["id"] for meta in sources if meta["language"] == "fr"}


def _score(gold: Path, records: list[dict[str, Any]], tmp: Path) -> tuple[float, float]:
    pred = tmp / f"{gold.name}.json"
    pred.write_text(json.dumps(records), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "score.py"), "--gold", str(gold),
                           "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(done.stdout)
    return scores["field_macro_f1"], scores["overall"]["f1"]


@pytest.mark.parametrize("part", sorted(FLOORS),
                         ids=lambda part: f"{'development' if part in DEVELOPMENT else 'closed'}-{part}")
def test_corpus_part_keeps_its_scores(part: str, tmp_path: Path) -> None:
    folder = CORPUS / part
    build = run("build", str(folder / "docs"), "--out", str(tmp_path / "out"), "-q")
    assert build.exit_code in (0, 1), build.stderr  # 1: a document is not a position description
    records = json.loads(run("positions", "--graph", str(tmp_path / "out"), "--format", "json").stdout)
    french_gold = tmp_path / "gold-fr"
    french_gold.mkdir()
    french_ids = _french(folder)
    for gold in (folder / "gold").glob("*.json"):
        if gold.stem in french_ids:
            (french_gold / gold.name).write_bytes(gold.read_bytes())
    french = [r for r in records if Path(r.get("source") or "").stem in french_ids]
    found = {"all": _score(folder / "gold", records, tmp_path), "fr": _score(french_gold, french, tmp_path)}
    for subset, (macro, overall) in FLOORS[part].items():
        assert found[subset][0] >= macro and found[subset][1] >= overall, (subset, found[subset])


def test_every_document_has_gold_and_a_source() -> None:
    for part in FLOORS:
        docs = {p.stem for p in (CORPUS / part / "docs").iterdir()}
        assert docs == {p.stem for p in (CORPUS / part / "gold").glob("*.json")}
        assert docs == {p.stem for p in (CORPUS / part / "sources").glob("*.json")}
        for source in (CORPUS / part / "sources").glob("*.json"):
            meta = json.loads(source.read_text(encoding="utf-8"))
            assert meta["repository"] or meta["url"], source.name
            assert meta["repository"] not in ("fortinpy85/jddb", "aaronsnow/digitalservice.network")
