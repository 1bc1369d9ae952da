"""Annotations extractors produce; cross-references are entity ids, never nested copies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsgraph.schema.spans import CharSpan, Model


class Mention(CharSpan):
    """One mention of an entity: its name, a role description, or a pronoun."""

    kind: Literal["name", "nominal", "pronoun"] = "name"


class Place(Model):
    """A GeoNames place an entity resolves to."""

    geonameid: int
    name: str
    feature: Literal["country", "capital", "state", "city"]
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    latitude: float | None = None
    longitude: float | None = None


class Entity(Model):
    """A person, organisation, place or other named thing, with all its mentions in the article."""

    id: str
    name: str
    """Canonical name: the longest proper-name mention."""
    type: str
    """spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, …"""
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    """ISO 3166-1 alpha-3, or a three-letter organisation code (UNO, NAT, EUR) for IGOs."""
    sector: str | None = None
    """Primary PLOVER/CAMEO sector code (GOV, MIL, MED, …)."""
    sectors: tuple[str, ...] = ()
    """Every sector that applies, primary first."""
    place: Place | None = None
    """For places: the GeoNames entry, chosen with the article's other places as context."""
    mentions: tuple[Mention, ...]


SpeakerKind = Literal["named", "role", "vague", "none"]


class Quote(Model):
    """An attribution: who said (or believes) what, to whom, and according to whom."""

    id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: tuple[CharSpan, ...]
    """May be discontinuous (split quotes)."""
    cue: CharSpan | None = None
    speaker: CharSpan | None = None
    speaker_entity: str | None = None
    addressee_entity: str | None = None
    via_entities: tuple[str, ...] = ()
    """Relay chain, nearest relay first ("…, according to BelTA")."""
    speaker_kind: SpeakerKind = "none"
    in_caption: bool = False
    parent: str | None = None
    """Id of the quote this one is nested inside."""
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)


class Timex(CharSpan):
    """A TIMEX3 time expression, normalized against the publication date."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    """TIMEX3 mod: START/MID/END ("early June"), APPROX, MORE_THAN, LESS_THAN, …"""
    anchored: Literal["published", "reference"] | None = None
    """What a relative value counts from: the publication date or a date the text named before."""


class EventDate(Model):
    """When an event happened: a TIMEX3 value and the timex it came from, if any."""

    value: str
    timex: str | None = None
    """Timex id; None when the value fell back to the publication date."""
    fallback: bool = False


class Event(Model):
    """A PLOVER-typed political event: who did what to whom, when and where."""

    id: str
    type: str
    """PLOVER event type (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST,
    ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)."""
    mode: str | None = None
    """PLOVER mode (CONSULT: visit/third-party/phone…, ASSAULT: aerial/firearms…)."""
    cameo: str | None = None
    """The closest CAMEO event code, for GDELT-style use."""
    quad: int | None = Field(default=None, ge=1, le=4)
    """PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict."""
    goldstein: float | None = Field(default=None, ge=-10, le=10)
    """Goldstein score of the CAMEO code."""
    actors: tuple[str, ...] = ()
    """Entity ids; every party of a meeting or agreement."""
    recipients: tuple[str, ...] = ()
    actor_spans: tuple[CharSpan, ...] = ()
    """The text naming each actor in this event's sentence (also for actors with no entity)."""
    recipient_spans: tuple[CharSpan, ...] = ()
    actor_codes: tuple[str, ...] = ()
    """CAMEO-style code of each actor span, country then primary sector ("LTUMIL", "CHNGOV",
    "USA"); "" when neither is known. From the linked entity, else from the span's own words."""
    recipient_codes: tuple[str, ...] = ()
    location: str | None = None
    """Entity id of the place."""
    date: EventDate | None = None
    trigger: CharSpan
    negated: bool = False
    """The text says it did not happen ("did not meet"): not an event that took place."""
    future: bool = False
    """Announced or expected, not yet happened ("will visit", "plans to sign")."""
    hypothetical: bool = False
    """Conditional or possible ("could attack", "if … would")."""
    quote: str | None = None
    """Quote id when the event is reported inside a quotation or reported statement."""


class Claim(Model):
    """A numeric claim: a figure, what it measures, when, and who claims it."""

    id: str
    value: float | None
    """The number, magnitudes applied ("$4.6 billion" → 4.6e9); None for "thousands of"."""
    value_high: float | None = None
    """Upper end of a range ("15-20 %", "between $12 million and $20 million")."""
    kind: Literal["count", "money", "percent", "measure", "rank", "age", "vague"] = "count"
    unit: str | None = None
    """"percent", an ISO 4217 currency, a unit ("km", "gb"), what is counted ("vessel"), or
    for ranks what the rank is in ("largest")."""
    qualifier: str | None = None
    """APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS or EXACT ("over 30 percent")."""
    measure: str | None = None
    """What the figure is of: "bilateral trade", "the youth jobless rate", "U.S. imports"."""
    direction: Literal["up", "down", "level"] | None = None
    """Rose/fell/hit as the sentence tells it."""
    comparison: str | None = None
    """Words that set the figure against another: "record high", "peak", "compared with"."""
    subject_entity: str | None = None
    time: str | None = None
    """TIMEX3 value of the time the figure is for ("2022", "2023-06")."""
    span: CharSpan
    claimant_entity: str | None = None
    """The quote's speaker when the figure is inside a reported statement; None: the article."""
    quote: str | None = None


class Rejection(Model):
    """A candidate an extractor considered and set aside, with the reason."""

    extractor: str
    reason: str
    span: CharSpan | None = None


class ExtractorRun(Model):
    """What one extractor did on one article."""

    name: str
    version: int
    status: Literal["ok", "failed", "skipped"]
    error: str | None = None
    seconds: float = 0.0
    count: int = 0
