"""ECB+ for the story and event-coreference bench and training: gold export and mentions.

Gold comes from the shared exporter (`../shared/tools/ecbplus_export.py`), so the bench, the
training script and the scorer read the same documents and offsets.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.analysis.eventcoref import EventMention, describe, head_token, mention_vectors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "ecbplus"
TOOLS = SHARED / "tools"


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


def event_mentions(
    docs: list[dict[str, Any]],
    spans: dict[str, list[tuple[int, int]]],
    story_of: Mapping[str, Hashable],
    *,
    contexts: bool = False,
) -> list[EventMention]:
    """An EventMention for each (doc, start, end) span, keyed so, with its head lemma from
    newsgraph's own spaCy pipeline; with `contexts`, also what the pair scorer reads (needs
    the `embeddings` extra)."""
    from newsgraph.nlp import load_nlp

    nlp = load_nlp()
    found = []
    for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=32), strict=True):
        for start, end in spans.get(d["doc"], []):
            found.append(((d["doc"], start, end), _span(doc, start, end)))
    if not contexts:
        return [
            EventMention(key, story_of[key[0]], head_token(span).lemma_.lower())
            for key, span in found
        ]
    out = []
    vectors = mention_vectors([span for _, span in found])
    for (key, span), vector_pair in zip(found, vectors, strict=True):
        lemma, context = describe(span, key[0], vector_pair)
        out.append(EventMention(key, story_of[key[0]], lemma, context))
    return out


def _span(doc: Doc, start: int, end: int) -> Span:
    """The tokens over a character range; the token at `start` when no token boundary fits."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) > 0:
        return span
    token = next((t for t in doc if t.idx + len(t) > start), doc[-1])
    return doc[token.i : token.i + 1]


def gold_spans(docs: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    return {d["doc"]: [(m["start"], m["end"]) for m in d["events"]] for d in docs}


def scratch() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="ecbplus-")
