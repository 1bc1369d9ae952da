"""ECB+ for the story and event-coreference bench and training: gold export and head lemmas.

Gold comes from the shared exporter (`../shared/tools/ecbplus_export.py`), so the bench, the
training script and the scorer read the same documents and offsets.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "ecbplus"
TOOLS = SHARED / "tools"
_CONTENT = ("VERB", "NOUN", "ADJ", "PROPN")


def available() -> bool:
    return (DATA / "ECB+").is_dir() and (TOOLS / "ecbplus_export.py").is_file()


def export(split: str, out: Path) -> list[dict[str, Any]]:
    """Gold documents of a split (train, dev, test), also written to `out` for the scorer."""
    subprocess.run(
        [
            sys.executable,
            str(TOOLS / "ecbplus_export.py"),
            str(DATA),
            "--split",
            split,
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def head_lemmas(
    docs: list[dict[str, Any]], spans: dict[str, list[tuple[int, int]]]
) -> dict[tuple[str, int, int], str]:
    """Head lemma of each (doc, start, end) span, from newsgraph's own spaCy pipeline.

    The head is the span's syntactic root (its token whose head lies outside the span),
    preferring a verb or noun: "took place" → take, "the attack" → attack.
    """
    from newsgraph.nlp import load_nlp

    nlp = load_nlp()
    out: dict[tuple[str, int, int], str] = {}
    texts = (d["text"] for d in docs)
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=32), strict=True):
        for start, end in spans.get(d["doc"], []):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                out[d["doc"], start, end] = d["text"][start:end].lower()
                continue
            roots = [
                t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i
            ]
            content = [t for t in roots if t.pos_ in _CONTENT] or [
                t for t in span if t.pos_ in _CONTENT
            ]
            token = (content or roots or list(span))[0]
            out[d["doc"], start, end] = token.lemma_.lower()
    return out


def gold_spans(docs: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    return {d["doc"]: [(m["start"], m["end"]) for m in d["events"]] for d in docs}


def scratch() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="ecbplus-")
