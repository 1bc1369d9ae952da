"""Infer the publication date from the article text when no metadata gives it.

Evidence, strongest first: full dates ("on March 21, 2023", typical in captions), month-day
mentions without a year ("on Aug. 16", given the year of the latest full date), and weekday
names ("On Thursday"), resolved to the occurrence nearest the latest dated mention, since news
names weekdays only for the days around its own date. A past-tense mention means the article
came out on or after that day; a future-tense one ("will last until Saturday") means before it.
Past weekdays also bound the date from above: a writer says "Tuesday" only within the week
after it. The earliest date that fits is the estimate; the range holds every date that fits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from newsgraph.schema import CharSpan, DateRange

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_YEAR}-\d{{2}}-\d{{2}})\b"
)
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})\b(?!,?\s+{_YEAR})")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<day>{'|'.join(_WEEKDAYS)})\b")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
# Markers of a statement about the future; enough for dating, not a tense analysis.
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is|are)\s+(?:\w+\s+)?(?:expected|scheduled|due|set|slated|planned|going)\s+to\b"
    r"|\b(?:will|shall|upcoming|next|scheduled|due\s+to)\b",
    re.IGNORECASE,
)
_DEFAULT_DATE = dt.datetime(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class PublishedGuess:
    date: dt.date
    range: DateRange
    evidence: tuple[CharSpan, ...]


@dataclass(frozen=True, slots=True)
class _Mention:
    span: CharSpan
    future: bool


def infer_published(
    text: str, *, exclude: tuple[tuple[int, int], ...] = ()
) -> PublishedGuess | None:
    """Estimate when `text` was published from its own date mentions, or None without evidence."""
    future_at = _future_sentences(text)

    def mention(m: re.Match[str]) -> _Mention | None:
        if any(s <= m.start() < e for s, e in exclude):
            return None
        return _Mention(CharSpan.of(text, m.start(), m.end()), future_at(m.start()))

    full: list[tuple[dt.date, _Mention]] = []
    for m in _FULL_DATE.finditer(text):
        if (men := mention(m)) and (d := _parse(m.group())) is not None:
            full.append((d, men))
    if not full:
        return None  # without a year nothing else can be placed in time
    year = max(d.year for d, _ in full)
    partial: list[tuple[dt.date, _Mention]] = []
    for m in _MONTH_DAY.finditer(text):
        if (men := mention(m)) and (d := _parse(m.group(), year=year)) is not None:
            partial.append((d, men))

    dated = full + partial
    past_dated = [d for d, men in dated if not men.future] or [d for d, _ in dated]
    anchor = max(past_dated)
    lower = anchor
    upper: dt.date | None = None
    evidence = [men.span for d, men in dated if d == anchor]
    for d, men in dated:
        if men.future and d > anchor:
            upper = min(upper or d, d - dt.timedelta(days=1))
            evidence.append(men.span)

    for m in _WEEKDAY.finditer(text):
        men = mention(m)
        if men is None:
            continue
        day = _resolve_weekday(anchor, _WEEKDAYS.index(m["day"]), m["rel"], future=men.future)
        if men.future or m["rel"] == "next":
            if day > anchor:
                upper = min(upper or day, day - dt.timedelta(days=1))
                evidence.append(men.span)
        else:
            lower = max(lower, day)
            upper = min(upper or day + dt.timedelta(days=6), day + dt.timedelta(days=6))
            evidence.append(men.span)

    if upper is None or upper < lower:
        # Dated mentions only: they bound the date from below, not above.
        upper = lower + dt.timedelta(days=6)
    evidence.sort(key=lambda s: s.start)
    return PublishedGuess(lower, DateRange(earliest=lower, latest=upper), tuple(evidence))


def _resolve_weekday(anchor: dt.date, weekday: int, rel: str | None, *, future: bool) -> dt.date:
    """The date of a weekday name nearest to `anchor` (within three days either side)."""
    offset = (weekday - anchor.weekday()) % 7
    if offset > 3:
        offset -= 7
    day = anchor + dt.timedelta(days=offset)
    # "last Monday" is read like a bare past "Monday": writers use both for the latest one.
    if (rel == "next" or future) and day < anchor:
        day += dt.timedelta(days=7)
    return day


def _parse(phrase: str, *, year: int | None = None) -> dt.date | None:
    default = _DEFAULT_DATE.replace(year=year) if year else _DEFAULT_DATE
    try:
        return dateparser.parse(phrase.replace("Sept.", "Sep."), default=default).date()
    except (ValueError, OverflowError):
        return None


def _future_sentences(text: str) -> _FutureLookup:
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if _FUTURE.search(m.group())]
    return _FutureLookup(spans)


@dataclass(frozen=True, slots=True)
class _FutureLookup:
    spans: list[tuple[int, int]]

    def __call__(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.spans)
