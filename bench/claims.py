"""Numeric claims benchmark (issue 7): newsgraph's claims against MEANTIME's VALUE markables.

    python bench/claims.py [--split all|airbus|apple|gm|stock] [--errors FILE]

MEANTIME English (120 Wikinews articles, ../shared/data/timex/meantime-en/cat-xml; read at run
time, nothing copied) marks QUANTITY, MONEY and PERCENT values (418). Each document is rebuilt
from its tokens exactly as bench/entities.py does it (headline, then one paragraph per sentence
without the dateline, dated by its CREATION_TIME), run through the whole pipeline, and every
claim is mapped to the tokens it overlaps. Only the annotated sentences are scored (headline and
body sentences 2-5, or to the last sentence with a markable); claims elsewhere are ignored.
Word-ordinal rank claims ("second-largest") have no counterpart among MEANTIME's values and are
not scored; digit ordinals ("the 15,599th plane") are.

Detection: a claim and a gold value match when they share a token, one to one (each gold value
is paired with at most one claim, the one sharing most tokens); precision = matched claims /
claims, recall = matched values / values. `meantime_strict_*` asks for the same token set.
Value accuracy: over matched pairs, the claim's value against the number written in the gold
extent, read by this file's own small reader (digits with separators, number words,
million/billion/bn); extents with no number ("thousands of", "many") count as right when the
claim has no value either; for a range the lower end is compared. The last stdout line is one
JSON object (meantime_precision, meantime_recall, meantime_f1, meantime_value_accuracy, strict
figures, counts); per-type recall goes to stderr. Prints {"skipped": ...} without the data.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import IO

from newsgraph.extract.numbers import WORD_VALUES

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.entities import (
    MEANTIME_DIR,
    TOOLS,
    TOPICS,
    MeantimeDoc,
    _tool,
    f1,
    ratio,
    read_meantime,
    token_offsets,
)

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
          "mn": 1e6, "m": 1e6, "k": 1e3}  # fmt: skip


def gold_value(surface: str) -> float | None:
    """The first number written in a gold extent, magnitude applied; None if there is none.

    newsgraph's vocabulary of number words, but this reader, not newsgraph's figure grammar.
    """
    low = surface.lower().replace(" ,", ",")
    m = re.search(r"\d[\d,]*(?:\.\d+)?", low)
    if m:
        value = float(m.group().replace(",", ""))
        rest = low[m.end() :]
    else:
        word = next((w for w in re.findall(r"[a-z]+", low) if w in WORD_VALUES), None)
        if word is None:
            return None
        value = float(WORD_VALUES[word])
        rest = low[low.index(word) + len(word) :]
    scale = re.match(r"\s*(thousand|million|billion|trillion|bn|mn|m|k)\b", rest)
    return value * _SCALE[scale.group(1)] if scale else value


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score(docs: list[MeantimeDoc], errors: IO[str] | None) -> tuple[dict[str, float], Counter[str]]:
    from newsgraph import NewsgraphError, article_from_text, build_processor

    processor = build_processor()
    n: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    built = []
    for doc in docs:
        text = "\n\n".join(p for p, _ in doc.paragraphs)
        try:
            built.append((doc, article_from_text(text, uri=doc.name, published=doc.published)))
        except NewsgraphError as exc:
            n["docs_rejected"] += 1
            print(f"claims: {doc.name}: {exc}", file=sys.stderr)
    results = processor.process(article for _, article in built)
    for (doc, _), result in zip(built, results, strict=True):
        n["claims_run_not_ok"] += any(r.name == "claims" and r.status != "ok" for r in result.runs)
        offsets, missing = token_offsets(doc, result.article.text)
        n["paragraphs_not_found"] += missing
        gold = {ids: kind for ids, kind in doc.values.items() if ids[0] in doc.scope}
        preds = []
        for claim in result.claims:
            if claim.kind == "rank" and not claim.span.text[:1].isdigit():
                continue
            ids = tuple(
                sorted(t for a, b, t in offsets if a < claim.span.end and b > claim.span.start)
            )
            if ids and ids[0] in doc.scope:
                preds.append((ids, claim))
        n["gold"] += len(gold)
        n["pred"] += len(preds)
        for kind in gold.values():
            per_type[f"{kind}_gold"] += 1
        # One to one, most shared tokens first.
        pairs = sorted(
            ((len(set(g) & set(p)), g, k) for g in gold for k, (p, _) in enumerate(preds)),
            key=lambda x: -x[0],
        )
        used_g: set[tuple[int, ...]] = set()
        used_p: set[int] = set()
        for shared, g, k in pairs:
            if shared == 0 or g in used_g or k in used_p:
                continue
            used_g.add(g)
            used_p.add(k)
            ids, claim = preds[k]
            n["matched"] += 1
            n["strict"] += ids == g
            per_type[f"{gold[g]}_found"] += 1
            expected = gold_value(doc.surface(g))
            right = _close(claim.value, expected)
            n["value_right"] += right
            if errors and not right:
                errors.write(json.dumps({"doc": doc.name, "kind": "value", "gold": doc.surface(g),
                                         "expected": expected, "claim": claim.span.text,
                                         "value": claim.value}) + "\n")  # fmt: skip
        if errors:
            for g in gold:
                if g not in used_g:
                    errors.write(json.dumps({"doc": doc.name, "kind": "missed", "gold": doc.surface(g), "type": gold[g]}) + "\n")  # fmt: skip
            for k, (_, claim) in enumerate(preds):
                if k not in used_p:
                    errors.write(json.dumps({"doc": doc.name, "kind": "spurious", "claim": claim.span.text, "claim_kind": claim.kind}) + "\n")  # fmt: skip
    p, r = ratio(n["matched"], n["pred"]), ratio(n["matched"], n["gold"])
    sp, sr = ratio(n["strict"], n["pred"]), ratio(n["strict"], n["gold"])
    return {
        "meantime_precision": p,
        "meantime_recall": r,
        "meantime_f1": f1(p, r),
        "meantime_value_accuracy": ratio(n["value_right"], n["matched"]),
        "meantime_strict_precision": sp,
        "meantime_strict_recall": sr,
        "meantime_strict_f1": f1(sp, sr),
        "n_gold": n["gold"],
        "n_claims": n["pred"],
        "n_docs_rejected": n["docs_rejected"],
        "n_paragraphs_not_found": n["paragraphs_not_found"],
        "n_claims_run_not_ok": n["claims_run_not_ok"],
    }, per_type


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=("all", *TOPICS), default="all")
    parser.add_argument("--errors", type=Path, help="write per-item mistakes here (JSONL)")
    args = parser.parse_args()
    if not MEANTIME_DIR.is_dir() or not (TOOLS / "meantime_to_timeml.py").is_file():
        print(json.dumps({"skipped": f"no MEANTIME data at {MEANTIME_DIR}"}))
        return
    detok = _tool("meantime_to_timeml").detok
    topics = TOPICS if args.split == "all" else (args.split,)
    paths = sorted(p for t in topics for p in (MEANTIME_DIR / f"corpus_{t}").glob("*.xml"))
    docs = [read_meantime(p, detok) for p in paths]
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    try:
        out, per_type = score(docs, errors)
    finally:
        if errors:
            errors.close()
    for kind in ("QUANTITY", "MONEY", "PERCENT"):
        gold = per_type[f"{kind}_gold"]
        print(f"{kind}: recall {ratio(per_type[f'{kind}_found'], gold)} of {gold}", file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
