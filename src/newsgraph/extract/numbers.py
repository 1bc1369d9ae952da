"""Figures in text: amounts, percentages, counts, measures, ranges and ranks, with their values.

One pattern finds a figure with what belongs to it: a qualifier ("more than", "as much as",
"some", "all"), a currency before or after ("US$", "AU$", "€", "£", "#" as some wires write
the pound, "dollars", "yuan"), a magnitude ("4 billion", "$15bn"), a percent sign or word, a
unit written onto the number ("30GB", "500km"), and a second figure making a range ("15-20 %",
"between $12 million and $20 million"). Numbers may be digits ("1,600", "4605.22") or words
("twelve", "twenty-five", "a score of"); vague multitudes ("thousands of") have no value.
Which figures are claims at all (not a year, a date, a model number, a list item) is decided
by the claims extractor with the parse and the time expressions in hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.lexicon import words

_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
WORD_VALUES.update({"dozen": 12.0, "score": 20.0, "half": 0.5, "hundred": 100.0})
MAGNITUDES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "hundred": 1e2,
}  # fmt: skip
CURRENCIES = {
    "us$": "USD", "usd$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "au$": "AUD", "a$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "nz$": "NZD",
    "s$": "SGD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP",
    "#": "GBP", "gb#": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "¥": "JPY",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "ruble": "RUB",
    "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rupee": "INR", "rupees": "INR",
    "rs": "INR", "rs.": "INR", "won": "KRW", "franc": "CHF", "francs": "CHF",
}  # fmt: skip
ATTACHED_UNITS = words("gb mb tb kb km kg mm cm mw gw kw mph ft lb t")
QUALIFIERS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "an estimated": "APPROX", "close to": "LESS_THAN", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "a near": "LESS_THAN", "just under": "LESS_THAN",
    "under": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "over": "MORE_THAN", "more than": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "above": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "as much as": "EQUAL_OR_LESS",
    "as many as": "EQUAL_OR_LESS", "as high as": "EQUAL_OR_LESS", "as little as": "EQUAL_OR_MORE",
    "as few as": "EQUAL_OR_MORE", "as low as": "EQUAL_OR_MORE", "all": "EXACT",
    "only": "EXACT", "just": "EXACT", "exactly": "EXACT",
}  # fmt: skip

_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|a\s+score\s+of|"
    r"half|one(?=\s+(?:hundred|thousand|million|billion|trillion|in\b)))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUM})"
_MAG = r"(?:\s*(?:hundred|thousand|million|billion|trillion|mln|mn|bn|tn)\b|(?<=\d)(?:m|b|k)\b)"
_CUR_PRE = r"(?:(?:US|USD|AU|A|C|CA|HK|NZ|S)\s?\$|GB\s?#|[$€£¥#]|(?:USD|EUR|GBP|Rs\.?)\s)"
_CUR_POST = (
    r"(?:\s+(?:US\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|yuan|yen|renminbi|rubles?|"
    r"roubles?|rupees?|francs?|won)\b|\s*\(?\s*(?:USD|EUR|GBP|CNY|JPY)\b\)?)"
)
_PCT = r"(?:\s*%|\s+(?:percent|per\s+cent|pct|percentage\s+points?)\b)"
_UNIT_ON = (
    r"(?:(?<=\d)\s?(?:GB|MB|TB|KB|GHz|MHz|km|kg|mm|cm|MW|GW|kW|mph|ft|lb)\b|(?<=\d)(?:m|t)\b)"
)
_AMOUNT = rf"(?:{_CUR_PRE}\s*)?{_NUMBER}{_MAG}?(?:{_UNIT_ON})?{_CUR_POST}?{_PCT}?"
_QUAL = (
    r"(?:(?:about|around|approximately|roughly|some|an\s+estimated|close\s+to|nearly|almost|"
    r"a\s+near|just\s+under|under|less\s+than|fewer\s+than|over|more\s+than|just\s+over|"
    r"well\s+over|above|at\s+least|at\s+most|up\s+to|as\s+(?:much|many|high|little|few|low)\s+as|"
    r"all|only|exactly)\s+)"
)
FIGURE = re.compile(
    rf"(?<![\w.,$€£¥#-])(?P<qual>{_QUAL})?(?P<between>between\s+)?(?P<first>{_AMOUNT})"
    # "and" makes a range only after "between": "$199 and $249" are two prices
    rf"(?P<second>\s*(?:-|–|to|(?(between)and|(?!)))\s*(?:{_QUAL})?{_AMOUNT})?"
    rf"(?:x\d+)?(?![\w])",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(?P<qual>(?:tens|hundreds)\s+of\s+)?(?P<first>hundreds|thousands|millions|billions|"
    r"dozens|scores)\s+of\b",
    re.IGNORECASE,
)
RANK = re.compile(
    r"\b(?P<first>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th)))[-\s](?P<what>largest|biggest|highest|lowest|smallest|most|"
    r"least|ranked|richest|poorest|busiest|best|worst)\b"
    r"|\b(?P<digits>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
EXTREME = re.compile(
    r"\b(?P<qual>(?:a\s+)?near\s+)?(?P<first>\d+|[a-z]+)-(?P<unit>year|month|week|day)\s+"
    r"(?P<what>high|low|peak|record)\b",
    re.IGNORECASE,
)
"""'a near 17-month low': a claim about a figure's rank in time, not a duration."""
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    value: float | None
    value_high: float | None
    kind: str
    """"money", "percent", "measure", "count", "rank" or "vague"."""
    unit: str | None
    qualifier: str | None


def _amount_value(raw: str) -> tuple[float | None, str | None, str | None, bool, float]:
    """(value, currency, attached unit, percent?, magnitude) of one amount's text."""
    text = raw.strip()
    low = text.lower()
    currency: str | None = None
    m = re.match(r"(us|usd|au|a|c|ca|hk|nz|s)?\s?\$|gb\s?#|[$€£¥#]|(usd|eur|gbp|rs\.?)\s", low)
    if m:
        currency = CURRENCIES.get(re.sub(r"\s", "", m.group()), "USD")
        low = low[m.end() :].strip()
    percent = bool(re.search(r"%|percent|per\s+cent|pct|percentage", low))
    post = re.search(
        r"(dollars?|euros?|pounds?|yuan|yen|renminbi|rubles?|roubles?|rupees?|francs?|won|usd|eur|gbp|cny|jpy)\b",
        low,
    )
    if post and currency is None:
        currency = CURRENCIES.get(post.group(1), post.group(1).upper())
    num = re.match(rf"{_DIGITS}|{_WORD_NUM}", low)
    if num is None:
        return None, currency, None, percent, 1.0
    token = num.group()
    if token[0].isdigit() or token[0] == ".":
        value: float | None = float(token.replace(",", ""))
    else:
        value = word_value(token)
    rest = low[num.end() :]
    unit = None
    if u := re.match(r"\s?(gb|mb|tb|kb|ghz|mhz|km|kg|mm|cm|mw|gw|kw|mph|ft|lb)\b", rest):
        unit = u.group(1)
    mag = re.match(r"\s*(hundred|thousand|million|billion|trillion|mln|mn|bn|tn|m|b|k)\b", rest)
    factor = MAGNITUDES[mag.group(1)] if mag and unit is None else 1.0
    return (value * factor if value is not None else None), currency, unit, percent, factor


def word_value(token: str) -> float | None:
    token = re.sub(r"\s+", " ", token.lower()).removeprefix("a ").removesuffix(" of")
    if "-" in token:
        tens, ones = token.split("-", 1)
        return WORD_VALUES.get(tens, 0.0) + WORD_VALUES.get(ones, 0.0)
    return WORD_VALUES.get(token)


def figure_of(m: re.Match[str]) -> Figure:
    """Value, kind, unit and qualifier of a FIGURE match."""
    value, currency, unit, percent, factor = _amount_value(m.group("first"))
    high = None
    if m.group("second"):
        second = re.sub(rf"^\s*(?:-|–|to|and)\s*{_QUAL}?", "", m.group("second"), flags=re.I)
        high, cur2, unit2, pct2, factor2 = _amount_value(second)
        currency, unit, percent = currency or cur2, unit or unit2, percent or pct2
        if value is not None and factor == 1.0:
            value *= factor2  # "5-10 million": the magnitude is written once, at the end
    qual = re.sub(r"\s+", " ", (m.group("qual") or "").strip().lower()) or None
    kind = "percent" if percent else "money" if currency else "measure" if unit else "count"
    return Figure(
        m.start(), m.end(), value, high, kind,
        "percent" if percent else currency or unit, QUALIFIERS.get(qual or "") if qual else None,
    )  # fmt: skip


def vague_figure(m: re.Match[str]) -> Figure:
    return Figure(m.start(), m.end(), None, None, "vague", None, "APPROX")


def rank_figure(m: re.Match[str]) -> Figure:
    """ "second-largest", or a digit ordinal ("the 15,599th plane") with no comparison word."""
    raw = (m.group("first") or m.group("digits")).lower()
    value = float(_ORDINALS[raw]) if raw in _ORDINALS else float(re.sub(r"\D", "", raw))
    what = m.group("what")
    return Figure(m.start(), m.end(), value, None, "rank", what.lower() if what else None, None)


def extreme_figure(m: re.Match[str]) -> Figure | None:
    raw = m.group("first").lower()
    value = float(raw) if raw.isdigit() else word_value(raw)
    if value is None:
        return None
    qual = "LESS_THAN" if m.group("qual") else None
    unit = f"{m.group('unit').lower()} {m.group('what').lower()}"
    return Figure(m.start("first"), m.end(), value, None, "measure", unit, qual)
