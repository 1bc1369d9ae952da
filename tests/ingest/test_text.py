from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.ingest.clean import clean_text
from newsgraph.ingest.text import is_heading, parse_pasted, split_credit, split_names

PASTED = """Port Talks Stall as Ministers Trade Barbs

Two neighbours failed to agree on shipping fees at a tense meeting in Valletta. Officials say the dispute may drag on.
Port Talks Stall as Ministers Trade Barbs
Minister Ana Ruiz arrives for talks in Valletta, on May 3, 2024. Piet de Vries/ANP/AFP via Getty Images
Updated:
0:00

Minister Ana Ruiz met her counterpart Karl\u00a0Berg on Tuesday after a week of public exchanges over harbour fees.

Later, “we are not there yet,” said Ms. Ruiz

Ruiz told reporters that fees had risen by 12 percent since 2022, according to the state agency MALTAPRESS.
Fishermen protest outside the port authority in Valletta on April 30, 2024. (Lena Holm/Reuters)
Fishermen protest outside the port authority in Valletta on April 30, 2024. Lena Holm/Reuters

What Comes Next

The two ministers will meet again on Friday, the agency said, and officials expect a deal before the summer.
A dockworker waits near the quay.
John Smith/AP Photo

Tom Ash, Uma Patel, and Lee Wong contributed to this report."""


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "A man waves in Oslo on May 1, 2024. Jo Berg/AFP via Getty Images",
            "A man waves in Oslo on May 1, 2024.",
            "Jo Berg/AFP via Getty Images",
        ),
        (
            "Leaders shake hands in Rome. (Ana Li/Sputnik/AFP via Getty Images)",
            "Leaders shake hands in Rome.",
            "Ana Li/Sputnik/AFP via Getty Images",
        ),
        ("Troops march in Kyiv. REUTERS/Max Ivanov", "Troops march in Kyiv.", "REUTERS/Max Ivanov"),
        (
            "Crowds gather on the square. Photo: Reuters",
            "Crowds gather on the square.",
            "Photo: Reuters",
        ),
        (
            "The port, seen from the hill. Kim Roe-Pool/Getty Images",
            "The port, seen from the hill.",
            "Kim Roe-Pool/Getty Images",
        ),
        (
            "Sales rose 24/7 in the period, he said.",
            "Sales rose 24/7 in the period, he said.",
            None,
        ),
        (
            "He said the plan and/or the budget would pass.",
            "He said the plan and/or the budget would pass.",
            None,
        ),
        ("The minister met the press in Oslo.", "The minister met the press in Oslo.", None),
    ],
)
def test_split_credit(line, caption, credit):
    assert split_credit(line) == (caption, credit)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("What Comes Next", True),
        ("Talks on Energy Supplies", True),
        ("Minister’s Meeting With the President", True),
        ("Strained US-EU Ties", True),
        ("Today, “we are close partners,” said Mr. Okafor", False),
        ("The minister arrived on Tuesday.", False),
        ("the talks went on for hours without a deal", False),
        ("Officials said", False),
        (
            "A very long line that goes on and on and on with many many Capitalised Words In It Too",
            False,
        ),
    ],
)
def test_is_heading(line, expected):
    assert is_heading(line) is expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("Tom Ash, Uma Patel, and Lee Wong", ["Tom Ash", "Uma Patel", "Lee Wong"]),
        ("Tom Ash and Lee Wong", ["Tom Ash", "Lee Wong"]),
        ("Tom Ash", ["Tom Ash"]),
        ("Tom Ash & Lee Wong.", ["Tom Ash", "Lee Wong"]),
    ],
)
def test_split_names(names, expected):
    assert split_names(names) == expected


def test_parse_pasted_recognises_every_part():
    layout = parse_pasted(PASTED)
    kinds = [(b.kind, b.text[:25]) for b in layout.blocks]
    assert layout.title == "Port Talks Stall as Ministers Trade Barbs"
    assert layout.subtitle is not None and layout.subtitle.startswith("Two neighbours failed")
    assert kinds[0] == ("title", "Port Talks Stall as Minis")
    assert kinds[1][0] == "standfirst"
    captions = [(b.text, b.credit) for b in layout.blocks if b.kind == "caption"]
    assert captions == [
        (
            "Minister Ana Ruiz arrives for talks in Valletta, on May 3, 2024.",
            "Piet de Vries/ANP/AFP via Getty Images",
        ),
        (
            "Fishermen protest outside the port authority in Valletta on April 30, 2024.",
            "Lena Holm/Reuters",
        ),
        ("A dockworker waits near the quay.", "John Smith/AP Photo"),
    ]
    assert [b.text for b in layout.blocks if b.kind == "heading"] == ["What Comes Next"]
    assert layout.junk == ["Updated:", "0:00"]
    assert len(layout.duplicates) == 2  # the repeated headline and the caption given twice
    assert layout.contributors == ["Tom Ash", "Uma Patel", "Lee Wong"]
    body = [b.text for b in layout.blocks if b.kind == "body"]
    assert (
        "Later, “we are not there yet,” said Ms. Ruiz" in body
    )  # no final stop, yet not a heading
    assert not any("Getty" in t or "Reuters" in t or "contributed" in t for t in body)
    assert "Karl Berg" in body[0]  # the no-break space became a plain space


def test_parse_pasted_without_structure_is_all_body():
    layout = parse_pasted(
        "The council met on Monday. It approved the budget after a long debate.\nThe vote was 7 to 2."
    )
    assert layout.title is None
    assert [b.kind for b in layout.blocks] == ["body", "body"]


@given(st.text(max_size=300))
def test_clean_is_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once
