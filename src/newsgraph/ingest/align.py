"""Map offsets in an ingested article's text back to the raw text it was built from.

Ingest rebuilds `article.text` (NFC, invisible characters dropped, spacing collapsed, lines
stripped, junk and repeated lines dropped, paragraphs joined with blank lines). Whoever holds
offsets into the original input (gold annotations, an editor's highlights) maps results back
with `RawAligner`.
"""

from __future__ import annotations

import unicodedata

from newsgraph.schema import Article, CharSpan

# Ingest deletes these (newsgraph.ingest.clean); they must not break a paragraph match.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


class RawAligner:
    """Maps offsets in `article.text` back to offsets in the raw file text.

    The raw text is normalised the way ingest does it, per line (so a paragraph, which is one
    cleaned line or the caption part of one, can be anchored at a line start), keeping for
    each normalised character the raw [start, end) it came from.
    """

    def __init__(self, raw: str, article: Article) -> None:
        norm: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

        def emit(chars: str, start: int, end: int) -> None:
            norm.extend(chars)
            self.starts.extend([start] * len(chars))
            self.ends.extend([end] * len(chars))

        i = 0
        while i < len(raw):
            # A base character and its combining marks are NFC-normalised together, as the
            # result may be shorter; every character of it maps to the whole raw cluster.
            j = i + 1
            while j < len(raw) and unicodedata.combining(raw[j]):
                j += 1
            chunk = raw[i:j]
            if chunk in ("\r", "\n"):
                emit("\n", i, j)
            elif chunk.isspace():
                # Runs collapse to one space and none opens a line, as in clean_text; a
                # trailing one is harmless, paragraphs are found as substrings.
                if norm and norm[-1] not in " \n":
                    emit(" ", i, j)
            elif chunk not in INVISIBLE:
                emit(unicodedata.normalize("NFC", chunk), i, j)
            i = j
        self.norm = "".join(norm)
        # (paragraph, its start in self.norm or None when it was not found)
        self.located: list[tuple[CharSpan, int | None]] = []
        cursor = 0
        for para in article.paragraphs:
            at = self._find(para.text, cursor)
            if at is None:
                at = self._find(para.text, 0)  # out of order: not expected, but tolerated
            self.located.append((para, at))
            if at is not None:
                cursor = at + len(para.text)

    def _find(self, needle: str, cursor: int) -> int | None:
        # Prefer a match at a line start: a short heading also occurs inside other lines.
        first = at = self.norm.find(needle, cursor)
        while at >= 0 and self.norm[self.norm.rfind("\n", 0, at) + 1 : at].strip():
            at = self.norm.find(needle, at + 1)
        at = at if at >= 0 else first
        return at if at >= 0 else None

    @property
    def unlocated(self) -> int:
        return sum(1 for _, at in self.located if at is None)

    def map_span(self, span: CharSpan) -> list[list[int]] | None:
        """Raw [start, end) fragments of a span (one per paragraph it touches), None if lost."""
        frags: list[list[int]] = []
        for para, at in self.located:
            start, end = max(span.start, para.start), min(span.end, para.end)
            if start >= end:
                continue
            if at is None:
                return None
            lo, hi = at + start - para.start, at + end - para.start - 1
            frags.append([self.starts[lo], self.ends[hi]])
        return frags or None
