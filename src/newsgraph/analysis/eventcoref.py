"""Cross-document event coreference: which event mentions in a story refer to the same event.

Within one story, mentions with the same head lemma are one event ("arrested" … "arrest"),
and lemma pairs that ECB+ train shows corefer more often than not ("kill"/"shoot",
"quake"/"earthquake") join their clusters. The pair table is `data/event_lemma_pairs.json`,
made by scripts/train_event_coref.py (model card docs/models/event_coref.md).

This is the same-lemma heuristic of the literature plus learned synonyms; bench/ecbplus.py
measures it against the plain heuristic with the official scorer.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

PAIRS_FILE = "event_lemma_pairs.json"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event mention to cluster: where it is and its head lemma."""

    key: Hashable
    """Caller's id for the mention (e.g. (document, start, end))."""
    story: Hashable
    lemma: str


@cache
def lemma_pairs() -> frozenset[tuple[str, str]]:
    """Lemma pairs (sorted) that corefer in most of their ECB+ train co-occurrences."""
    data = json.loads(files("newsgraph").joinpath("data", PAIRS_FILE).read_text("utf-8"))
    return frozenset((a, b) for a, b in data["pairs"])


def cluster_mentions(
    mentions: Sequence[EventMention],
    *,
    pairs: frozenset[tuple[str, str]] | None = None,
) -> dict[Hashable, str]:
    """A cluster id for every mention; ids are unique across stories."""
    pairs = lemma_pairs() if pairs is None else pairs
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
