"""Quote attribution benchmark (issue 4): newsgraph's quotes against PolNeAR.

    python bench/polnear.py [SPLIT_DIR] [--out preds.jsonl] [--limit N]

SPLIT_DIR defaults to ../shared/data/polnear/dev (read at run time, nothing is copied; prints
{"skipped": ...} when it is absent). Every text/<doc>.txt becomes an Article; each Quote of
its result that is not nested in another (PolNeAR's annotation is univocal: reported speech
inside a content stays part of it) becomes one attribution (speaker -> source, cue, content)
in the prediction format
of ../shared/tools/score_attributions.py, which then scores the file. The scorer's summary goes
to stdout; the last stdout line is one JSON object: `<metric>_precision|recall|f1` for every
P/R/F1 metric of the scorer, the source/cue accuracies given a content match (left out while
no content matches), and counts. Timing and alignment notes go to stderr.

Predicted spans index `result.article.text`, which ingest rebuilt from the raw file (NFC,
invisible characters dropped, spacing collapsed, lines stripped, junk and repeated lines
dropped, paragraphs joined with blank lines). `RawAligner` finds each paragraph in the raw
file again and maps offsets back; spans in a paragraph that cannot be found are dropped and
counted as `unaligned_spans`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph.ingest.align import RawAligner
from newsgraph.schema import Article, CharSpan

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_SPLIT = SHARED / "data" / "polnear" / "dev"
SCORER = SHARED / "tools" / "score_attributions.py"
# Scorer metrics reported as P/R/F1, flattened as <name>_precision etc.
PRF_METRICS = (
    "end_to_end",
    "content_overlap",
    "content_exact",
    "content_exact_alnum",
    "content_token_level",
)


def _attributions(
    result: newsgraph.ResultDocument, aligner: RawAligner
) -> tuple[list[dict[str, list[list[int]]]], int]:
    out: list[dict[str, list[list[int]]]] = []
    lost = 0
    for quote in result.quotes:
        if quote.parent is not None:
            continue  # PolNeAR annotates no attribution inside another's content
        att: dict[str, list[list[int]]] = {"source": [], "cue": [], "content": []}
        roles: Sequence[tuple[str, Sequence[CharSpan]]] = (
            ("source", [quote.speaker] if quote.speaker else []),
            ("cue", [quote.cue] if quote.cue else []),
            ("content", quote.content),
        )
        for role, spans in roles:
            for span in spans:
                frags = aligner.map_span(span)
                if frags is None:
                    lost += 1
                else:
                    att[role].extend(frags)
        out.append(att)
    return out, lost


def _gold_subset(split: Path, stems: Sequence[str], tmp: Path) -> Path:
    """A split folder of symlinks holding only `stems`, so --limit scores what it ran."""
    for sub in ("text", "attributions"):
        (tmp / "split" / sub).mkdir(parents=True)
    for stem in stems:
        (tmp / "split" / "text" / f"{stem}.txt").symlink_to(split / "text" / f"{stem}.txt")
        for ann in (split / "attributions").glob(f"{stem}_*.ann"):
            (tmp / "split" / "attributions" / ann.name).symlink_to(ann)
    if (split.parent / "metadata.tsv").is_file():  # picks the gold file of agreement articles
        (tmp / "metadata.tsv").symlink_to(split.parent / "metadata.tsv")
    return tmp / "split"


def _flatten(summary: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for metric in PRF_METRICS:
        for key in ("precision", "recall", "f1"):
            flat[f"{metric}_{key}"] = summary[metric][key]
    overlap = summary["content_overlap"]
    for key in ("soft_precision", "soft_recall", "soft_f1", "mean_jaccard"):
        if overlap.get(key) is not None:
            flat[f"content_overlap_{key}"] = overlap[key]
    for role in ("source", "cue"):
        for key in ("accuracy_overlap", "accuracy_exact"):
            if summary[f"{role}_given_content"][key] is not None:
                flat[f"{role}_given_content_{key}"] = summary[f"{role}_given_content"][key]
    flat["gold_attributions"] = summary["gold_attributions"]
    flat["predicted_attributions"] = summary["predicted_attributions"]
    return flat | counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "polnear-preds.jsonl")
    parser.add_argument("--limit", type=int, help="only the first N documents (sorted by name)")
    args = parser.parse_args()
    split: Path = args.split.resolve()
    if not (split / "text").is_dir() or not (split / "attributions").is_dir():
        print(json.dumps({"skipped": f"no PolNeAR split at {split}"}))
        return
    if not SCORER.is_file():
        print(json.dumps({"skipped": f"no scorer at {SCORER}"}))
        return

    started = time.perf_counter()
    paths = sorted((split / "text").glob("*.txt"))[: args.limit]
    rows: dict[str, list[dict[str, list[list[int]]]]] = {p.stem: [] for p in paths}
    accepted: list[tuple[str, str, Article]] = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        try:
            accepted.append((path.stem, raw, newsgraph.article_from_text(raw, uri=path.stem)))
        except newsgraph.SourceError as err:  # scored as "predicted nothing"
            print(f"rejected: {err}", file=sys.stderr)
    processor = newsgraph.build_processor()
    parse_started = time.perf_counter()
    lost = unlocated = paragraphs = 0
    results = processor.process(article for _, _, article in accepted)
    for (stem, raw, _), result in zip(accepted, results, strict=True):
        aligner = RawAligner(raw, result.article)
        paragraphs += len(aligner.located)
        unlocated += aligner.unlocated
        rows[stem], doc_lost = _attributions(result, aligner)
        lost += doc_lost
    seconds = time.perf_counter() - parse_started
    print(
        f"{len(accepted)} articles processed in {seconds:.1f} s "
        f"({len(accepted) / seconds:.2f} articles/s; {time.perf_counter() - started:.1f} s "
        f"wall incl. ingest and model load); aligner: {unlocated} of {paragraphs} paragraphs "
        f"not found in the raw text, {lost} spans dropped",
        file=sys.stderr,
    )

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for stem, atts in rows.items():
            handle.write(json.dumps({"doc": stem, "attributions": atts}) + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        gold = _gold_subset(split, list(rows), Path(tmp)) if args.limit is not None else split
        scored = subprocess.run(
            [sys.executable, str(SCORER), str(gold), str(args.out)],
            check=True,
            stdout=subprocess.PIPE,  # its stderr passes through, so a failure explains itself
            text=True,
        )
    summary = json.loads(scored.stdout)
    print(json.dumps(summary, indent=2))
    counts = {
        "docs": len(paths),
        "rejected_docs": len(paths) - len(accepted),
        "unaligned_spans": lost,
        "unlocated_paragraphs": unlocated,
    }
    print(json.dumps(_flatten(summary, counts)))


if __name__ == "__main__":
    main()
