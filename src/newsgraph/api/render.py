"""An article's text as HTML with its annotations highlighted; pure, no web framework.

The text is cut at every boundary of an entity mention, quote content, time expression and
event trigger, and each piece is wrapped in the elements of the annotations covering it.
Overlapping annotations nest: the longer one outside, and when an outer one ends while an
inner one is still open, the inner one is closed and opened again after it, so the HTML is
always well formed (an annotation may then show as two adjacent elements). Every piece of text
and every attribute value goes through `markupsafe.escape`. Paragraphs (`article.paragraphs`)
become blocks; an annotation crossing a paragraph break is split at the break.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from newsgraph.schema import Entity, Event, Quote, ResultDocument, Timex

# At the same start, longer annotations open first (outside); equal extents nest in this order.
_RANK = {"quote": 0, "event": 1, "entity": 2, "timex": 3}
_BLOCK_TAGS = {"title": "h1", "heading": "h2"}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted extent `[start, end)` of the article text and how to show it."""

    start: int
    end: int
    kind: str
    """"quote", "event", "entity" or "timex": the CSS class, and the nesting order."""
    classes: tuple[str, ...]
    title: str
    """Shown on hover."""
    data: tuple[tuple[str, str], ...] = ()
    """data-* attributes (name without the prefix, value)."""
    href: str | None = None
    """Makes the element a link (entities of corpus actors)."""


def speaker_name(result: ResultDocument, quote: Quote) -> str:
    """Who a quote is attributed to: the entity's name, else the speaker's words."""
    names = {e.id: e.name for e in result.entities}
    if quote.speaker_entity and quote.speaker_entity in names:
        return names[quote.speaker_entity]
    return quote.speaker.text if quote.speaker else "unattributed"


def relay_chain(result: ResultDocument, quote: Quote) -> list[str]:
    """The relays a quote came through, nearest first ("…, according to X")."""
    names = {e.id: e.name for e in result.entities}
    return [names[v] for v in quote.via_entities if v in names]


def quote_title(result: ResultDocument, quote: Quote) -> str:
    """Hover text of a quote: speaker, then " via " and the relay chain, then addressee and kind."""
    title = speaker_name(result, quote)
    chain = relay_chain(result, quote)
    if chain:
        title += " via " + " > ".join(chain)
    names = {e.id: e.name for e in result.entities}
    if quote.addressee_entity in names:
        title += f", to {names[quote.addressee_entity]}"
    return f"{title} · {quote.kind} quote"


def entity_title(entity: Entity) -> str:
    """Hover text of an entity mention: name, type, country, sectors and titles."""
    parts = [entity.type]
    if entity.country:
        parts.append(entity.country)
    parts.extend(entity.sectors or ((entity.sector,) if entity.sector else ()))
    parts.extend(entity.titles[:3])
    if entity.place:
        parts.append(f"{entity.place.feature}, GeoNames {entity.place.geonameid}")
    return f"{entity.name} · " + " · ".join(parts)


def timex_title(timex: Timex) -> str:
    """Hover text of a time expression: its normalised TIMEX3 value, type and modifier."""
    title = f"{timex.value} ({timex.type}"
    if timex.mod:
        title += f", {timex.mod}"
    return title + ")"


def event_title(result: ResultDocument, event: Event) -> str:
    """Hover text of an event trigger: PLOVER type and mode, CAMEO code, date and flags."""
    parts = [event.type + (f"/{event.mode}" if event.mode else "")]
    if event.cameo:
        parts.append(f"CAMEO {event.cameo}")
    if event.date:
        parts.append(event.date.value + (" (publication date)" if event.date.fallback else ""))
    names = {e.id: e.name for e in result.entities}
    if event.location in names:
        parts.append(f"in {names[event.location]}")
    parts.extend(
        flag
        for flag, on in (
            ("negated", event.negated),
            ("future", event.future),
            ("hypothetical", event.hypothetical),
        )
        if on
    )
    return " · ".join(parts)


def annotation_marks(
    result: ResultDocument, *, actor_links: Mapping[str, int] | None = None
) -> list[Mark]:
    """Marks for every entity mention, quote content span, time expression and event trigger.

    `actor_links` maps entity ids to corpus actor ids; those mentions link to /actors/{id}.
    """
    links = actor_links or {}
    marks: list[Mark] = []
    for entity in result.entities:
        href = f"/actors/{links[entity.id]}" if entity.id in links else None
        for mention in entity.mentions:
            marks.append(
                Mark(
                    mention.start,
                    mention.end,
                    "entity",
                    ("ent", f"ent-{entity.type}", f"mention-{mention.kind}"),
                    entity_title(entity),
                    (("entity", entity.id), ("type", entity.type)),
                    href,
                )
            )
    for quote in result.quotes:
        title = quote_title(result, quote)
        data = (
            ("quote", quote.id),
            ("speaker", speaker_name(result, quote)),
            ("via", " > ".join(relay_chain(result, quote))),
        )
        for span in quote.content:
            marks.append(
                Mark(span.start, span.end, "quote", ("quote", f"quote-{quote.kind}"), title, data)
            )
    for timex in result.timexes:
        marks.append(
            Mark(
                timex.start,
                timex.end,
                "timex",
                ("timex", f"timex-{timex.type}"),
                timex_title(timex),
                (("timex", timex.id), ("value", timex.value)),
            )
        )
    for event in result.events:
        marks.append(
            Mark(
                event.trigger.start,
                event.trigger.end,
                "event",
                ("event", f"event-{event.type}"),
                event_title(result, event),
                (("event", event.id), ("type", event.type), ("cameo", event.cameo or "")),
            )
        )
    return marks


def render_article(
    result: ResultDocument, *, actor_links: Mapping[str, int] | None = None
) -> Markup:
    """The annotated article: one block per paragraph, annotations highlighted."""
    article = result.article
    blocks = [(p.start, p.end, p.kind) for p in article.paragraphs]
    return render_text(
        article.text, annotation_marks(result, actor_links=actor_links), blocks=blocks
    )


def render_text(
    text: str, marks: Iterable[Mark], *, blocks: Sequence[tuple[int, int, str]] = ()
) -> Markup:
    """`text` as HTML blocks with `marks` highlighted; `blocks` are (start, end, kind) paragraphs.

    Text outside every block is shown too, as body blocks, when it holds more than whitespace;
    without blocks the whole text is one.
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    out: list[str] = []
    for start, end, kind in _cover(text, blocks):
        tag = _BLOCK_TAGS.get(kind, "p")
        inside = [
            Mark(max(m.start, start), min(m.end, end), m.kind, m.classes, m.title, m.data, m.href)
            for m in marks
            if m.start < end and m.end > start
        ]
        out.append(f'<{tag} class="para para-{escape(kind)}">')
        out.append(_render_block(text, start, end, inside))
        out.append(f"</{tag}>\n")
    return Markup("".join(out))


def _cover(text: str, blocks: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The blocks in order, plus body blocks for any non-blank text between them."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, kind in sorted(blocks):
        if start < pos:
            continue  # overlapping blocks: the first wins
        if text[pos:start].strip():
            out.append((pos, start, "body"))
        out.append((start, end, kind))
        pos = end
    if text[pos:].strip():
        out.append((pos, len(text), "body"))
    return out


def _render_block(text: str, start: int, end: int, marks: list[Mark]) -> str:
    marks.sort(key=lambda m: (m.start, -m.end, _RANK.get(m.kind, 9)))
    cuts = sorted({start, end, *(m.start for m in marks), *(m.end for m in marks)})
    opening = {pos: [m for m in marks if m.start == pos] for pos in cuts}
    stack: list[tuple[Mark, str]] = []  # open marks and the tag each was opened with
    out: list[str] = []

    def open_mark(mark: Mark) -> None:
        # A link inside a link is not allowed: a nested linked mention becomes a span.
        link = mark.href is not None and all(tag != "a" for _, tag in stack)
        tag = "a" if link else "span"
        out.append(_open_tag(tag, mark))
        stack.append((mark, tag))

    for i, pos in enumerate(cuts):
        ending = [k for k, (m, _) in enumerate(stack) if m.end <= pos]
        if ending:
            # Close down to the outermost mark that ends here, then reopen those still going.
            keep = [m for m, _ in stack[ending[0] :] if m.end > pos]
            while len(stack) > ending[0]:
                out.append(f"</{stack.pop()[1]}>")
            for mark in keep:
                open_mark(mark)
        if pos == end:
            break
        for mark in opening[pos]:
            open_mark(mark)
        out.append(str(escape(text[pos : cuts[i + 1]])))
    while stack:
        out.append(f"</{stack.pop()[1]}>")
    return "".join(out)


def _open_tag(tag: str, mark: Mark) -> str:
    attrs = [("class", " ".join(mark.classes)), ("title", mark.title)]
    attrs += [(f"data-{name}", value) for name, value in mark.data]
    if tag == "a" and mark.href:
        attrs.append(("href", mark.href))
    return f"<{tag}" + "".join(f' {name}="{escape(value)}"' for name, value in attrs) + ">"
