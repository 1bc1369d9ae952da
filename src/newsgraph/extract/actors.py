"""Actor coding as event data uses it: a country (ISO-3) and PLOVER sectors, primary first.

Evidence, in order: the name itself (a known outlet, organisation or seat of power; a
country, demonym or city), then its titles and role nouns ("Belarusian Defense Minister"
-> BLR, MIL+GOV), then the noun it modifies ("Hungarian officials" -> HUN, GOV).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.geo import load_gazetteer
from newsgraph.extract.lexicon import Lexicon, lex_key, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "nummod"})
_NOUN_CHAIN_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str | None = None
    sectors: tuple[str, ...] = ()

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


def country_in(words: list[str], lex: Lexicon) -> str | None:
    """The first country named in a word list: names, demonyms, aliases and capitals, up to 3 words."""
    keys = [lex_key(w) for w in words]
    capitals = load_gazetteer().capitals
    for i in range(len(keys)):
        for n in (3, 2, 1):
            if i + n > len(keys):
                continue
            key = " ".join(keys[i : i + n])
            if iso := lex.countries.get(key) or capitals.get(key):
                return iso
    return None


def sectors_in(words: list[str], lex: Lexicon) -> tuple[str, ...]:
    """Sectors of the role phrases in a word list; the last role is the head of an English NP."""
    found = [sectors for _, _, sectors in lex.find_roles(words)]
    if not found:
        return ()
    ordered = list(found[-1])
    for sectors in reversed(found[:-1]):
        ordered += [s for s in sectors if s not in ordered]
    return tuple(ordered)


def combine(codes: Iterable[ActorCode]) -> ActorCode:
    """One code from several pieces of evidence: the most supported country and sectors."""
    countries: Counter[str] = Counter()
    weights: Counter[str] = Counter()
    for code in codes:
        if code.country:
            countries[code.country] += 1
        for rank, sector in enumerate(code.sectors):
            weights[sector] += 2 if rank == 0 else 1
    country = countries.most_common(1)[0][0] if countries else None
    return ActorCode(country, tuple(s for s, _ in weights.most_common()))


def head_sectors(name: str, lex: Lexicon) -> tuple[str, ...]:
    """Sectors of an organisation from its head noun: "National Bureau of Statistics" -> bureau."""
    words = name.split()
    for i, w in enumerate(words):
        if w.lower() in ("of", "for", "on") and i:
            words = words[:i]
            break
    for n in (3, 2, 1):
        if len(words) >= n and (sectors := lex.role(" ".join(words[-n:]))):
            return sectors
    return ()


def code_name(text: str, label: str = "") -> ActorCode:
    """Code from a name alone: outlets, organisations, seats of power, countries, cities."""
    lex = load_lexicon()
    if aff := lex.affiliation(text):
        return ActorCode(aff.country, aff.sectors)
    if iso := lex.country(text):
        return ActorCode(iso, ())
    if label in ("", "GPE", "LOC", "FAC"):
        cands = load_gazetteer().candidates(text)
        if cands and cands[0].country:
            return ActorCode(cands[0].country, ())
    words = text.split()
    return ActorCode(country_in(words, lex), head_sectors(text, lex) if label != "PERSON" else ())


def _phrase_words(token: Token) -> list[str]:
    """A noun and its compound/adjective pre-modifiers: "senior defense officials"."""
    left = [t for t in token.lefts if t.dep_ in _NOUN_CHAIN_DEPS]
    words = []
    for t in left:
        words += [w.text for w in t.subtree]
    return [*words, token.text]


def code_span(span: Span) -> ActorCode:
    """Code an actor mention in context: its own words, its title, and the noun it modifies."""
    lex = load_lexicon()
    own = code_name(span.text, span.label_)
    codes = [own]
    words = [t.text for t in span]
    codes.append(ActorCode(country_in(words, lex), sectors_in(words, lex)))
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end:
        # "Hungarian officials", "China's defense ministry": the head noun names the actor.
        head_words = _phrase_words(root.head)
        codes.append(ActorCode(country_in(head_words, lex), sectors_in(head_words, lex)))
    # Pre-modifiers outside the span: "Belarusian Defense Minister [Viktor Khrenin]".
    before = [t.text for t in span.doc[root.left_edge.i : span.start]]
    if before:
        codes.append(ActorCode(country_in(before, lex), sectors_in(before, lex)))
    for child in root.children:
        if child.dep_ == "appos":
            words = [t.text for t in child.subtree]
            codes.append(ActorCode(country_in(words, lex), sectors_in(words, lex)))
    code = combine(codes)
    if own.country and own.sectors:
        return own  # a known outlet or seat of power is what the table says
    if own.country and code.country != own.country:
        code = ActorCode(own.country, code.sectors)
    return code


def code_actor(sentence: str, actor_text: str) -> ActorCode:
    """Code `actor_text` as it occurs in `sentence` (parsed with the configured model)."""
    from newsgraph.nlp import load_nlp

    doc = load_nlp()(sentence)
    start = sentence.find(actor_text)
    span = (
        doc.char_span(start, start + len(actor_text), alignment_mode="expand")
        if start >= 0
        else None
    )
    if span is None:
        return code_name(actor_text)
    ents = [e for e in doc.ents if e.start <= span.start and span.end <= e.end]
    if ents:
        span = doc[span.start : span.end]
        span.label_ = ents[0].label_
    return code_span(span)
