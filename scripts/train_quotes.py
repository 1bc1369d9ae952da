"""Train the quote cue model (src/newsgraph/data/quote_cues.json) on PolNeAR train.

    pip install -e '.[train]'
    python scripts/train_quotes.py [--polnear ../shared/data/polnear] [--out PATH]

Every attribution candidate that newsgraph.extract.attribution generates on a PolNeAR train
article is labelled positive when its cue overlaps a gold cue and its content overlaps that
same attribution's content, and a logistic regression (scikit-learn, L2) is fitted on the
candidates' sparse binary features. Only the weights are shipped: newsgraph scores with a dot
product and needs no scikit-learn at run time. Features seen fewer than --min-count times are
dropped before fitting, which keeps the file small. Reads gold through the PolNeAR scorer's own
loader (../shared/tools/score_attributions.py), so gold files are chosen the way they are
scored. Takes about 4 minutes on 2 cores. Only the train split is read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsgraph.extract.attribution import MODEL_RESOURCE, Candidate, candidates
from newsgraph.nlp.pipeline import load_nlp, model_info

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label(cand: Candidate, gold: list[dict[str, Any]]) -> int:
    """1 when the candidate's cue and content both overlap one gold attribution's."""
    for att in gold:
        if not any(s <= cand.cue[0] < e or cand.cue[0] <= s < cand.cue[1] for s, e in att["cue"]):
            continue
        if any(s < ge and gs < e for s, e in cand.content for gs, ge in att["content"]):
            return 1
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=SHARED / "data" / "polnear")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_attributions.py")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "newsgraph" / "data" / MODEL_RESOURCE
    )
    parser.add_argument("--C", type=float, default=0.15, help="inverse L2 strength")
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--lemma-floor", type=float, default=0.4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise SystemExit("scikit-learn is needed to train: pip install -e '.[train]'") from None

    started = time.perf_counter()
    split = args.polnear / "train"
    gold = _scorer(args.scorer).load_gold(str(split))
    stems = sorted(gold)
    nlp = load_nlp()
    texts = (gold[stem]["text"] for stem in stems)
    rows: list[list[str]] = []
    labels: list[int] = []
    lemmas: list[str] = []
    for stem, doc in zip(
        stems, nlp.pipe(texts, batch_size=16, n_process=args.workers), strict=True
    ):
        # PolNeAR annotates no attribution inside another's content, so a cue there counts as
        # a negative: the model learns top-level attributions. Nested ones are admitted by a
        # separate rule (attribution.select).
        for cand in candidates(doc):
            rows.append(cand.features)
            lemmas.append(cand.lemma)
            labels.append(label(cand, gold[stem]["attributions"]))
    print(
        f"{len(stems)} articles, {len(rows)} candidates, {sum(labels)} positive "
        f"({time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
    )

    counts = Counter(f for feats in rows for f in set(feats))
    keep = {f for f, n in counts.items() if n >= args.min_count}
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats in rows])
    model = LogisticRegression(C=args.C, max_iter=5000).fit(x, labels)
    coef = model.coef_[0]
    weights = {
        f: round(float(coef[i]), 5) for f, i in vec.vocabulary_.items() if abs(coef[i]) >= 1e-4
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 5)
    # Lemmas whose best candidate in training came near the threshold: at run time only
    # these are tried, which skips a third of the candidates at no cost in accuracy (dev).
    scores = model.predict_proba(x)[:, 1]
    best: dict[str, float] = {}
    for lemma, score in zip(lemmas, scores, strict=True):
        best[lemma] = max(best.get(lemma, 0.0), float(score))
    cue_lemmas = sorted(k for k, v in best.items() if v >= args.lemma_floor)
    spacy_version, model_name, model_version = model_info()
    payload = {
        "about": "Quote cue model for newsgraph.extract.attribution; see docs/models/quote_cues.md",
        "trained_on": "PolNeAR v1.0.0 train split (840 articles); no stated licence, see the card",
        "trained": dt.date.today().isoformat(),
        "spacy": f"{spacy_version} {model_name} {model_version}",
        "candidates": len(rows),
        "positives": sum(labels),
        "C": args.C,
        "min_count": args.min_count,
        "threshold": args.threshold,
        "lemma_floor": args.lemma_floor,
        "lemmas": cue_lemmas,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{len(weights)} weights -> {args.out} ({time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
