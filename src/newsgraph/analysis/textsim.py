"""Two views of an article's words for story clustering: its vocabulary and its names.

Articles about the same *kind* of event (two different earthquakes, two celebrities entering
rehab) share vocabulary; articles about the same *event* also share names, places and
figures. Mixing a TF-IDF cosine of content words with one of capitalised words and numbers
separates the two (bench/ecbplus.py measures both against words alone).
Plain Python and numpy: analysis never loads spaCy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

_STOPWORDS = """a an the of to in and or for on at by with from as is was were be been being are has
    have had do does did that this these those it its he she they his her their them we our
    you your i me my said says say will would could should may might can not no but which who
    whom whose what when where why how after before over into about than more most also one
    two new there here then so if out up down all any some such only just other very"""
STOPWORDS = frozenset(_STOPWORDS.split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[.!?]")

Matrix = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Bags:
    """One article as two bags of terms."""

    words: tuple[str, ...]
    """Lower-cased content words."""
    names: tuple[str, ...]
    """Capitalised words not opening a sentence, and short numbers (counts, dates, scores)."""


def bags(text: str) -> Bags:
    words: list[str] = []
    names: list[str] = []
    sentence_start = True
    for line in text.splitlines():
        sentence_start = True
        for token in _TOKEN.findall(line):
            if token in ".!?":
                sentence_start = True
                continue
            low = token.lower().strip("'’-")
            if token[0].isdigit():
                if len(token) <= 6:
                    names.append(token.rstrip(".,"))
            elif low and low not in STOPWORDS:
                words.append(low)
                if token[0].isupper() and not sentence_start:
                    names.append(low)
            sentence_start = False
    return Bags(tuple(words), tuple(names))


# Pseudo-documents that contain none of the terms. A handful of articles about one event
# would otherwise give the names they all share an idf near zero, which is backwards: in
# a news corpus a minister's name is rare. Tuned with the threshold on ECB+ train and dev.
PRIOR_DOCS = 300


def tfidf(docs: Sequence[Sequence[str]], *, prior: int = PRIOR_DOCS) -> Matrix:
    """Row-normalised TF-IDF (sublinear tf, idf smoothed with `prior` empty documents)."""
    df: Counter[str] = Counter(term for doc in docs for term in set(doc))
    vocab = {term: i for i, term in enumerate(df)}
    n = len(docs) + prior
    matrix = np.zeros((len(docs), max(1, len(vocab))))
    for row, doc in enumerate(docs):
        for term, count in Counter(doc).items():
            matrix[row, vocab[term]] = (1 + math.log(count)) * math.log((1 + n) / (1 + df[term]))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: Matrix = matrix / np.where(norms == 0, 1.0, norms)
    return normalised


def similarity(
    texts: Sequence[str], *, names_weight: float = 0.6, prior: int = PRIOR_DOCS
) -> Matrix:
    """Pairwise story similarity: a weighted mean of word and name cosines, in [0, 1]."""
    views = [bags(t) for t in texts]
    words = tfidf([v.words for v in views], prior=prior)
    names = tfidf([v.names for v in views], prior=prior)
    sim = (1 - names_weight) * (words @ words.T) + names_weight * (names @ names.T)
    clipped: Matrix = np.clip(sim, 0.0, 1.0)
    return clipped
