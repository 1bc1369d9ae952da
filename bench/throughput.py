"""Throughput of the full newsgraph pipeline against bare `nlp.pipe` on the same texts.

Each mode runs in its own child process (so peak RSS is its own), alternating modes over
several rounds so machine noise hits both alike. Model loading is excluded from timing.

    python bench/throughput.py [--limit 200] [--rounds 2] [DIR]

DIR defaults to ../shared/data/polnear/train/text, else examples/. The last line is one JSON
object; `ratio` = full-pipeline articles/s divided by bare nlp.pipe articles/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = (ROOT.parent / "shared" / "data" / "polnear" / "train" / "text", ROOT / "examples")


def _files(directory: Path, limit: int) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in {".txt", ".html"})[:limit]


def _child(mode: str, paths: list[str]) -> dict[str, float | int]:
    from newsgraph import build_processor, load_articles
    from newsgraph.nlp import load_nlp
    from newsgraph.schema import Article

    processor = build_processor()
    nlp = load_nlp()
    warm = Path(paths[0]).read_text(encoding="utf-8")
    list(nlp.pipe([warm]))
    started = time.perf_counter()
    words = 0
    extract_seconds: dict[str, float] = {}
    if mode == "bare":
        texts = [Path(p).read_text(encoding="utf-8") for p in paths]
        for doc in nlp.pipe(texts, batch_size=processor.settings.nlp.batch_size):
            words += len(doc)
        count = len(texts)
    else:
        articles = (a for a in load_articles(paths) if isinstance(a, Article))
        count = 0
        for result in processor.process(articles):
            result.model_dump_json()
            words += len(result.article.text.split())
            count += 1
            for run in result.runs:
                extract_seconds[run.name] = extract_seconds.get(run.name, 0.0) + run.seconds
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": count,
        "seconds": seconds,
        "articles_per_s": count / seconds,
        "peak_rss_mb": peak_mb,
        **{f"{name}_seconds": t for name, t in extract_seconds.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dir", nargs="?", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", choices=["bare", "full"], help=argparse.SUPPRESS)
    parser.add_argument("--paths", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        paths = args.paths.read_text(encoding="utf-8").splitlines()
        print(json.dumps(_child(args.child, paths)))
        return

    directory = args.dir or next((d for d in DEFAULT_DIRS if d.is_dir()), None)
    if directory is None or not directory.is_dir():
        print(json.dumps({"skipped": "no input directory"}))
        return
    files = _files(directory, args.limit)
    listing = ROOT / "bench" / "out" / "throughput-inputs.txt"
    listing.parent.mkdir(exist_ok=True)
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "full": []}  # per round
    for rnd in range(args.rounds):
        for mode in ("bare", "full") if rnd % 2 == 0 else ("full", "bare"):
            out = (
                subprocess.run(
                    [sys.executable, __file__, "--child", mode, "--paths", str(listing)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            runs[mode].append(json.loads(out))
            print(f"round {rnd + 1} {mode:4}: {runs[mode][-1]}", file=sys.stderr)
    bare = statistics.median(r["articles_per_s"] for r in runs["bare"])
    full = statistics.median(r["articles_per_s"] for r in runs["full"])
    print(
        json.dumps(
            {
                "corpus": str(directory),
                "articles": len(files),
                "rounds": args.rounds,
                "nlp_pipe_articles_per_s": round(bare, 2),
                "pipeline_articles_per_s": round(full, 2),
                "nlp_pipe_peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs["bare"]), 1),
                "pipeline_peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs["full"]), 1),
                # Each extractor's time as a share of bare parsing time for the same texts.
                **{
                    f"{key.removesuffix('_seconds')}_share_of_parse": round(
                        statistics.median(r[key] for r in runs["full"])
                        / statistics.median(r["seconds"] for r in runs["bare"]),
                        3,
                    )
                    for key in runs["full"][0]
                    if key.endswith("_seconds")
                },
                "ratio": round(full / bare, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
