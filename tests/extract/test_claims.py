"""The claims layer on an invented article, and the figure reader on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph import Processor, article_from_text
from newsgraph.extract.numbers import FIGURE, figure_of
from newsgraph.schema import Claim, ResultDocument

TEXT = """Harbour Trade Surges as Estonia and Latvia Deepen Ties

Trade between Estonia and Latvia rose by more than 25 percent last year, the statistics office said on Tuesday.

The share of Latvian exports going to Estonia fell to 11 percent in June, compared with a peak of 18 percent in 2019.

“We moved 4.2 million tonnes through the port,” said Marta Kivi, the harbour director. The port handled 1,250 ships and paid $3.5 billion in wages.

The city's jobless rate hit a record high of 9.4 percent in May. The currency fell to a near 15-month low.

Estonia is now Latvia's second-largest trading partner. Between €12 million and €20 million will go to the new terminal.

The Boeing 737 and the Airbus 320 both use the port's runway 27. The minister, 54, visited 3 terminals on Monday.
"""


@pytest.fixture(scope="module")
def result(processor: Processor) -> ResultDocument:
    article = article_from_text(TEXT, uri="claims", published=dt.date(2024, 9, 12))
    (out,) = list(processor.process([article]))
    return out


def _claim(result: ResultDocument, text: str) -> Claim:
    found = [c for c in result.claims if c.span.text == text]
    assert found, f"no claim {text!r}: {[c.span.text for c in result.claims]}"
    return found[0]


@pytest.mark.model
def test_percent_with_qualifier_measure_direction_and_time(result: ResultDocument) -> None:
    c = _claim(result, "more than 25 percent")
    assert (c.kind, c.value, c.unit, c.qualifier) == ("percent", 25.0, "percent", "MORE_THAN")
    assert c.measure is not None and "Trade" in c.measure
    assert c.direction == "up" and c.time == "2023"


@pytest.mark.model
def test_comparison_and_its_time(result: ResultDocument) -> None:
    fell = _claim(result, "11 percent")
    assert fell.direction == "down" and fell.time == "2024-06"
    assert fell.measure is not None and fell.measure.startswith("The share of Latvian exports")
    peak = _claim(result, "18 percent")
    assert peak.time == "2019" and peak.comparison is not None and "peak" in peak.comparison
    record = _claim(result, "9.4 percent")
    assert record.comparison == "record high" and record.direction == "level"
    assert record.measure == "The city's jobless rate" and record.time == "2024-05"


@pytest.mark.model
def test_quoted_figure_is_the_speakers_claim(result: ResultDocument) -> None:
    c = _claim(result, "4.2 million")
    assert c.value == 4.2e6
    names = {e.id: e.name for e in result.entities}
    assert c.quote is not None and names.get(c.claimant_entity or "") == "Marta Kivi"
    ships = _claim(result, "1,250")
    assert ships.unit == "ship" and ships.claimant_entity is None  # the article's own
    wages = _claim(result, "$3.5 billion")
    assert (wages.kind, wages.value, wages.unit) == ("money", 3.5e9, "USD")


@pytest.mark.model
def test_extremes_ranks_and_ranges(result: ResultDocument) -> None:
    low = _claim(result, "15-month low")
    assert (low.value, low.unit, low.qualifier) == (15.0, "month low", "LESS_THAN")
    rank = _claim(result, "second-largest")
    assert (rank.kind, rank.value, rank.unit) == ("rank", 2.0, "largest")
    span = _claim(result, "Between €12 million and €20 million")
    assert (span.value, span.value_high, span.unit) == (12e6, 20e6, "EUR")


@pytest.mark.model
def test_not_claims_and_ages(result: ResultDocument) -> None:
    texts = {c.span.text for c in result.claims}
    assert not texts & {"737", "320", "27", "2019", "2023"}  # models, names, years
    assert _claim(result, "54").kind == "age"
    assert _claim(result, "3").unit == "terminal"


@pytest.mark.parametrize(
    ("text", "value", "high", "unit"),
    [
        ("US$ 40 billion", 40e9, None, "USD"),
        ("# 13 billion", 13e9, None, "GBP"),
        ("9.9 billion yuan", 9.9e9, None, "CNY"),
        ("$15bn", 15e9, None, "USD"),
        ("15-20 %", 15.0, 20.0, "percent"),
        ("5-10 million", 5e6, 10e6, None),
        ("twenty-five", 25.0, None, None),
        ("2GB", 2.0, None, "gb"),
    ],
)
def test_figure_values(text: str, value: float, high: float | None, unit: str | None) -> None:
    (m,) = list(FIGURE.finditer(text))
    fig = figure_of(m)
    assert (fig.value, fig.value_high, fig.unit) == (value, high, unit)


def test_and_makes_a_range_only_after_between() -> None:
    assert [m.group() for m in FIGURE.finditer("cost $199 and $249")] == ["$199", "$249"]


@pytest.mark.model
def test_seed_article_figures(processor: Processor, seed_path: Path) -> None:
    """Every figure the seed reports, with its time as newsgraph dates the article itself."""
    article = article_from_text(seed_path.read_text(encoding="utf-8"), uri="seed")
    (result,) = list(processor.process([article]))
    by_text = {c.span.text: c for c in result.claims}
    expected = {
        "over 30 percent": ("2022", "up"),
        "13 percent": ("2023-06", "down"),
        "21 percent": ("2017", None),
        "21.3 percent": ("2023-06", "level"),
    }
    for text, (time, direction) in expected.items():
        assert text in by_text, text
        assert (by_text[text].time, by_text[text].direction) == (time, direction), text
    assert by_text["21.3 percent"].comparison == "record high"
    assert by_text["21.3 percent"].measure == "the youth jobless rate"
    assert by_text["11"].unit == "vessel"
    assert by_text["17-month low"].qualifier == "LESS_THAN"
    assert by_text["second-largest"].kind == "rank"
