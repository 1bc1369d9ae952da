"""Normalise a recognised time expression to a TIMEX3 type and value.

A normaliser turns a rule's match into a `Reading` given the `Scope`: the publication date, the
tense of the statement around the match and the reference date the text has moved to.

Anchoring: deictic expressions ("yesterday", "last year", "Thursday") count from the
publication date; anaphoric ones ("the next day", "two days later", "that year") count from
the latest date mentioned before them in the same paragraph, falling back to the publication
date. Weekdays, bare months, seasons and quarters take the direction of the statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from dateutil.easter import easter

from newsgraph.extract import timevalues as tv
from newsgraph.extract import timewords as tw
from newsgraph.extract.timevalues import Direction

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


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


# ---------------------------------------------------------------------------------------------
# Normalisers


def _written_day(year: int, month: int, day: int) -> Reading | None:
    try:
        return Reading("DATE", tv.day(dt.date(year, month, day)), explicit_year=True)
    except ValueError:
        return None  # "February 30"


def full_date(m: re.Match[str], s: Scope) -> Reading | None:
    return _written_day(int(m.group("year")), tw.month(m), int(m.group("day")))


def iso(m: re.Match[str], s: Scope) -> Reading | None:
    reading = _written_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if reading and m.group("H"):
        return Reading("TIME", f"{reading.value}T{m.group('H')}:{m.group('M')}", explicit_year=True)
    return reading


def slash(m: re.Match[str], s: Scope) -> Reading | None:
    return _written_day(tw.year2(m.group("y")), int(m.group("m")), int(m.group("d")))


def _year_of(s: Scope, month: int, day: int | None, at: int) -> int | None:
    """Year for a month (and day) written without one: the publication date's, moved by tense."""
    if s.published is None:
        return None
    return tv.year_for(s.published, month, day, s.direction(at))


def month_day(m: re.Match[str], s: Scope) -> Reading | None:
    mon, d = tw.month(m), int(m.group("day"))
    year = _year_of(s, mon, d, m.start())
    if year is None:
        return Reading("DATE", f"XXXX-{mon:02d}-{d:02d}")
    try:
        return Reading("DATE", tv.day(dt.date(year, mon, d)), anchored="published")
    except ValueError:
        return None


def month_year(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading(
        "DATE", tv.month(int(m.group("year")), tw.month(m)), tw.mod(m), explicit_year=True
    )


def bare_month(m: re.Match[str], s: Scope) -> Reading | None:
    mon = tw.month(m)
    rel = tw.norm(tw.group(m, "rel")) or None
    if s.published is None:
        return Reading("DATE", f"XXXX-{mon:02d}", tw.mod(m))
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
    return Reading("DATE", tv.month(year, mon), tw.mod(m), anchored="published")


def year(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", m.group("year"), tw.mod(m), explicit_year=True)


def range_end_year(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", f"{m.group('c')}{m.group('yy')}")


def fiscal(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", f"FY{tw.year2(m.group('fy')):04d}", explicit_year=True)


def decade(m: re.Match[str], s: Scope) -> Reading | None:
    raw = m.group("dec").lstrip("'")
    year = int(raw) if len(raw) == 4 else tw.year2(raw)
    return Reading("DATE", f"{year // 10:03d}", tw.mod(m))


def century(m: re.Match[str], s: Scope) -> Reading | None:
    n = int(m.group("cn"))
    return Reading("DATE", f"{n - 1:02d}", tw.mod(m))


def season(m: re.Match[str], s: Scope) -> Reading | None:
    idx = tw.SEASON_CODES[tw.norm(m.group("season"))]
    code = tv.SEASONS[idx]
    if m.group("year"):
        return Reading("DATE", f"{m.group('year')}-{code}", tw.mod(m), explicit_year=True)
    if s.published is None:
        return Reading("DATE", f"XXXX-{code}", tw.mod(m))
    rel = tw.norm(tw.group(m, "rel")) or None
    rel = {"past": "last", "coming": "next"}.get(rel or "", rel)
    cur_year, cur = tv.season_of(s.published)
    year = tv.period_year(s.published, idx, cur, s.direction(m.start()), rel)
    # The winter that has begun belongs to the year it began in.
    if rel in (None, "this") and idx == 3 and cur == 3:
        year = cur_year
    return Reading("DATE", f"{year:04d}-{code}", tw.mod(m), anchored="published")


def _period_of_year(kind: str, idx: int, m: re.Match[str], s: Scope) -> Reading | None:
    letter = {"quarter": "Q", "half": "H"}[kind]
    if m.group("year"):
        return Reading("DATE", f"{m.group('year')}-{letter}{idx}", explicit_year=True)
    yrel = tw.norm(tw.group(m, "yrel")) or None
    if s.published is None:
        return Reading("DATE", f"XXXX-{letter}{idx}")
    p = s.published
    if yrel:
        year = p.year + {"this": 0, "last": -1, "next": 1, "the": 0, "the current": 0}.get(yrel, 0)
        return Reading("DATE", f"{year:04d}-{letter}{idx}", anchored="published")
    current = tv.quarter_of(p) if kind == "quarter" else (1 if p.month <= 6 else 2)
    year = tv.period_year(p, idx, current, s.direction(m.start()), None)
    return Reading("DATE", f"{year:04d}-{letter}{idx}", anchored="published")


def quarter(m: re.Match[str], s: Scope) -> Reading | None:
    word = tw.norm(m.group("ord"))
    if word in ("last", "final", "past", "previous"):
        if m.group("year") or tw.group(m, "yrel"):
            return _period_of_year("quarter", 4, m, s)
        if s.published is None:
            return Reading("DATE", "XXXX-QX")
        return Reading("DATE", tv.at(tv.shift(s.published, -1, "quarter"), "quarter"),
                       anchored="published")  # fmt: skip
    return _period_of_year("quarter", tw.ORDINALS[word], m, s)


def q(m: re.Match[str], s: Scope) -> Reading | None:
    return _period_of_year("quarter", int(m.group("q")), m, s)


def half(m: re.Match[str], s: Scope) -> Reading | None:
    return _period_of_year("half", 1 if tw.norm(m.group("ord")) == "first" else 2, m, s)


def deictic(m: re.Match[str], s: Scope) -> Reading | None:
    word = tw.norm(m.group("w"))
    pod = tw.norm(tw.group(m, "pod")) or None
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    elif word == "last night":
        offset, pod = -1, "night"
    else:
        offset = tw.DEICTIC_DAYS[re.sub(r"^(?:earlier|later)\s+", "", word.split("'")[0])]
    if word == "tonight":
        pod = "night"
    d = s.published + dt.timedelta(days=offset) if s.published else None
    if pod:
        return Reading("TIME", f"{tv.at(d, 'day')}T{tw.PARTS_OF_DAY[pod]}", anchored="published")
    return Reading("DATE", tv.at(d, "day"), anchored="published")


def this_part_of_day(m: re.Match[str], s: Scope) -> Reading | None:
    pod = tw.PARTS_OF_DAY[tw.norm(m.group("pod"))]
    return Reading("TIME", f"{tv.at(s.published, 'day')}T{pod}", anchored="published")


def ref(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DATE", tw.REFS[tw.norm(m.group("w"))])


def weekday(m: re.Match[str], s: Scope) -> Reading | None:
    wd = tw.weekday_name(m.group("wd"))
    rel = tw.norm(tw.group(m, "rel")) or None
    rel = {"past": "last", "coming": "next"}.get(rel or "", rel)
    pod = tw.norm(tw.group(m, "pod")) or None
    anchor = s.published
    if anchor is None:
        d_val = f"XXXX-WXX-{wd + 1}"
    else:
        d_val = tv.day(tv.weekday_date(anchor, wd, rel, s.direction(m.start())))
    if pod:
        return Reading("TIME", f"{d_val}T{tw.PARTS_OF_DAY[pod]}", anchored="published")
    return Reading("DATE", d_val, tw.mod(m), anchored="published")


def weekdays_set(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", f"XXXX-WXX-{tw.weekday_name(m.group('wd')) + 1}")


def rel_unit(m: re.Match[str], s: Scope) -> Reading | None:
    rel = tw.norm(m.group("rel"))
    unit = tw.unit(m.group("unit"))
    mod = tw.mod(m)
    if rel in ("the next", "the past", "the last", "the coming") and unit != "day":
        if unit == "weekend":
            return None
        return Reading("DURATION", tv.duration(1, unit), mod)
    if rel in ("the next", "the last", "the past") and unit == "day":
        rel = {"the next": "the following", "the last": "the previous", "the past": "the previous"}[
            rel
        ]
    anaphoric = rel in tw.ANAPHORIC
    anchor = s.anchor() if anaphoric else s.published
    if unit == "year" and anaphoric and s.ref_year is not None:
        return Reading("DATE", f"{s.ref_year + tw.REL_SHIFT[rel]:04d}", mod, anchored="reference")
    if anchor is None:
        return Reading("DATE", tv.at(None, unit), mod)
    if unit == "day" and not anaphoric:
        return None  # "this day", "last day": not a deictic date
    if unit == "weekend" and rel in ("last", "past", "previous") and anchor.weekday() >= 5:
        shifted = anchor - dt.timedelta(days=7)
    else:
        shifted = tv.shift(anchor, tw.REL_SHIFT[rel], unit)
    if unit == "weekend" and rel == "this" and anchor.weekday() >= 5:
        shifted = anchor
    value = tv.at(shifted, unit)
    return Reading(
        "DATE", value, mod, anchored="reference" if anaphoric and s.ref_day else "published"
    )


def the_weekend(m: re.Match[str], s: Scope) -> Reading | None:
    p = s.published
    if p is None:
        return Reading("DATE", "XXXX-WXX-WE")
    if s.direction(m.start()) == "future" and p.weekday() < 5:
        return Reading("DATE", tv.week(p, weekend=True), anchored="published")
    if p.weekday() >= 5:
        return Reading("DATE", tv.week(p, weekend=True), anchored="published")
    return Reading("DATE", tv.week(p - dt.timedelta(days=7), weekend=True), anchored="published")


def mod_the_unit(m: re.Match[str], s: Scope) -> Reading | None:
    unit = tw.unit(m.group("unit"))
    if unit == "day":
        return the_day(m, s)
    return Reading("DATE", tv.at(s.published, unit), tw.mod(m), anchored="published")


def the_day(m: re.Match[str], s: Scope) -> Reading | None:
    if s.ref_here and s.ref_day is not None:
        return Reading("DATE", tv.day(s.ref_day), anchored="reference")
    return Reading("DATE", tv.at(s.published, "day"), anchored="published")


def the_unit_span(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DURATION", tv.duration(1, tw.unit(m.group("unit"))))


def year_ago_period(m: re.Match[str], s: Scope) -> Reading | None:
    unit = tw.norm(m.group("unit"))
    unit = {"period": "year", "time": "year"}.get(unit, unit)
    anchor = s.anchor()
    if anchor is None:
        return Reading("DATE", tv.at(None, unit))
    return Reading("DATE", tv.at(tv.shift(anchor, -1, "year"), unit), anchored="published")


def week_of_month(m: re.Match[str], s: Scope) -> Reading | None:
    mon = tw.month(m)
    year = int(m.group("year")) if m.group("year") else _year_of(s, mon, None, m.start())
    if year is None:
        return Reading("DATE", "XXXX-WXX")
    first = dt.date(year, mon, 1)
    last = tv.shift(first, 1, "month") - dt.timedelta(days=1)
    which = tw.norm(m.group("ord"))
    if which in ("last", "final"):
        d = last - dt.timedelta(days=3)
    else:
        d = first + dt.timedelta(days=3 + 7 * (tw.ORDINALS.get(which, 1) - 1))
    return Reading("DATE", tv.week(d), explicit_year=bool(m.group("year")))


def per_unit(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", tv.duration(1, tw.unit(m.group("unit"))))


def _granularity(unit: str) -> str:
    return {"fortnight": "week", "weekend": "week", "hour": "day", "minute": "day",
            "second": "day"}.get(unit, unit)  # fmt: skip


def offset(m: re.Match[str], s: Scope) -> Reading | None:
    n = tw.number(m.group("n"))
    unit = tw.unit(m.group("unit"))
    direction = tw.norm(m.group("dir"))
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
    return Reading("DATE", tv.at(d, grain), tw.approx(m),
                   anchored="reference" if anaphoric and s.ref_day else "published")  # fmt: skip


def duration(m: re.Match[str], s: Scope) -> Reading | None:
    raw_n = tw.norm(m.group("n"))
    n = tw.number(raw_n)
    unit = tw.unit(m.group("unit"))
    if unit == "second" and raw_n in ("a", "an", "one"):
        return None
    if n is not None and (tw.group(m, "half") or tw.group(m, "half2")):
        n += 0.5
    if unit == "fortnight" and n is not None:
        n, unit = n * 2, "week"
    return Reading("DURATION", tv.duration(n, unit), tw.approx(m))


def half_unit(m: re.Match[str], s: Scope) -> Reading | None:
    unit = tw.unit(m.group("unit"))
    if unit == "hour":
        return Reading("DURATION", "PT30M", tw.approx(m))
    if unit == "year":
        return Reading("DURATION", "P6M", tw.approx(m))
    if unit == "day":
        return Reading("DURATION", "PT12H", tw.approx(m))
    return Reading("DURATION", tv.duration(0.5, unit), tw.approx(m))


def plural_units(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("DURATION", tv.duration(None, tw.unit(m.group("unit"))))


def set_adverb(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", tw.SET_ADVERBS[tw.norm(m.group("w"))])


def every(m: re.Match[str], s: Scope) -> Reading | None:
    n = tw.number(tw.group(m, "n")) if tw.group(m, "n") else 1.0
    return Reading("SET", tv.duration(n, tw.unit(m.group("unit"))))


def _clock_date(m: re.Match[str], s: Scope) -> str:
    word = tw.norm(tw.group(m, "dayword"))
    if word and s.published is not None:
        if word in tw.DEICTIC_DAYS:
            return tv.day(s.published + dt.timedelta(days=tw.DEICTIC_DAYS[word]))
        wd = tw.weekday_name(word)
        return tv.day(tv.weekday_date(s.published, wd, None, s.direction(m.start())))
    return tv.at(s.ref_day if s.ref_here else s.published, "day")


def every_part(m: re.Match[str], s: Scope) -> Reading | None:
    return Reading("SET", f"XXXX-XX-XXT{tw.PARTS_OF_DAY[tw.norm(m.group('pod'))]}")


def time_of_day(m: re.Match[str], s: Scope) -> Reading | None:
    h = int(m.group("h"))
    minute = int(m.group("min") or 0)
    ampm = tw.norm(tw.group(m, "ampm")).replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 24 or minute > 59:
        return None
    tz = tw.norm(tw.group(m, "tz")).upper()
    suffix = "Z" if tz == "UTC" else ""
    if tw.group(m, "sec"):
        return Reading("TIME", f"{_clock_date(m, s)}T{h:02d}:{minute:02d}:{m.group('sec')}{suffix}",
                       anchored="published")  # fmt: skip
    return Reading("TIME", f"{_clock_date(m, s)}T{h:02d}:{minute:02d}{suffix}",
                   anchored="published")  # fmt: skip


def noon(m: re.Match[str], s: Scope) -> Reading | None:
    hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[tw.norm(m.group("w"))]
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


def holiday(m: re.Match[str], s: Scope) -> Reading | None:
    name = tw.norm(m.group("hol")).replace("’", "'")
    if m.group("year"):
        return Reading(
            "DATE", tv.day(_holiday_date(name, int(m.group("year")))), explicit_year=True
        )
    if s.published is None:
        return Reading("DATE", "XXXX-XX-XX")
    guess = _holiday_date(name, s.published.year)
    year = tv.year_for(s.published, guess.month, guess.day, s.direction(m.start()))
    return Reading("DATE", tv.day(_holiday_date(name, year)), anchored="published")
