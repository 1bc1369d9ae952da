"""Queries behind the actor page and the web API: one actor, their quotes, quotes about them,
their events and articles, by corpus actor id; on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from newsgraph.errors import NotFound
from newsgraph.schema import Entity, Mention, Place, Quote, ResultDocument
from newsgraph.store import Store
from newsgraph.store.rows import quotes_mentioning
from newsgraph.testing import make_entity, span_at
from tests.store.test_store import (
    PROV,
    _article,
    ferry_fines,
    grain_talks,
    stored,
    warsaw_visit,
)

REACTION_TITLE = "Lithuanian minister says Petrenko drives a hard bargain"
REACTION = (
    "Lithuanian Transport Minister Rasa Vaitkute said on Thursday that Aleksandr Petrenko had "
    "pushed hard for lower rail fees during the Vilnius talks.",
    "“Petrenko knows exactly what farmers need, and he does not let go,” Vaitkute told the "
    "Baltic Wire.",
    "Petrenko said his ministry would share the cost of a new loading terminal.",
    "Vaitkute said the terminal could open next spring.",
)


def petrenko_reaction() -> ResultDocument:
    """A Lithuanian minister talks about Petrenko; Petrenko talks about his own ministry."""
    article = _article(
        REACTION,
        REACTION_TITLE,
        published=dt.date(2024, 3, 8),
        source="Baltic Wire",
        url="https://baltic-wire.example/hard-bargain",
    )
    text = article.text
    petrenko = make_entity(
        text, "r1", "Aleksandr Petrenko", "PERSON", "Aleksandr Petrenko", "Petrenko", country="UKR"
    )
    his = span_at(text, "his", after="Petrenko said his")
    petrenko = petrenko.model_copy(
        update={
            "mentions": tuple(
                sorted(
                    (*petrenko.mentions, Mention(**his.model_dump(), kind="pronoun")),
                    key=lambda m: m.start,
                )
            )
        }
    )
    entities: tuple[Entity, ...] = (
        petrenko,
        make_entity(
            text,
            "r2",
            "Rasa Vaitkute",
            "PERSON",
            "Rasa Vaitkute",
            "Vaitkute",
            country="LTU",
            sector="GOV",
            titles=("Transport Minister",),
        ),
        make_entity(
            text,
            "r3",
            "Vilnius",
            "GPE",
            country="LTU",
            place=Place(geonameid=593116, name="Vilnius", feature="capital", country="LTU"),
        ),
        make_entity(text, "r4", "Baltic Wire", "ORG", sector="MED"),
    )
    quotes = (
        Quote(
            id="q1",
            kind="indirect",
            content=(
                span_at(
                    text,
                    "Aleksandr Petrenko had pushed hard for lower rail fees during the Vilnius talks",
                ),
            ),
            cue=span_at(text, "said"),
            speaker=span_at(text, "Rasa Vaitkute"),
            speaker_entity="r2",
            speaker_kind="named",
        ),
        Quote(
            id="q2",
            kind="direct",
            content=(
                span_at(text, "Petrenko knows exactly what farmers need, and he does not let go,"),
            ),
            cue=span_at(text, "told"),
            speaker=span_at(text, "Vaitkute", after="go,”"),
            speaker_entity="r2",
            addressee_entity="r4",
            speaker_kind="named",
        ),
        Quote(
            id="q3",
            kind="indirect",
            content=(span_at(text, "his ministry would share the cost of a new loading terminal"),),
            cue=span_at(text, "said", after="Petrenko said"),
            speaker=span_at(text, "Petrenko", after="Petrenko said"),
            speaker_entity="r1",
            speaker_kind="named",
        ),
        Quote(
            id="q4",
            kind="indirect",
            content=(span_at(text, "the terminal could open next spring"),),
            cue=span_at(text, "said", after="Vaitkute said"),
            speaker=span_at(text, "Vaitkute", after="terminal."),
            speaker_entity="r2",
            speaker_kind="named",
        ),
    )
    return ResultDocument(article=article, provenance=PROV, entities=entities, quotes=quotes)


@pytest.fixture
def corpus(store_url: str) -> Iterator[Store]:
    """The store tests' three articles and the reaction piece."""
    with Store.open(store_url) as store:
        results = [grain_talks(), warsaw_visit(), ferry_fines(), petrenko_reaction()]
        assert store.write([stored(r) for r in results]) == ["stored"] * 4
        yield store


def _petrenko(store: Store) -> int:
    (row,) = store.actors(name="Aleksandr Petrenko")
    return int(row["id"])


def _keys(rows: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(r["article_id"], r["id"]) for r in rows]


def test_one_actor_with_lists_decoded_and_a_missing_one_is_not_found(corpus: Store) -> None:
    actor = corpus.actor(_petrenko(corpus))
    assert actor["name"] == "Aleksandr Petrenko"
    assert (actor["type"], actor["country"], actor["sector"]) == ("PERSON", "UKR", "GOV")
    assert actor["titles"] == ["Agriculture Minister"]
    assert "Alexander Petrenko" in actor["aliases"]
    assert actor["article_count"] == 3
    minister = corpus.actor(corpus.actors(name="Rasa Vaitkute")[0]["id"])
    assert minister["titles"] == ["Transport Minister"] and minister["sectors"] == []
    with pytest.raises(NotFound, match="no actor 987654"):
        corpus.actor(987654)


def test_an_actors_quotes_events_and_articles_by_id(corpus: Store) -> None:
    grain, visit, reaction = (
        r.article.id for r in (grain_talks(), warsaw_visit(), petrenko_reaction())
    )
    petrenko = _petrenko(corpus)
    assert _keys(corpus.quotes(speaker_id=petrenko)) == [
        (visit, "q1"),
        (reaction, "q3"),
        (grain, "q1"),
    ]
    assert _keys(corpus.quotes(speaker_id=petrenko, until=dt.date(2024, 3, 6))) == [(grain, "q1")]
    assert _keys(corpus.quotes(speaker_id=petrenko, since=dt.date(2024, 4, 1))) == [(visit, "q1")]
    assert _keys(corpus.events(actor_id=petrenko)) == [(visit, "v1"), (grain, "v1")]
    assert _keys(corpus.events(actor_id=petrenko, type_="CONSULT", until=dt.date(2024, 3, 31))) == [
        (grain, "v1")
    ]
    assert [r["id"] for r in corpus.articles(actor_id=petrenko)] == [visit, reaction, grain]
    assert [r["id"] for r in corpus.articles(actor_id=petrenko, source="Baltic Wire")] == [
        visit,
        reaction,
    ]
    assert corpus.articles(actor_id=987654) == []
    links = corpus.entity_actors(grain)
    assert links["e1"] == petrenko and set(links) == {"e1", "e2", "e3", "e4", "e5"}


def test_quotes_about_an_actor_are_by_others_and_mention_them(corpus: Store) -> None:
    reaction = petrenko_reaction().article.id
    petrenko = _petrenko(corpus)
    about = corpus.quotes_about(petrenko)
    # Vaitkute's two quotes name him; his own quote about "his ministry" and her quote about
    # the terminal do not count.
    assert _keys(about) == [(reaction, "q1"), (reaction, "q2")]
    assert {r["speaker"] for r in about} == {"Rasa Vaitkute"}
    # Only the newest `articles` of the actor are read: the newest one has no such quote.
    assert corpus.quotes_about(petrenko, articles=1) == []
    assert corpus.quotes_about(petrenko, limit=1) == about[:1]
    assert corpus.quotes_about(987654) == []


def test_quotes_mentioning_checks_the_content_spans_and_the_speaker() -> None:
    result = petrenko_reaction()
    assert [q.id for q in quotes_mentioning(result, {"r1"})] == ["q1", "q2"]
    # Vaitkute is never named inside a quote.
    assert quotes_mentioning(result, {"r2"}) == []
    assert quotes_mentioning(result, set()) == []
