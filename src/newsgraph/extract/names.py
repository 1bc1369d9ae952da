"""Person and organisation names: honorifics, titles around a name, and matching name variants."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from anyascii import anyascii

from newsgraph.extract.lexicon import Lexicon, lex_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Honorifics are not roles: they say nothing of sector (Gen. does, and is in the role table).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mx", "prof"})
FEMALE = frozenset({"mrs", "ms", "miss", "dame", "madam"})
_MINOR = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "la", "&"})
_TITLE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "nmod",
        "poss",
        "case",
        "prep",
        "pobj",
        "punct",
        "nummod",
        "npadvmod",
        "advmod",
    }
)


def name_tokens(text: str) -> list[str]:
    """Normalised tokens of a person's name: ASCII, lowercase, honorific-free ("Mr. Su" -> ["su"])."""
    tokens = [t for t in re.split(r"[\s]+", anyascii(text).lower().replace("’", "'")) if t]
    while tokens and tokens[0].rstrip(".") in HONORIFICS:
        tokens.pop(0)
    return [t.strip(".,'") for t in tokens if t.strip(".,'")]


def _translit(token: str) -> str:
    # Aleksandr/Alexander, Sergey/Sergei, Yuriy/Yuri, Tzu-yun/Tzuyun: the usual romanisation choices.
    token = (
        token.replace("-", "")
        .replace("ks", "x")
        .replace("iy", "i")
        .replace("ey", "ei")
        .replace("j", "y")
    )
    return re.sub(r"(.)\1", r"\1", token)


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are the same name in different romanisations."""
    if a == b:
        return True
    ta, tb = _translit(a), _translit(b)
    return ta == tb or (ta[:1] == tb[:1] and SequenceMatcher(None, ta, tb).ratio() >= 0.85)


def same_person(full_a: list[str], full_b: list[str]) -> bool:
    """Two full names of one person: same surname, given names equal up to romanisation."""
    if full_a == full_b:
        return True
    if len(full_a) < 2 or len(full_b) < 2:
        return False
    if full_a[-1] == full_b[-1] and same_given_name(full_a[0], full_b[0]):
        return True
    # Family name first (Chinese, Korean, Hungarian order) written with varying given names.
    return full_a[0] == full_b[0] and _translit(full_a[-1]) == _translit(full_b[-1])


def part_of(short: list[str], full: list[str]) -> bool:
    """A one-word name is the family name (first or last token) of a full name."""
    return len(short) == 1 and len(full) >= 2 and short[0] in (full[0], full[-1])


def acronym(name: str) -> str:
    """Initials of an organisation name's content words ("International Monetary Fund" -> "IMF")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _MINOR]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def strip_leading_title(span: Span, lex: Lexicon) -> int:
    """How many leading tokens of an entity span are title words ("Gen Li", "Defense Lloyd Austin").

    Persons only, or an organisation that starts in the middle of a title ("Secretary of
    [Defense Lloyd Austin]"): "General Motors" keeps its first word.
    """
    doc = span.doc
    if span.label_ != "PERSON":
        if span.start < 2 or doc[span.start - 1].lower_ != "of":
            return 0
        joined = lex_key(f"{doc[span.start - 2].text} of {span[0].text}")
        return 1 if joined in lex.roles and len(span) > 2 else 0
    n = 0
    for token in span[:-1]:
        key = lex_key(token.text)
        if key in HONORIFICS or key in lex.roles or (key in {"of", "then"} and n):
            n += 1
            continue
        break
    return n


def title_before(root: Token, start: int) -> Span | None:
    """The pre-modifying title of a name: the root's left subtree before the name, det dropped.

    "Belarusian Defense Minister Viktor Khrenin" -> "Belarusian Defense Minister";
    "U.S. Secretary of State Antony Blinken" -> "U.S. Secretary of State".
    """
    doc = root.doc
    first = root.left_edge.i
    while first < start and (
        doc[first].dep_ in ("det", "punct") or doc[first].lower_ in ("then", "-")
    ):
        first += 1
    if first >= start:
        return None
    span = doc[first:start]
    if any(t.dep_ not in _TITLE_DEPS and t.dep_ != "compound" for t in span) or "\n" in span.text:
        return None
    return span


def appositive_titles(root: Token, lex: Lexicon) -> list[Span]:
    """Appositions headed by a role noun: "Su, a senior analyst at …" -> "senior analyst at …"."""
    out = []
    for child in root.children:
        if child.dep_ != "appos" or (not lex.role(child.lemma_) and not lex.role(child.text)):
            continue
        tokens = list(child.subtree)
        while tokens and tokens[0].dep_ in ("det", "punct"):
            tokens = tokens[1:]
        while tokens and tokens[-1].dep_ == "punct":
            tokens = tokens[:-1]
        if tokens:
            out.append(root.doc[tokens[0].i : tokens[-1].i + 1])
    return out
