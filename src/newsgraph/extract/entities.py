"""Entities and actors: name mentions grouped within the article, titled, coded and placed.

Persons: full names and surnames with honorifics and ranks ("Gen. Li" = "Li Shangfu"),
romanisation variants ("Aleksandr"/"Alexander"), role descriptions and pronouns (coref.py).
Organisations: acronyms and lexicon synonyms. Places: GeoNames ids and coordinates (geo.py).
Every entity gets a country and sectors (actors.py) from its names, titles and roles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from newsgraph.extract.actors import (
    ActorCode,
    code_name,
    combine,
    country_in,
    fill_from_dictionary,
    fill_from_people,
    sectors_in,
)
from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.extract.coref import (
    PERSON_HEADS,
    Person,
    Resolver,
    find_role_nominals,
    pronoun_mentions,
)
from newsgraph.extract.dictionaries import ActorDictionary, load_dictionaries
from newsgraph.extract.geo import Place as GeoPlace
from newsgraph.extract.geo import load_gazetteer, resolve_places
from newsgraph.extract.lexicon import Lexicon, lex_key, load_lexicon
from newsgraph.extract.mentions import Found, find_name_mentions
from newsgraph.extract.names import (
    FEMALE,
    acronym,
    appositive_titles,
    name_tokens,
    part_of,
    same_person,
    title_before,
)
from newsgraph.schema import CharSpan, Entity, Mention, Place
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


class _Cluster:
    def __init__(self, key: int, label: str) -> None:
        self.key = key
        self.label = label
        self.mentions: list[Found] = []
        self.titles: list[str] = []
        self.codes: list[ActorCode] = []

    def names(self) -> list[str]:
        return [m.span.text for m in self.mentions if m.kind == "name"]


def cluster_names(found: Sequence[Found], lex: Lexicon) -> list[_Cluster]:
    """Group name mentions into clusters, in order of first mention."""
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    persons: list[tuple[list[str], _Cluster]] = []

    def new(label: str) -> _Cluster:
        c = _Cluster(len(clusters), label)
        clusters.append(c)
        return c

    # Full names first, so that a surname met before the full name still finds it.
    order = sorted(
        found,
        key=lambda m: (m.label != "PERSON" or len(name_tokens(m.span.text)) < 2, m.span.start),
    )
    for m in order:
        if m.label == "PERSON":
            tokens = name_tokens(m.span.text)
            match = next((c for full, c in persons if same_person(tokens, full)), None)
            if match is None and len(tokens) == 1:
                candidates = [c for full, c in persons if part_of(tokens, full)]
                match = _nearest(candidates, m) if candidates else None
            if match is None:
                match = new("PERSON")
                if tokens:
                    persons.append((tokens, match))
            match.mentions.append(m)
            continue
        key = (_group(m.label), _org_key(m.span.text, m.label, lex))
        cluster = (
            by_key.get(key)
            or by_key.get((key[0], acronym(m.span.text)))
            or _by_acronym(by_key, key)
        )
        if cluster is None:
            cluster = by_key[key] = new(m.label)
            if m.label == "ORG" and len(m.span.text.split()) > 1:
                by_key.setdefault((key[0], acronym(m.span.text)), cluster)
        cluster.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.span.start)
    clusters.sort(key=lambda c: c.mentions[0].span.start)
    return clusters


def _group(label: str) -> str:
    return "PLACE" if label in _PLACE_LABELS else label


def _org_key(name: str, label: str, lex: Lexicon) -> str:
    # Countries by code ("U.S." = "United States"), known organisations by their table entry.
    if label in ("GPE", "NORP") and (iso := lex.country(name)):
        return iso
    if aff := lex.affiliation(name):
        return (
            f"{aff.country}:{'/'.join(aff.sectors)}:{lex_key(name) if aff.country is None else ''}"
        )
    return lex_key(name)


def _by_acronym(by_key: dict[tuple[str, str], _Cluster], key: tuple[str, str]) -> _Cluster | None:
    if key[0] != "ORG" or not key[1].isalpha() or len(key[1]) > 6:
        return None
    return by_key.get((key[0], key[1].upper()))


def _nearest(candidates: list[_Cluster], m: Found) -> _Cluster:
    def last_before(c: _Cluster) -> int:
        return max((x.span.start for x in c.mentions if x.span.start < m.span.start), default=-1)

    return max(candidates, key=lambda c: (last_before(c), len(c.mentions)))


def _canonical(c: _Cluster) -> str:
    names = Counter(c.names())
    if c.label == "PERSON":
        return max(names, key=lambda n: (len(name_tokens(n)), names[n], -c.names().index(n)))
    if c.label == "GPE":
        # A country is named as the text names it most fully: "United States", not "U.S.".
        lex = load_lexicon()
        isos = {lex.country(n) for n in names}
        if len(isos) == 1 and None not in isos:
            return max(names, key=lambda n: (len(n), names[n]))
    return max(names, key=lambda n: (names[n], len(n)))


class EntityExtractor:
    """Entities with aliases, titles, country and sector codes, and places."""

    name: ClassVar[str] = "entities"
    version: ClassVar[int] = 2
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()
        # Tables load when the pipeline is built, not inside the first article's timing.
        load_lexicon()
        load_gazetteer()
        paths = self.settings.actor_dictionaries
        self.dictionary = load_dictionaries(tuple(paths)) if paths else None

    def __call__(self, ctx: ExtractionContext) -> Extracted:
        doc, lex = ctx.doc, load_lexicon()
        found, rejected = find_name_mentions(doc, lex)
        clusters = merge_across_labels(cluster_names(found, lex))
        for c in clusters:
            _describe(c, doc, lex)
        self._coreference(ctx, lex, clusters)
        places = resolve_places(
            [_canonical(c) for c in clusters if c.label in _PLACE_LABELS],
            context=[code.country for c in clusters for code in c.codes if code.country],
        )
        on = ctx.article.published
        entities = [
            _entity(i, c, doc, places.get(_canonical(c)), lex, self.dictionary, on)
            for i, c in enumerate(clusters, 1)
        ]
        return Extracted(entities, rejected)

    def _coreference(self, ctx: ExtractionContext, lex: Lexicon, clusters: list[_Cluster]) -> None:
        doc = ctx.doc
        people = []
        for c in clusters:
            if c.label != "PERSON":
                continue
            code = combine(c.codes)
            honorifics = {_honorific_before(doc, m) for m in c.mentions}
            gender = "f" if honorifics & FEMALE else "m" if "mr" in honorifics else None
            people.append(
                Person(c.key, list(c.mentions), code.country, code.sectors, gender, tuple(c.titles))
            )
        by_key = {c.key: c for c in clusters}
        captions = [(p.start, p.end) for p in ctx.article.paragraphs_of("caption")]
        resolver = Resolver(doc, lex, people, captions)
        taken = {
            i
            for c in clusters
            if c.label == "PERSON"
            for m in c.mentions
            for i in range(m.token_start, m.token_end)
        }
        added: list[tuple[Found, Person]] = []
        for chunk, country, sectors in find_role_nominals(doc, lex, taken):
            person = resolver.nominal(chunk, country, sectors)
            if person is not None:
                m = Found(
                    _chunk_span(chunk), "PERSON", "nominal", chunk.start, chunk.end, chunk.root.i
                )
                person.mentions.append(m)
                added.append((m, person))
        if self.settings.resolve_pronouns:
            for token_i, span in pronoun_mentions(doc):
                person = resolver.pronoun(token_i)
                if person is not None:
                    m = Found(span, "PERSON", "pronoun", token_i, token_i + 1, token_i)
                    person.mentions.append(m)
                    added.append((m, person))
        for m, person in added:
            by_key[person.key].mentions.append(m)
        for c in clusters:
            c.mentions.sort(key=lambda m: m.span.start)


def _honorific_before(doc: Doc, m: Found) -> str:
    """The honorific just before a name mention, lowercased without its period ("mr", "ms")."""
    if m.token_start == 0:
        return ""
    return doc[m.token_start - 1].lower_.rstrip(".")


def _chunk_span(chunk: Span) -> CharSpan:
    # Span.text, not doc.text: the Doc rebuilds its whole text on every access.
    return CharSpan(start=chunk.start_char, end=chunk.end_char, text=chunk.text)


def _describe(c: _Cluster, doc: Doc, lex: Lexicon) -> None:
    """Titles and actor codes from each name mention and its surroundings.

    Places and nationalities get a country only: the noun they modify ("China's defense
    minister") is another actor. People and organisations also take their titles,
    appositions ("Bleta, Belarus's state-owned news agency") and pre-modifiers.
    """
    for m in c.mentions:
        c.codes.append(code_name(m.span.text, c.label))
        if c.label not in ("PERSON", "ORG"):
            continue
        root = doc[m.root]
        titles = []
        before = title_before(root, m.token_start)
        if before is not None:
            titles.append(before.text)
        elif c.label == "PERSON" and m.token_start > 0 and lex.role(doc[m.token_start - 1].text):
            titles.append(doc[m.token_start - 1].text)  # a rank alone: "Gen. Li"
        titles += [t.text for t in appositive_titles(root, lex)]
        if root.dep_ == "appos" and root.head.lower_ in PERSON_HEADS:
            # "his U.S. counterpart, Secretary of Defense Lloyd Austin"
            head = root.head
            kept = [t for t in doc[head.left_edge.i : head.i + 1] if t.tag_ not in ("PRP$", "DT")]
            if kept:
                titles.append(doc[kept[0].i : head.i + 1].text)
        for title in titles:
            words = title.split()
            code = ActorCode(country_in(words, lex), sectors_in(words, lex))
            if not (code.country or code.sectors):
                continue  # a title names an office or a country; "her counterpart" is none
            c.codes.append(code)
            known = {lex_key(t) for t in c.titles}
            # An organisation's pre-modifiers ("state media Xinhua") code it but are no title.
            if lex_key(title) not in known and (
                c.label == "PERSON" or before is None or title != before.text
            ):
                c.titles.append(title)


def merge_across_labels(clusters: list[_Cluster]) -> list[_Cluster]:
    """One name tagged PERSON here and ORG there ("Bleta", "Minsk") is one entity: majority label."""
    by_name: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        by_name[lex_key(_canonical(c))].append(c)
    merged: list[_Cluster] = []
    for group in by_name.values():
        group.sort(key=lambda c: -len(c.mentions))
        keep = group[0]
        for other in group[1:]:
            keep.mentions += other.mentions
        keep.mentions.sort(key=lambda m: m.span.start)
        labels = Counter(m.label for m in keep.mentions)
        place_labels = [lb for lb, _ in labels.most_common() if lb in _PLACE_LABELS]
        if place_labels and load_gazetteer().candidates(_canonical(keep)):
            keep.label = place_labels[0]  # the tagger's ORG for a city it also calls GPE
        else:
            keep.label = labels.most_common(1)[0][0]
        merged.append(keep)
    merged.sort(key=lambda c: c.mentions[0].span.start)
    return merged


def _entity(
    i: int,
    c: _Cluster,
    doc: Doc,
    place: GeoPlace | None,
    lex: Lexicon,
    dictionary: ActorDictionary | None,
    on: dt.date | None,
) -> Entity:
    name = _canonical(c)
    aff = lex.affiliation(name)
    # A known outlet, organisation or seat of power is what the table says it is.
    code = ActorCode(aff.country, aff.sectors) if aff else combine(c.codes)
    if c.label == "PERSON":
        code = fill_from_people(code, [name, *c.names()], on)
    if c.label in ("PERSON", "ORG"):
        code = fill_from_dictionary(code, [name, *c.names()], dictionary, on)
    country, sectors = code.country, code.sectors
    if place is not None:
        country = country or place.country
        if place.feature == "capital" and any(
            doc[m.root].dep_ in _ACTOR_DEPS for m in c.mentions if m.kind == "name"
        ):
            sectors = ("GOV",)  # "Beijing refused": the capital speaks for the government
    names = list(dict.fromkeys(c.names()))
    return Entity(
        id=f"e{i}",
        name=name,
        type=c.label,
        aliases=tuple(n for n in names if n != name),
        titles=tuple(c.titles),
        country=country if country and len(country) == 3 and country.isupper() else None,
        sector=sectors[0] if sectors else None,
        sectors=sectors,
        place=Place(
            geonameid=place.geonameid,
            name=place.name,
            feature=place.feature,
            country=place.country,
            latitude=place.latitude,
            longitude=place.longitude,
        )
        if place
        else None,
        mentions=tuple(
            Mention(start=m.span.start, end=m.span.end, text=m.span.text, kind=m.kind)
            for m in c.mentions
        ),
    )
