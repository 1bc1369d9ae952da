"""What the pages show beside the text: quotes by speaker, events, claims; pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from newsgraph.api.render import relay_chain, speaker_name
from newsgraph.schema import Claim, ResultDocument


@dataclass(frozen=True, slots=True)
class QuoteView:
    id: str
    kind: str
    text: str
    """The content, fragments joined by " … "."""
    via: tuple[str, ...]
    addressee: str | None
    nested: bool


@dataclass(slots=True)
class SpeakerQuotes:
    speaker: str
    actor_id: int | None
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    trigger: str
    date: str | None
    date_fallback: bool
    place: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: str
    text: str
    value: str
    kind: str
    measure: str | None
    direction: str | None
    time: str | None
    claimant: str | None


def quotes_by_speaker(
    result: ResultDocument, *, actor_links: Mapping[str, int] | None = None
) -> list[SpeakerQuotes]:
    """Quotes grouped by who said them, in order of each speaker's first quote."""
    links = actor_links or {}
    names = {e.id: e.name for e in result.entities}
    groups: dict[str, SpeakerQuotes] = {}
    for quote in sorted(result.quotes, key=lambda q: q.content[0].start):
        speaker = speaker_name(result, quote)
        key = quote.speaker_entity or f"text:{speaker}"
        group = groups.setdefault(
            key, SpeakerQuotes(speaker, links.get(quote.speaker_entity or ""))
        )
        group.quotes.append(
            QuoteView(
                id=quote.id,
                kind=quote.kind,
                text=" … ".join(c.text for c in quote.content),
                via=tuple(relay_chain(result, quote)),
                addressee=names.get(quote.addressee_entity or ""),
                nested=quote.parent is not None,
            )
        )
    # Unattributed quotes last.
    return sorted(groups.values(), key=lambda g: g.speaker == "unattributed")


def event_views(result: ResultDocument) -> list[EventView]:
    """Events in text order, with names for their entity ids."""
    names = {e.id: e.name for e in result.entities}

    def who(
        ids: tuple[str, ...], spans: tuple[str, ...], codes: tuple[str, ...]
    ) -> tuple[str, ...]:
        count = max(len(ids), len(spans))
        out = []
        for i in range(count):
            name = names.get(ids[i], "") if i < len(ids) else ""
            name = name or (spans[i] if i < len(spans) else "")
            code = codes[i] if i < len(codes) else ""
            out.append(f"{name} ({code})" if code else name)
        return tuple(out)

    return [
        EventView(
            id=ev.id,
            type=ev.type,
            mode=ev.mode,
            cameo=ev.cameo,
            trigger=ev.trigger.text,
            date=ev.date.value if ev.date else None,
            date_fallback=bool(ev.date and ev.date.fallback),
            place=names.get(ev.location or ""),
            actors=who(ev.actors, tuple(s.text for s in ev.actor_spans), ev.actor_codes),
            recipients=who(
                ev.recipients, tuple(s.text for s in ev.recipient_spans), ev.recipient_codes
            ),
            flags=tuple(
                flag
                for flag, on in (
                    ("negated", ev.negated),
                    ("future", ev.future),
                    ("hypothetical", ev.hypothetical),
                )
                if on
            ),
        )
        for ev in sorted(result.events, key=lambda e: e.trigger.start)
    ]


def claim_views(result: ResultDocument) -> list[ClaimView]:
    """Numeric claims in text order, the value written out with its unit."""
    names = {e.id: e.name for e in result.entities}
    return [
        ClaimView(
            id=c.id,
            text=c.span.text,
            value=format_value(c),
            kind=c.kind,
            measure=c.measure,
            direction=c.direction,
            time=c.time,
            claimant=names.get(c.claimant_entity or ""),
        )
        for c in sorted(result.claims, key=lambda c: c.span.start)
    ]


def format_value(claim: Claim) -> str:
    """ "4,500,000 USD", "12–15 percent", "vague" when the figure has no number."""

    def number(x: float) -> str:
        return f"{x:,.0f}" if x == int(x) and abs(x) >= 1000 else f"{x:g}"

    if claim.value is None:
        return claim.kind
    text = number(claim.value)
    if claim.value_high is not None:
        text += "–" + number(claim.value_high)
    return f"{text} {claim.unit}" if claim.unit else text
