"""Story clustering: batch average-link, incremental assignment in a store, near-duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from newsgraph.analysis.stories import (
    average_link,
    cluster_texts,
    stories,
    story_article_ids,
    update_stories,
)
from newsgraph.analysis.textsim import bags, similarity
from newsgraph.errors import NotFound
from newsgraph.schema import Provenance, ResultDocument, Source
from newsgraph.store import Store, Stored, signature
from newsgraph.testing import make_article

# Two different floods (same kind of event, different places and names) and a port deal.
FLOOD_A = [
    "Floods in Varnholt forced 3,000 residents from their homes on Monday after the Selva river burst its banks. Mayor Ines Dorta said rescue teams were searching the old town of Varnholt.",
    "Rescue teams in Varnholt pulled 14 people from flooded houses as the Selva river kept rising, Mayor Ines Dorta said. About 3,000 residents of Varnholt have left their homes.",
    "The Selva river flood in Varnholt has damaged the main bridge, Mayor Ines Dorta told reporters, and 3,000 people are staying in schools until the water falls.",
]
FLOOD_B = [
    "Heavy rain flooded the port city of Kessmar on Friday and the Oren river rose two metres overnight. Governor Pavel Ristan ordered the evacuation of 800 families from Kessmar.",
    "Governor Pavel Ristan said the Oren river flood in Kessmar had cut power to 800 families and closed the airport, and that soldiers were helping with the evacuation.",
]
PORT = [
    "Ostravia and Dalmorra signed a deal to expand the port of Lenzk, trade minister Irena Kovalska said, and the first ships will dock at the new Lenzk terminal next spring.",
    "The Lenzk port expansion agreed by Ostravia and Dalmorra will cost 450 million dollars, minister Irena Kovalska said at the signing ceremony in Lenzk.",
]


def _result(text: str, *, source: str, published: dt.date) -> ResultDocument:
    article = make_article(text, title=text.split(".")[0][:60]).model_copy(
        update={"source": Source(name=source), "published": published}
    )
    return ResultDocument(article=article, provenance=Provenance(newsgraph_version="test"))


def _store(tmp_path: Path, texts: list[tuple[str, str, dt.date]]) -> Store:
    store = Store.open(f"sqlite:///{tmp_path}/stories.db")
    store.write(
        [
            Stored(f"{source}/{i}", r, signature(r.article.text))
            for i, (text, source, day) in enumerate(texts)
            for r in [_result(text, source=source, published=day)]
        ]
    )
    return store


def test_names_view_keeps_capitalised_words_and_numbers_but_not_sentence_openers() -> None:
    b = bags("Floods hit Varnholt. Mayor Ines Dorta said 3,000 left.")
    assert "varnholt" in b.names and "dorta" in b.names and "3,000" in b.names
    assert "floods" not in b.names and "mayor" not in b.names
    assert "floods" in b.words


def test_same_kind_of_event_in_two_places_is_two_stories() -> None:
    labels = cluster_texts(FLOOD_A + FLOOD_B + PORT)
    assert len(set(labels[:3])) == 1
    assert len(set(labels[3:5])) == 1
    assert len(set(labels[5:])) == 1
    assert len({labels[0], labels[3], labels[5]}) == 3


def test_average_link_threshold_cuts_by_mean_similarity() -> None:
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    assert average_link(sim, 0.5) == [0, 0, 1]
    assert average_link(sim, 0.1) == [0, 0, 0]
    assert average_link(np.ones((1, 1))) == [0]
    assert average_link(np.zeros((0, 0))) == []


def test_similarity_is_symmetric_and_bounded() -> None:
    sim = similarity(FLOOD_A + PORT)
    assert np.allclose(sim, sim.T)
    assert sim.min() >= 0.0 and sim.max() <= 1.0 + 1e-9


def test_incremental_update_keeps_ids_and_joins_new_articles(tmp_path: Path) -> None:
    day = dt.date(2024, 4, 1)
    texts = [(t, f"outlet{i}", day) for i, t in enumerate(FLOOD_A[:2] + PORT)]
    store = _store(tmp_path, texts)
    first = update_stories(store)
    assert (first.assigned, first.created) == (4, 2)
    before = {s["id"]: s["article_count"] for s in stories(store)}
    # A later report of the first flood joins its story; a new event starts its own.
    store.write(
        [
            Stored(f"late/{i}", r, signature(r.article.text))
            for i, t in enumerate([FLOOD_A[2], *FLOOD_B])
            for r in [_result(t, source=f"late{i}", published=day + dt.timedelta(days=1))]
        ]
    )
    second = update_stories(store)
    assert (second.assigned, second.joined, second.created) == (3, 1, 1)
    after = {s["id"]: s for s in stories(store)}
    assert set(before) <= set(after)
    flood = max(after.values(), key=lambda s: s["article_count"])
    assert flood["article_count"] == 3 and flood["outlet_count"] == 3
    assert update_stories(store).assigned == 0


def test_near_duplicate_shares_its_originals_story_and_is_not_another_outlet(
    tmp_path: Path,
) -> None:
    day = dt.date(2024, 4, 1)
    repost = FLOOD_A[0].replace("Monday", "Monday morning")
    store = _store(
        tmp_path,
        [(FLOOD_A[0], "agency", day), (repost, "aggregator", day), (PORT[0], "daily", day)],
    )
    report = update_stories(store)
    assert report.duplicates == 1
    by_story = {s["id"]: story_article_ids(store, s["id"]) for s in stories(store)}
    assert sorted(len(v) for v in by_story.values()) == [1, 2]
    assert all(s["outlet_count"] == 1 for s in stories(store))


def test_rebuild_and_unknown_story(tmp_path: Path) -> None:
    day = dt.date(2024, 4, 1)
    store = _store(tmp_path, [(t, f"o{i}", day) for i, t in enumerate(PORT)])
    update_stories(store)
    assert update_stories(store, rebuild=True).assigned == 2
    with pytest.raises(NotFound, match="story"):
        story_article_ids(store, 999)
