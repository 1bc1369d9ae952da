"""Corpus ingest speed with 1 and 2 worker processes, measured in the same run.

Each configuration runs `newsgraph.corpus.ingest` in its own child process into a fresh SQLite
store (so peak RSS is its own), model loading included (an ingest pays for it too).

    python bench/ingest.py [--limit 840] [--workers 1 2] [DIR]

DIR defaults to ../shared/data/polnear/train/text (840 articles). The last line is one JSON
object: articles/s per configuration, `ratio` = 2-worker rate / 1-worker rate, peak RSS of
the busiest worker process in MB, and `worker_rss_within_600mb` (1.0 when every worker stayed
under 600 MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def _child(workers: int, paths: list[str], db: str) -> dict[str, float | int]:
    from newsgraph.corpus import ingest
    from newsgraph.store import Store

    started = time.perf_counter()
    with Store.open(db) as store:
        report = ingest(paths, store, workers=workers, online=False)
        counts = store.counts()
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "workers": workers,
        "units": report.processed,
        "articles": int(counts["articles"]),
        "seconds": seconds,
        "rate": report.processed / seconds,
        # In-process, the main process is the worker; with a pool, the largest child is.
        "worker_rss_mb": own if workers == 1 else children,
        "writer_rss_mb": own,
        # CPU the writer process spent (in-process: everything); the rest is the workers'.
        "writer_cpu_s": resource.getrusage(resource.RUSAGE_SELF).ru_utime
        + resource.getrusage(resource.RUSAGE_SELF).ru_stime,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=840)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(json.dumps({"skipped": f"{args.dir} is not present"}))
        return
    paths = sorted(str(p) for p in args.dir.iterdir() if p.suffix == ".txt")[: args.limit]
    if args.child is not None:
        print(json.dumps(_child(args.child, paths, args.db)))
        return
    runs: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in args.workers:
            db = f"sqlite:///{tmp}/w{workers}.db"
            cmd = [sys.executable, __file__, str(args.dir), "--limit", str(args.limit)]
            out = subprocess.run(
                [*cmd, "--child", str(workers), "--db", db],
                capture_output=True,
                text=True,
                check=True,
            )
            runs[workers] = json.loads(out.stdout.strip().splitlines()[-1])
            r = runs[workers]
            print(
                f"workers={workers}: {r['units']} units in {r['seconds']:.1f} s = "
                f"{r['rate']:.2f} articles/s; worker peak RSS {r['worker_rss_mb']:.0f} MB, "
                f"writer {r['writer_rss_mb']:.0f} MB and {r['writer_cpu_s']:.0f} CPU s",
                file=sys.stderr,
            )
    base = runs[min(runs)]
    best = runs[max(runs)]
    summary = {
        "articles": int(base["units"]),
        **{f"rate_w{w}": round(r["rate"], 3) for w, r in runs.items()},
        "ratio": round(best["rate"] / base["rate"], 3),
        "worker_rss_mb": round(max(r["worker_rss_mb"] for r in runs.values())),
        "worker_rss_within_600mb": float(all(r["worker_rss_mb"] <= 600 for r in runs.values())),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
