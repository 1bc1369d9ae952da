"""The shipped examples and the shared seed article, ingested end to end (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.ingest import article_from_text
from tests.conftest import EXAMPLES

EXPECTED = {
    "minister_visit": {
        "title": "Karsava’s Foreign Minister Seeks Gas and Port Deal on Visit to Veloria",
        "headings": ["Gas Terminal at the Center", "Reaction in Tiberg", "What Comes Next"],
        "credits": [
            "Elena Ruiz/AFP via Getty Images",
            "Marco Bellandi/Velpix/AFP via Getty Images",
        ],
        "contributors": ["Nadia Ferrante", "Olu Adeyemi", "Kai Lindqvist"],
        "junk": ["Updated:", "0:00"],
    },
    "trade_figures": {
        "title": "Karsava’s Trade Deficit Widens as Energy Import Bill Climbs",
        "headings": ["Partners and Products", "The Year So Far"],
        "credits": ["Henrik Dahl/AFP via Getty Images"],
        "contributors": ["Kai Lindqvist"],
        "junk": [],
    },
    "summit_readouts": {
        "title": "Two Readouts, One Meeting: Velorian and Brevanian Media Differ on Summit",
        "headings": [],
        "credits": ["Ana Peyró/AFP via Getty Images"],
        "contributors": [],
        "junk": [],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_structure(name):
    want = EXPECTED[name]
    article = article_from_text((EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"), uri=name)
    assert article.title == want["title"]
    assert article.paragraphs[0].kind == "title"
    assert (
        article.paragraphs[1].kind == "standfirst"
        and article.subtitle == article.paragraphs[1].text
    )
    assert [s.heading.text for s in article.sections] == want["headings"]
    assert [c.credit for c in article.captions] == want["credits"]
    assert list(article.contributors) == want["contributors"]
    assert list(article.cleaning.junk_lines) == want["junk"]
    # the repeated headline (and any repeated caption) appear once
    assert article.text.count(want["title"]) == 1
    for caption in article.captions:
        assert article.text.count(caption.text) == 1
    for credit in want["credits"]:
        assert credit not in article.text
    assert "contributed to this report" not in article.text
    assert "\u00a0" not in article.text
    dates = [dt.date.fromisoformat(d) for d in (EXAMPLES / f"{name}.pubdate").read_text().split()]
    assert article.published_source == "inferred"
    assert article.published in dates
    assert article.published_range is not None
    assert (
        article.published_range.earliest <= min(dates)
        and max(dates) <= article.published_range.latest
    )


def test_short_line_with_quote_is_body_not_heading():
    article = article_from_text((EXAMPLES / "minister_visit.txt").read_text(encoding="utf-8"))
    line = next(p for p in article.paragraphs if p.text.startswith("For now, “the door is open"))
    assert line.kind == "body"


def test_seed_article(seed_path):
    article = article_from_text(seed_path.read_text(encoding="utf-8"), uri=str(seed_path))
    assert article.title and article.paragraphs[0].kind == "title"
    assert article.subtitle and article.paragraphs[1].kind == "standfirst"
    assert len(article.sections) == 3
    assert len(article.captions) == 3
    assert all(c.credit and c.credit.endswith("Getty Images") for c in article.captions)
    assert len({c.text for c in article.captions}) == 3
    assert len(article.contributors) == 3
    assert set(article.cleaning.junk_lines) == {"Updated:", "0:00"}
    body = [p.text for p in article.paragraphs if p.kind == "body"]
    assert not any("Getty Images" in t or t in {"Updated:", "0:00"} for t in body)
    assert "Getty Images" not in article.text
    assert article.text.count(article.title) == 1
    assert article.published_source == "inferred"
    assert article.published in {dt.date(2023, 8, 17), dt.date(2023, 8, 18)}
    assert article.published_range is not None
    assert (article.published_range.earliest, article.published_range.latest) == (
        dt.date(2023, 8, 17),
        dt.date(2023, 8, 18),
    )
