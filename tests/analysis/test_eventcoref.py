"""Event coreference within stories: same lemma, learned lemma pairs, stories kept apart."""

from __future__ import annotations

from newsgraph.analysis.eventcoref import EventMention, cluster_mentions, learn_pairs, lemma_pairs


def test_same_lemma_within_a_story_is_one_event_and_stories_stay_apart() -> None:
    mentions = [
        EventMention(("a", 0, 5), "s1", "arrest"),
        EventMention(("b", 9, 17), "s1", "arrest"),
        EventMention(("c", 3, 9), "s2", "arrest"),
        EventMention(("a", 20, 27), "s1", "charge"),
    ]
    out = cluster_mentions(mentions, pairs=frozenset())
    assert out["a", 0, 5] == out["b", 9, 17]
    assert out["a", 0, 5] != out["c", 3, 9]
    assert out["a", 20, 27] != out["a", 0, 5]


def test_learned_pairs_join_clusters_transitively() -> None:
    mentions = [
        EventMention(1, "s", "quake"),
        EventMention(2, "s", "earthquake"),
        EventMention(3, "s", "tremor"),
        EventMention(4, "s", "rescue"),
    ]
    pairs = frozenset({("earthquake", "quake"), ("earthquake", "tremor")})
    out = cluster_mentions(mentions, pairs=pairs)
    assert out[1] == out[2] == out[3]
    assert out[4] != out[1]


def test_learn_pairs_keeps_frequent_mostly_coreferent_pairs() -> None:
    story = [("kill", "c1"), ("shoot", "c1")] * 3 + [("kill", "c2"), ("flee", "c3")] * 3
    pairs = learn_pairs({"s": story}, min_pairs=5, min_rate=0.5)
    assert ("kill", "shoot") in pairs
    assert ("flee", "kill") not in pairs  # co-occur often, never the same event
    assert learn_pairs({"s": story}, min_pairs=1000) == []


def test_shipped_pairs_load() -> None:
    pairs = lemma_pairs()
    assert len(pairs) > 100
    assert all(a < b for a, b in pairs)
