"""Cross-document event coreference: which event mentions in a story refer to the same event.

Two ways, both within one story:

- Lemmas (default, no extra): mentions with the same head lemma are one event ("arrested" …
  "arrest"), and lemma pairs that ECB+ train shows corefer more often than not ("kill"/"shoot",
  "quake"/"earthquake") join their clusters. The table is `data/event_lemma_pairs.json`.
- A pair scorer (with the `embeddings` extra): a small network reads, for every two mentions,
  the lemma evidence above, how close MiniLM puts the two triggers in their sentences, and
  what the sentences share (names, dates, numbers, nouns, the trigger's own dependents);
  mentions are then clustered average-link on its probabilities. Same-lemma mentions of two
  different events ("said" … "said") can stay apart, and different words for one event join.
  The weights are `data/event_coref_scorer.json`.

Both are made by scripts/train_event_coref.py from ECB+ train topics (model card
docs/models/event_coref.md); bench/ecbplus.py measures them with the official scorer.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, cast

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.tokens import Span, Token

PAIRS_FILE = "event_lemma_pairs.json"
SCORER_FILE = "event_coref_scorer.json"
_CONTENT = ("VERB", "NOUN", "ADJ", "PROPN")
_NUMERIC = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
_WORD_CLASSES = ("VERB", "NOUN")
# Unordered pairs of word classes (verb 0, noun 1, other 2): a one-hot scorer input.
_CLASS_PAIRS = ((0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2))


@dataclass(frozen=True, slots=True)
class MentionContext:
    """What the pair scorer reads about a mention besides its lemma (see `describe`)."""

    doc: Hashable
    sentence: int
    text: str
    pos: str
    names: frozenset[str]
    times: frozenset[str]
    numbers: frozenset[str]
    nouns: frozenset[str]
    dependents: frozenset[str]
    doc_names: frozenset[str]
    trigger_vector: NDArray[np.float32]
    sentence_vector: NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event mention to cluster: where it is and its head lemma."""

    key: Hashable
    """Caller's id for the mention (e.g. (document, start, end))."""
    story: Hashable
    lemma: str
    context: MentionContext | None = None
    """Needed by the pair scorer only."""


@cache
def lemma_pairs() -> frozenset[tuple[str, str]]:
    """Lemma pairs (sorted) that corefer in most of their ECB+ train co-occurrences."""
    data = json.loads(files("newsgraph").joinpath("data", PAIRS_FILE).read_text("utf-8"))
    return frozenset((a, b) for a, b in data["pairs"])


def cluster_mentions(
    mentions: Sequence[EventMention],
    *,
    pairs: frozenset[tuple[str, str]] | None = None,
    scorer: PairScorer | None = None,
) -> dict[Hashable, str]:
    """A cluster id for every mention; ids are unique across stories. With a `scorer`, every
    mention needs its `context`."""
    pairs = lemma_pairs() if pairs is None else pairs
    if scorer is not None:
        return _cluster_scored(mentions, pairs, scorer)
    by_story: dict[Hashable, set[str]] = {}
    for m in mentions:
        by_story.setdefault(m.story, set()).add(m.lemma)
    roots: dict[tuple[Hashable, str], str] = {}
    for story, lemmas in by_story.items():
        parent = {lemma: lemma for lemma in lemmas}
        ordered = sorted(lemmas)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if (a, b) in pairs:
                    parent[_find(parent, a)] = _find(parent, b)
        for lemma in lemmas:
            roots[story, lemma] = f"{story}|{_find(parent, lemma)}"
    return {m.key: roots[m.story, m.lemma] for m in mentions}


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def learn_pairs(
    groups: Mapping[str, Sequence[tuple[str, str]]],
    *,
    min_pairs: int = 2,
    min_rate: float = 0.5,
) -> list[tuple[str, str]]:
    """Lemma pairs from gold data: `groups` maps a story to (lemma, gold chain) mentions.

    A pair of different lemmas is kept when it occurs at least `min_pairs` times within
    stories and corefers in at least `min_rate` of them.
    """
    together: dict[tuple[str, str], int] = {}
    seen: dict[tuple[str, str], int] = {}
    for mentions in groups.values():
        for i, (la, ca) in enumerate(mentions):
            for lb, cb in mentions[i + 1 :]:
                if la == lb:
                    continue
                pair = (la, lb) if la < lb else (lb, la)
                seen[pair] = seen.get(pair, 0) + 1
                together[pair] = together.get(pair, 0) + (ca == cb)
    return sorted(
        p for p, n in seen.items() if n >= min_pairs and together.get(p, 0) / n >= min_rate
    )


def head_token(span: Span) -> Token:
    """The span's syntactic root (its token whose head lies outside it), preferring a verb or
    noun: "took place" → took, "the attack" → attack."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    content = [t for t in roots if t.pos_ in _CONTENT] or [t for t in span if t.pos_ in _CONTENT]
    return (content or roots or list(span))[0]


def describe(span: Span, doc_key: Hashable, vectors: tuple[Any, Any]) -> tuple[str, MentionContext]:
    """Head lemma and context of a mention `span` of a parsed document, with the (trigger,
    sentence) vectors `mention_vectors` gave it."""
    doc, sent = span.doc, span.sent
    head = head_token(span)
    names: set[str] = set()
    times: set[str] = set()
    numbers: set[str] = set()
    for ent in sent.ents:
        (times if ent.label_ in ("DATE", "TIME") else names).add(ent.text.lower())
        if ent.label_ in _NUMERIC:
            numbers.add(ent.text.lower())
    dependents: set[str] = set()
    # The trigger's own participants: its nominal children, objects of its prepositions, and
    # the noun a nominal trigger modifies ("the [bombing] campaign").
    near = [*head.children, *([head.head] if head.dep_ in ("amod", "compound", "nmod") else [])]
    for child in near:
        if child.pos_ in ("NOUN", "PROPN", "NUM"):
            dependents.add(child.lemma_.lower())
        if child.dep_ == "prep":
            dependents.update(
                g.lemma_.lower() for g in child.children if g.pos_ in ("NOUN", "PROPN", "NUM")
            )
    context = MentionContext(
        doc=doc_key,
        sentence=sent.start,
        text=span.text.lower(),
        pos=head.pos_,
        names=frozenset(names),
        times=frozenset(times),
        numbers=frozenset(numbers),
        nouns=frozenset(
            t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN") and not t.is_stop
        ),
        dependents=frozenset(dependents),
        doc_names=frozenset(e.text.lower() for e in doc.ents),
        trigger_vector=vectors[0],
        sentence_vector=vectors[1],
    )
    return head.lemma_.lower(), context


def mention_vectors(
    spans: Sequence[Span], threads: int | None = None
) -> list[tuple[NDArray[np.float32], NDArray[np.float32]]]:
    """For each mention span, in its sentence: MiniLM's last layer averaged over the
    trigger's word pieces, and over the sentence, both unit length. The encoder is the
    package's own, untrained here; raises ConfigError without the `embeddings` extra."""
    import torch

    from newsgraph.extract.embeddings import load_encoder, torch_threads

    items = []
    for span in spans:
        sent = span.sent
        start = max(0, span.start_char - sent.start_char)
        end = min(len(sent.text), span.end_char - sent.start_char)
        items.append((sent.text, start, max(start + 1, end)))
    model = load_encoder()
    # The transformer under the sentence-transformers wrapper: its token vectors, not pooled.
    tokenizer, encoder = model.tokenizer, cast(Any, model[0]).auto_model
    out: list[tuple[NDArray[np.float32], NDArray[np.float32]]] = []
    with torch_threads(threads), torch.inference_mode():
        for b in range(0, len(items), 64):
            batch = items[b : b + 64]
            enc = tokenizer(
                [text for text, _, _ in batch],
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
                return_offsets_mapping=True,
            )
            offsets = enc.pop("offset_mapping").tolist()
            hidden = encoder(**enc).last_hidden_state
            weights = enc["attention_mask"].unsqueeze(-1).float()
            means = ((hidden * weights).sum(1) / weights.sum(1)).numpy()
            for row, (_, start, end) in enumerate(batch):
                pieces = [
                    j for j, (a, z) in enumerate(offsets[row]) if z > a and a < end and z > start
                ]
                trigger = hidden[row, pieces].mean(0).numpy() if pieces else means[row]
                out.append((_unit(trigger), _unit(means[row])))
    return out


def _unit(v: NDArray[Any]) -> NDArray[np.float32]:
    norm = float(np.linalg.norm(v))
    return (v / norm if norm else v).astype(np.float32)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap, -1 when either side has nothing to compare."""
    return len(a & b) / len(a | b) if a and b else -1.0


def _word_class(pos: str) -> int:
    return _WORD_CLASSES.index(pos) if pos in _WORD_CLASSES else 2


def _shared_prefix(a: str, b: str) -> float:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n / max(len(a), len(b), 1)


def pair_features(
    a: EventMention, b: EventMention, pairs: frozenset[tuple[str, str]]
) -> list[float]:
    """The pair scorer's input for two mentions that both have a context."""
    ca, cb = a.context, b.context
    assert ca is not None
    assert cb is not None
    same_doc = ca.doc == cb.doc
    classes = tuple(sorted((_word_class(ca.pos), _word_class(cb.pos))))
    word_classes = [float(classes == combo) for combo in _CLASS_PAIRS]
    return [
        float(a.lemma == b.lemma),
        float(tuple(sorted((a.lemma, b.lemma))) in pairs),
        float(ca.trigger_vector @ cb.trigger_vector),
        float(ca.sentence_vector @ cb.sentence_vector),
        float(same_doc),
        float(same_doc and ca.sentence == cb.sentence),
        _overlap(ca.names, cb.names),
        _overlap(ca.times, cb.times),
        _overlap(ca.numbers, cb.numbers),
        _overlap(ca.nouns, cb.nouns),
        _overlap(ca.dependents, cb.dependents),
        _overlap(ca.doc_names, cb.doc_names),
        _shared_prefix(a.lemma, b.lemma),
        float(ca.text == cb.text),
        *word_classes,
    ]


class PairScorer:
    """Probability that two mentions are one event: a small ReLU network over
    `pair_features`, standardised as in training."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.mean = np.asarray(data["mean"], dtype=np.float64)
        self.scale = np.asarray(data["scale"], dtype=np.float64)
        self.layers = [
            (np.asarray(layer["w"], dtype=np.float64), np.asarray(layer["b"], dtype=np.float64))
            for layer in data["layers"]
        ]
        self.threshold = float(data["threshold"])

    def probs(self, features: NDArray[Any]) -> NDArray[np.float64]:
        x = (np.asarray(features, dtype=np.float64) - self.mean) / self.scale
        for i, (w, b) in enumerate(self.layers):
            x = x @ w + b
            if i < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        out: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-x[:, 0]))
        return out


@cache
def load_pair_scorer() -> PairScorer:
    return PairScorer(
        json.loads(files("newsgraph").joinpath("data", SCORER_FILE).read_text("utf-8"))
    )


def by_story(mentions: Sequence[EventMention]) -> dict[Hashable, list[EventMention]]:
    out: dict[Hashable, list[EventMention]] = {}
    for m in mentions:
        out.setdefault(m.story, []).append(m)
    return out


def story_pairs(
    members: Sequence[EventMention], pairs: frozenset[tuple[str, str]]
) -> tuple[list[tuple[int, int]], NDArray[np.float64]]:
    """Every two mentions of one story, as index pairs, and their `pair_features` rows: what
    the scorer scores at run time and is trained on."""
    n = len(members)
    index = [(i, j) for i in range(n) for j in range(i + 1, n)]
    feats = np.array([pair_features(members[i], members[j], pairs) for i, j in index])
    return index, feats


def _cluster_scored(
    mentions: Sequence[EventMention], pairs: frozenset[tuple[str, str]], scorer: PairScorer
) -> dict[Hashable, str]:
    from newsgraph.analysis.stories import average_link

    missing = [m.key for m in mentions if m.context is None]
    if missing:
        raise ValueError(
            f"the pair scorer needs a context for every mention; none for {missing[:3]}"
        )
    out: dict[Hashable, str] = {}
    for story, members in by_story(mentions).items():
        sim = np.eye(len(members))
        index, feats = story_pairs(members, pairs)
        if index:
            for (i, j), p in zip(index, scorer.probs(feats), strict=True):
                sim[i, j] = sim[j, i] = p
        for m, label in zip(members, average_link(sim, scorer.threshold), strict=True):
            out[m.key] = f"{story}|{label}"
    return out
