"""ResultDocument: the versioned v1 result of processing one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, model_validator

from newsgraph.schema.annotations import (
    Claim,
    Entity,
    Event,
    ExtractorRun,
    Quote,
    Rejection,
    Timex,
)
from newsgraph.schema.article import Article
from newsgraph.schema.spans import CharSpan, Model, check_span

SCHEMA_VERSION = 1


class Provenance(Model):
    """What produced this result; kept apart from the format version."""

    newsgraph_version: str
    spacy_version: str | None = None
    model: str | None = None
    model_version: str | None = None
    settings_hash: str | None = None


class ResultDocument(Model):
    """Everything newsgraph knows about one article."""

    schema_version: Literal[1] = 1
    article: Article
    provenance: Provenance
    runs: tuple[ExtractorRun, ...] = ()
    rejected: tuple[Rejection, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()

    @model_validator(mode="after")
    def _check_spans_and_refs(self) -> ResultDocument:
        text = self.article.text
        for where, span in _annotation_spans(self):
            check_span(text, span, where)
        ids = {e.id for e in self.entities}
        for where, ref in _entity_refs(self):
            if ref not in ids:
                raise ValueError(f"{where}: unknown entity id {ref!r}")
        return self


def _annotation_spans(result: ResultDocument) -> Iterator[tuple[str, CharSpan]]:
    for field in ("entities", "quotes", "timexes", "events", "claims", "rejected"):
        for i, item in enumerate(getattr(result, field)):
            yield from _spans_in(item, f"{field}[{i}]")


def _spans_in(obj: object, where: str) -> Iterator[tuple[str, CharSpan]]:
    if isinstance(obj, CharSpan):
        yield where, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _spans_in(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _spans_in(item, f"{where}[{i}]")


def _entity_refs(result: ResultDocument) -> Iterator[tuple[str, str]]:
    for i, q in enumerate(result.quotes):
        for name in ("speaker_entity", "addressee_entity"):
            if (ref := getattr(q, name)) is not None:
                yield f"quotes[{i}].{name}", ref
        for ref in q.via_entities:
            yield f"quotes[{i}].via_entities", ref
    for i, ev in enumerate(result.events):
        for ref in (*ev.actors, *ev.recipients, *([ev.location] if ev.location else [])):
            yield f"events[{i}]", ref
    for i, c in enumerate(result.claims):
        for ref in (c.subject_entity, c.claimant_entity):
            if ref is not None:
                yield f"claims[{i}]", ref
