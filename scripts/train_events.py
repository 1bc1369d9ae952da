"""Train the event type model (src/newsgraph/data/event_types.json) on PLV train.

    pip install -e '.[train]'
    python scripts/train_events.py [--plv ../shared/data/events/zsp-plv] [--out PATH]

Each PLV_train row is a sentence with a marked source and target and a gold PLOVER root (15
classes: CONCEDE and RETREAT are one class, YIELD). newsgraph parses the sentence, finds the
word relating the two (extract/events.py `pair_trigger`) and describes the pair with the same
sparse features the extractor uses; a multinomial logistic regression (scikit-learn, L2) is
fitted on them. C is chosen by 5-fold cross-validation on train; PLV_test is never read. Only
the weights are shipped (newsgraph scores with dot products; no scikit-learn at run time).
Takes about a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import time
from pathlib import Path

from newsgraph.extract.eventtype import MODEL_RESOURCE, pair_features
from newsgraph.nlp.pipeline import load_nlp, model_info

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_MARK = re.compile(r"</?[st]>")


def marked_offsets(marked: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Plain sentence and the character ranges of <s>…</s> and <t>…</t> in it."""
    plain: list[str] = []
    spans: dict[str, list[int]] = {}
    at = 0
    for m in _MARK.finditer(marked):
        plain.append(marked[at : m.start()])
        length = sum(len(p) for p in plain)
        tag = m.group()
        spans.setdefault(tag.strip("</>"), []).append(length)
        at = m.end()
    plain.append(marked[at:])
    s, t = spans.get("s", [0, 0]), spans.get("t", [0, 0])
    return "".join(plain), (s[0], s[-1]), (t[0], t[-1])


def load_rows(path: Path) -> list[tuple[str, tuple[int, int], tuple[int, int], str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out = []
    for row in rows:
        sentence, source, target = marked_offsets(row["marked_sentence"])
        out.append((sentence, source, target, row["gold_root"]))
    return out


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plv", type=Path, default=SHARED / "data" / "events" / "zsp-plv")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "newsgraph" / "data" / MODEL_RESOURCE
    )
    parser.add_argument("--c", type=float, nargs="*", default=[0.1, 0.3, 1.0, 3.0])
    args = parser.parse_args()
    started = time.perf_counter()
    rows = load_rows(args.plv / "PLV_train.tsv")
    nlp = load_nlp()
    docs = nlp.pipe([r[0] for r in rows], batch_size=64)
    feats = [
        dict.fromkeys(pair_features(doc, s, t), 1)
        for doc, (_, s, t, _) in zip(docs, rows, strict=True)
    ]
    labels = [r[3] for r in rows]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    scores = {}
    for c in args.c:
        model = LogisticRegression(C=c, max_iter=2000)
        scores[c] = float(cross_val_score(model, x, labels, cv=5).mean())
        print(f"C={c}: 5-fold accuracy {scores[c]:.3f}")
    best = max(scores, key=lambda c: scores[c])
    model = LogisticRegression(C=best, max_iter=2000).fit(x, labels)
    names = vec.get_feature_names_out()
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(names):
        column = [float(model.coef_[i, j]) for i in range(len(model.classes_))]
        if max(abs(w) for w in column) >= 0.005:
            weights[str(name)] = [round(w, 4) for w in column]
    spacy_version, model_name, model_version = model_info()
    payload = {
        "trained_on": "PLV_train (Hu et al. 2024), 1,049 marked source/target pairs",
        "trained": dt.date.today().isoformat(),
        "spacy": f"{spacy_version} {model_name} {model_version}",
        "C": best,
        "cv_accuracy": round(scores[best], 4),
        "classes": [str(c) for c in model.classes_],
        "bias": [round(float(b), 4) for b in model.intercept_],
        "weights": weights,
    }
    args.out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"C={best} cv accuracy {scores[best]:.3f}; {len(weights)} features; wrote {args.out} "
        f"in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
