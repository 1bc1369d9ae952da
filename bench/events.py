"""Event benchmark: PLOVER event typing, end-to-end event tuples, PETR-2 agreement.

    python bench/events.py [--only plv|gsr|plv_e2e|petr2] [--limit N] [--errors FILE]
                           [--gsr-half all|dev|test] [--plv-split train|test]

Implements ../shared/data/events/EVALUATION.md (5.1, 5.2, 5.3 headline metrics A-C). Reads
../shared at run time (nothing is copied) and prints {"skipped": ...} when the data is absent;
it exits with an error when `newsgraph.extract.events` or `.plover` cannot be imported, or
when the pipeline has no "events" extractor, since zeros would look like scores. The last
stdout line is one JSON object (fractions in [0, 1] and counts); breakdowns go to stderr;
`--errors` writes one JSON line per mistake. `--limit` takes the first N rows of each part.
This module runs the system under test; what is scored and how is bench/event_scoring.py
(its docstring follows in --help).

(A) Typing given the actor pair: PLV_test (Hu et al. 2024, 1,033 rows). Each sentence is
parsed alone and `classify_pair(doc, source, target)` gets the character offsets of the
marked source and target. When the `embeddings` extra is installed, the embedding-assisted
model (extract.event_embeddings) types the same pairs too (plv_emb_* keys; each sentence
encoded once, in batches), and so does the pair encoder (extract.event_pair_encoder; plv_pair_*
keys, each marked pair encoded once); without the extra those keys are left out, with a note
on stderr.

(B) End to end: PLOVER GSR (322 CAMEO-manual sentences, one gold event each). Each sentence
goes through ingest and the whole pipeline. Ingest runs with no minimum length and no language
check; two sentences wrapped in "{…}" lose the braces, and a sentence without a final full
stop gets one, as ingest reads such a short line as a headline. A text that ingest rejects
predicts nothing.

(B') End to end on PLV's sentences (bench/event_e2e.py): the 1,033 PLV_test sentences (or
PLV_train with --plv-split train, for development) through ingest and the pipeline as in (B),
the marked source and target as the gold actor and recipient, matched by span (PLV has no
codes; its placeholders "an actor" / "a recipient" stand for none), our CONCEDE and RETREAT
counted as PLV's YIELD, and CONSULT and COOPERATE compared as participant sets since PLV
marks one side of a meeting as the source. Keys plv_e2e_*.

(C) Regression: PETR-2 validation (78 real and constructed sentences), through ingest and the
pipeline as in (B). noevents="True" records are only counted (how many got an event anyway).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

# As a script only bench/ is on the path; the shared CAMEO helpers and the scoring live in the
# bench package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import event_scoring
from bench.entities import ratio
from bench.event_e2e import (
    GSR_FILE,
    PLV_DIR,
    describe,
    predicted_events,
    run_gsr,
    run_pipeline,
    run_plv_e2e,
)
from bench.event_scoring import (
    PLV_CLASSES,
    Span,
    classification_scores,
    collapse_dyadic,
    pair_offsets,
    petr_agreement,
    plv_quad,
    print_confusion,
    to_plv,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph import Processor
    from newsgraph.extract.eventtype import PairLabel

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT.parent / "shared" / "data" / "events"
PLV_FILE = EVENTS / "zsp-plv" / "PLV_test.tsv"
PETR2_FILE = EVENTS / "petr2-gsr-validation" / "petr2_gsr_validation.jsonl"


# ------------------------------------------------------------------ (A) PLV typing


def _timed(prefix: str, what: str, items: Sequence[Any], encode: Callable[[Any], Any]) -> Any:
    """encode(items), with how long it took per item on stderr."""
    started = time.perf_counter()
    out = encode(items)
    spent = time.perf_counter() - started
    each = 1000 * spent / max(1, len(items))
    print(
        f"{prefix}: encoded {len(items)} {what} in {spent:.1f}s ({each:.1f} ms each)",
        file=sys.stderr,
    )
    return out


def embedding_classifier(
    texts: Sequence[str], classify_pair: Callable[..., PairLabel]
) -> Callable[[Doc, Span, Span], PairLabel] | None:
    """classify_pair with the embedding model and `texts` encoded up front, or None (with a
    note on stderr) when the `embeddings` extra is not installed."""
    from newsgraph.errors import ConfigError
    from newsgraph.extract.embeddings import encode, load_encoder
    from newsgraph.extract.eventtype import load_embedding_type_model

    try:
        load_encoder()
    except ConfigError as exc:
        print(f"plv note: embedding model skipped: {exc}", file=sys.stderr)
        return None
    model = load_embedding_type_model()
    vectors = dict(zip(texts, _timed("plv_emb", "sentences", texts, encode), strict=True))

    def classify(doc: Doc, source: Span, target: Span) -> PairLabel:
        return classify_pair(doc, source, target, model=model, vector=vectors[doc.text])

    return classify


def pair_classifier(
    rows: Sequence[Mapping[str, str]], classify_pair: Callable[..., PairLabel]
) -> Callable[[Doc, Span, Span], PairLabel] | None:
    """classify_pair with the pair encoder's probabilities for every row computed up front (one
    batched pass), or None (with a note on stderr) when the `embeddings` extra is missing."""
    from newsgraph.errors import ConfigError
    from newsgraph.extract.pairencoder import load_pair_encoder

    try:
        encoder = load_pair_encoder()
    except ConfigError as exc:
        print(f"plv note: pair encoder skipped: {exc}", file=sys.stderr)
        return None
    items = list(
        dict.fromkeys(pair_offsets(r["marked_sentence"], r["source"], r["target"]) for r in rows)
    )
    probs = dict(zip(items, _timed("plv_pair", "pairs", items, encoder.probs), strict=True))

    def classify(doc: Doc, source: Span, target: Span) -> PairLabel:
        return classify_pair(doc, source, target, pair_row=probs[(doc.text, source, target)])

    return classify


def run_plv(
    classify_pair: Callable[..., PairLabel],
    quad: Mapping[str, int],
    limit: int | None,
    errors: IO[str] | None,
) -> dict[str, float]:
    from newsgraph.nlp import load_nlp

    with PLV_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))[:limit]
    nlp = load_nlp()
    texts: dict[str, None] = {}
    n: Counter[str] = Counter()
    for row in rows:
        text, _, _ = pair_offsets(row["marked_sentence"], row["source"], row["target"])
        # The markers were inserted into `sentence`, so removing them must give it back.
        n["marked_differs_from_sentence"] += text != row["sentence"]
        texts[text] = None
    docs = dict(zip(texts, nlp.pipe(texts), strict=True))
    out = plv_scores(rows, docs, classify_pair, quad, errors, n, "plv")
    for note, count in sorted(n.items()):
        print(f"plv note: {note} = {count}", file=sys.stderr)
    emb = embedding_classifier(list(texts), classify_pair)
    if emb is not None:
        out |= plv_scores(rows, docs, emb, quad, errors, Counter(), "plv_emb")
    pair = pair_classifier(rows, classify_pair)
    if pair is not None:
        out |= plv_scores(rows, docs, pair, quad, errors, Counter(), "plv_pair")
    return out


def plv_scores(
    rows: Sequence[Mapping[str, str]],
    docs: Mapping[str, Doc],
    classify: Callable[[Doc, Span, Span], PairLabel],
    quad: Mapping[str, int],
    errors: IO[str] | None,
    n: Counter[str],
    prefix: str,
) -> dict[str, float]:
    """Part A's scores of one classifier, keys starting with `prefix`."""
    gold, pred, gold_quad, pred_quad = [], [], [], []
    for row in rows:
        text, source, target = pair_offsets(row["marked_sentence"], row["source"], row["target"])
        n["missing_participant"] += source == (0, 0) or target == (0, 0)
        label = classify(docs[text], source, target)
        gold.append(to_plv(row["gold_root"]))
        pred.append(to_plv(label.type))
        gold_quad.append(int(row["gold_penta"]))
        pred_quad.append(plv_quad(label.type, quad))
        if errors and gold[-1] != pred[-1]:
            mistake = {
                "part": prefix,
                "uid": row["uid"],
                "sentence": text,
                "source": text[slice(*source)],
                "target": text[slice(*target)],
                "gold": gold[-1],
                "pred": label.type,
                "mode": label.mode,
                "confidence": round(label.confidence, 4),
            }
            errors.write(json.dumps(mistake, ensure_ascii=False) + "\n")
    scores = classification_scores(gold, pred, PLV_CLASSES)
    print(f"{prefix} per class: precision recall f1 support", file=sys.stderr)
    for c, (p, r, f, support) in scores.per_class.items():
        print(f"  {c:10} {p:.3f} {r:.3f} {f:.3f} {support:4}", file=sys.stderr)
    print_confusion(scores, PLV_CLASSES, sys.stderr)
    quads = list(zip(gold_quad, pred_quad, strict=True))
    side = sum(p is not None and (g <= 2) == (p <= 2) for g, p in quads)
    out: dict[str, float] = {
        f"{prefix}_accuracy": scores.accuracy,
        f"{prefix}_macro_f1": scores.macro_f1,
        f"{prefix}_quad_accuracy": ratio(sum(g == p for g, p in quads), len(quads)),
        f"{prefix}_coop_conflict_accuracy": ratio(side, len(quads)),
    }
    if prefix == "plv":
        out["n_plv"] = len(rows)
    return out


def _date(raw: object) -> dt.date | None:
    try:
        return dt.datetime.strptime(str(raw), "%Y%m%d").date()
    except ValueError:
        return None


def run_petr2(processor: Processor, limit: int | None, errors: IO[str] | None) -> dict[str, float]:
    with PETR2_FILE.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()][:limit]
    n: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    items = [(r["id"], r["text"], _date(r.get("date"))) for r in records]
    for rec, result in zip(records, run_pipeline(processor, items, n), strict=True):
        preds = predicted_events(result) if result else []
        if rec.get("noevents"):
            n["noevents"] += 1
            n["noevents_predicted"] += any(not e.negated for e in preds)
        for gold in collapse_dyadic(rec["events"]):
            if gold.type == "DROPPED":
                n["dropped"] += 1
                continue
            type_ok, country_ok = petr_agreement(gold, preds)
            n["events"] += 1
            n["type_ok"] += type_ok
            by_type[gold.type]["n"] += 1
            by_type[gold.type]["ok"] += type_ok
            if country_ok is not None:
                n["country"] += 1
                n["country_ok"] += country_ok
            if errors and not (type_ok and country_ok is not False):
                row = {
                    "part": "petr2",
                    "id": rec["id"],
                    "sentence": rec["text"],
                    "gold": {
                        "type": gold.type,
                        "source": gold.source,
                        "target": gold.target,
                        "reciprocal": gold.reciprocal,
                    },
                    "wrong": [
                        w for w, ok in (("type", type_ok), ("country", country_ok)) if ok is False
                    ],
                    "pred": describe(preds),
                }
                errors.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("petr2 event agreement by gold type: n agreement", file=sys.stderr)
    for t, c in sorted(by_type.items()):
        print(f"  {t:10} {c['n']:4} {ratio(c['ok'], c['n']):.3f}", file=sys.stderr)
    notes = ("rejected", "events_failed", "period_added", "dropped", "noevents")
    for note in (*notes, "noevents_predicted"):
        print(f"petr2 note: {note} = {n[note]}", file=sys.stderr)
    return {
        "petr2_event_agreement": ratio(n["type_ok"], n["events"]),
        "petr2_actor_country_agreement": ratio(n["country_ok"], n["country"]),
        "petr2_noevents_predicted": ratio(n["noevents_predicted"], n["noevents"]),
        "n_petr2": n["events"],
        "n_petr2_country": n["country"],
        "n_petr2_events_failed": n["events_failed"],
    }


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(
        description=f"{__doc__}\n{event_scoring.__doc__}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--only", choices=("plv", "gsr", "plv_e2e", "petr2"), help="run one part")
    parser.add_argument("--limit", type=int, help="first N rows of each part")
    parser.add_argument(
        "--gsr-half",
        choices=("all", "dev", "test"),
        default="all",
        help="GSR records by the fixed id hash of bench/entities.py: develop on dev, report test",
    )
    parser.add_argument(
        "--plv-split",
        choices=("train", "test"),
        default="test",
        help="PLV sentences for the end-to-end part: develop on train, report test",
    )
    parser.add_argument("--errors", type=Path, help="write per-item mistakes here (JSONL)")
    args = parser.parse_args()

    parts = {
        "plv": PLV_FILE,
        "gsr": GSR_FILE,
        "plv_e2e": PLV_DIR / f"PLV_{args.plv_split}.tsv",
        "petr2": PETR2_FILE,
    }
    wanted = {k: v for k, v in parts.items() if args.only in (None, k)}
    missing = [str(p) for p in wanted.values() if not p.exists()]
    if missing:
        print(json.dumps({"skipped": f"not found: {', '.join(missing)}"}))
        return
    try:
        from newsgraph.extract.events import classify_pair
        from newsgraph.extract.plover import QUAD
    except ImportError as exc:
        sys.exit(f"bench/events.py: the system under test cannot be imported: {exc}")

    processor = None
    if wanted.keys() & {"gsr", "plv_e2e", "petr2"}:
        import newsgraph
        from newsgraph.settings import IngestSettings, Settings

        # The gold items are single English sentences: far below an article's minimum length,
        # and too short for language detection to be reliable.
        ingest = IngestSettings(min_chars=1, require_english=False)
        processor = newsgraph.build_processor(Settings(ingest=ingest))
        names = [e.name for e in processor.extractors]
        if "events" not in names:
            sys.exit(f"bench/events.py: no 'events' extractor in the pipeline; it runs {names}")

    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    out: dict[str, float] = {}
    try:
        for part in wanted:
            started = time.perf_counter()
            if part == "plv":
                out |= run_plv(classify_pair, QUAD, args.limit, errors)
            elif processor is not None and part == "gsr":
                out |= run_gsr(processor, QUAD, args.limit, errors, args.gsr_half)
            elif processor is not None and part == "plv_e2e":
                out |= run_plv_e2e(processor, QUAD, args.limit, errors, args.plv_split)
            elif processor is not None:
                out |= run_petr2(processor, args.limit, errors)
            print(f"{part}: {time.perf_counter() - started:.1f}s", file=sys.stderr)
    finally:
        if errors:
            errors.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
