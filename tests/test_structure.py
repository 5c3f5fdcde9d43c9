"""The structure parser: every part of a document, with offsets that quote the text."""

from __future__ import annotations

from orgkg.extract.structure import parse

TEXT = """---
title: "Director of {{ site.x }}"
layout: job
---
# Senior Policy Analyst

**Department:** Health Canada
* Title: Chief Operating Officer
Position Level:\tAS-05
Reports to:
Director General, Policy
Title of Post: Locum Consultant Main site of activity: St Mary Hospital

| Location | Ottawa |

## What you'll do
We are looking for someone who will:
- lead the team
- manage budgets
  across regions
1. coordinate things
   a) sub one
ii. a roman item
"""


def _fields() -> dict[str, str]:
    doc = parse(TEXT)
    return {f.label: f.value(TEXT) for f in doc.fields}


def test_fields_in_every_layout_with_their_values() -> None:
    fields = _fields()
    assert fields["layout"] == "job"  # front matter
    assert fields["Department"] == "Health Canada"  # bold label
    assert fields["Title"] == "Chief Operating Officer"  # a bullet
    assert fields["Position Level"] == "AS-05"  # a tab
    assert fields["Reports to"] == "Director General, Policy"  # the value below its label
    assert fields["Title of Post"] == "Locum Consultant"  # labels run together on one line
    assert fields["Main site of activity"] == "St Mary Hospital"
    assert fields["Location"] == "Ottawa"  # a table row


def test_a_placeholder_is_never_a_value() -> None:
    assert "title" not in _fields()


def test_headings_with_levels() -> None:
    doc = parse(TEXT)
    levels = {h.text: h.level for h in doc.headings}
    assert levels["Senior Policy Analyst"] == 1
    assert levels["What you'll do"] == 2
    assert next(h for h in doc.headings if h.text.startswith("We are looking")).colon


def test_list_items_nest_and_join_their_continuation_lines() -> None:
    doc = parse(TEXT)
    items = [(it.marker, it.depth, TEXT[it.start : it.end]) for it in doc.items()]
    assert ("bullet", 0, "manage budgets\n  across regions") in items
    assert ("number", 0, "coordinate things") in items
    assert ("lower", 1, "sub one") in items
    assert ("roman", 0, "a roman item") in items


def test_a_list_without_markers_is_read_line_by_line() -> None:
    text = "DUTIES\n\nPlans the work of the unit.\nReviews reports.\nTrains new staff.\n"
    doc = parse(text)
    assert [text[b.start : b.end] for b in doc.blocks()] == [
        "Plans the work of the unit.", "Reviews reports.", "Trains new staff."]
