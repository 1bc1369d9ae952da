"""The words of English time expressions and what they stand for.

Month, weekday and number names, units, seasons, parts of the day, the modifiers TIMEX3 records
as `mod` ("early" is START, "nearly" LESS_THAN) and the phrases that stand for a whole value
("now", "these days", "daily"). The helpers read the named groups the grammar's patterns capture
(`month`, `mod`, `approx`), whatever case, abbreviation or spacing the text used.
"""

from __future__ import annotations

import re

from newsgraph.extract.numbers import WORD_VALUES

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
NUMBERS = {w: int(v) for w, v in WORD_VALUES.items() if v.is_integer() and v <= 20}
NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
                "a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2,
                "a couple": 2})  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "numerous", "a number of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}  # fmt: skip
SEASON_CODES = {"spring": 0, "summer": 1, "fall": 2, "autumn": 2, "winter": 3}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI"}  # fmt: skip
UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "day",
         "week": "week", "weekend": "weekend", "fortnight": "fortnight", "month": "month",
         "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
         "centurie": "century"}  # fmt: skip

_MODS = {"early": "START", "mid": "MID", "late": "END", "end": "END", "beginning": "START",
         "start": "START", "middle": "MID"}  # fmt: skip
_APPROX_MODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
                "roughly": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
                "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
                "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
                "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
                "up to": "EQUAL_OR_LESS"}  # fmt: skip

DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
"""Days from the publication date."""

REFS = {"now": "PRESENT_REF", "at present": "PRESENT_REF",
        "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "the present": "PRESENT_REF",
        "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
        "present-day": "PRESENT_REF",
        "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
        "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF",
        "recent days": "PAST_REF", "recent decades": "PAST_REF", "more recently": "PAST_REF",
        "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
        "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
        "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
        "the days ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF",
        "the months ahead": "FUTURE_REF", "the years ahead": "FUTURE_REF",
        "the long term": "FUTURE_REF", "the short term": "FUTURE_REF",
        "the medium term": "FUTURE_REF", "the near term": "FUTURE_REF",
        "the time being": "PRESENT_REF"}  # fmt: skip

REL_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
             "next": 1, "coming": 1, "earlier this": 0, "later this": 0, "the same": 0,
             "that": 0, "the following": 1, "the previous": -1, "the preceding": -1,
             "the next": 1, "the prior": -1, "prior": -1, "earlier that": 0,
             "later that": 0, "the": 0}  # fmt: skip
"""How many units a relative word ("last", "the following") moves from its anchor."""
ANAPHORIC = ("the same", "that", "the following", "the previous", "the preceding",
             "earlier that", "later that", "the prior")  # fmt: skip
"""Relative words that count from the date the text named last, not from the publication date."""

SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D",
               "biweekly": "P2W", "biannually": "P6M"}  # fmt: skip


def group(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip().lower()


def number(s: str | None) -> float | None:
    """The value of a number written in digits or words; None for vague ones ("several")."""
    s = norm(s)
    if not s or s in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if s in NUMBERS:
        return float(NUMBERS[s])
    parts = re.split(r"[-\s]", s)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return None


def month(m: re.Match[str]) -> int:
    return MONTHS[norm(m.group("month")).rstrip(".")]


def mod(m: re.Match[str]) -> str | None:
    raw = norm(group(m, "mod"))
    for key, value in _MODS.items():
        if key in raw:
            return value
    return None


def approx(m: re.Match[str]) -> str | None:
    return _APPROX_MODS.get(norm(group(m, "approx")))  # None for "a mere"


def unit(raw: str | None) -> str:
    u = norm(raw)
    u = re.sub(r"^(?:fiscal|calendar|financial|school)\s+", "", u)
    return UNITS[u[:-1] if u.endswith("s") and u[:-1] in UNITS else u]


def year2(y: str) -> int:
    """A year that may be written with two digits ("'98", "FY12"): before 50 is this century."""
    n = int(y.lstrip("'"))
    return n if n >= 100 else (2000 + n if n < 50 else 1900 + n)


def weekday_name(raw: str) -> int:
    w = norm(raw).rstrip(".")
    return WEEKDAYS.index(w) if w in WEEKDAYS else _WEEKDAY_ABBR[w]
