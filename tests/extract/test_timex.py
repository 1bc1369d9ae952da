"""The timex layer on invented sentences, one group per pattern class, and on the seed article.

Publication date for the invented texts: Thursday, 12 September 2024 (ISO week 37).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph import Processor, article_from_text
from newsgraph.extract.timevalues import duration, weekday_date, year_for
from newsgraph.extract.timex import tag_timexes
from newsgraph.nlp import load_nlp

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 9, 12)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _tag(
    nlp: Language, text: str, published: dt.date | None = PUBLISHED
) -> list[tuple[str, str, str]]:
    return [
        (text[f.start : f.end], f.reading.type, f.reading.value)
        for f in tag_timexes(nlp(text), published)
    ]


ABSOLUTE_DATES = [
    (
        "The treaty was signed on March 21, 2013, in Geneva.",
        [("March 21, 2013", "DATE", "2013-03-21")],
    ),
    (
        "Talks resumed on 4 July 2019 after a long pause.",
        [("4 July 2019", "DATE", "2019-07-04")],
    ),
    ("The filing, dated 2021-11-03, arrived late.", [("2021-11-03", "DATE", "2021-11-03")]),
    ("Sales peaked in April 1997 and never recovered.", [("April 1997", "DATE", "1997-04")]),
    (
        "Inflation rose in 2008 and again in 2011.",
        [("2008", "DATE", "2008"), ("2011", "DATE", "2011")],
    ),
    ("The city grew fast in the 1990s.", [("the 1990s", "DATE", "199")]),
    ("It was the bloodiest war of the 20th century.", [("20th century", "DATE", "19")]),
    ("The 2019-20 season was cut short.", [("2019", "DATE", "2019"), ("20", "DATE", "2020")]),
    ("Results for fiscal 2023 beat forecasts.", [("fiscal 2023", "DATE", "FY2023")]),
    (
        "The vote took place on Christmas Eve 2020.",
        [("Christmas Eve 2020", "DATE", "2020-12-24")],
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 2000 soldiers to the border.",
        "The ticket cost $2010 in the end.",
        "Prices may rise again, officials warned.",
        "Unemployment among 16- to 24-year-olds fell.",
        "A 33-year-old driver was arrested.",
        "About a quarter of the dealers closed.",
    ],
)
def test_not_time_expressions(nlp: Language, text: str) -> None:
    assert _tag(nlp, text) == []


RELATIVE_TO_PUBLICATION = [
    ("The minister resigned yesterday.", [("yesterday", "DATE", "2024-09-11")]),
    ("He will fly to Oslo tomorrow.", [("tomorrow", "DATE", "2024-09-13")]),
    (
        "Exports fell last year but will recover next year.",
        [("last year", "DATE", "2023"), ("next year", "DATE", "2025")],
    ),
    ("Factory output rose this month.", [("this month", "DATE", "2024-09")]),
    ("The index dropped last week.", [("last week", "DATE", "2024-W36")]),
    ("Earlier this month, the bank cut rates.", [("Earlier this month", "DATE", "2024-09")]),
    ("The plant closed two years ago.", [("two years ago", "DATE", "2022")]),
    ("Last fall the party split.", [("Last fall", "DATE", "2023-FA")]),
    ("Turnout was low in the spring of 2021.", [("the spring of 2021", "DATE", "2021-SP")]),
    (
        "Profit fell in the third quarter of 2023.",
        [("the third quarter of 2023", "DATE", "2023-Q3")],
    ),
    ("Profit fell in the first quarter.", [("the first quarter", "DATE", "2024-Q1")]),
    (
        "Growth slowed in the first half of 2022.",
        [("the first half of 2022", "DATE", "2022-H1")],
    ),
    ("They agreed on seven areas last August.", [("last August", "DATE", "2023-08")]),
    ("The bridge reopened last March.", [("last March", "DATE", "2024-03")]),
    ("The mine closed in December.", [("December", "DATE", "2023-12")]),
    ("The mine will reopen in December.", [("December", "DATE", "2024-12")]),
    ("Protests grew in recent years.", [("recent years", "DATE", "PAST_REF")]),
    ("The party is now in opposition.", [("now", "DATE", "PRESENT_REF")]),
    ("Rates will rise in the future.", [("the future", "DATE", "FUTURE_REF")]),
    ("Shares fell 3% on the day.", [("the day", "DATE", "2024-09-12")]),
]

# Weekdays follow the tense of their clause.
WEEKDAYS = [
    ("The envoy arrived on Monday.", [("Monday", "DATE", "2024-09-09")]),
    ("The envoy will leave on Monday.", [("Monday", "DATE", "2024-09-16")]),
    ("The talks ended on Thursday.", [("Thursday", "DATE", "2024-09-12")]),
    ("The visit will last until Saturday.", [("Saturday", "DATE", "2024-09-14")]),
    ("Markets stayed closed until Saturday.", [("Saturday", "DATE", "2024-09-07")]),
    ("The law passed last Friday.", [("last Friday", "DATE", "2024-09-06")]),
    ("The court rules next Tuesday.", [("next Tuesday", "DATE", "2024-09-17")]),
    ("A hearing is scheduled for Monday.", [("Monday", "DATE", "2024-09-16")]),
]


def test_anaphoric_expressions_count_from_the_last_named_date(nlp: Language) -> None:
    text = (
        "The rebels took the town on June 3, 2022. The next day, troops withdrew. "
        "By the end of that year the front had moved."
    )
    assert _tag(nlp, text) == [
        ("June 3, 2022", "DATE", "2022-06-03"),
        ("The next day", "DATE", "2022-06-04"),
        ("the end of that year", "DATE", "2022"),
    ]


DURATIONS = [
    ("She began a three-day visit.", [("three-day", "DURATION", "P3D")]),
    ("The deal took 18 months to close.", [("18 months", "DURATION", "P18M")]),
    (
        "They have ruled for the past three decades.",
        [("the past three decades", "DURATION", "P30Y")],
    ),
    ("He served nearly five years.", [("nearly five years", "DURATION", "P5Y")]),
    ("It lasted two and a half years.", [("two and a half years", "DURATION", "P2.5Y")]),
    ("The strike went on for several weeks.", [("several weeks", "DURATION", "PXW")]),
    ("The feud has gone on for years.", [("years", "DURATION", "PXY")]),
    ("They waited half an hour.", [("half an hour", "DURATION", "PT30M")]),
    ("The talks ended a month later.", [("a month", "DURATION", "P1M")]),
]


TIMES = [
    ("The vote closes at 3:30 p.m. today.", [("3:30 p.m. today", "TIME", "2024-09-12T15:30")]),
    ("The launch is set for 16:00 UTC.", [("16:00 UTC", "TIME", "2024-09-12T16:00Z")]),
    ("The minister spoke this morning.", [("this morning", "TIME", "2024-09-12TMO")]),
    ("Shots were heard Tuesday night.", [("Tuesday night", "TIME", "2024-09-10TNI")]),
    ("Crowds gathered at noon.", [("noon", "TIME", "2024-09-12T12:00")]),
]


SETS = [
    ("The council meets every week.", [("every week", "SET", "P1W")]),
    ("Inspectors visit twice a year.", [("twice a year", "SET", "P1Y")]),
    ("The paper is published daily.", [("daily", "SET", "P1D")]),
    ("The market opens on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
    ("The plant makes 500 cars a day.", [("a day", "SET", "P1D")]),
]


def test_without_a_publication_date_relative_values_stay_open(nlp: Language) -> None:
    assert _tag(nlp, "He left yesterday and returns on March 3.", published=None) == [
        ("yesterday", "DATE", "XXXX-XX-XX"),
        ("March 3", "DATE", "XXXX-03-03"),
    ]


PATTERN_CLASSES = [
    ("absolute", ABSOLUTE_DATES),
    ("relative", RELATIVE_TO_PUBLICATION),
    ("weekday", WEEKDAYS),
    ("duration", DURATIONS),
    ("time", TIMES),
    ("set", SETS),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(text, expected, id=f"{name}: {text}")
        for name, cases in PATTERN_CLASSES
        for text, expected in cases
    ],
)
def test_pattern_classes(nlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _tag(nlp, text) == expected


def test_value_arithmetic() -> None:
    assert year_for(dt.date(2024, 1, 5), 12, 28, "past") == 2023
    assert year_for(dt.date(2024, 12, 20), 1, 5, "future") == 2025
    assert year_for(dt.date(2024, 6, 1), 3, None, "present") == 2024
    assert weekday_date(PUBLISHED, 3, None, "past") == PUBLISHED  # Thursday is that day
    assert weekday_date(PUBLISHED, 3, "last", "present") == dt.date(2024, 9, 5)
    assert duration(3, "decade") == "P30Y"
    assert duration(None, "hour") == "PTXH"


def test_seed_article_dates(processor: Processor, seed_path: Path) -> None:
    """With the publication date newsgraph infers itself, the seed's dates resolve as a reader
    would resolve them."""
    article = article_from_text(seed_path.read_text(encoding="utf-8"), uri="seed")
    assert article.published == dt.date(2023, 8, 17)
    (result,) = list(processor.process([article]))
    values = {(t.text, t.value) for t in result.timexes}
    for expected in [
        ("Thursday", "2023-08-17"),
        ("Last fall", "2022-FA"),
        ("last August", "2022-08"),
        ("Aug. 16", "2023-08-16"),
        ("Saturday", "2023-08-19"),
        ("last year", "2022"),
        ("Earlier this month", "2023-08"),
        ("the past three decades", "P30Y"),
        ("three-day", "P3D"),
    ]:
        assert expected in values
