"""Stories and cross-document event coreference on ECB+ (standard split, official scorer).

    python bench/ecbplus.py [--split test|dev] [--skip-own]

(1) Story clustering of the split's documents without being told how many stories there
    are (`analysis.stories.cluster_texts`), against gold sub-topics; the baseline is TF-IDF
    average-link with its threshold tuned on the dev topics.
(2) Event coreference with the gold event mentions, clustered within the predicted stories
    (`analysis.eventcoref`, lemma pairs learned on train topics); the baseline is "same head
    lemma within a story". With the `embeddings` extra also with the pair scorer
    (`event_conll_f1_scorer`).
(3) The same with newsgraph's own event mentions (its events extractor run on each text):
    scored in the predicted-mention setting.
Scores come from ../shared/tools/score_clusters.py. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ecbplus_data import TOOLS, available, event_mentions, export, gold_spans, scratch  # noqa: E402
from newsgraph.analysis.eventcoref import cluster_mentions, load_pair_scorer  # noqa: E402
from newsgraph.analysis.stories import cluster_texts  # noqa: E402

BASELINE_THRESHOLDS = [round(0.05 + 0.025 * i, 3) for i in range(17)]


def score(kind: str, gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "score_clusters.py"),
            kind,
            str(gold),
            str(pred),
            "--json",
            *extra,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def write_docs(path: Path, docs: list[dict[str, Any]], labels: list[int]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"doc": d["doc"], "cluster": f"s{c}"}) + "\n"
            for d, c in zip(docs, labels, strict=True)
        )
    )
    return path


def write_mentions(path: Path, clusters: dict[Hashable, str]) -> Path:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for key, cluster in clusters.items():
        assert isinstance(key, tuple)
        doc, start, end = key
        by_doc.setdefault(str(doc), []).append({"start": start, "end": end, "cluster": cluster})
    path.write_text(
        "".join(json.dumps({"doc": d, "mentions": m}) + "\n" for d, m in by_doc.items())
    )
    return path


def tune_baseline(tmp: Path) -> float:
    """The TF-IDF average-link threshold with the best B³ on the dev topics."""
    dev_gold = tmp / "dev.jsonl"
    dev = export("dev", dev_gold)
    best = (-1.0, BASELINE_THRESHOLDS[0])
    for threshold in BASELINE_THRESHOLDS:
        labels = cluster_texts(
            [d["text"] for d in dev], threshold=threshold, names_weight=0.0, prior=0
        )
        f1 = score("docs", dev_gold, write_docs(tmp / "dev_pred.jsonl", dev, labels))["bcub"]["f1"]
        best = max(best, (f1, threshold))
    return best[1]


def own_mentions(docs: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    """Event trigger spans newsgraph finds in each document's text (offsets into that text)."""
    from newsgraph import build_processor
    from newsgraph.schema import Article, Paragraph

    processor = build_processor()
    articles = []
    for d in docs:
        text = d["text"]
        paragraphs = []
        start = 0
        for line in text.split("\n"):
            if line.strip():
                paragraphs.append(
                    Paragraph(start=start, end=start + len(line), text=line, kind="body")
                )
            start += len(line) + 1
        articles.append(Article(id=d["doc"], text=text, paragraphs=tuple(paragraphs)))
    out: dict[str, list[tuple[int, int]]] = {}
    for result in processor.process(articles):
        out[result.article.id] = sorted({(e.trigger.start, e.trigger.end) for e in result.events})
    return out


def scored_coreference(
    docs: list[dict[str, Any]], story_of: Mapping[str, Hashable], gold: Path, tmp: Path
) -> dict[str, Any] | None:
    """Part (2) with the pair scorer instead of lemmas; None without the `embeddings` extra."""
    if not all(importlib.util.find_spec(m) for m in ("torch", "sentence_transformers")):
        print("event coreference, pair scorer: skipped (no `embeddings` extra)", file=sys.stderr)
        return None
    mentions = event_mentions(docs, gold_spans(docs), story_of, contexts=True)
    clusters = cluster_mentions(mentions, scorer=load_pair_scorer())
    scores = score(
        "mentions", gold, write_mentions(tmp / "ev_scored.jsonl", clusters), "--type", "events"
    )
    print(
        f"event coreference, gold mentions, pair scorer: CoNLL F1 {scores['conll_f1']:.3f} "
        f"(MUC {scores['muc']['f1']:.3f}, B3 {scores['bcub']['f1']:.3f}, "
        f"CEAF-e {scores['ceafe']['f1']:.3f})",
        file=sys.stderr,
    )
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["test", "dev"])
    parser.add_argument(
        "--skip-own", action="store_true", help="skip part (3), which runs the full pipeline"
    )
    args = parser.parse_args()
    if not available():
        print(json.dumps({"skipped": "../shared/data/ecbplus is not present"}))
        return
    with scratch() as name:
        tmp = Path(name)
        gold = tmp / f"{args.split}.jsonl"
        docs = export(args.split, gold)
        texts = [d["text"] for d in docs]

        labels = cluster_texts(texts)
        doc_scores = score("docs", gold, write_docs(tmp / "docs.jsonl", docs, labels))
        threshold = tune_baseline(tmp)
        base_labels = cluster_texts(texts, threshold=threshold, names_weight=0.0, prior=0)
        base_scores = score("docs", gold, write_docs(tmp / "docs_base.jsonl", docs, base_labels))
        print(
            f"stories: B3 F1 {doc_scores['bcub']['f1']:.3f}, ARI {doc_scores['ari']:.3f}, "
            f"{doc_scores['pred_clusters']} predicted / {doc_scores['gold_clusters']} gold; "
            f"TF-IDF average-link (dev threshold {threshold}) B3 F1 {base_scores['bcub']['f1']:.3f}",
            file=sys.stderr,
        )

        story_of = {d["doc"]: label for d, label in zip(docs, labels, strict=True)}
        mentions = event_mentions(docs, gold_spans(docs), story_of)
        ours = score(
            "mentions",
            gold,
            write_mentions(tmp / "ev.jsonl", cluster_mentions(mentions)),
            "--type",
            "events",
        )
        same = score(
            "mentions",
            gold,
            write_mentions(tmp / "ev_base.jsonl", cluster_mentions(mentions, pairs=frozenset())),
            "--type",
            "events",
        )
        print(
            f"event coreference, gold mentions: CoNLL F1 {ours['conll_f1']:.3f} "
            f"(MUC {ours['muc']['f1']:.3f}, B3 {ours['bcub']['f1']:.3f}, CEAF-e {ours['ceafe']['f1']:.3f}); "
            f"same lemma in a story {same['conll_f1']:.3f}",
            file=sys.stderr,
        )
        scored = scored_coreference(docs, story_of, gold, tmp)
        summary: dict[str, float] = {
            "doc_b3_f1": round(doc_scores["bcub"]["f1"], 4),
            "doc_ari": round(doc_scores["ari"], 4),
            "event_conll_f1": round(ours["conll_f1"], 4),
            "baseline_doc_b3_f1": round(base_scores["bcub"]["f1"], 4),
            "baseline_event_conll_f1": round(same["conll_f1"], 4),
        }
        if scored is not None:
            summary["event_conll_f1_scorer"] = round(scored["conll_f1"], 4)
        if not args.skip_own:
            own = event_mentions(docs, own_mentions(docs), story_of)
            own_scores = score(
                "mentions",
                gold,
                write_mentions(tmp / "own.jsonl", cluster_mentions(own)),
                "--type",
                "events",
            )
            print(
                f"event coreference, newsgraph's own mentions: CoNLL F1 {own_scores['conll_f1']:.3f}, "
                f"mention detection P {own_scores['mentions']['precision']:.3f} "
                f"R {own_scores['mentions']['recall']:.3f} F1 {own_scores['mentions']['f1']:.3f}",
                file=sys.stderr,
            )
            summary["own_event_conll_f1"] = round(own_scores["conll_f1"], 4)
            summary["own_mention_f1"] = round(own_scores["mentions"]["f1"], 4)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
