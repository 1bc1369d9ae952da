"""Time expressions: TIMEX3 extents and values, anchored to the publication date.

The grammar (timegrammar.py) finds and normalises; this module gives it what only the parse
knows: the tense of the statement around an expression (a past-tense "Thursday" is the last
one, a future one the next), the part of speech and entity type of a word ("May" the modal,
"June" the person), and where paragraphs break (an anaphoric "the next day" counts from a date
in its own paragraph).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.extract.timegrammar import Found, find_timexes
from newsgraph.extract.timenorm import Scope
from newsgraph.extract.timevalues import Direction
from newsgraph.schema import Timex
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Heads whose complement is about the future: "plans to meet on Friday", "is due to sign".
_FUTURE_HEADS = frozenset(
    [
        "plan",
        "expect",
        "schedule",
        "set",
        "due",
        "intend",
        "aim",
        "hope",
        "prepare",
        "slate",
        "propose",
        "seek",
        "want",
        "agree",
        "promise",
        "threaten",
        "vow",
        "pledge",
    ]
)
# "would" is the future seen from a past statement ("said the talks would resume Monday").
_FUTURE_AUX = frozenset(("will", "'ll", "shall", "wo", "’ll", "would"))


class TimexExtractor:
    """DATE, TIME, DURATION and SET expressions with TIMEX3 values."""

    name: ClassVar[str] = "timexes"
    version: ClassVar[int] = 1
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()

    def __call__(self, ctx: ExtractionContext) -> Extracted:
        text = ctx.article.text
        found = tag_timexes(ctx.doc, ctx.article.published)
        return Extracted(
            [
                Timex(
                    id=f"t{i + 1}",
                    start=f.start,
                    end=f.end,
                    text=text[f.start : f.end],
                    type=f.reading.type,
                    value=f.reading.value,
                    mod=f.reading.mod,
                    anchored=f.reading.anchored,
                )
                for i, f in enumerate(found)
            ]
        )


def tag_timexes(doc: Doc, published: dt.date | None) -> list[Found]:
    """The time expressions of a parsed text, normalised against `published`."""
    text = doc.text
    starts = [t.idx for t in doc]

    def token_at(offset: int) -> Token | None:
        i = bisect.bisect_right(starts, offset) - 1
        return doc[i] if 0 <= i < len(doc) else None

    def token_tag(offset: int) -> tuple[str, str, str, str]:
        tok = token_at(offset)
        if tok is None:
            return ("", "", "", "")
        return (tok.tag_, tok.dep_, tok.head.tag_, tok.ent_type_)

    def direction(offset: int) -> Direction:
        tok = token_at(offset)
        if tok is None:
            return "present"
        found = statement_direction(tok)
        # "closed until Friday": a limit lies ahead unless the clause is a plain past
        if tok.i > 0 and doc[tok.i - 1].lower_ in ("until", "till") and found == "past":
            head = doc[tok.i - 1]
            while head.head.i != head.i and head.tag_ != "VBD":
                head = head.head
            return "past" if head.tag_ == "VBD" else "future"
        return found

    breaks = tuple(m.start() for m in re.finditer("\n", text))

    def scope() -> Scope:
        return Scope(published=published, direction=direction, token_tag=token_tag)

    return find_timexes(text, scope, paragraph_breaks=breaks)


def statement_direction(tok: Token) -> Direction:
    """Whether the clause governing `tok` speaks of the past, the future or the present."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return _sentence_direction(tok)
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else None):
        if v is None:
            continue
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if v.lower_ in _FUTURE_AUX or any(a.lower_ in _FUTURE_AUX for a in auxes):
            return "future"
        if any(a.lower_ == "going" for a in auxes) or (
            v.dep_ == "xcomp" and v.head.lemma_ in _FUTURE_HEADS and v.head.tag_ != "VBD"
        ):
            return "future"
        if v.tag_ == "VBN" and v.lemma_ in _FUTURE_HEADS:
            return "future"  # "is scheduled for", "has been set for"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and (any(a.lemma_ == "have" for a in auxes) or not auxes):
        return "past"
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl") and verb.head.tag_ == "VBD":
        return "past" if verb.tag_ not in ("VB",) else "present"
    return "present"


def _sentence_direction(tok: Token) -> Direction:
    sent = tok.sent
    if any(t.lower_ in _FUTURE_AUX for t in sent):
        return "future"
    if any(t.tag_ == "VBD" for t in sent):
        return "past"
    return "present"


def timex_in(
    timexes: Sequence[Timex], scopes: Sequence[tuple[int, int]], near: int
) -> Timex | None:
    """The DATE or TIME expression that dates something at `near`: from the first character
    range (its clause, then its sentence) that holds one, a calendar value before "now" or
    "recently", the nearest first."""
    for lo, hi in scopes:
        inside = [
            t for t in timexes if t.type in ("DATE", "TIME") and lo <= t.start and t.end <= hi
        ]
        if inside:
            return min(inside, key=lambda t: (not t.value[:1].isdigit(), abs(t.start - near)))
    return None
