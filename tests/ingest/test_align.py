"""RawAligner: offsets in the cleaned article text map back to the raw input."""

from __future__ import annotations

from newsgraph import article_from_text
from newsgraph.ingest.align import RawAligner
from newsgraph.schema import CharSpan

RAW = (
    "Harbour   Deal Signed\n\n"
    "The  ministers of Veloria and Karsava signed the harbour deal on Tuesday\u200b after "
    "three days of talks in Marrant, the Velorian capital, officials said.\n"
)


def test_spans_map_back_to_the_raw_text():
    article = article_from_text(RAW, uri="raw")
    aligner = RawAligner(RAW, article)
    assert aligner.unlocated == 0
    for word in ("ministers", "Tuesday", "Marrant", "three days"):
        start = article.text.index(word)
        frags = aligner.map_span(CharSpan.of(article.text, start, start + len(word)))
        assert frags is not None and len(frags) == 1
        ((raw_start, raw_end),) = frags
        assert RAW[raw_start:raw_end] == word
