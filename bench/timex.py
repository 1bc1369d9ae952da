"""Time-expression benchmark (issue 5): newsgraph's timexes against TimeML gold.

    python bench/timex.py [GOLD_DIR] [--out preds.jsonl]

GOLD_DIR is a folder of .tml files (default ../shared/data/timex/te3-platinum; also run it on
../shared/data/timex/meantime-en/timeml). ../shared/tools/score_timex.py `export` gives each
document's plain text and creation time; every text becomes an Article through newsgraph's
own ingest with the creation time as its publication date, the pipeline runs (timexes only),
spans are mapped back to the exported text (ingest cleans the text; see bench/aligner.py)
and the scorer's `score` prints its result. The last stdout line is one JSON object:
strict/relaxed precision, recall and F1, type and value accuracy and F1 (fractions), counts.
Prints {"skipped": ...} when the data or the scorer is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph.ingest.align import RawAligner
from newsgraph.settings import ExtractSettings, Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = SHARED / "data" / "timex" / "te3-platinum"
SCORER = SHARED / "tools" / "score_timex.py"


def _export(gold: Path) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, str(SCORER), "export", str(gold), "-o", "-"],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _flatten(summary: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in summary.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                if isinstance(v, int | float) and not isinstance(v, bool):
                    flat[f"{key}_{sub}"] = v
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[key] = value
    return flat


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "timex-preds.jsonl")
    args = parser.parse_args()
    gold: Path = args.gold.resolve()
    if not gold.is_dir() or not any(gold.glob("*.tml")):
        print(json.dumps({"skipped": f"no TimeML files in {gold}"}))
        return
    if not SCORER.is_file():
        print(json.dumps({"skipped": f"no scorer at {SCORER}"}))
        return

    docs = _export(gold)
    settings = Settings(extract=ExtractSettings(enabled=("timexes",)))
    processor = newsgraph.build_processor(settings)
    articles = []
    for d in docs:
        published = dt.date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
        articles.append(newsgraph.article_from_text(d["text"], uri=d["doc"], published=published))
    started = time.perf_counter()
    lost = unlocated = 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for d, result in zip(docs, processor.process(articles), strict=True):
            aligner = RawAligner(d["text"], result.article)
            unlocated += aligner.unlocated
            timexes = []
            for t in result.timexes:
                frags = aligner.map_span(t)
                if frags is None or len(frags) != 1:
                    lost += 1
                    continue
                ((start, end),) = frags
                timexes.append({"start": start, "end": end, "type": t.type, "value": t.value})
            handle.write(json.dumps({"doc": d["doc"], "timexes": timexes}) + "\n")
    seconds = time.perf_counter() - started
    print(
        f"{len(docs)} documents in {seconds:.1f} s; aligner: {unlocated} paragraphs not found, "
        f"{lost} spans dropped",
        file=sys.stderr,
    )
    scored = subprocess.run(
        [sys.executable, str(SCORER), "score", str(gold), str(args.out), "--json"],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    summary = json.loads(scored.stdout)
    print(json.dumps(summary, indent=2))
    print(json.dumps(_flatten(summary) | {"docs": len(docs), "unaligned_spans": lost}))


if __name__ == "__main__":
    main()
