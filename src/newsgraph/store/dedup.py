"""Near-duplicate detection: MinHash signatures (datasketch) with LSH bands kept in the store.

A re-published or lightly edited article shares most of its word trigrams with the original.
Each signature is cut into bands; two articles sharing one band are candidates, confirmed when
their estimated Jaccard similarity reaches the threshold. Bands live in an indexed table, so a
lookup costs the same for ten articles or ten million, and every worker can compute signatures.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = (
    NUM_PERM // BANDS
)  # 4 rows per band: pairs at Jaccard 0.5 collide in some band 87% of the time
SHINGLE = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash values and their LSH band keys."""

    values: bytes
    bands: tuple[int, ...]

    def similarity(self, other: bytes) -> float:
        """Estimated Jaccard similarity of the two texts' word trigram sets."""
        mine = np.frombuffer(self.values, dtype=np.uint64)
        theirs = np.frombuffer(other, dtype=np.uint64)
        if mine.shape != theirs.shape:
            return 0.0
        return float(np.count_nonzero(mine == theirs)) / len(mine)


def signature(text: str) -> Signature:
    """The MinHash signature of `text` (lower-cased word trigrams)."""
    # Imported here: datasketch pulls in scipy (~35 MB), which extraction workers never need.
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode() for s in shingles])
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    bands = tuple(_band_key(values[i * ROWS : (i + 1) * ROWS].tobytes()) for i in range(BANDS))
    return Signature(values.tobytes(), bands)


def _band_key(chunk: bytes) -> int:
    # A signed 64-bit key fits both SQLite's INTEGER and PostgreSQL's BIGINT.
    return int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
