"""HTML pages through trafilatura: contains / does not contain, as trafilatura's own tests do."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import NoArticleContent
from newsgraph.ingest import article_from_html, load_articles
from newsgraph.schema import RejectedInput
from tests.conftest import FIXTURES

PAGE = FIXTURES / "html" / "news_page.html"

MUST = [
    "The bill passed by 187 votes to 171, with 12 abstentions.",
    "“Tonight this house chose to stop arguing with the sea and start preparing for it,” Environment Minister Paulo Brandt told lawmakers shortly before the final vote.",
    "“The water is already in people’s kitchens,” said Rosa Eklund, the opposition’s spokeswoman on infrastructure.",
    "About 38,000 homes sit in zones that the environment ministry classifies as facing severe flood risk by 2050.",
    "The bill now goes to the president, who is expected to sign it within the next two weeks.",
]
MUST_NOT = [
    "We use cookies to personalise content",
    "Accept all cookies",
    "Manage preferences",
    "Advertisement",
    "BrightGrid Home",
    "AirVela",
    "Lingora",
    "Share on Facebook",
    "Copy link",
    "Get the Morning Meridian",
    "Sign up for our free daily newsletter",
    "Sign me up",
    "Related stories",
    "Winter storms cost coastal towns 310 million euros",
    "harbourwatcher",
    "Fourteen hours of talking",
    "Sign in to comment",
    "Most read",
    "Rail fares frozen for a second year",
    "Cup final tickets sell out in eleven minutes",
    "All rights reserved",
    "Registered office",
    "Terms and conditions",
    "Cookie policy",
    "Photograph: Ingrid Solheim",
]


@pytest.fixture(scope="module")
def article():
    return article_from_html(PAGE.read_text(encoding="utf-8"), uri=str(PAGE))


def test_metadata(article):
    assert article.title == "Parliament Passes Coastal Flood Defence Bill After All-Night Debate"
    assert article.authors == ("Helena Varga",)
    assert (article.published, article.published_source) == (dt.date(2024, 5, 7), "metadata")
    assert article.source.name == "The Daily Meridian"
    assert (
        article.source.url
        == "https://www.dailymeridian.example/politics/2024/05/07/coastal-flood-defence-bill-passes"
    )
    assert article.source.format == "html"


def test_structure(article):
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:4] == ["title", "standfirst", "caption", "body"]
    assert article.subtitle and article.subtitle.startswith("The 4.2 billion euro programme")
    assert [s.heading.text for s in article.sections] == ["What the Bill Changes"]
    assert [(c.text, c.credit) for c in article.captions] == [
        (
            "Waves break against the old sea wall in Rundvik during a winter storm.",
            "Photograph: Ingrid Solheim/Meridian Pictures",
        ),
    ]
    assert kinds.count("body") == 9


@pytest.mark.parametrize("sentence", MUST)
def test_body_contains(article, sentence):
    assert sentence in article.text


@pytest.mark.parametrize("clutter", MUST_NOT)
def test_clutter_is_gone(article, clutter):
    assert clutter not in article.text


def test_page_without_article_is_rejected():
    path = FIXTURES / "html" / "no_article.html"
    with pytest.raises(NoArticleContent) as info:
        article_from_html(path.read_text(encoding="utf-8"), uri=str(path))
    assert info.value.reason == "no_article"
    (item,) = load_articles([str(path)])
    assert isinstance(item, RejectedInput) and item.reason == "no_article"


def test_german_and_minimal_text_fixtures():
    de, en = FIXTURES / "text" / "german_article.txt", FIXTURES / "text" / "minimal.txt"
    rejected, article = list(load_articles([str(de), str(en)]))
    assert isinstance(rejected, RejectedInput) and rejected.reason == "wrong_language"
    assert "detected language: de" in rejected.message
    assert not isinstance(article, RejectedInput)
    assert article.title == "City Council Approves Late-Night Bus Service"
    assert [p.kind for p in article.paragraphs] == ["title", "body", "body", "body"]
