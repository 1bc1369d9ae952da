"""The event type model: what did the source do to the target, in PLOVER.

A multinomial logistic regression over sparse features of a trigger and its participants
(trained on PLV train by scripts/train_events.py; weights in data/event_types.json, model card
docs/models/event_types.md). `classify_pair` types a marked (source, target) pair, as PLV asks;
the extractor asks `TypeModel.predict` about its own triggers.

The opt-in variant (`extract.event_embeddings`, data/event_types_minilm.json) adds what a frozen
MiniLM embedding of the sentence says (`EmbeddingTypeModel`); torch only encodes, the scoring
here is numpy dot products.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsgraph.extract.embeddings import DIM, encode
from newsgraph.extract.eventparse import FUTURE_AUX, MODAL_AUX, governing, reading_of
from newsgraph.extract.pairencoder import load_pair_encoder
from newsgraph.extract.plover import LIGHT_VERBS, Trigger

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from spacy.tokens import Doc, Span, Token

MODEL_RESOURCE = "event_types.json"
EMBEDDING_MODEL_RESOURCE = "event_types_minilm.json"


@dataclass(frozen=True, slots=True)
class PairLabel:
    type: str
    mode: str | None
    confidence: float


class TypeModel:
    """Multinomial logistic regression over sparse binary features (weights in JSON)."""

    def __init__(
        self, classes: Sequence[str], bias: Sequence[float], weights: dict[str, list[float]]
    ) -> None:
        self.classes = tuple(classes)
        self.bias = list(bias)
        self.weights = weights

    def scores(self, features: Sequence[str]) -> list[float]:
        """Per-class logits."""
        z = list(self.bias)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    z[i] += v
        return z

    def predict(
        self, features: Sequence[str], vector: NDArray[np.float32] | None = None
    ) -> list[tuple[str, float]]:
        """Classes with their probabilities, likeliest first; `vector` is ignored (it is there
        so that the extractor can hold either model)."""
        return _ranked(self.classes, _softmax(self.scores(features)))


def _softmax(z: Sequence[float]) -> list[float]:
    top = max(z)
    exp = [math.exp(v - top) for v in z]
    total = sum(exp)
    return [e / total for e in exp]


def _ranked(classes: Sequence[str], probs: Sequence[float]) -> list[tuple[str, float]]:
    return sorted(((c, float(p)) for c, p in zip(classes, probs, strict=True)), key=lambda x: -x[1])


class EmbeddingTypeModel:
    """The sparse model plus a linear layer over the standardised sentence embedding.

    `combine` is how training (5-fold CV on PLV train) found them best put together: "concat",
    one regression over both (the sparse part was fitted with the dense one), or "average",
    the mean of the two models' probabilities with the sparse one weighted `alpha`.
    """

    def __init__(
        self,
        sparse: TypeModel,
        combine: str,
        dense: NDArray[np.float64],
        dense_bias: NDArray[np.float64],
        alpha: float = 0.5,
    ) -> None:
        if combine not in ("concat", "average"):
            raise ValueError(f"unknown combination {combine!r}")
        if dense.shape != (len(sparse.classes), DIM):
            raise ValueError(
                f"dense weights of shape {dense.shape}, not {(len(sparse.classes), DIM)}"
            )
        self.classes = sparse.classes
        self.sparse = sparse
        self.combine = combine
        self.dense = dense
        self.dense_bias = dense_bias
        self.alpha = alpha

    def predict(
        self, features: Sequence[str], vector: NDArray[np.float32] | None = None
    ) -> list[tuple[str, float]]:
        if vector is None:
            raise ValueError("the embedding type model needs the sentence's vector")
        import numpy as np  # here, not at the top: `import newsgraph` does not load numpy

        dense = self.dense @ vector.astype(np.float64) + self.dense_bias
        if self.combine == "concat":
            z = np.asarray(self.sparse.scores(features)) + dense
            return _ranked(self.classes, _softmax(z.tolist()))
        own = np.asarray(_softmax(self.sparse.scores(features)))
        mixed = self.alpha * own + (1 - self.alpha) * np.asarray(_softmax(dense.tolist()))
        return _ranked(self.classes, mixed.tolist())


def _read(resource: str) -> str:
    return resources.files("newsgraph.data").joinpath(resource).read_text(encoding="utf-8")


def resource_sha256(resource: str) -> str:
    """Checksum of a shipped model file, as an embedding model records the sparse one it uses."""
    return hashlib.sha256(_read(resource).encode("utf-8")).hexdigest()


@cache
def load_type_model() -> TypeModel:
    data = json.loads(_read(MODEL_RESOURCE))
    return TypeModel(data["classes"], data["bias"], data["weights"])


def embedding_model_from(data: dict[str, Any]) -> EmbeddingTypeModel:
    """The model a data/event_types_minilm.json payload describes.

    The file keeps the dense weights as trained, on the standardised embedding (scaled by
    `factor` when concatenated); here the standardisation is folded into them once, so that
    scoring is one matrix-vector product.
    """
    import numpy as np

    sp = data["sparse"]
    sparse = (
        load_type_model()
        if "resource" in sp
        else TypeModel(data["classes"], sp["bias"], sp["weights"])
    )
    if list(sparse.classes) != list(data["classes"]):
        raise ValueError("the sparse and dense parts disagree on the classes")
    dn = data["dense"]
    mean = np.asarray(dn["mean"], dtype=np.float64)
    scale = np.asarray(dn["scale"], dtype=np.float64)
    weights = np.asarray(dn["weights"], dtype=np.float64) * dn.get("factor", 1.0) / scale
    bias = np.asarray(dn.get("bias", [0.0] * len(sparse.classes)), dtype=np.float64)
    return EmbeddingTypeModel(
        sparse, data["combine"], weights, bias - weights @ mean, data.get("alpha", 0.5)
    )


@cache
def load_embedding_type_model() -> EmbeddingTypeModel:
    return embedding_model_from(json.loads(_read(EMBEDDING_MODEL_RESOURCE)))


def _relation(tok: Token, trigger: Token) -> str:
    """How a participant hangs from the trigger: "nsubj", "dobj", "prep:with", "poss", …"""
    t = tok
    for _ in range(6):
        if t.head.i == trigger.i or t.head.i == t.i:
            break
        t = t.head
    if t.dep_ == "pobj":
        return f"prep:{t.head.lower_}"
    return t.dep_


def sentence_features(sent: Span) -> list[str]:
    """What the whole sentence says, the same for every trigger in it: its content words, and
    the PLOVER reading of each event word (every one votes a little)."""
    feats = []
    for t in sent:
        if t.pos_ in ("VERB", "NOUN", "ADJ") and not t.is_stop:
            feats.append(f"bow={t.lemma_.lower()}")
        if (r := reading_of(t)) is not None:
            feats.append(f"slex={r.type}")
    return feats


def features(
    trigger: Token,
    verb: Token,
    actors: Sequence[Token],
    recipients: Sequence[Token],
    sentence: Sequence[str] | None = None,
) -> list[str]:
    """Features of a trigger with its participants; `sentence` is `sentence_features` of its
    sentence when the caller has it already."""
    lemma = trigger.lemma_.lower()
    feats = [f"lemma={lemma}", f"pos={trigger.pos_}"]
    if (r := reading_of(trigger)) is not None:
        feats += [f"lex={r.type}", f"lexmode={r.type}|{r.mode}"]
    if verb.i != trigger.i:
        feats += [f"light={verb.lemma_.lower()}", f"light+noun={verb.lemma_.lower()}+{lemma}"]
    head = verb.head if verb.head.i != verb.i else None
    if head is not None:
        feats.append(f"head={head.lemma_.lower()}")
        if (hr := reading_of(head)) is not None:
            feats.append(f"headlex={hr.type}")
    for c in verb.children:
        if c.dep_ == "neg":
            feats.append("neg")
        if c.dep_ in ("aux",) and c.lower_ in FUTURE_AUX | MODAL_AUX:
            feats.append(f"aux={c.lower_}")
        if c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp", "prt"):
            feats.append(f"{c.dep_}={c.lemma_.lower()}")
            if (cr := reading_of(c)) is not None:
                feats.append(f"{c.dep_}lex={cr.type}")
        if c.dep_ == "prep":
            feats.append(f"prep={c.lower_}")
            for p in c.children:
                if p.dep_ == "pobj":
                    feats.append(f"prep+obj={c.lower_}+{p.lemma_.lower()}")
        if c.dep_ in ("nsubjpass", "auxpass"):
            feats.append("passive")
    for role, toks in (("src", actors), ("tgt", recipients)):
        for t in toks[:2]:
            feats.append(f"{role}rel={_relation(t, trigger)}")
            if t.ent_type_:
                feats.append(f"{role}ent={t.ent_type_}")
    feats += sentence if sentence is not None else sentence_features(trigger.sent)
    return _conjoined(feats)


def _conjoined(feats: list[str]) -> list[str]:
    """The trigger's lemma and reading paired with how the participants hang from it and with
    negation: "withdraw" is RETREAT, "refused … withdraw" REJECT."""
    heads = [f for f in feats if f.startswith(("lemma=", "lex="))]
    context = [f for f in feats if f.startswith(("srcrel=", "tgtrel=")) or f == "neg"]
    return feats + [f"{a}&{b}" for a in heads for b in context]


def _head_of(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def pair_trigger(source: Token, target: Token) -> Token:
    """The word that relates two participants: their lowest common ancestor, or an event word on
    the way up from the target when the ancestor is only a reporting or linking verb."""
    up = [source, *source.ancestors]
    seen = {t.i for t in up}
    path = [target]
    lca: Token = target
    for t in [target, *target.ancestors]:
        if t.i in seen:
            lca = t
            break
        path.append(t)
    if lca.i in (source.i, target.i) and lca.head.i != lca.i:
        lca = lca.head
    found = lca
    if reading_of(lca) is None:
        found = next((t for t in [*reversed(path), *up] if reading_of(t) is not None), lca)
    return governing(found)


def pair_features(doc: Doc, source: tuple[int, int], target: tuple[int, int]) -> list[str]:
    """Features of "what did the source do to the target" for a sentence with both marked."""
    s = _head_of(doc, *source)
    t = _head_of(doc, *target)
    if s is None or t is None:
        return []
    trigger = pair_trigger(s, t)
    verb = (
        trigger.head
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_ in LIGHT_VERBS
        else trigger
    )
    pairrel = f"pairrel={_relation(s, trigger)}>{_relation(t, trigger)}"
    lo, hi = min(source[1], target[1]), max(source[0], target[0])
    between = [
        f"mid={tok.lemma_.lower()}"
        for tok in doc
        if lo <= tok.idx < hi and tok.pos_ in ("VERB", "NOUN", "ADJ", "ADP")
    ]
    own = features(trigger, verb, [s], [t])
    heads = [f for f in own if f.startswith(("lemma=", "lex="))]
    return [
        *own,
        pairrel,
        *between,
        *(f"{h}&{pairrel}" for h in heads if "&" not in h),
    ]


def final_type(label: str, reading: Trigger | None) -> tuple[str, str | None]:
    if label == "YIELD":  # PLV's class for CONCEDE and RETREAT
        label = reading.type if reading and reading.type in ("CONCEDE", "RETREAT") else "CONCEDE"
    mode = reading.mode if reading and reading.type == label else None
    return label, mode


def classify_pair(
    doc: Doc,
    source: tuple[int, int],
    target: tuple[int, int],
    model: TypeModel | EmbeddingTypeModel | None = None,
    vector: NDArray[np.float32] | None = None,
    pair_row: Sequence[float] | None = None,
) -> PairLabel:
    """PLOVER type (and mode) of what the source did to the target, given their offsets.

    `model` defaults to the sparse one; an EmbeddingTypeModel also needs the sentence's vector
    (`embeddings.encode`), which is encoded here when not given. `pair_row`, the pair
    encoder's probabilities for this pair (`pairencoder.PairEncoder.probs`), is averaged in.
    """
    model = model or load_type_model()
    if isinstance(model, EmbeddingTypeModel) and vector is None:
        vector = encode([doc.text])[0]
    feats = pair_features(doc, source, target)
    s, t = _head_of(doc, *source), _head_of(doc, *target)
    reading = reading_of(pair_trigger(s, t)) if s is not None and t is not None else None
    ranked = model.predict(feats, vector)
    if pair_row is not None:
        ranked = load_pair_encoder().mix(ranked, pair_row)
    label, p = ranked[0]
    event_type, mode = final_type(label, reading)
    return PairLabel(event_type, mode, p)
