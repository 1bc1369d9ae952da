"""TIMEX3 values: calendar arithmetic at a granularity, and choosing which year a partial date means.

A value is written at the granularity the text gives: a day ("2023-08-16"), an ISO week
("2023-W33", "2023-W33-WE" for its weekend), a month, a quarter ("2023-Q2"), a half ("2023-H1"),
a season ("2022-FA"), a year, a decade ("199") or a century ("20"). Without an anchor the
parts that would come from it are X ("XXXX-08-16").
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future", "present"]

SEASONS = ("SP", "SU", "FA", "WI")
"""Spring = March-May, summer = June-August, fall = September-November, winter = December-February
(a January belongs to the winter of the year before)."""


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, m: int) -> str:
    return f"{year:04d}-{m:02d}"


def week(d: dt.date, *, weekend: bool = False) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, int]:
    """(year, index into SEASONS) of the season `d` falls in."""
    if d.month == 12:
        return d.year, 3
    if d.month <= 2:
        return d.year - 1, 3
    return d.year, (d.month - 3) // 3


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """`d` moved by n units (day, week, weekend, month, quarter, half, year, decade, century)."""
    if unit in ("day",):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120}
    if unit in months:
        return d + relativedelta(months=months[unit] * n)
    if unit == "century":
        return d + relativedelta(years=100 * n)
    raise ValueError(f"unknown time unit {unit!r}")


def at(d: dt.date | None, unit: str) -> str:
    """The value of the `unit`-long period that contains `d` ("XXXX…" without a date)."""
    if d is None:
        return {
            "day": "XXXX-XX-XX",
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX",
            "decade": "XXX",
            "century": "XX",
        }.get(unit, "XXXX")
    if unit == "day":
        return day(d)
    if unit in ("week", "weekend"):
        return week(d, weekend=unit == "weekend")
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if unit == "season":
        y, s = season_of(d)
        return f"{y:04d}-{SEASONS[s]}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown time unit {unit!r}")


def year_for(anchor: dt.date, m: int, d: int | None, direction: Direction) -> int:
    """The year a month (and day) without one means, seen from `anchor` in a past, future or
    present statement: past looks back (this year's date if it is not later than the anchor),
    future looks forward, present takes the occurrence nearest the anchor."""
    target_day = d or (anchor.day if m == anchor.month else 1)
    here = _safe_date(anchor.year, m, target_day)
    if direction == "past":
        later = (m, d or 0) > (anchor.month, anchor.day if d else 0)
        return anchor.year - 1 if later else anchor.year
    if direction == "future":
        earlier = (m, d or 99) < (anchor.month, anchor.day if d else 0)
        return anchor.year + 1 if earlier else anchor.year
    delta = (here - anchor).days
    if delta > 183:
        return anchor.year - 1
    if delta < -183:
        return anchor.year + 1
    return anchor.year


def weekday_date(anchor: dt.date, weekday: int, rel: str | None, direction: Direction) -> dt.date:
    """The date a weekday name means: the anchor itself when it falls on that weekday (unless
    "last"/"next" says otherwise); else the previous one in a past statement or after "last",
    the next one in a future statement or after "next", the nearest one otherwise."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=forward or 7)
    if back == 0:
        return anchor
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "future" or rel in ("this", "coming"):
        return anchor + dt.timedelta(days=forward)
    return anchor - dt.timedelta(days=back) if back <= 3 else anchor + dt.timedelta(days=forward)


def period_year(
    anchor: dt.date, index: int, current: int, direction: Direction, rel: str | None
) -> int:
    """Year of a numbered period of the year (a quarter, half or season index) named without
    one: "last" is the latest one before the current, "next" the first after it, "this" the
    current year's, and otherwise the tense decides as for months."""
    if rel == "last":
        return anchor.year if index < current else anchor.year - 1
    if rel == "next":
        return anchor.year if index > current else anchor.year + 1
    if rel == "this":
        return anchor.year
    if direction == "past" and index > current:
        return anchor.year - 1
    if direction == "future" and index < current:
        return anchor.year + 1
    return anchor.year


def number_text(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    """ISO 8601 duration for n units (None: an unspecified number, "PXY")."""
    if unit in ("hour", "minute", "second"):
        code = {"hour": "H", "minute": "M", "second": "S"}[unit]
        return f"PT{'X' if n is None else number_text(n)}{code}"
    if unit == "decade":
        return "PXDE" if n is None else f"P{number_text(n * 10)}Y"
    if unit == "century":
        return "PXCE" if n is None else f"P{number_text(n * 100)}Y"
    if unit == "fortnight":
        return "PXW" if n is None else f"P{number_text(n * 2)}W"
    code = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y"}[
        unit
    ]
    return f"P{'X' if n is None else number_text(n)}{code}"


def _safe_date(year: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(year, m, d)
    except ValueError:
        return dt.date(year, m, 28)
