"""The time-expression grammar: recognise TIMEX3 extents and normalise them to values.

Each rule is a regular expression over the article text plus a normaliser that turns its match
into (type, value) given the publication date, the tense around the match and the reference
date the text has moved to. Extents follow the TimeML guidelines: determiners, "last"/"next",
"early"/"late" and approximators ("nearly three years") are part of the expression,
prepositions are not. Overlapping matches are resolved longest-first (`find_timexes`).

Anchoring: deictic expressions ("yesterday", "last year", "Thursday") count from the
publication date; anaphoric ones ("the next day", "two days later", "that year") count from
the latest date mentioned before them in the same paragraph, falling back to the publication
date. Weekdays, bare months, seasons and quarters take the direction of the statement.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from dateutil.easter import easter

from newsgraph.extract import timevalues as tv
from newsgraph.extract.timevalues import Direction

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

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
NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
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


def _title_or_upper(words: tuple[str, ...]) -> str:
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "(?-i:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_MONTH_FULL = _title_or_upper(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    )
)
_MONTH_ABBR = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|Sept\.)"
_MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})"
_WD_NAME = _title_or_upper(WEEKDAYS)
_WD_PREFIX = rf"(?:(?:{_WD_NAME}|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+)?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d,]\d)"
_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a\s+)?hundred|"
    r"(?:a\s+)?dozen|(?:a\s+)?couple(?:\s+of)?|an?)"
)
_NUM = rf"(?P<n>\d+(?:\.\d+)?|{_NUM_WORD}|several|a\s+few|few|many|some|numerous|a\s+number\s+of)"
_APPROX = (
    r"(?:(?<!\bjust\s)(?<!\bwell\s)(?P<approx>about|around|approximately|roughly|nearly|almost|"
    r"some|more\s+than|over|less\s+than|fewer\s+than|under|at\s+least|at\s+most|up\s+to|"
    r"close\s+to|the\s+better\s+part\s+of|a\s+mere)\s+)?"
)
_UNIT = (
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|decades?|century|centuries)"
)
_MOD = (
    r"(?:(?P<mod>early|mid|late|the\s+(?:very\s+)?(?:end|beginning|start|middle|rest|remainder)"
    r"\s+of)[-\s]+)?"
)
_MODS = {"early": "START", "mid": "MID", "late": "END", "end": "END", "beginning": "START",
         "start": "START", "middle": "MID"}  # fmt: skip
_APPROX_MODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
                "roughly": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
                "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
                "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
                "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
                "up to": "EQUAL_OR_LESS"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    type: TimexType
    value: str
    mod: str | None = None
    anchored: Literal["published", "reference"] | None = None
    explicit_year: bool = False
    """The text wrote the year out: such a date moves the paragraph's reference year."""


@dataclass(slots=True)
class Scope:
    """What normalisation needs besides the match itself."""

    published: dt.date | None
    direction: Callable[[int], Direction]
    """Tense of the statement around a character offset."""
    token_tag: Callable[[int], tuple[str, str, str, str]] = field(
        default=lambda i: ("", "", "", "")
    )
    """(tag, dependency, head tag, entity type) of the token at a character offset."""
    ref_day: dt.date | None = None
    """The latest day the text named (or the publication date's neighbour it resolved)."""
    ref_year: int | None = None
    ref_here: bool = False
    """Whether `ref_day` was named in the current paragraph."""

    def anchor(self) -> dt.date | None:
        return self.ref_day or self.published


Normaliser = Callable[[re.Match[str], Scope], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    guard: Callable[[re.Match[str], str, Scope], bool] | None = None


# Words one of which every match of a rule contains. Rules run only in windows around them:
# trying forty patterns at every position of an article would cost a fifth of the parse. Most
# are matched in the lower-cased text, where a case-sensitive scan is several times faster.
_TRIGGERS: dict[str, tuple[re.Pattern[str], bool]] = {
    "digit": (re.compile(r"\d"), False),
    "unit": (re.compile(r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
                        r"centur|period|time"), True),
    "plural": (re.compile(r"years|months|decades|weeks|days|hours|minutes"), True),
    "ago": (re.compile(r"ago\b"), True),
    "half": (re.compile(r"half"), True),
    "month": (re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|"
                         r"JUN|JUL|AUG|SEP|OCT|NOV|DEC"), False),
    "timeword": (re.compile(r"today|yesterday|tomorrow|tonight|night|morning|afternoon|evening|"
                            r"noon|midday|midnight"), True),
    "period": (re.compile(r"spring|summer|fall|autumn|winter|quarter|half|q[1-4]"), True),
    "ref": (re.compile(r"now|present|recent|past|future|lately|these|moment|term|ahead|coming|being"),
            True),
    "ly": (re.compile(r"ly\b"), True),
    "holiday": (re.compile(r"Christmas|Year|Thanksgiving|Easter|Halloween|Day"), False),
    "fiscal": (re.compile(r"fiscal|fy"), True),
}  # fmt: skip
_RULE_TRIGGER = {
    "iso": "digit", "slash": "digit", "mdy": "digit", "dmy": "digit", "md": "digit",
    "dm": "digit", "my": "digit", "month": "month", "year": "digit", "year_range_end": "digit",
    "fiscal": "fiscal", "decade_short": "digit", "decade": "digit", "century": "digit",
    "season": "period", "quarter": "period", "q": "period", "half": "half",
    "deictic": "timeword", "part_of_day": "timeword", "ref": "ref", "weekday": "unit",
    "weekdays": "unit", "rel_unit": "unit", "the_weekend": "unit", "the_day": "unit",
    "the_unit_span": "unit", "year_ago_period": "unit", "week_of_month": "unit",
    "per_unit": "unit", "mod_the_unit": "unit", "offset": "ago", "duration": "unit",
    "half_unit": "half", "plural_units": "plural", "set_adverb": "ly", "every_part": "timeword",
    "every": "unit", "clock": "digit", "clock24": "digit", "military": "digit",
    "noon": "timeword", "holiday": "holiday",
}  # fmt: skip
_BEFORE, _AFTER = 70, 40
"""How far a match may reach before and after its trigger word."""


def _windows(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        start, end = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    reading: Reading
    rule: str


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip().lower()


def number(s: str | None) -> float | None:
    """The value of a number written in digits or words; None for vague ones ("several")."""
    s = _norm(s)
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


def _month(m: re.Match[str]) -> int:
    return MONTHS[_norm(m.group("month")).rstrip(".")]


def _mod(m: re.Match[str]) -> str | None:
    raw = _norm(_g(m, "mod"))
    for key, mod in _MODS.items():
        if key in raw:
            return mod
    return None


def _approx(m: re.Match[str]) -> str | None:
    return _APPROX_MODS.get(_norm(_g(m, "approx")))  # None for "a mere"


def _unit(raw: str | None) -> str:
    u = _norm(raw)
    u = re.sub(r"^(?:fiscal|calendar|financial|school)\s+", "", u)
    return UNITS[u[:-1] if u.endswith("s") and u[:-1] in UNITS else u]


def _year2(y: str) -> int:
    n = int(y.lstrip("'"))
    return n if n >= 100 else (2000 + n if n < 50 else 1900 + n)


# ---------------------------------------------------------------------------------------------
# Normalisers


def _written_day(year: int, month: int, day: int) -> Reading | None:
    try:
        return Reading("DATE", tv.day(dt.date(year, month, day)), explicit_year=True)
    except ValueError:
        return None  # "February 30"


def _full_date(m: re.Match[str], s: Scope) -> Reading | None:
    return _written_day(int(m.group("year")), _month(m), int(m.group("day")))


def _iso(m: re.Match[str], s: Scope) -> Reading | None:
    reading = _written_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if reading and m.group("H"):
        return Reading("TIME", f"{reading.value}T{m.group('H')}:{m.group('M')}", explicit_year=True)
    return reading


def _slash(m: re.Match[str], s: Scope) -> Reading | None:
    return _written_day(_year2(m.group("y")), int(m.group("m")), int(m.group("d")))


def _year_of(s: Scope, month: int, day: int | None, at: int) -> int | None:
    """Year for a month (and day) written without one: the publication date's, moved by tense."""
    if s.published is None:
        return None
    return tv.year_for(s.published, month, day, s.direction(at))


def _month_day(m: re.Match[str], s: Scope) -> Reading | None:
    mon, d = _month(m), int(m.group("day"))
    year = _year_of(s, mon, d, m.start())
    if year is None:
        return Reading("DATE", f"XXXX-{mon:02d}-{d:02d}")
    try:
        return Reading("DATE", tv.day(dt.date(year, mon, d)), anchored="published")
    except ValueError:
        return None


def _month_year(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", tv.month(int(m.group("year")), _month(m)), _mod(m), explicit_year=True)


def _bare_month(m: re.Match[str], s: Scope) -> Reading | None:
    mon = _month(m)
    rel = _norm(_g(m, "rel")) or None
    if s.published is None:
        return Reading("DATE", f"XXXX-{mon:02d}", _mod(m))
    if rel in ("last", "next", "this", "past", "coming") and s.published is not None:
        p = s.published
        if rel in ("last", "past"):
            # Of the month before last a writer says "in August" or "last month"; "last
            # August" then means the year before.
            year = p.year if 0 < p.month - mon > 2 else p.year - 1
        elif rel in ("next", "coming"):
            year = p.year if mon > p.month else p.year + 1
        else:
            year = p.year
    else:
        y = _year_of(s, mon, None, m.start())
        if y is None:
            return None
        year = y
    return Reading("DATE", tv.month(year, mon), _mod(m), anchored="published")


def _year(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", m.group("year"), _mod(m), explicit_year=True)


def _range_end_year(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", f"{m.group('c')}{m.group('yy')}")


def _fiscal(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", f"FY{_year2(m.group('fy')):04d}", explicit_year=True)


def _decade(m: re.Match[str], s: Scope) -> Reading | None:
    raw = m.group("dec").lstrip("'")
    year = int(raw) if len(raw) == 4 else _year2(raw)
    return Reading("DATE", f"{year // 10:03d}", _mod(m))


def _century(m: re.Match[str], s: Scope) -> Reading | None:
    n = int(m.group("cn"))
    return Reading("DATE", f"{n - 1:02d}", _mod(m))


def _season(m: re.Match[str], s: Scope) -> Reading | None:
    idx = SEASON_CODES[_norm(m.group("season"))]
    code = tv.SEASONS[idx]
    if m.group("year"):
        return Reading("DATE", f"{m.group('year')}-{code}", _mod(m), explicit_year=True)
    if s.published is None:
        return Reading("DATE", f"XXXX-{code}", _mod(m))
    rel = _norm(_g(m, "rel")) or None
    rel = {"past": "last", "coming": "next"}.get(rel or "", rel)
    cur_year, cur = tv.season_of(s.published)
    year = tv.period_year(s.published, idx, cur, s.direction(m.start()), rel)
    # The winter that has begun belongs to the year it began in.
    if rel in (None, "this") and idx == 3 and cur == 3:
        year = cur_year
    return Reading("DATE", f"{year:04d}-{code}", _mod(m), anchored="published")


def _period_of_year(kind: str, idx: int, m: re.Match[str], s: Scope) -> Reading | None:
    letter = {"quarter": "Q", "half": "H"}[kind]
    if m.group("year"):
        return Reading("DATE", f"{m.group('year')}-{letter}{idx}", explicit_year=True)
    yrel = _norm(_g(m, "yrel")) or None
    if s.published is None:
        return Reading("DATE", f"XXXX-{letter}{idx}")
    p = s.published
    if yrel:
        year = p.year + {"this": 0, "last": -1, "next": 1, "the": 0, "the current": 0}.get(yrel, 0)
        return Reading("DATE", f"{year:04d}-{letter}{idx}", anchored="published")
    current = tv.quarter_of(p) if kind == "quarter" else (1 if p.month <= 6 else 2)
    year = tv.period_year(p, idx, current, s.direction(m.start()), None)
    return Reading("DATE", f"{year:04d}-{letter}{idx}", anchored="published")


def _quarter(m: re.Match[str], s: Scope) -> Reading | None:
    word = _norm(m.group("ord"))
    if word in ("last", "final", "past", "previous"):
        if m.group("year") or _g(m, "yrel"):
            return _period_of_year("quarter", 4, m, s)
        if s.published is None:
            return Reading("DATE", "XXXX-QX")
        return Reading("DATE", tv.at(tv.shift(s.published, -1, "quarter"), "quarter"),
                       anchored="published")  # fmt: skip
    return _period_of_year("quarter", ORDINALS[word], m, s)


def _q(m: re.Match[str], s: Scope) -> Reading | None:
    return _period_of_year("quarter", int(m.group("q")), m, s)


def _half(m: re.Match[str], s: Scope) -> Reading | None:
    return _period_of_year("half", 1 if _norm(m.group("ord")) == "first" else 2, m, s)


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _deictic(m: re.Match[str], s: Scope) -> Reading | None:
    word = _norm(m.group("w"))
    pod = _norm(_g(m, "pod")) or None
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    elif word == "last night":
        offset, pod = -1, "night"
    else:
        offset = _DEICTIC_DAYS[re.sub(r"^(?:earlier|later)\s+", "", word.split("'")[0])]
    if word == "tonight":
        pod = "night"
    d = s.published + dt.timedelta(days=offset) if s.published else None
    if pod:
        return Reading("TIME", f"{tv.at(d, 'day')}T{PARTS_OF_DAY[pod]}", anchored="published")
    return Reading("DATE", tv.at(d, "day"), anchored="published")


def _this_part_of_day(m: re.Match[str], s: Scope) -> Reading | None:
    pod = PARTS_OF_DAY[_norm(m.group("pod"))]
    return Reading("TIME", f"{tv.at(s.published, 'day')}T{pod}", anchored="published")


_REFS = {"now": "PRESENT_REF", "at present": "PRESENT_REF",
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


def _ref(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", _REFS[_norm(m.group("w"))])


def _weekday_name(raw: str) -> int:
    w = _norm(raw).rstrip(".")
    return WEEKDAYS.index(w) if w in WEEKDAYS else _WEEKDAY_ABBR[w]


def _weekday(m: re.Match[str], s: Scope) -> Reading | None:
    wd = _weekday_name(m.group("wd"))
    rel = _norm(_g(m, "rel")) or None
    rel = {"past": "last", "coming": "next"}.get(rel or "", rel)
    pod = _norm(_g(m, "pod")) or None
    anchor = s.published
    if anchor is None:
        d_val = f"XXXX-WXX-{wd + 1}"
    else:
        d_val = tv.day(tv.weekday_date(anchor, wd, rel, s.direction(m.start())))
    if pod:
        return Reading("TIME", f"{d_val}T{PARTS_OF_DAY[pod]}", anchored="published")
    return Reading("DATE", d_val, _mod(m), anchored="published")


def _weekdays_set(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", f"XXXX-WXX-{_weekday_name(m.group('wd')) + 1}")


_REL_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
              "next": 1, "coming": 1, "earlier this": 0, "later this": 0, "the same": 0,
              "that": 0, "the following": 1, "the previous": -1, "the preceding": -1,
              "the next": 1, "the prior": -1, "prior": -1, "earlier that": 0,
              "later that": 0, "the": 0}  # fmt: skip
_ANAPHORIC = ("the same", "that", "the following", "the previous", "the preceding",
              "earlier that", "later that", "the prior")  # fmt: skip


def _rel_unit(m: re.Match[str], s: Scope) -> Reading | None:
    rel = _norm(m.group("rel"))
    unit = _unit(m.group("unit"))
    mod = _mod(m)
    if rel in ("the next", "the past", "the last", "the coming") and unit != "day":
        if unit == "weekend":
            return None
        return Reading("DURATION", tv.duration(1, unit), mod)
    if rel in ("the next", "the last", "the past") and unit == "day":
        rel = {"the next": "the following", "the last": "the previous", "the past": "the previous"}[
            rel
        ]
    anaphoric = rel in _ANAPHORIC
    anchor = s.anchor() if anaphoric else s.published
    if unit == "year" and anaphoric and s.ref_year is not None:
        return Reading("DATE", f"{s.ref_year + _REL_SHIFT[rel]:04d}", mod, anchored="reference")
    if anchor is None:
        return Reading("DATE", tv.at(None, unit), mod)
    if unit == "day" and not anaphoric:
        return None  # "this day", "last day": not a deictic date
    if unit == "weekend" and rel in ("last", "past", "previous") and anchor.weekday() >= 5:
        shifted = anchor - dt.timedelta(days=7)
    else:
        shifted = tv.shift(anchor, _REL_SHIFT[rel], unit)
    if unit == "weekend" and rel == "this" and anchor.weekday() >= 5:
        shifted = anchor
    value = tv.at(shifted, unit)
    return Reading(
        "DATE", value, mod, anchored="reference" if anaphoric and s.ref_day else "published"
    )


def _the_weekend(m: re.Match[str], s: Scope) -> Reading | None:
    p = s.published
    if p is None:
        return Reading("DATE", "XXXX-WXX-WE")
    if s.direction(m.start()) == "future" and p.weekday() < 5:
        return Reading("DATE", tv.week(p, weekend=True), anchored="published")
    if p.weekday() >= 5:
        return Reading("DATE", tv.week(p, weekend=True), anchored="published")
    return Reading("DATE", tv.week(p - dt.timedelta(days=7), weekend=True), anchored="published")


def _mod_the_unit(m: re.Match[str], s: Scope) -> Reading | None:
    unit = _unit(m.group("unit"))
    if unit == "day":
        return _the_day(m, s)
    return Reading("DATE", tv.at(s.published, unit), _mod(m), anchored="published")


def _the_day(m: re.Match[str], s: Scope) -> Reading | None:
    if s.ref_here and s.ref_day is not None:
        return Reading("DATE", tv.day(s.ref_day), anchored="reference")
    return Reading("DATE", tv.at(s.published, "day"), anchored="published")


def _the_unit_span(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DURATION", tv.duration(1, _unit(m.group("unit"))))


def _year_ago_period(m: re.Match[str], s: Scope) -> Reading | None:
    unit = _norm(m.group("unit"))
    unit = {"period": "year", "time": "year"}.get(unit, unit)
    anchor = s.anchor()
    if anchor is None:
        return Reading("DATE", tv.at(None, unit))
    return Reading("DATE", tv.at(tv.shift(anchor, -1, "year"), unit), anchored="published")


def _week_of_month(m: re.Match[str], s: Scope) -> Reading | None:
    mon = _month(m)
    year = int(m.group("year")) if m.group("year") else _year_of(s, mon, None, m.start())
    if year is None:
        return Reading("DATE", "XXXX-WXX")
    first = dt.date(year, mon, 1)
    last = tv.shift(first, 1, "month") - dt.timedelta(days=1)
    which = _norm(m.group("ord"))
    if which in ("last", "final"):
        d = last - dt.timedelta(days=3)
    else:
        d = first + dt.timedelta(days=3 + 7 * (ORDINALS.get(which, 1) - 1))
    return Reading("DATE", tv.week(d), explicit_year=bool(m.group("year")))


def _per_unit(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", tv.duration(1, _unit(m.group("unit"))))


def _granularity(unit: str) -> str:
    return {"fortnight": "week", "weekend": "week", "hour": "day", "minute": "day",
            "second": "day"}.get(unit, unit)  # fmt: skip


def _offset(m: re.Match[str], s: Scope) -> Reading | None:
    n = number(m.group("n"))
    unit = _unit(m.group("unit"))
    direction = _norm(m.group("dir"))
    anaphoric = direction in ("later", "earlier", "before", "after", "afterwards", "on")
    anchor = s.anchor() if anaphoric else s.published
    if n is None or anchor is None or not float(n).is_integer():
        return Reading("DATE", "PAST_REF" if direction in ("ago", "earlier", "before") else
                       "FUTURE_REF")  # fmt: skip
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if unit == "fortnight":
        n, unit = n * 2, "week"
    d = tv.shift(anchor, sign * int(n), "day" if unit in ("hour", "minute", "second") else unit)
    if unit in ("hour", "minute", "second"):
        d = anchor
    grain = "day" if unit == "week" else _granularity(unit)
    return Reading("DATE", tv.at(d, grain), _approx(m),
                   anchored="reference" if anaphoric and s.ref_day else "published")  # fmt: skip


def _duration(m: re.Match[str], s: Scope) -> Reading | None:
    raw_n = _norm(m.group("n"))
    n = number(raw_n)
    unit = _unit(m.group("unit"))
    if unit == "second" and raw_n in ("a", "an", "one"):
        return None
    if n is not None and (_g(m, "half") or _g(m, "half2")):
        n += 0.5
    if unit == "fortnight" and n is not None:
        n, unit = n * 2, "week"
    return Reading("DURATION", tv.duration(n, unit), _approx(m))


def _half_unit(m: re.Match[str], s: Scope) -> Reading | None:
    unit = _unit(m.group("unit"))
    if unit == "hour":
        return Reading("DURATION", "PT30M", _approx(m))
    if unit == "year":
        return Reading("DURATION", "P6M", _approx(m))
    if unit == "day":
        return Reading("DURATION", "PT12H", _approx(m))
    return Reading("DURATION", tv.duration(0.5, unit), _approx(m))


def _plural_units(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DURATION", tv.duration(None, _unit(m.group("unit"))))


_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D",
                "biweekly": "P2W", "biannually": "P6M"}  # fmt: skip


def _set_adverb(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", _SET_ADVERBS[_norm(m.group("w"))])


def _every(m: re.Match[str], s: Scope) -> Reading | None:
    n = number(_g(m, "n")) if _g(m, "n") else 1.0
    return Reading("SET", tv.duration(n, _unit(m.group("unit"))))


_DAY_WORD = rf"(?:\s+(?:on\s+)?(?P<dayword>today|tonight|yesterday|tomorrow|{_WD_NAME}))?"


def _clock_date(m: re.Match[str], s: Scope) -> str:
    word = _norm(_g(m, "dayword"))
    if word and s.published is not None:
        if word in _DEICTIC_DAYS:
            return tv.day(s.published + dt.timedelta(days=_DEICTIC_DAYS[word]))
        wd = _weekday_name(word)
        return tv.day(tv.weekday_date(s.published, wd, None, s.direction(m.start())))
    return tv.at(s.ref_day if s.ref_here else s.published, "day")


def _every_part(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[_norm(m.group('pod'))]}")


def _time_of_day(m: re.Match[str], s: Scope) -> Reading | None:
    h = int(m.group("h"))
    minute = int(m.group("min") or 0)
    ampm = _norm(_g(m, "ampm")).replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 24 or minute > 59:
        return None
    tz = _norm(_g(m, "tz")).upper()
    suffix = "Z" if tz == "UTC" else ""
    if _g(m, "sec"):
        return Reading("TIME", f"{_clock_date(m, s)}T{h:02d}:{minute:02d}:{m.group('sec')}{suffix}",
                       anchored="published")  # fmt: skip
    return Reading("TIME", f"{_clock_date(m, s)}T{h:02d}:{minute:02d}{suffix}",
                   anchored="published")  # fmt: skip


def _noon(m: re.Match[str], s: Scope) -> Reading | None:
    hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[_norm(m.group("w"))]
    return Reading("TIME", f"{_clock_date(m, s)}T{hm}", anchored="published")


def _holiday_date(name: str, year: int) -> dt.date:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "independence day": (7, 4), "valentine's day": (2, 14), "boxing day": (12, 26),
             "new year's": (1, 1), "new year": (1, 1), "veterans day": (11, 11)}  # fmt: skip
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "labor day":
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    raise KeyError(name)


def _holiday(m: re.Match[str], s: Scope) -> Reading | None:
    name = _norm(m.group("hol")).replace("’", "'")
    if m.group("year"):
        return Reading(
            "DATE", tv.day(_holiday_date(name, int(m.group("year")))), explicit_year=True
        )
    if s.published is None:
        return Reading("DATE", "XXXX-XX-XX")
    guess = _holiday_date(name, s.published.year)
    year = tv.year_for(s.published, guess.month, guess.day, s.direction(m.start()))
    return Reading("DATE", tv.day(_holiday_date(name, year)), anchored="published")


# ---------------------------------------------------------------------------------------------
# Guards: reject matches that only look like time expressions


def _not_modal_or_name(m: re.Match[str], text: str, s: Scope) -> bool:
    """ "May" the modal verb, "March" the verb, "April Ryan" the person."""
    tag, _, _, ent = s.token_tag(m.start("month"))
    return tag not in ("MD", "VB", "VBP", "VBZ", "VBD") and ent not in ("PERSON", "ORG")


_COUNT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|[a-z]+s\b(?<!days)(?<!years)(?<!months)(?<!weeks)|"
    r"(?:million|billion|trillion|thousand|pounds|dollars|euros|yuan|kg|km|feet|metres|meters)\b)",
)


def _looks_like_year(m: re.Match[str], text: str, s: Scope) -> bool:
    start = m.start("year")
    before = text[max(0, start - 12) : start]
    if re.search(r"[$€£¥#]\s*$|\d[.,]?$|No\.\s*$|[Nn]umber\s+$|\bFlight\s+$|\broute\s+$", before):
        return False
    after = text[m.end("year") : m.end("year") + 25]
    if re.match(
        r"[.,]\d|\s*(?:%|percent)|-(?:\d{3}|year)|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hours\b|GMT|UTC)",
        after,
    ):
        return False
    _, dep, head_tag, _ = s.token_tag(start)
    if dep == "nummod" and head_tag == "NNS":
        return False
    year = int(m.group("year"))
    if year < 1900 and not re.search(r"\b(?:in|since|of|from|until|by|to|and)\s+$", before):
        return False
    return not (
        re.match(_COUNT_AFTER, after)
        and dep in ("nummod", "")
        and not re.search(r"\b(?:in|since|of|from|until|by|to|between|and)\s+$", before)
    )


def _season_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    if m.group("year") or _g(m, "rel") or _g(m, "mod"):
        return True
    word = m.group("season")
    before = text[max(0, m.start() - 20) : m.start()]
    after = text[m.end() : m.end() + 12]
    the = m.group(0).lower().startswith("the")
    if the and re.match(r"\s+(?:of|in)\b", after) and word.lower() in ("fall", "spring"):
        return False
    if the:
        return True
    return bool(
        re.search(
            r"\b(?:in|during|by|until|since|through|over|for|of|this|their|its|our)\s+$", before
        )
    )


def _weekday_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    # "Black Friday", "Super Tuesday" are names; "Friday prayers" still dates in news.
    before = text[max(0, m.start() - 8) : m.start()]
    return not re.search(r"(?:Black|Super|Good|Cyber|Ash|Palm|Bloody)\s+$", before)


def _duration_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    after = text[m.end() : m.end() + 8]
    if re.match(r"[-\s]+olds?\b", after):
        return False  # ages are not time expressions here
    # "a quarter of the dealers", "three quarters of", "a second time": fractions, ordinals
    unit = m.group("unit").lower()
    fraction = unit == "quarter" or (unit == "quarters" and _norm(m.group("n")) == "three")
    return not ((fraction or unit == "second") and re.match(r"\s+(?:of|time)\b", after))


_NUMBERISH = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|percent|times|once|twice|dollars|"
    r"euros|pounds|yuan|barrels|tons|tonnes|people|units|vehicles|cars|aircraft|planes)\b)",
    re.IGNORECASE,
)


def _per_unit_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    return m.group(0).lower().startswith("per") or bool(_NUMBERISH.search(m.group("pre")))


def _plural_units_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    """Bare "for years", "in minutes", "weeks of talks"; not "those days", "the years when"."""
    pre = _norm(m.group("pre"))
    return pre not in ("the", "these", "those", "their", "his", "her", "its", "our", "my", "your",
                       "of", "early", "first", "last", "next", "past", "final", "recent", "coming",
                       "few", "several", "many", "some") and not re.fullmatch(r"[\d.,-]+|\w+-", pre)  # fmt: skip


def _the_day_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    """ "Rose 2% on the day", "The day ended": the day the text is about; not "the day of the
    vote", "the day when", "all the day"."""
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 12]
    if re.search(r"\b(?:all|to|every|each|one|what|a)\s+$", before, re.IGNORECASE):
        return False
    return not re.match(
        r"\s*(?:of|before|after|when|that|which|where|he|she|they|we|I)\b|['’-]", after
    )


def _span_unit_ok(m: re.Match[str], text: str, s: Scope) -> bool:
    return not re.match(
        r"\s*(?:of|before|after|when|that|ahead)\b|['’-]", text[m.end() : m.end() + 10]
    )


# ---------------------------------------------------------------------------------------------
# The rules


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_HOLIDAYS = (
    r"(?P<hol>Christmas\s+(?:Eve|Day)|Christmas|New\s+Year['’]s\s+(?:Day|Eve)|New\s+Year['’]s|"
    r"Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Halloween|Independence\s+Day|"
    r"Valentine['’]s\s+Day|Labor\s+Day|Memorial\s+Day|Boxing\s+Day|Veterans\s+Day)"
)
_REF_WORDS = "|".join(
    sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _REFS), key=len, reverse=True)
)
_REL_WORDS = (
    r"(?P<rel>this|current|the\s+current|last|past|previous|next|coming|earlier\s+this|"
    r"later\s+this|earlier\s+that|later\s+that|the\s+same|that|the\s+following|the\s+previous|"
    r"the\s+preceding|the\s+prior|the\s+next|the\s+past|the\s+last|the\s+coming)"
)

RULES: tuple[Rule, ...] = (
    Rule("iso", _r(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T\s](?P<H>\d\d):(?P<M>\d\d)(?::\d\d)?)?\b"), _iso),
    Rule("slash", _r(r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d\d)\b"), _slash),
    Rule("mdy", _r(rf"\b{_WD_PREFIX}(?:the\s+)?{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b"), _full_date),
    Rule("dmy", _r(rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"), _full_date),
    Rule("md", _r(rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}\b(?!,?\s*\d)"), _month_day),
    Rule("dm", _r(rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}\b(?!,?\s*\d)"), _month_day),
    Rule("my", _r(rf"\b{_MOD}{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b"), _month_year),
    Rule("month", _r(rf"\b{_MOD}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<month>{_MONTH_FULL})\b(?!\s*\d)"),
         _bare_month, _not_modal_or_name),
    Rule("year", _r(rf"(?<![\w$€£#.,/-]){_MOD}(?:the\s+year\s+)?{_YEAR}\b(?!-\d(?!\d(?:\D|$)))"), _year, _looks_like_year),
    Rule("year_range_end", re.compile(r"(?<=\b(?P<c>1[5-9]|20)\d\d[-–])(?P<yy>\d\d)\b(?![-/]\d)"), _range_end_year),
    Rule("fiscal", _r(r"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<fy>\d{4}|'?\d\d)\b"), _fiscal),
    Rule("decade_short", _r(r"(?P<pre>\b(?:the|early|late|mid)[-\s]+|\d0'?s\s+(?:and|or|to)\s+)(?P<t>(?P<dec>[1-9]0)s)\b"), _decade),
    Rule("decade", _r(rf"\b(?:the\s+)?{_MOD}(?P<dec>1[5-9]\d0|20\d0|'\d0)'?s\b"), _decade),
    Rule("century", _r(rf"\b{_MOD}(?P<cn>\d{{1,2}})(?:st|nd|rd|th)[-\s]century\b"), _century),
    Rule("season", _r(rf"\b{_MOD}(?:(?P<rel>last|this|next|past|coming)\s+|the\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?{_YEAR})?\b"),
         _season, _season_ok),
    Rule("quarter", _r(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|past|previous|1st|2nd|3rd|4th)[-\s](?:fiscal\s+|calendar\s+)?quarter(?:\s+of\s+(?:(?:fiscal\s+)?{_YEAR}|(?P<yrel>this|last|next|the\s+current|the)\s+(?:fiscal\s+|calendar\s+)?year))?\b"), _quarter),
    Rule("q", _r(rf"\bQ(?P<q>[1-4])(?:\s+{_YEAR})?\b"), _q),
    Rule("half", _r(rf"\b(?:the\s+)?(?P<ord>first|second)[-\s]half(?:\s+of\s+(?:{_YEAR}|(?P<yrel>this|last|next|the)\s+year))?\b"), _half),
    Rule("deictic", _r(r"\b(?P<w>(?:earlier|later)\s+today|today|yesterday|tomorrow|tonight|last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"), _deictic),
    Rule("part_of_day", _r(r"\b(?:this|early\s+this|late\s+this|earlier\s+this|later\s+this)\s+(?P<pod>morning|afternoon|evening)\b"), _this_part_of_day),
    Rule("ref", _r(rf"(?<![\w-])(?P<w>{_REF_WORDS})\b(?!-)"), _ref),
    Rule("weekday", _r(rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?{_MOD}(?P<wd>{_WD_NAME})(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"), _weekday, _weekday_ok),
    Rule("weekdays", _r(rf"\b(?P<wd>{_WD_NAME})s\b"), _weekdays_set),
    Rule("rel_unit", _r(rf"\b{_MOD}{_REL_WORDS}\s+(?P<unit>(?:fiscal\s+|calendar\s+|financial\s+)?year|week|weekend|month|quarter|decade|century|day)\b"), _rel_unit),
    Rule("the_weekend", _r(r"\bthe\s+weekend\b"), _the_weekend),
    Rule("the_day", _r(r"\bthe\s+day\b"), _the_day, _the_day_ok),
    Rule("the_unit_span", _r(r"\b(?:for|over|throughout)\s+(?P<t>the\s+(?P<unit>week|month|year|quarter))\b"), _the_unit_span, _span_unit_ok),
    Rule("year_ago_period", _r(r"\bthe\s+same\s+(?P<unit>period|month|quarter|week|day|time)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year|the\s+year\s+before)\b"), _year_ago_period),
    Rule("week_of_month", _r(rf"\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+{_MONTH}(?:,?\s+{_YEAR})?\b"), _week_of_month),
    Rule("per_unit", _r(r"(?P<pre>\S+)\s+(?P<t>(?:a|an|per)\s+(?P<unit>year|month|week|day|hour))\b(?!\s+(?:ago|later|earlier|or|and)\b)"), _per_unit, _per_unit_ok),
    Rule("mod_the_unit", _r(r"\b(?P<mod>early|late|the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+in)?\s+(?:the\s+)?(?P<unit>year|month|week|day)\b"), _mod_the_unit),
    Rule("offset", _r(rf"\b{_APPROX}{_NUM}\s+(?:(?:trading|business|working)\s+)?{_UNIT}\s+(?P<dir>ago)\b"), _offset),
    Rule("duration", _r(rf"\b(?:the\s+(?:past|last|next|first|previous|coming|final|remaining|following|same|entire|whole)\s+)?{_APPROX}{_NUM}(?P<half>\s+and\s+a\s+half)?[-\s]+(?:(?:trading|business|working|calendar|consecutive|straight|full|long|more)\s+)?{_UNIT}(?P<half2>\s+and\s+a\s+half)?(?:\b|(?<=s)'(?!\w))"), _duration, _duration_ok),
    Rule("half_unit", _r(rf"\b{_APPROX}(?:half\s+an?|a\s+half)[-\s]+{_UNIT}\b"), _half_unit),
    Rule("plural_units", re.compile(r"(?P<pre>\S+\s+)?(?P<t>(?P<unit>years|months|decades|weeks|days|hours|minutes))\b(?!['’-])"), _plural_units, _plural_units_ok),
    Rule("set_adverb", _r(r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|biannually)\b"), _set_adverb),
    Rule("every_part", _r(r"\b(?:every|each)\s+(?P<pod>morning|afternoon|evening|night)\b"), _every_part),
    Rule("every", _r(r"\b(?:every|each|per|(?:once|twice|\w+\s+times)\s+(?:a|an|per|every))\s+(?:(?P<n>other|\d+|two|three|four|five|six|ten)\s+)?(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade)s?\b"), _every),
    Rule("clock", _r(rf"\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)(?:\s+(?P<tz>UTC|GMT|[ECMP][SD]?T\b|local\s+time))?{_DAY_WORD}"), _time_of_day),
    Rule("clock24", _r(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?:\s*(?P<tz>UTC|GMT|[ECMP][SD]?T\b|local\s+time))?(?!\d|:\d){_DAY_WORD}"), _time_of_day),
    Rule("military", re.compile(rf"\b(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?P<tz>UTC|GMT|GMT|hours\b){_DAY_WORD}"), _time_of_day),
    Rule("noon", _r(r"\b(?P<w>noon|midday|midnight)\b"), _noon),
    Rule("holiday", re.compile(rf"\b{_HOLIDAYS}(?:\s+{_YEAR})?\b"), _holiday),
)  # fmt: skip


def find_timexes(
    text: str,
    scope_for: Callable[[], Scope],
    *,
    paragraph_breaks: tuple[int, ...] = (),
) -> list[Found]:
    """Every time expression in `text`, normalised, in text order.

    Matches of all rules are collected and the longest non-overlapping ones kept; they are then
    normalised left to right so that each can use the reference date the earlier ones set.
    """
    scope = scope_for()
    lowered = text.lower()
    windows = {
        name: _windows(lowered if lower else text, trigger)
        for name, (trigger, lower) in _TRIGGERS.items()
    }
    candidates: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for priority, rule in enumerate(RULES):
        has_t = "t" in rule.pattern.groupindex
        for w_start, w_end in windows[_RULE_TRIGGER[rule.name]]:
            for m in rule.pattern.finditer(text, w_start, w_end):
                start, end = m.span("t") if has_t and m.group("t") is not None else m.span()
                if end > start and (rule.guard is None or rule.guard(m, text, scope)):
                    candidates.append((start, end, priority, rule, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    for start, end, _, rule, m in candidates:
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, rule, m))
    taken.sort(key=lambda t: t[0])

    found: list[Found] = []
    breaks = sorted(paragraph_breaks)
    paragraph = 0
    for start, end, rule, m in taken:
        para = bisect.bisect_right(breaks, start)
        if para != paragraph:
            paragraph, scope.ref_here = para, False
        reading = rule.normalise(m, scope)
        if reading is None:
            continue
        if "t" in rule.pattern.groupindex and m.group("t") is not None:
            start, end = m.span("t")
        found.append(Found(start, end, reading, rule.name))
        _move_reference(scope, reading)
    return found


def _move_reference(scope: Scope, reading: Reading) -> None:
    if reading.type not in ("DATE", "TIME"):
        return
    value = reading.value
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        scope.ref_day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        scope.ref_here = True
    if reading.explicit_year and re.match(r"\d{4}", value):
        scope.ref_year = int(value[:4])
