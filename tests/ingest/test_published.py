from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.ingest.published import infer_published

D = dt.date


@pytest.mark.parametrize(
    ("text", "published", "earliest", "latest"),
    [
        # Sept. 12, 2024 is a Thursday: "Wednesday" is the 11th, "Friday" (past) the 13th,
        # and "will end on Sunday" puts publication before the 15th.
        (
            "Protesters gather in Lisbon on June 2, 2024.\n\nThe envoy landed on Sept. 12. "
            "On Wednesday she met the mayor. On Friday, she toured the port. The visit will end on Sunday.",
            D(2024, 9, 13),
            D(2024, 9, 13),
            D(2024, 9, 14),
        ),
        # Only a dated caption: on or after it, no upper evidence beyond a week.
        (
            "Crowds in Rome on March 3, 2023. Then the council voted.",
            D(2023, 3, 3),
            D(2023, 3, 3),
            D(2023, 3, 9),
        ),
        # A future full date is an upper bound, not the publication date.
        (
            "The minister spoke on Jan. 10, 2025. Elections will be held on Feb. 2, 2025.",
            D(2025, 1, 10),
            D(2025, 1, 10),
            D(2025, 2, 1),
        ),
        # "last Monday" is the Monday nearest the dated mention, and bounds the date within its week.
        (
            "Talks began on 1 November 2024. The deal was signed last Monday.",
            D(2024, 11, 4),
            D(2024, 11, 4),
            D(2024, 11, 10),
        ),
    ],
)
def test_infer_published(text, published, earliest, latest):
    guess = infer_published(text)
    assert guess is not None
    assert guess.date == published
    assert (guess.range.earliest, guess.range.latest) == (earliest, latest)
    for span in guess.evidence:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        "The minister met the press on Tuesday.",  # a weekday alone cannot be placed
        "The agency reported the figures on Aug. 16.",  # nor a date without any year
        "No dates here at all.",
    ],
)
def test_no_evidence_means_no_guess(text):
    assert infer_published(text) is None
