"""The event-coreference pair scorer: its features on invented mentions, the shipped weights,
and clustering with it (MiniLM from the `embeddings` extra for the end-to-end cases)."""

from __future__ import annotations

import importlib.util
import json
from importlib.resources import files
from typing import Any

import numpy as np
import pytest

from newsgraph.analysis.eventcoref import (
    SCORER_FILE,
    EventMention,
    MentionContext,
    PairScorer,
    cluster_mentions,
    describe,
    load_pair_scorer,
    mention_vectors,
    pair_features,
)


def _context(doc: str, sentence: int, vector: list[float], **sets: set[str]) -> MentionContext:
    v = np.asarray(vector, dtype=np.float32)
    v /= np.linalg.norm(v)
    empty: frozenset[str] = frozenset()
    return MentionContext(
        doc=doc,
        sentence=sentence,
        text=sets.pop("text", {"x"}).pop(),
        pos=sets.pop("pos", {"VERB"}).pop(),
        names=frozenset(sets.get("names", empty)),
        times=frozenset(sets.get("times", empty)),
        numbers=frozenset(sets.get("numbers", empty)),
        nouns=frozenset(sets.get("nouns", empty)),
        dependents=frozenset(sets.get("dependents", empty)),
        doc_names=frozenset(sets.get("names", empty)),
        trigger_vector=v,
        sentence_vector=v,
    )


def test_pair_features_read_lemmas_vectors_and_shared_context() -> None:
    a = EventMention(1, "s", "quake", _context("d1", 0, [1, 0], names={"chile"}, pos={"NOUN"}))
    b = EventMention(
        2, "s", "earthquake", _context("d2", 3, [1, 1], names={"chile", "peru"}, pos={"NOUN"})
    )
    f = pair_features(a, b, frozenset({("earthquake", "quake")}))
    assert f[0] == 0.0  # different lemmas
    assert f[1] == 1.0  # a learned pair
    assert f[2] == pytest.approx(2**-0.5, abs=1e-6)  # cosine of the trigger vectors
    assert f[4] == 0.0  # different documents
    assert f[6] == pytest.approx(0.5)  # names: 1 shared of 2
    assert f[7] == -1.0  # no dates on either side
    assert f[-6:] == [0, 0, 0, 1, 0, 0]  # noun with noun
    assert pair_features(b, a, frozenset({("earthquake", "quake")}))[:14] == f[:14]


def test_scorer_is_a_relu_network_with_a_sigmoid_output() -> None:
    scorer = PairScorer(
        {
            "mean": [1.0, 0.0],
            "scale": [2.0, 1.0],
            "layers": [
                {"w": [[1.0, -1.0], [0.0, 1.0]], "b": [0.0, 0.0]},
                {"w": [[2.0], [1.0]], "b": [-1.0]},
            ],
            "threshold": 0.3,
        }
    )
    # x = ((3 - 1) / 2, 1) = (1, 1); hidden = relu(1, 0) = (1, 0); out = 2 - 1 = 1
    assert scorer.probs(np.array([[3.0, 1.0]]))[0] == pytest.approx(1 / (1 + np.exp(-1)))


def test_shipped_scorer_matches_the_features() -> None:
    data = json.loads(files("newsgraph").joinpath("data", SCORER_FILE).read_text("utf-8"))
    scorer = load_pair_scorer()
    a = EventMention(1, "s", "arrest", _context("d1", 0, [1, 0, 0]))
    width = len(pair_features(a, a, frozenset()))
    assert len(data["mean"]) == len(data["scale"]) == width
    assert 0.0 < scorer.threshold < 1.0
    assert str(scorer.threshold) in data["dev_conll_f1"]


def test_scored_clustering_keeps_stories_apart_and_needs_contexts() -> None:
    class Always(PairScorer):
        def __init__(self) -> None:
            self.threshold = 0.5

        def probs(self, features: Any) -> Any:
            return np.full(len(features), 0.9)

    ctx = _context("d", 0, [1, 0])
    mentions = [
        EventMention("a", "s1", "arrest", ctx),
        EventMention("b", "s1", "detain", ctx),
        EventMention("c", "s2", "arrest", ctx),
    ]
    out = cluster_mentions(mentions, scorer=Always())
    assert out["a"] == out["b"]
    assert out["c"] != out["a"]
    with pytest.raises(ValueError, match="context"):
        cluster_mentions([EventMention("x", "s", "arrest")], scorer=Always())


needs_minilm = pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None, reason="embeddings extra"
)


@pytest.mark.model
@needs_minilm
def test_scorer_joins_one_arrest_and_splits_unrelated_statements() -> None:
    from newsgraph.nlp import load_nlp

    texts = {
        "d1": "Police arrested the mayor of Springfield on Tuesday over bribery.",
        "d2": "The mayor of Springfield was detained on Tuesday in a bribery inquiry.",
        "d3": "Rebels attacked an army convoy near Goma on Monday, killing four soldiers. "
        "The army said it would respond.",
        "d4": "Police arrested two men in Paris on Friday after a stabbing at a train station. "
        "Prosecutors said the men were 19 and 22.",
    }
    triggers = {"d1": ["arrested"], "d2": ["detained"], "d3": ["said"], "d4": ["said"]}
    nlp = load_nlp()
    spans = []
    for doc_id, text in texts.items():
        doc = nlp(text)
        for word in triggers[doc_id]:
            start = text.index(word)
            span = doc.char_span(start, start + len(word))
            assert span is not None
            spans.append((doc_id, span))
    mentions = []
    for (doc_id, span), vectors in zip(spans, mention_vectors([s for _, s in spans]), strict=True):
        lemma, context = describe(span, doc_id, vectors)
        mentions.append(EventMention(doc_id, "story", lemma, context))
    scored = cluster_mentions(mentions, scorer=load_pair_scorer())
    assert scored["d1"] == scored["d2"]
    # Same lemma, but nothing else in common: the lemma path merges them, the scorer does not.
    assert scored["d3"] != scored["d4"]
    assert scored["d1"] != scored["d3"]
    by_lemma = cluster_mentions(mentions)
    assert by_lemma["d3"] == by_lemma["d4"]
