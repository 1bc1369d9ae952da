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

from newsgraph.extract.timegrammar import Found, find_timexes
from newsgraph.extract.timenorm import Scope
from newsgraph.extract.timevalues import Direction
from newsgraph.schema import CharSpan, DateRange

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
# Markers of a statement about the future; enough for dating, not a tense analysis (ingest
# runs before the parse).
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is|are)\s+(?:\w+\s+)?(?:expected|scheduled|due|set|slated|planned|going)\s+to\b"
    r"|\b(?:will|shall|upcoming|next|scheduled|due\s+to)\b",
    re.IGNORECASE,
)
_FULL_DATE_RULES = frozenset(("mdy", "dmy", "iso", "slash"))
_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")


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
    """Estimate when `text` was published from its own date mentions, or None without evidence.

    The mentions are those of the time-expression grammar (extract/timegrammar.py) run without
    a publication date, so that full dates keep their value and the rest stay unanchored.
    """
    future_at = _future_sentences(text)

    def direction(offset: int) -> Direction:
        return "future" if future_at(offset) else "past"

    found = [
        f
        for f in find_timexes(text, lambda: Scope(published=None, direction=direction))
        if not any(s <= f.start < e for s, e in exclude)
    ]

    def mention(f: Found) -> _Mention:
        return _Mention(CharSpan.of(text, f.start, f.end), future_at(f.start))

    full: list[tuple[dt.date, _Mention]] = []
    for f in found:
        if f.rule in _FULL_DATE_RULES and re.fullmatch(r"\d{4}-\d\d-\d\d", f.reading.value):
            full.append((dt.date.fromisoformat(f.reading.value), mention(f)))
    if not full:
        return None  # without a year nothing else can be placed in time
    year = max(d.year for d, _ in full)
    partial: list[tuple[dt.date, _Mention]] = []
    for f in found:
        if (md := _MONTH_DAY.fullmatch(f.reading.value)) and f.reading.type == "DATE":
            try:
                partial.append((dt.date(year, int(md[1]), int(md[2])), mention(f)))
            except ValueError:
                continue

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

    for f in found:
        wd = _WEEKDAY.match(f.reading.value)
        if f.rule != "weekday" or wd is None:
            continue
        men = mention(f)
        first = text[f.start : f.end].split()[0].lower()
        rel = first if first in ("last", "next", "this", "coming", "past") else None
        day = _resolve_weekday(anchor, int(wd[1]) - 1, rel, future=men.future)
        if men.future or rel == "next":
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


def _future_sentences(text: str) -> _FutureLookup:
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if _FUTURE.search(m.group())]
    return _FutureLookup(spans)


@dataclass(frozen=True, slots=True)
class _FutureLookup:
    spans: list[tuple[int, int]]

    def __call__(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.spans)
