"""Name mentions from spaCy's NER, repaired: titles cut off, possessives and headings trimmed."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.lexicon import Lexicon, lex_key
from newsgraph.extract.names import strip_leading_title
from newsgraph.schema import CharSpan, Entity, Rejection

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Values and times are other layers' business (claims, timexes), not actors or places.
NON_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
_LEADING_THE = re.compile(r"^(?:the|The)(?:\s+|$)")
_TRAILING_POSSESSIVE = re.compile(r"\s*['’]s?$")
_INNER_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class Found:
    """A mention before clustering: its span, label, kind and the tokens it covers."""

    span: CharSpan
    label: str
    kind: str
    token_start: int
    token_end: int
    root: int
    """Index of the syntactic head token."""


def mention_span(text: str, start: int, end: int) -> CharSpan | None:
    """The mention without surrounding space, a leading "the" and a trailing possessive.

    A mention never crosses a line break (the tagger sometimes runs a heading into the next
    paragraph), nor an inner possessive ("Li’s Meeting" in a heading is "Li"). None if
    nothing is left.
    """
    surface = text[start:end]
    start += len(surface) - len(surface.lstrip())
    if (newline := text.find("\n", start, end)) != -1:
        end = newline
    if m := _INNER_POSSESSIVE.search(text, start, end):
        end = m.start()
    end -= len(text[start:end]) - len(text[start:end].rstrip())
    surface = text[start:end]
    if m := _LEADING_THE.match(surface):
        start += m.end()
    surface = text[start:end]
    if m := _TRAILING_POSSESSIVE.search(surface):
        end -= len(m.group())
    return CharSpan.of(text, start, end) if end > start else None


def relabel(name: str, label: str, lex: Lexicon) -> str:
    """Correct the tagger's label where the lexicon knows better (Xinhua is not a PERSON)."""
    if lex.media.get(lex_key(name)) or lex.orgs.get(lex_key(name)):
        return "ORG"
    if lex.countries.get(lex_key(name)) and label in ("PERSON", "ORG", "NORP", "GPE"):
        return "NORP" if label == "NORP" else "GPE"
    return label


def find_name_mentions(
    doc: Doc, lex: Lexicon, *, min_chars: int = 2
) -> tuple[list[Found], list[Rejection]]:
    """Repaired NER mentions of names, and the ones set aside with the reason."""
    text = doc.text
    found: list[Found] = []
    rejected: list[Rejection] = []
    for ent in doc.ents:
        if ent.label_ in NON_ENTITY_LABELS:
            continue
        reason = _title_word(ent, lex)
        skip = strip_leading_title(ent, lex) if reason is None else 0
        name = ent[skip:] if skip else ent
        span = mention_span(text, name.start_char, name.end_char) if reason is None else None
        if reason is None and (
            span is None or len(span.text) < min_chars or not any(c.isalpha() for c in span.text)
        ):
            reason = f"not a name ({ent.label_})"
        if reason or span is None:
            rejected.append(
                Rejection(
                    extractor="entities",
                    reason=reason or "empty",
                    span=CharSpan.of(text, ent.start_char, ent.end_char),
                )
            )
            continue
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            continue
        label = "PERSON" if skip and ent.label_ == "ORG" and len(tokens) >= 2 else ent.label_
        found.append(
            Found(
                span,
                relabel(span.text, label, lex),
                "name",
                tokens.start,
                tokens.end,
                tokens.root.i,
            )
        )
    return found, rejected


def _title_word(ent: Span, lex: Lexicon) -> str | None:
    """ "Defense" tagged ORG in "Defense Minister Li": a word of a title, not a name."""
    doc = ent.doc
    if ent.end < len(doc) and len(ent) <= 2:
        joined = lex_key(f"{ent.text} {doc[ent.end].text}")
        if joined in lex.roles and lex_key(ent.text) not in lex.countries:
            return f"part of the title {ent.text} {doc[ent.end].text!r}"
    if lex_key(ent.text) in lex.roles and ent.label_ != "PERSON":
        return f"a role word, not a name ({ent.label_})"
    if ent.start >= 2 and len(ent) == 1:
        # "Secretary of [State]": the end of a title.
        joined = lex_key(f"{doc[ent.start - 2].text} {doc[ent.start - 1].text} {ent.text}")
        if joined in lex.roles:
            return f"part of the title {joined!r}"
    return None


class MentionIndex:
    """The entity mentions of an article by position: which entities a stretch of text names."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted(
            ((m.start, m.end, m.kind, e) for e in entities for m in e.mentions),
            key=lambda s: (s[0], s[1], s[2]),
        )
        self.starts = [s[0] for s in spans]
        self.spans = spans

    def at(self, lo: int, hi: int) -> list[tuple[int, int, str, Entity]]:
        """Mentions overlapping [lo, hi), by start."""
        i = bisect.bisect_left(self.starts, lo)
        while i > 0 and self.spans[i - 1][1] > lo:
            i -= 1
        out: list[tuple[int, int, str, Entity]] = []
        while i < len(self.spans) and self.spans[i][0] < hi:
            if self.spans[i][1] > lo:
                out.append(self.spans[i])
            i += 1
        return out
