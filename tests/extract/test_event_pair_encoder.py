"""The opt-in pair encoder: marking, participant spans, weights, pipeline, settings."""

from __future__ import annotations

import builtins
import datetime as dt
import json
from importlib import resources
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph import ConfigError, article_from_text, build_processor
from newsgraph.extract.eventtype import MODEL_RESOURCE, classify_pair, resource_sha256
from newsgraph.extract.pairencoder import (
    PAIR_RESOURCE,
    SOURCE_MARK,
    TARGET_MARK,
    PairEncoder,
    load_pair_encoder,
    mark,
    participant_span,
    read_payload,
)
from newsgraph.nlp import load_nlp
from newsgraph.settings import ExtractSettings, Settings, load_settings
from tests.extract.test_event_embeddings import (  # noqa: F401  (extra is a fixture)
    ARTICLE,
    INVENTED_PAIRS,
    _offsets,
    extra,
)

pytestmark = pytest.mark.model


def _unmarked(marked: str) -> str:
    for tag in (SOURCE_MARK, TARGET_MARK):
        marked = marked.replace(f"{tag} ", "", 1).replace(f" {tag}", "", 1)
    return marked


def test_mark_wraps_both_spans():
    text = "Ardenia recalled its ambassador from Castavia."
    marked, src, tgt = mark(text, (0, 7), (37, 45))
    assert marked == "@ Ardenia @ recalled its ambassador from # Castavia #."
    assert (marked[src], marked[tgt]) == (SOURCE_MARK, TARGET_MARK)
    # the target may come first
    marked, src, tgt = mark(text, (37, 45), (0, 7))
    assert marked == "# Ardenia # recalled its ambassador from @ Castavia @."
    assert (marked[src], marked[tgt]) == (SOURCE_MARK, TARGET_MARK)


def test_overlapping_spans_mark_only_the_source():
    marked, src, tgt = mark("The Castavian army withdrew.", (0, 18), (4, 13))
    assert marked == "@ The Castavian army @ withdrew."
    assert src == tgt == 0


@given(
    st.text(alphabet="ab @#.", min_size=1, max_size=40),
    st.integers(0, 40),
    st.integers(1, 10),
    st.integers(0, 40),
    st.integers(1, 10),
)
def test_markers_point_at_themselves_and_come_off(text: str, s0: int, sn: int, t0: int, tn: int):
    n = len(text)
    source = (min(s0, n), min(s0 + sn, n))
    target = (min(t0, n), min(t0 + tn, n))
    marked, src, tgt = mark(text, source, target)
    if source[1] > source[0]:
        assert marked[src] == SOURCE_MARK
        assert marked[src + 2 : src + 2 + source[1] - source[0]] == text[slice(*source)]
    both = tgt != src
    if both:
        assert marked[tgt] == TARGET_MARK
        assert marked[tgt + 2 : tgt + 2 + target[1] - target[0]] == text[slice(*target)]
    # Removing the inserted markers (by position) gives the text back.
    cut = sorted(
        [(src, 2), (src + 2 + source[1] - source[0], 2)] * (source[1] > source[0])
        + [(tgt, 2), (tgt + 2 + target[1] - target[0], 2)] * both
    )
    plain, at = [], 0
    for pos, width in cut:
        plain.append(marked[at:pos])
        at = pos + width
    plain.append(marked[at:])
    assert "".join(plain) == text


def test_participant_span_takes_the_entity_or_the_modified_noun():
    doc = load_nlp()("The Castavian border guards detained two Ardenian fishermen on Tuesday.")
    sent = next(iter(doc.sents))
    guards = next(t for t in doc if t.lower_ == "guards")
    fishermen = next(t for t in doc if t.lower_ == "fishermen")
    start, end = participant_span(guards, sent.start_char)
    assert doc.text[start:end] == "The Castavian border guards"
    start, end = participant_span(fishermen, sent.start_char)
    assert doc.text[start:end].endswith("Ardenian fishermen")


def test_weights_match_the_encoder_and_the_sparse_model():
    meta, arrays = read_payload(
        resources.files("newsgraph.data").joinpath(PAIR_RESOURCE).read_bytes()
    )
    sparse = json.loads(
        resources.files("newsgraph.data").joinpath(MODEL_RESOURCE).read_text("utf-8")
    )
    assert meta["classes"] == sparse["classes"]
    # Averaging with a sparse model other than the one it was tuned with would mix two fits.
    assert meta["sparse_sha256"] == resource_sha256(MODEL_RESOURCE), (
        "retrain with `python scripts/train_event_pair_encoder.py`"
    )
    assert arrays["head.weight"].shape == (len(meta["classes"]), 3 * 384)
    assert all(a.dtype == np.float16 for a in arrays.values())
    assert 0 <= meta["alpha"] <= 1


def test_both_event_models_at_once_is_a_config_error():
    with pytest.raises(ConfigError, match="event_pair_encoder"):
        load_settings(extract={"event_embeddings": True, "event_pair_encoder": True})


@pytest.mark.parametrize(
    ("text", "source", "target", "expected"),
    [
        *INVENTED_PAIRS,
        (
            "The Castavian government rejected Ardenia's proposal for a joint border commission.",
            "The Castavian government",
            "Ardenia",
            "REJECT",
        ),
    ],
)
def test_pair_encoder_types_invented_sentences(
    extra: None,  # noqa: F811
    text: str,
    source: str,
    target: str,
    expected: str,
):
    encoder = load_pair_encoder()
    src, tgt = _offsets(text, source, target)
    (row,) = encoder.probs([(text, src, tgt)], threads=1)
    assert row.sum() == pytest.approx(1.0, abs=1e-4)
    label = classify_pair(load_nlp()(text), src, tgt, pair_row=row)
    assert label.type == expected


def test_pipeline_with_the_pair_encoder_finds_events(
    extra: None,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
):
    seen: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    probs = PairEncoder.probs

    def spy(self: PairEncoder, items: Any, threads: int | None = None) -> Any:
        seen.extend(items)
        return probs(self, items, threads)

    monkeypatch.setattr(PairEncoder, "probs", spy)
    article = article_from_text(ARTICLE, uri="pair", published=dt.date(2024, 5, 6))
    settings = Settings(extract=ExtractSettings(event_pair_encoder=True))
    (result,) = list(build_processor(settings).process([article]))
    assert all(r.status == "ok" for r in result.runs), result.runs
    assert {"CONSULT", "SANCTION", "ASSAULT"} <= {e.type for e in result.events}
    # Each event with an actor and a recipient went through the encoder, marked in its sentence.
    marked = {mark(*item)[0] for item in seen}
    assert (
        "@ Ardenia @ imposed sanctions on # Castavia # last year over the border dispute." in marked
    )


def test_missing_extra_is_a_config_error(monkeypatch: pytest.MonkeyPatch):
    real_import = builtins.__import__

    def no_torch(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("torch", "transformers"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_torch)
    load_pair_encoder.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"event_pair_encoder.*newsgraph\[embeddings\]"):
            build_processor(Settings(extract=ExtractSettings(event_pair_encoder=True)))
    finally:
        monkeypatch.undo()
        load_pair_encoder.cache_clear()
