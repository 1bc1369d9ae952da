"""Numeric claims: every figure with what it measures, when, about whom and who claims it.

numbers.py finds the figures; here the parse and the other layers decide which are claims and
fill them in. Not claims: numbers inside a time expression (years, dates, "three days"), model
and product numbers ("Boeing 737", "A380", "Flight 93"), list numbering, numbers in names.
An age in apposition ("Papermaster, 49,") or after "aged" is kept as an age. For the rest:
what is counted (the noun a count modifies), what a percentage or an amount is of (the
"of"-phrase, else the subject of the clause: "bilateral trade increased by over 30 percent"),
the direction the clause gives (rose, fell, hit), comparison words (record, peak, compared
with), the time expression of the clause, the entity in the measure, and the claimant: the
speaker of the quote the figure is reported in, else the article itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.extract.coref import PERSON_HEADS
from newsgraph.extract.lexicon import words
from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.numbers import (
    EXTREME,
    FIGURE,
    RANK,
    VAGUE,
    Figure,
    extreme_figure,
    figure_of,
    rank_figure,
    vague_figure,
)
from newsgraph.extract.participants import np_range
from newsgraph.extract.quotes import quote_containing
from newsgraph.extract.timex import timex_in
from newsgraph.schema import CharSpan, Claim, Entity, Quote, Timex
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_UP = words(
    "rise increase grow climb jump gain surge soar rebound boost raise expand double triple "
    "widen add top exceed"
)
_DOWN = words(
    "fall drop decline decrease slip shrink plunge plummet slump lose cut reduce sink tumble "
    "dip ease narrow contract halve shed"
)
_LEVEL = words("hit reach stand total remain stay account amount")
_COMPARISON = re.compile(
    r"\b(?:record(?:\s+(?:high|low))?|all-time\s+(?:high|low)|peak|highest|lowest|"
    r"(?:\d+|\w+)-(?:year|month|week|day)\s+(?:high|low)|compared\s+(?:with|to)|"
    r"from\s+a\s+year\s+(?:earlier|ago)|year-on-year|year-over-year)\b",
    re.IGNORECASE,
)
# Entities a number can be part of the name of: "Boeing 737", "Group of 20", "Flight 93".
_EXTREMES = frozenset(
    f"{u} {w}" for u in ("year", "month", "week", "day") for w in ("high", "low", "peak", "record")
)
_NAMING_NOUNS = words(
    "version model flight route number no article chapter page room gate channel line highway "
    "resolution section platform grade level size"
)
_NAME_TYPES = frozenset(("PRODUCT", "ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PERSON"))
_DURATION_AFTER = re.compile(
    r"-?(?:\s*(?:to|and)\s+\d+)?-(?:year|month|week|day|hour|minute)s?\b"
    r"|-(?:way|fold|time|member|party|sided|nation|point|star|page)\b",
    re.IGNORECASE,
)
"""Ages and durations ("a 33-year-old", "a three-day visit"), adjectives ("two-way trade")."""


class ClaimExtractor:
    """Figures with value, unit, measure, direction, time, subject and claimant."""

    name: ClassVar[str] = "claims"
    version: ClassVar[int] = 1
    requires: ClassVar[tuple[str, ...]] = ("entities", "timexes", "quotes")

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()

    def __call__(self, ctx: ExtractionContext) -> Extracted:
        doc, text = ctx.doc, ctx.article.text
        entities = [e for e in ctx.prior.get("entities", ()) if isinstance(e, Entity)]
        timexes = [t for t in ctx.prior.get("timexes", ()) if isinstance(t, Timex)]
        quotes = [q for q in ctx.prior.get("quotes", ()) if isinstance(q, Quote)]
        figures = _figures(text, timexes)
        starts = [t.idx for t in doc]
        mentions = MentionIndex(entities)
        claims: list[Claim] = []
        for fig in figures:
            i = bisect.bisect_right(starts, fig.start) - 1
            j = bisect.bisect_left(starts, fig.end) - 1
            if i < 0 or j < i:
                continue
            first, last = doc[i], doc[j]
            kind = fig.kind
            if (
                kind != "rank"
                and fig.unit not in _EXTREMES
                and not _is_claim(doc, first, last, fig, text)
            ):
                continue
            if kind == "count" and _is_age(first, text, fig):
                kind = "age"
            unit, measure_tok = _unit_and_measure(last, fig, kind)
            if measure_tok is not None and measure_tok.pos_ == "PRON":
                measure_tok = None  # "He said …", "which": not what the figure is of
            measure = _phrase(text, doc, measure_tok) if measure_tok is not None else None
            verb = _verb_of(last)
            quote = quote_containing(fig.start, quotes)
            claims.append(
                Claim(
                    id=f"n{len(claims) + 1}",
                    value=fig.value,
                    value_high=fig.value_high,
                    kind=kind,
                    unit=unit,
                    qualifier=fig.qualifier,
                    measure=measure,
                    direction=_direction(verb),
                    comparison=_comparison(text, verb, first),
                    subject_entity=_entity_in(doc, measure_tok, mentions),
                    time=_time(timexes, verb, first),
                    span=CharSpan.of(text, fig.start, fig.end),
                    claimant_entity=quote.speaker_entity if quote else None,
                    quote=quote.id if quote else None,
                )
            )
        return Extracted(claims)


def _figures(text: str, timexes: Sequence[Timex]) -> list[Figure]:
    """Every figure not inside a time expression, longest first where they overlap."""
    found = [figure_of(m) for m in FIGURE.finditer(text)]
    found += [vague_figure(m) for m in VAGUE.finditer(text)]
    found += [rank_figure(m) for m in RANK.finditer(text)]
    times = [(t.start, t.end) for t in timexes if t.type != "SET"]
    # "a near 17-month low" is a claim although "17-month" is also a duration
    out: list[Figure] = [f for m in EXTREME.finditer(text) if (f := extreme_figure(m))]
    for fig in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if any(s < fig.end and fig.start < e for s, e in times):
            continue  # "2003", "three days", "June 6": the time layer's
        if all(fig.end <= o.start or fig.start >= o.end for o in out):
            out.append(fig)
    return sorted(out, key=lambda f: f.start)


def _is_claim(doc: Doc, first: Token, last: Token, fig: Figure, text: str) -> bool:
    if fig.kind == "vague":
        return True
    plain = fig.kind == "count" and fig.qualifier is None
    if _DURATION_AFTER.match(text, fig.end):
        return False  # "a 33-year-old", "a three-day visit": ages and durations
    if (
        plain
        and re.search(r"(?:^|\n)\s*\(?$", text[max(0, fig.start - 3) : fig.start])
        and re.match(r"[.)]\s", text[fig.end : fig.end + 2])
    ):
        return False  # list numbering
    before = text[max(0, fig.start - 5) : fig.start]
    if re.search(r"(?:No|Nos|Art|Sec|#)\.?\s*$", before):
        return False
    if plain and (first.ent_type_ in _NAME_TYPES or last.ent_type_ in _NAME_TYPES):
        return False
    prev = doc[first.i - 1] if first.i > 0 else None
    if (
        plain
        and prev is not None
        and prev.pos_ == "PROPN"
        and prev.ent_type_ not in ("NORP", "GPE")
    ):
        return False  # "Boeing 787", "iPhone 4": a model, not a figure
    if plain and re.match(r"-\d|s\b", text[fig.end : fig.end + 2]):
        return False  # "737-800", "18 777s": model numbers
    if plain and any(c.dep_ in ("det", "poss") and c.lower_ != "all" for c in last.children):
        return False  # "the 787", "their 737", "the final 717": a number used as a name
    if plain and prev is not None and (prev.lower_ in _NAMING_NOUNS or prev.tag_ == "NN"):
        return False  # "version 10.4", "Flight 93", "runway 27": a number naming a thing
    return not (plain and first.dep_ == "compound" and first.head.pos_ == "PROPN")


def _is_age(first: Token, text: str, fig: Figure) -> bool:
    before = text[max(0, fig.start - 8) : fig.start]
    after = text[fig.end : fig.end + 2]
    prev = first.nbor(-1) if first.i > 0 else None
    if re.search(r"\baged?\s+$", before):
        return True
    return bool(
        prev is not None
        and prev.text == ","
        and prev.i > 0
        and (prev.nbor(-1).ent_type_ == "PERSON" or prev.nbor(-1).lemma_.lower() in PERSON_HEADS)
        and after[:1] in (",", ".")
    )


def _unit_and_measure(last: Token, fig: Figure, kind: str) -> tuple[str | None, Token | None]:
    """What the figure counts or measures, and the word heading the measure phrase."""
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else last
    # "percent of U.S. imports", "$2 billion of aid": the of-phrase is the measure
    for tok in (last, head):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                if pobj:
                    return fig.unit or (pobj[0].lemma_.lower() if kind == "count" else None), pobj[
                        0
                    ]
    if kind in ("count", "vague") and head.i != last.i and head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower(), head  # "11 vessels": what is counted
    if kind in ("percent", "money", "measure", "count", "rank") or head.i == last.i:
        verb = _verb_of(last)
        if verb is not None:
            obj = [c for c in verb.children if c.dep_ == "dobj"]
            prep = head.head if head.dep_ == "pobj" else last.head if last.dep_ == "pobj" else None
            if (
                obj
                and prep is not None
                and prep.lower_ in ("at", "to", "by")
                and not (obj[0].left_edge.i <= last.i <= obj[0].right_edge.i)
            ):
                return fig.unit, obj[0]  # "put two-way trade at $2.4 billion"
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and not (subj[0].i <= last.i <= subj[0].right_edge.i):
                return fig.unit, subj[0]
            if not subj and verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
                return fig.unit, verb.head  # "the share of imports dropping to 13 percent"
    return fig.unit, None


def _verb_of(tok: Token) -> Token | None:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _phrase(text: str, doc: Doc, tok: Token) -> str:
    """The measure's noun phrase with its "of"-phrase: "the share of U.S. imports"."""
    start, end = np_range(tok)
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            end = max(end, c.right_edge.i + 1)
    return text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]


def _direction(verb: Token | None) -> str | None:
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _UP:
        return "up"
    if lemma in _DOWN:
        return "down"
    return "level" if lemma in _LEVEL else None


def _comparison(text: str, verb: Token | None, first: Token) -> str | None:
    # The clause's stretch of text, or the sentence when there is no verb.
    scope = verb if verb is not None else first.sent.root
    lo, hi = scope.left_edge.idx, scope.right_edge.idx + len(scope.right_edge)
    found = _COMPARISON.findall(text[lo:hi])
    return ", ".join(dict.fromkeys(f.lower() for f in found)) or None


def _entity_in(doc: Doc, tok: Token | None, mentions: MentionIndex) -> str | None:
    if tok is None:
        return None
    start, end = np_range(tok)
    found = mentions.at(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return found[0][3].id if found else None


def _time(timexes: Sequence[Timex], verb: Token | None, first: Token) -> str | None:
    scopes = [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for t in (verb, first.sent.root)
        if t is not None
    ]
    best = timex_in(timexes, scopes, first.idx)
    return best.value if best else None
