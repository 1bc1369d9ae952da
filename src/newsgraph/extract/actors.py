"""Actor coding as event data uses it: a country (ISO-3) and PLOVER sectors, primary first.

Evidence, in order: the name itself (a known outlet, organisation or seat of power; a
country, demonym or city), then its titles and role nouns ("Belarusian Defense Minister"
-> BLR, MIL+GOV), then the noun it modifies ("Hungarian officials" -> HUN, GOV).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from newsgraph.extract.dictionaries import ActorDictionary
from newsgraph.extract.geo import load_gazetteer
from newsgraph.extract.lexicon import Lexicon, lex_key, load_lexicon, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    # "Vietnamese-led forces": the nationality is the first half of a hyphenated word.
    split = [part for w in words for part in (w.split("-") if "-" in w[1:-1] else [w])]
    if any(w.lower() == "ethnic" for w in split):
        return None  # "ethnic Albanians in Macedonia" are coded where they live, not by origin
    keys = [lex_key(w) for w in split]
    capitals = load_gazetteer().capitals
    for i in range(len(keys)):
        for n in (3, 2, 1):
            if i + n > len(keys):
                continue
            key = " ".join(keys[i : i + n])
            if iso := lex.countries.get(key) or capitals.get(key) or lex.regions.get(key):
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
    # A role word is not a place: "police" is not the Polish town of Police.
    if label in ("GPE", "LOC", "FAC") or (label == "" and not head_sectors(text, lex)):
        cands = load_gazetteer().candidates(text)
        if cands and cands[0].country:
            return ActorCode(cands[0].country, ())
    if label == "PERSON":
        # A person's own name places them nowhere: "Sofia Markel" is not Bulgarian, "Jordan
        # Hale" not Jordanian. Titles and context code people (entities.py, coref.py).
        return ActorCode(None, ())
    words = text.split()
    return ActorCode(country_in(words, lex), head_sectors(text, lex))


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "REB", "OPP"})
_FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "late"})


def _words(span: Span, *, drop_places: bool = False) -> list[str]:
    # Whitespace words keep "Secretary-General" whole; spaCy splits it at the hyphen.
    text = span.text
    if drop_places:
        # For roles, place names are blanked: the "Bank" of "West Bank" is no business.
        for e in span_ents(span):
            if e.label_ in _PLACE_LABELS:
                a, b = e.start_char - span.start_char, e.end_char - span.start_char
                text = text[:a] + " " * (b - a) + text[b:]
    return text.replace("’", "'").split()


def _span_code(span: Span, lex: Lexicon) -> ActorCode:
    return ActorCode(
        country_in(_words(span), lex), _role_sectors(_words(span, drop_places=True), lex)
    )


def _noun_phrase(token: Token) -> Span:
    """A noun with its compound/adjective pre-modifiers: "senior defense officials"."""
    left = [t for t in token.lefts if t.dep_ in _NOUN_CHAIN_DEPS]
    start = min((t.left_edge.i for t in left), default=token.i)
    return token.doc[start : token.i + 1]


def first_conjunct(token: Token) -> Token:
    """The head of a coordination a word is a conjunct of ("Hungarian" for "Romanian" in
    "Hungarian and Romanian officials", which hangs off it)."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _role_sectors(words: list[str], lex: Lexicon) -> tuple[str, ...]:
    sectors = sectors_in(words, lex)
    lowered = [w.lower().strip(".,") for w in words]
    if sectors and any(w in _FORMER or w.startswith("ex-") for w in lowered):
        sectors = ("ELI", *(s for s in sectors if s != "ELI"))  # former office-holders are elites
    return sectors


def code_span(span: Span) -> ActorCode:
    """Code an event actor in context: its own words, its title, and the noun it modifies.

    The span's head noun gives the primary sector ("Doctors from two American aid groups"
    are MED, not NGO). A place is its government only as a subject ("Beijing refused");
    elsewhere it stands for the people there (CVL), and plural nationality nouns
    ("Nigerians", "British nationals") are civilians too.
    """
    lex = load_lexicon()
    root = first_conjunct(span.root)
    own = code_name(span.text, span.label_)
    head_phrase = _noun_phrase(span.root) if span.root.i < span.end else span
    codes = [_span_code(head_phrase, lex), _span_code(span, lex)]
    if root.dep_ in _MODIFIER_DEPS and root.head.i >= span.end:
        codes.insert(0, _span_code(_noun_phrase(root.head), lex))
    before = span.doc[span.root.left_edge.i : span.start]
    if len(before):
        codes.append(_span_code(before, lex))
    for child in span.root.children:
        if child.dep_ == "appos":
            codes.append(_span_code(span.doc[child.left_edge.i : child.right_edge.i + 1], lex))
    code = combine([c for c in codes if c.country or c.sectors])
    if lex.affiliation(span.text) is not None:
        return _place_role(own, span, root)  # a known outlet, body or seat of power
    country = own.country or code.country
    sectors = code.sectors
    lowered = {w.lower().strip(".,") for w in _words(span)}
    if not sectors and (country or "ethnic" in lowered) and _plural_people(span):
        sectors = ("CVL",)
    # An explicit qualifier outranks the noun: "civilian advisers", "rebel Workers' Party".
    for marker, sector in (("civilian", "CVL"), ("rebel", "REB"), ("insurgent", "REB")):
        if marker in lowered and sectors and sectors[0] != sector:
            sectors = (sector, *(x for x in sectors if x != sector))
    places = [e for e in span_ents(span) if e.label_ in _PLACE_LABELS and not lex.country(e.text)]
    if not sectors and country and places:
        # A town as actor stands for its people; a capital that acts is its government.
        acting = root.dep_ in _SUBJECT_DEPS and _is_capital(places[0].text)
        sectors = ("GOV",) if acting else ("CVL",)
    return ActorCode(country, sectors)


def _place_role(own: ActorCode, span: Span, root: Token) -> ActorCode:
    # A city in the seats table ("Tel Aviv", "Paris") is the government only when it acts.
    is_city = any(
        p.feature in ("capital", "city") for p in load_gazetteer().candidates(span.text)[:1]
    )
    if own.sectors == ("GOV",) and is_city and root.dep_ not in _SUBJECT_DEPS:
        return ActorCode(own.country, ("CVL",))
    return own


def _is_capital(name: str) -> bool:
    return lex_key(name) in load_gazetteer().capitals


def _plural_people(span: Span) -> bool:
    root = span.root
    return root.tag_ in ("NNPS", "NNS") or (root.ent_type_ == "NORP" and root.text.endswith("s"))


def code_actor(
    sentence: str,
    actor_text: str,
    *,
    dictionary: ActorDictionary | None = None,
    on: dt.date | None = None,
) -> ActorCode:
    """Code `actor_text` as it occurs in `sentence` (parsed with the configured model).

    A user-supplied actor dictionary fills what the sentence leaves open (who "President
    Bouteflika" serves), as of `on` when given.
    """
    from newsgraph.nlp import load_nlp

    doc = load_nlp()(sentence)
    span = _locate(doc, actor_text)
    if span is None:
        lex = load_lexicon()
        words = actor_text.split()
        code = combine(
            [code_name(actor_text), ActorCode(country_in(words, lex), _role_sectors(words, lex))]
        )
        return fill_from_dictionary(code, [actor_text], dictionary, on)
    ents = [e for e in doc.ents if e.start <= span.start and span.end <= e.end]
    if ents:
        span = doc[span.start : span.end]
        span.label_ = ents[0].label_
    names = [span.text, *(e.text for e in doc.ents if span.start <= e.start and e.end <= span.end)]
    code = fill_from_people(code_span(span), names, on)
    code = fill_from_dictionary(code, names, dictionary, on)
    if code.country is None and not transnational(span, code):
        code = ActorCode(context_country(span), code.sectors)
    return code


_TRANSNATIONAL = words(
    "international world global european african asian arab western regional multinational "
    "u.n. un eu nato"
)


def transnational(span: Span, code: ActorCode) -> bool:
    """An international body or group ("U.N. peacekeepers", "a human rights group", "the
    Association of African Jurists"): it acts across borders, so where it acts is no country."""
    if {"IGO", "NGO", "IMG"} & set(code.sectors):
        return True
    lex = load_lexicon()
    for t in span:
        if t.lower_ in _TRANSNATIONAL:
            return True
        aff = lex.affiliation(t.text) if t.text[:1].isupper() else None
        if aff is not None and aff.kind is not None:
            return True
    return False


def context_country(span: Span) -> str | None:
    """Where an actor with no nationality of its own acts, as event coders code it.

    First a place in its own words ("refugees from Calgary", "rebels in Darfur", a town
    tagged as a person); then the country the rest of the sentence names most ("Islamic
    fundamentalists in Lagos ... Nigerians"), if one leads. An ethnic group is not coded by
    its origin: "ethnic Albanians in Macedonia" are MKD, so the Albanian is set aside.
    """
    lex = load_lexicon()
    words = _words(span)
    lowered = [w.lower() for w in words]
    if _SEVERAL & set(lowered):
        return None  # "the two defense ministers" come from two places
    origin = None
    if "ethnic" in lowered and lowered.index("ethnic") + 1 < len(words):
        origin = lex.country(words[lowered.index("ethnic") + 1])
    # Whole names only: a word of a longer name is no place ("Union State" is not Union, NJ).
    names = [
        e.text
        for e in span_ents(span)
        if e.label_ in _PLACE_LABELS or (len(e) == 1 and e.label_ != "PERSON")
    ]
    own = chain((_place_country(n, lex) for n in names), map(lex.place_country, words))
    if found := next((iso for iso in own if iso and iso != origin), None):
        return found
    counts: Counter[str] = Counter()
    for ent in span_ents(span.sent):
        if span.start <= ent.start < span.end or ent.label_ not in _CONTEXT_LABELS:
            continue
        if (iso := _place_country(ent.text, lex)) and iso != origin:
            counts[iso] += 1
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def span_ents(span: Span) -> list[Span]:
    """The entities inside a span, from its tokens' IOB tags: `Span.ents` builds every entity
    of the whole document on each call."""
    doc = span.doc
    starts = [t.i for t in span if t.ent_iob_ == "B"]
    out: list[Span] = []
    for start in starts:
        end = start + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:  # as Span.ents: only whole entities
            out.append(entity := doc[start:end])
            entity.label_ = doc[start].ent_type_
    return out


_CONTEXT_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG"})
_SEVERAL = words("two both three four")


def _place_country(name: str, lex: Lexicon) -> str | None:
    if iso := lex.place_country(name):
        return iso
    cands = load_gazetteer().candidates(name)
    return cands[0].country if cands else lex.misspelt_country(name)


def _locate(doc: Doc, text: str) -> Span | None:
    """The span of `text` in `doc`; if it is not there verbatim ("Jordan's King Abdullah" for
    "Jordan's visiting King Abdullah"), from its first word to its last, a few words apart."""
    start = doc.text.find(text)
    if start >= 0:
        return doc.char_span(start, start + len(text), alignment_mode="expand")
    words = text.split()
    if len(words) < 2:
        return None
    first = doc.text.find(words[0])
    last = doc.text.find(words[-1], first + 1) if first >= 0 else -1
    if first < 0 or last < 0:
        return None
    span = doc.char_span(first, last + len(words[-1]), alignment_mode="expand")
    return span if span is not None and len(span) <= len(words) + 4 else None


Lookup = Callable[[str], tuple[str | None, tuple[str, ...]] | None]


def _fill(code: ActorCode, names: Iterable[str], lookup: Lookup) -> ActorCode:
    """Complete a code's missing country and sectors from the first name `lookup` knows."""
    if code.country and code.sectors:
        return code
    for name in names:
        found = lookup(name) or lookup(strip_titles(name))
        if found:
            country, sectors = found
            return ActorCode(code.country or country, code.sectors or sectors)
    return code


def fill_from_people(code: ActorCode, names: Iterable[str], on: dt.date | None) -> ActorCode:
    """Complete a code from newsgraph's list of well-known political figures."""
    lex = load_lexicon()
    year = on.year if on else None

    def lookup(name: str) -> tuple[str | None, tuple[str, ...]] | None:
        found = lex.person(name, year)
        return (found.country, found.sectors) if found else None

    return _fill(code, names, lookup)


def fill_from_dictionary(
    code: ActorCode, names: Iterable[str], dictionary: ActorDictionary | None, on: dt.date | None
) -> ActorCode:
    """Complete a code from a user-supplied actor dictionary, as of `on`."""
    if dictionary is None:
        return code
    return _fill(code, names, lambda name: dictionary.lookup(name, on))


def strip_titles(name: str) -> str:
    """The name without leading role words: "President Omar El Bashir" -> "Omar El Bashir"."""
    lex = load_lexicon()
    words = name.split()
    while len(words) > 1 and (lex.role(words[0]) or lex_key(words[0]) in lex.countries):
        words = words[1:]
    return " ".join(words)
