"""Turn one ResultDocument into index rows, and entities into corpus-level actor keys."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii

from newsgraph.schema import Entity, Event, Quote, ResultDocument

# Entity types that become corpus actors; dates, money and the like are not actors.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_TOKEN = re.compile(r"[a-z0-9]+")
_LEADING = frozenset(
    [
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "lt",
        "col",
        "maj",
        "adm",
        "capt",
        "sgt",
        "prof",
        "rev",
        "sir",
        "president",
        "minister",
    ]
)


@dataclass(frozen=True, slots=True)
class ActorKey:
    """What identifies an actor across articles: type, a normalised name, and a country if known."""

    type: str
    key: str
    country: str | None


def name_key(name: str, type_: str) -> str:
    """Normalised name: ASCII, lower case, no honorifics; people by first initial and surname.

    First initial + surname merges transliterations ("Aleksandr"/"Alexander Lukashenko") and
    middle-name variants while keeping different people of one family apart.
    """
    tokens = _TOKEN.findall(anyascii(name).lower())
    while len(tokens) > 1 and tokens[0] in _LEADING:
        tokens = tokens[1:]
    if type_ == "PERSON" and len(tokens) >= 2:
        return f"{tokens[0][0]} {tokens[-1]}"
    return " ".join(tokens)


def actor_key(entity: Entity) -> ActorKey | None:
    """The corpus key of an entity, or None when it is not an actor (or has no usable name)."""
    if entity.type not in ACTOR_TYPES:
        return None
    if entity.place is not None:
        # A place resolved to GeoNames is identified by its id, whatever spelling was used.
        return ActorKey(entity.type, f"geo:{entity.place.geonameid}", entity.place.country)
    key = name_key(entity.name, entity.type)
    if not key:
        return None
    # A bare surname ("Li") is too ambiguous to merge across articles on its own.
    if entity.type == "PERSON" and " " not in key:
        key = f"{key} ?"
    return ActorKey(entity.type, key, entity.country)


def search_name(entity_or_name: Entity | str, aliases: tuple[str, ...] = ()) -> str:
    """Lower-case ASCII names joined by '|', matched by `LIKE` in name lookups."""
    if isinstance(entity_or_name, Entity):
        names = (entity_or_name.name, *entity_or_name.aliases)
    else:
        names = (entity_or_name, *aliases)
    return "|".join(dict.fromkeys(anyascii(n).lower() for n in names if n))


def day_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a TIMEX3 date value ("2023-08-16", "2023-08", "2023"), else None."""
    if not value:
        return None, None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None, None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None, None


def index_rows(
    result: ResultDocument, actor_ids: dict[str, int]
) -> dict[str, list[dict[str, Any]]]:
    """Rows for the entities, quotes, events, participants and claims tables.

    `actor_ids` maps this article's entity ids to corpus actor ids.
    """
    aid = result.article.id
    text = result.article.text
    by_id = {e.id: e for e in result.entities}
    rows: dict[str, list[dict[str, Any]]] = {
        "entities": [
            {
                "article_id": aid,
                "id": e.id,
                "actor_id": actor_ids.get(e.id),
                "name": e.name,
                "type": e.type,
                "country": e.country,
                "sector": e.sector,
                "mentions": len(e.mentions),
            }
            for e in result.entities
        ],
        "quotes": [],
        "events": [],
        "event_participants": [],
        "claims": [],
    }
    for q in result.quotes:
        start = min(c.start for c in q.content)
        end = max(c.end for c in q.content)
        rows["quotes"].append(
            {
                "article_id": aid,
                "id": q.id,
                "kind": q.kind,
                "text": " … ".join(c.text for c in q.content),
                "start": start,
                "end": end,
                "cue": q.cue.text if q.cue else None,
                "speaker": _speaker_name(
                    q.speaker_entity, q.speaker.text if q.speaker else None, by_id
                ),
                "speaker_kind": q.speaker_kind,
                "speaker_actor_id": actor_ids.get(q.speaker_entity or ""),
                "addressee_actor_id": actor_ids.get(q.addressee_entity or ""),
                "via": " > ".join(by_id[v].name for v in q.via_entities if v in by_id),
                "in_caption": q.in_caption,
                "published": result.article.published,
            }
        )
    for ev in result.events:
        rows["events"].append(_event_row(aid, ev, by_id))
        rows["event_participants"].extend(_participants(aid, ev, by_id, actor_ids))
    for c in result.claims:
        rows["claims"].append(
            {
                "article_id": aid,
                "id": c.id,
                "kind": c.kind,
                "value": c.value,
                "value_high": c.value_high,
                "unit": c.unit,
                "measure": c.measure,
                "qualifier": c.qualifier,
                "direction": c.direction,
                "text": text[c.span.start : c.span.end],
                "start": c.span.start,
                "end": c.span.end,
                "subject_actor_id": actor_ids.get(c.subject_entity or ""),
                "claimant_actor_id": actor_ids.get(c.claimant_entity or ""),
                "time": c.time,
                "quote_id": c.quote,
            }
        )
    return rows


def quotes_mentioning(result: ResultDocument, entity_ids: set[str]) -> list[Quote]:
    """Quotes whose words mention one of these entities, said by someone else.

    A mention counts when it lies inside one of the quote's content spans; quotes whose speaker
    is one of the entities (someone talking about themselves) are left out.
    """
    mentions = [m for e in result.entities if e.id in entity_ids for m in e.mentions]
    return [
        q
        for q in result.quotes
        if q.speaker_entity not in entity_ids
        and any(c.start <= m.start and m.end <= c.end for c in q.content for m in mentions)
    ]


def _speaker_name(
    entity_id: str | None, surface: str | None, by_id: dict[str, Entity]
) -> str | None:
    if entity_id and entity_id in by_id:
        return by_id[entity_id].name
    return surface


def _event_row(aid: str, ev: Event, by_id: dict[str, Entity]) -> dict[str, Any]:
    place = by_id.get(ev.location or "")
    geo = place.place if place else None
    value = ev.date.value if ev.date else None
    start, end = day_range(value)
    return {
        "article_id": aid,
        "id": ev.id,
        "type": ev.type,
        "mode": ev.mode,
        "cameo": ev.cameo,
        "quad": ev.quad,
        "goldstein": ev.goldstein,
        "trigger": ev.trigger.text,
        "start": ev.trigger.start,
        "end": ev.trigger.end,
        "date_value": value,
        "day_start": start,
        "day_end": end,
        "date_fallback": bool(ev.date and ev.date.fallback),
        "location": place.name if place else None,
        "geonameid": geo.geonameid if geo else None,
        "latitude": geo.latitude if geo else None,
        "longitude": geo.longitude if geo else None,
        "location_country": (geo.country if geo else None) or (place.country if place else None),
        "negated": ev.negated,
        "future": ev.future,
        "hypothetical": ev.hypothetical,
        "quote_id": ev.quote,
    }


def _participants(
    aid: str, ev: Event, by_id: dict[str, Entity], actor_ids: dict[str, int]
) -> list[dict[str, Any]]:
    day = day_range(ev.date.value if ev.date else None)[0]
    rows = []
    for role, ids, spans, codes in (
        ("actor", ev.actors, ev.actor_spans, ev.actor_codes),
        ("recipient", ev.recipients, ev.recipient_spans, ev.recipient_codes),
    ):
        count = max(len(ids), len(spans))
        for i in range(count):
            entity = by_id.get(ids[i]) if i < len(ids) else None
            name = entity.name if entity else spans[i].text if i < len(spans) else ""
            code = codes[i] if i < len(codes) else None
            rows.append(
                {
                    "article_id": aid,
                    "event_id": ev.id,
                    "role": role,
                    "position": i,
                    "actor_id": actor_ids.get(entity.id) if entity else None,
                    "name": name,
                    "code": code,
                    "country": (entity.country if entity else None) or code_country(code),
                    "sector": (entity.sector if entity else None) or code_sector(code),
                    "day_start": day,
                }
            )
    return rows


# CAMEO role codes; a three-letter code that is not one of these is a country ("USA").
_SECTOR_CODES = (
    "GOV MIL LEG JUD MED BUS EDU REL OPP REB INS COP CVL ELI HLH LAB NGO IGO SPY UAF REF CRM"
    " AGR ENV MOD RAD"
)
_SECTORS = frozenset(_SECTOR_CODES.split())


def code_country(code: str | None) -> str | None:
    """The country of a CAMEO-style actor code ("CHNMIL" → CHN, "USA"), None for a bare sector."""
    if not code or len(code) < 3 or code[:3] in _SECTORS:
        return None
    return code[:3]


def code_sector(code: str | None) -> str | None:
    """The sector of a CAMEO-style actor code ("CHNMIL" → MIL, "GOV")."""
    if not code:
        return None
    sector = code[3:6] if code[:3] not in _SECTORS else code[:3]
    return sector or None
