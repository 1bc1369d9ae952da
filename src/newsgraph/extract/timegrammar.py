"""The time-expression grammar: find TIMEX3 extents in article text.

Each rule is a regular expression over the article text, an optional guard that rejects
look-alikes ("May" the modal verb, "1500 soldiers", "the day of the vote") and a normaliser
(timenorm.py) that turns its match into a type and value; the words the patterns spell out,
and their values, are in timewords.py. Extents follow the TimeML guidelines: determiners,
"last"/"next", "early"/"late" and approximators ("nearly three years") are part of the
expression, prepositions are not. Overlapping matches are resolved longest-first, then
normalised in text order so that an anaphoric expression can count from the date named before
it (`find_timexes`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.extract import timenorm as tn
from newsgraph.extract import timewords as tw
from newsgraph.extract.timenorm import Reading, Scope
from newsgraph.extract.timewords import REFS, WEEKDAYS


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
_DAY_WORD = rf"(?:\s+(?:on\s+)?(?P<dayword>today|tonight|yesterday|tomorrow|{_WD_NAME}))?"


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
    if m.group("year") or tw.group(m, "rel") or tw.group(m, "mod"):
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
    fraction = unit == "quarter" or (unit == "quarters" and tw.norm(m.group("n")) == "three")
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
    pre = tw.norm(m.group("pre"))
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
    sorted((re.escape(w).replace(r"\ ", r"\s+") for w in REFS), key=len, reverse=True)
)
_REL_WORDS = (
    r"(?P<rel>this|current|the\s+current|last|past|previous|next|coming|earlier\s+this|"
    r"later\s+this|earlier\s+that|later\s+that|the\s+same|that|the\s+following|the\s+previous|"
    r"the\s+preceding|the\s+prior|the\s+next|the\s+past|the\s+last|the\s+coming)"
)

RULES: tuple[Rule, ...] = (
    Rule("iso", _r(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T\s](?P<H>\d\d):(?P<M>\d\d)(?::\d\d)?)?\b"), tn.iso),
    Rule("slash", _r(r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d\d)\b"), tn.slash),
    Rule("mdy", _r(rf"\b{_WD_PREFIX}(?:the\s+)?{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b"), tn.full_date),
    Rule("dmy", _r(rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"), tn.full_date),
    Rule("md", _r(rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}\b(?!,?\s*\d)"), tn.month_day),
    Rule("dm", _r(rf"\b{_WD_PREFIX}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}\b(?!,?\s*\d)"), tn.month_day),
    Rule("my", _r(rf"\b{_MOD}{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b"), tn.month_year),
    Rule("month", _r(rf"\b{_MOD}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<month>{_MONTH_FULL})\b(?!\s*\d)"),
         tn.bare_month, _not_modal_or_name),
    Rule("year", _r(rf"(?<![\w$€£#.,/-]){_MOD}(?:the\s+year\s+)?{_YEAR}\b(?!-\d(?!\d(?:\D|$)))"), tn.year, _looks_like_year),
    Rule("year_range_end", re.compile(r"(?<=\b(?P<c>1[5-9]|20)\d\d[-–])(?P<yy>\d\d)\b(?![-/]\d)"), tn.range_end_year),
    Rule("fiscal", _r(r"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<fy>\d{4}|'?\d\d)\b"), tn.fiscal),
    Rule("decade_short", _r(r"(?P<pre>\b(?:the|early|late|mid)[-\s]+|\d0'?s\s+(?:and|or|to)\s+)(?P<t>(?P<dec>[1-9]0)s)\b"), tn.decade),
    Rule("decade", _r(rf"\b(?:the\s+)?{_MOD}(?P<dec>1[5-9]\d0|20\d0|'\d0)'?s\b"), tn.decade),
    Rule("century", _r(rf"\b{_MOD}(?P<cn>\d{{1,2}})(?:st|nd|rd|th)[-\s]century\b"), tn.century),
    Rule("season", _r(rf"\b{_MOD}(?:(?P<rel>last|this|next|past|coming)\s+|the\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?{_YEAR})?\b"),
         tn.season, _season_ok),
    Rule("quarter", _r(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|past|previous|1st|2nd|3rd|4th)[-\s](?:fiscal\s+|calendar\s+)?quarter(?:\s+of\s+(?:(?:fiscal\s+)?{_YEAR}|(?P<yrel>this|last|next|the\s+current|the)\s+(?:fiscal\s+|calendar\s+)?year))?\b"), tn.quarter),
    Rule("q", _r(rf"\bQ(?P<q>[1-4])(?:\s+{_YEAR})?\b"), tn.q),
    Rule("half", _r(rf"\b(?:the\s+)?(?P<ord>first|second)[-\s]half(?:\s+of\s+(?:{_YEAR}|(?P<yrel>this|last|next|the)\s+year))?\b"), tn.half),
    Rule("deictic", _r(r"\b(?P<w>(?:earlier|later)\s+today|today|yesterday|tomorrow|tonight|last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"), tn.deictic),
    Rule("part_of_day", _r(r"\b(?:this|early\s+this|late\s+this|earlier\s+this|later\s+this)\s+(?P<pod>morning|afternoon|evening)\b"), tn.this_part_of_day),
    Rule("ref", _r(rf"(?<![\w-])(?P<w>{_REF_WORDS})\b(?!-)"), tn.ref),
    Rule("weekday", _r(rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?{_MOD}(?P<wd>{_WD_NAME})(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"), tn.weekday, _weekday_ok),
    Rule("weekdays", _r(rf"\b(?P<wd>{_WD_NAME})s\b"), tn.weekdays_set),
    Rule("rel_unit", _r(rf"\b{_MOD}{_REL_WORDS}\s+(?P<unit>(?:fiscal\s+|calendar\s+|financial\s+)?year|week|weekend|month|quarter|decade|century|day)\b"), tn.rel_unit),
    Rule("the_weekend", _r(r"\bthe\s+weekend\b"), tn.the_weekend),
    Rule("the_day", _r(r"\bthe\s+day\b"), tn.the_day, _the_day_ok),
    Rule("the_unit_span", _r(r"\b(?:for|over|throughout)\s+(?P<t>the\s+(?P<unit>week|month|year|quarter))\b"), tn.the_unit_span, _span_unit_ok),
    Rule("year_ago_period", _r(r"\bthe\s+same\s+(?P<unit>period|month|quarter|week|day|time)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year|the\s+year\s+before)\b"), tn.year_ago_period),
    Rule("week_of_month", _r(rf"\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+{_MONTH}(?:,?\s+{_YEAR})?\b"), tn.week_of_month),
    Rule("per_unit", _r(r"(?P<pre>\S+)\s+(?P<t>(?:a|an|per)\s+(?P<unit>year|month|week|day|hour))\b(?!\s+(?:ago|later|earlier|or|and)\b)"), tn.per_unit, _per_unit_ok),
    Rule("mod_the_unit", _r(r"\b(?P<mod>early|late|the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+in)?\s+(?:the\s+)?(?P<unit>year|month|week|day)\b"), tn.mod_the_unit),
    Rule("offset", _r(rf"\b{_APPROX}{_NUM}\s+(?:(?:trading|business|working)\s+)?{_UNIT}\s+(?P<dir>ago)\b"), tn.offset),
    Rule("duration", _r(rf"\b(?:the\s+(?:past|last|next|first|previous|coming|final|remaining|following|same|entire|whole)\s+)?{_APPROX}{_NUM}(?P<half>\s+and\s+a\s+half)?[-\s]+(?:(?:trading|business|working|calendar|consecutive|straight|full|long|more)\s+)?{_UNIT}(?P<half2>\s+and\s+a\s+half)?(?:\b|(?<=s)'(?!\w))"), tn.duration, _duration_ok),
    Rule("half_unit", _r(rf"\b{_APPROX}(?:half\s+an?|a\s+half)[-\s]+{_UNIT}\b"), tn.half_unit),
    Rule("plural_units", re.compile(r"(?P<pre>\S+\s+)?(?P<t>(?P<unit>years|months|decades|weeks|days|hours|minutes))\b(?!['’-])"), tn.plural_units, _plural_units_ok),
    Rule("set_adverb", _r(r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|biannually)\b"), tn.set_adverb),
    Rule("every_part", _r(r"\b(?:every|each)\s+(?P<pod>morning|afternoon|evening|night)\b"), tn.every_part),
    Rule("every", _r(r"\b(?:every|each|per|(?:once|twice|\w+\s+times)\s+(?:a|an|per|every))\s+(?:(?P<n>other|\d+|two|three|four|five|six|ten)\s+)?(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|year|decade)s?\b"), tn.every),
    Rule("clock", _r(rf"\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)(?:\s+(?P<tz>UTC|GMT|[ECMP][SD]?T\b|local\s+time))?{_DAY_WORD}"), tn.time_of_day),
    Rule("clock24", _r(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?:\s*(?P<tz>UTC|GMT|[ECMP][SD]?T\b|local\s+time))?(?!\d|:\d){_DAY_WORD}"), tn.time_of_day),
    Rule("military", re.compile(rf"\b(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?P<tz>UTC|GMT|GMT|hours\b){_DAY_WORD}"), tn.time_of_day),
    Rule("noon", _r(r"\b(?P<w>noon|midday|midnight)\b"), tn.noon),
    Rule("holiday", re.compile(rf"\b{_HOLIDAYS}(?:\s+{_YEAR})?\b"), tn.holiday),
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
