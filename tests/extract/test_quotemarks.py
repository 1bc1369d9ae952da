"""Quotation marks paired by position, as pasted news has them."""

from __future__ import annotations

from newsgraph.extract.quotemarks import find_nested, find_stretches, uses_single_quotes


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_stretches(text)]


def test_curly_and_straight_pairs():
    text = 'She said “we agree,” and he said "so do we."'
    assert quoted(text) == ["“we agree,”", '"so do we."']


def test_wrong_way_round_curly_marks_still_pair():
    # A closing mark used to open, an opening mark used to close: both happen in pasted text.
    text = "The talks were ”useful and frank,“ the envoy said, calling it “no small thing“ today."
    assert quoted(text) == ["”useful and frank,“", "“no small thing“"]


def test_apostrophes_are_not_quotes():
    text = "The minister’s aides didn’t say. “It’s the workers’ money,” she said."
    assert quoted(text) == ["“It’s the workers’ money,”"]


def test_unclosed_quote_runs_to_the_paragraph_end():
    text = "“The first part of a long statement\n\n“The second part,” he said."
    stretches = find_stretches(text)
    assert [text[s.start : s.end] for s in stretches] == [
        "“The first part of a long statement",
        "“The second part,”",
    ]
    assert [s.closed for s in stretches] == [False, True]


def test_single_quote_texts_quote_with_single_marks():
    text = "Mr. Orr said 'the plan is sound.' His rival's reply: ''It is not,'' she wrote."
    assert uses_single_quotes(text)
    assert quoted(text) == ["'the plan is sound.'", "''It is not,''"]


def test_double_quote_texts_ignore_single_marks_at_top_level():
    text = "“We were told ‘wait,’ so we waited,” the driver said. The drivers' union agreed."
    assert not uses_single_quotes(text)
    (outer,) = find_stretches(text)
    assert [text[n.start : n.end] for n in find_nested(text, outer)] == ["‘wait,’"]
