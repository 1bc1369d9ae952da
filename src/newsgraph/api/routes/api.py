"""The JSON API: `/api/…` reads the store, `POST /extract` runs the pipeline on a posted article.

Lists answer `{"ok": true, "count": N, "items": [...]}`; every error answers the envelope
`{"ok": false, "error", "errors", "status"}` (see `newsgraph.api.app`). Stories, the actor
graph and timelines come from `newsgraph.analysis`, which reads the store only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from newsgraph.analysis.compare import Comparison, compare_story
from newsgraph.analysis.graph import actor_graph, to_json
from newsgraph.analysis.stories import stories, story, story_articles
from newsgraph.analysis.timeline import actor_timeline
from newsgraph.api.deps import (
    ExtractRequest,
    PipelineDep,
    SettingsDep,
    StoreDep,
    check_range,
    store_result,
)
from newsgraph.schema import ResultDocument

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items.")]
Since = Annotated[dt.date | None, Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="On or before this day (YYYY-MM-DD).")]
Outlet = Annotated[str | None, Query(description="Published by this outlet (case-insensitive).")]


class Listing(BaseModel):
    """A list of rows, newest or most relevant first."""

    ok: Literal[True] = True
    count: int
    items: list[dict[str, Any]]


class ArticleResponse(BaseModel):
    """One stored article's full v1 result, and which corpus actor each entity is."""

    ok: Literal[True] = True
    result: ResultDocument
    actors: dict[str, int] = Field(description="Entity id → corpus actor id (/api/actors/{id}).")


class ActorResponse(BaseModel):
    """A corpus actor, their quotes, quotes about them, their events and articles."""

    ok: Literal[True] = True
    actor: dict[str, Any]
    quotes: list[dict[str, Any]]
    quotes_about: list[dict[str, Any]]
    events: list[dict[str, Any]]
    articles: list[dict[str, Any]]


class StoryResponse(BaseModel):
    """A story, its articles (near-duplicates with `duplicate_of`) and how each outlet told it."""

    ok: Literal[True] = True
    story: dict[str, Any]
    articles: list[dict[str, Any]]
    comparison: Comparison


class GraphResponse(BaseModel):
    """The actor graph as node-link JSON (`networkx.node_link_graph(body, edges="edges")`)."""

    ok: Literal[True] = True
    directed: bool
    multigraph: bool
    graph: dict[str, Any] = Field(description="The day range asked for: since, until.")
    nodes: list[dict[str, Any]] = Field(description="Corpus actors on an edge.")
    edges: list[dict[str, Any]] = Field(
        description="Events of one PLOVER type and quad from source to target, with a count."
    )


class ExtractResponse(BaseModel):
    """The v1 result of a posted article, and what storing it did (null: not stored)."""

    ok: Literal[True] = True
    stored: Literal["stored", "duplicate", "exists"] | None
    result: ResultDocument


def _listing(rows: list[dict[str, Any]]) -> Listing:
    return Listing(count=len(rows), items=rows)


@router.get("/api/articles", tags=["articles"])
def list_articles(
    store: StoreDep,
    source: Outlet = None,
    since: Since = None,
    until: Until = None,
    actor: Annotated[int | None, Query(description="Mentioning this corpus actor (id).")] = None,
    include_duplicates: Annotated[
        bool, Query(description="Also near-duplicates of stored articles.")
    ] = False,
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Listing:
    """Stored articles, newest first, by outlet, publication date and actor mentioned."""
    return _listing(
        store.articles(
            source=source,
            since=since,
            until=until,
            actor_id=actor,
            include_duplicates=include_duplicates,
            limit=limit,
            offset=offset,
        )
    )


@router.get("/api/articles/{article_id}", tags=["articles"])
def get_article(store: StoreDep, article_id: str) -> ArticleResponse:
    """One article's full v1 result, by id or unambiguous id prefix."""
    result = store.result(article_id)
    return ArticleResponse(result=result, actors=store.entity_actors(result.article.id))


@router.get("/api/actors", tags=["actors"])
def list_actors(
    store: StoreDep,
    name: Annotated[str | None, Query(description="Name or alias (substring).")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3 code.")] = None,
    type_: Annotated[
        str | None, Query(alias="type", description="PERSON, ORG, GPE, LOC, NORP or FAC.")
    ] = None,
    limit: Limit = 50,
) -> Listing:
    """Corpus actors (entities merged across articles), most reported first."""
    rows = store.actors(name=name, country=country, type_=type_, limit=limit)
    # Sectors as a list, as /api/actors/{id} gives them (the store keeps "GOV,MIL").
    return _listing(
        [{**r, "sectors": r["sectors"].split(",") if r["sectors"] else []} for r in rows]
    )


@router.get("/api/actors/{actor_id}", tags=["actors"])
def get_actor(
    store: StoreDep, settings: SettingsDep, actor_id: int, limit: Limit = 50
) -> ActorResponse:
    """Who an actor is, what they said, what others said about them, their events (newest
    first) and the articles naming them."""
    actor = store.actor(actor_id)
    return ActorResponse(
        actor=actor,
        quotes=store.quotes(speaker_id=actor_id, limit=limit),
        quotes_about=store.quotes_about(
            actor_id, articles=settings.api.actor_articles, limit=limit
        ),
        events=store.events(actor_id=actor_id, limit=limit),
        articles=store.articles(actor_id=actor_id, limit=limit),
    )


@router.get("/api/actors/{actor_id}/timeline", tags=["actors"])
def get_timeline(
    store: StoreDep, actor_id: int, since: Since = None, until: Until = None
) -> Listing:
    """An actor's events in date order (undated last), with role, counterparts, place, outlet
    and flags; `fallback` marks dates taken from the publication date."""
    check_range(since, until)
    entries = actor_timeline(store, actor_id, since=since, until=until)
    return _listing([dataclasses.asdict(e) for e in entries])


@router.get("/api/stories", tags=["stories"])
def list_stories(
    store: StoreDep,
    min_outlets: Annotated[int, Query(ge=1, description="Told by at least this many outlets.")] = 1,
    limit: Limit = 50,
) -> Listing:
    """Stories (articles about one event), most outlets first."""
    return _listing(stories(store, limit=limit, min_outlets=min_outlets))


@router.get("/api/stories/{story_id}", tags=["stories"])
def get_story(store: StoreDep, story_id: int) -> StoryResponse:
    """A story, its articles and the comparison of its outlets: the aligned quotes, events and
    figures, who carried each, and what each outlet alone carried, left out or told otherwise."""
    row = story(store, story_id)
    articles = story_articles(store, story_id)
    comparison = compare_story(store, [a["id"] for a in articles])
    return StoryResponse(story=row, articles=articles, comparison=comparison)


@router.get("/api/graph", tags=["graph"])
def get_graph(
    store: StoreDep,
    since: Since = None,
    until: Until = None,
    min_weight: Annotated[int, Query(ge=1, description="Drop edges with fewer events.")] = 1,
) -> GraphResponse:
    """The actor graph: corpus actors linked by the events between them (negated and
    hypothetical ones left out), per PLOVER type and quad class."""
    check_range(since, until)
    graph = actor_graph(store, since=since, until=until, min_weight=min_weight)
    return GraphResponse(**json.loads(to_json(graph)))


@router.get("/api/quotes", tags=["quotes"])
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(description="Speaker's name or alias.")] = None,
    speaker_id: Annotated[int | None, Query(description="Speaker's corpus actor id.")] = None,
    via: Annotated[
        str | None, Query(description="Relayed through this outlet (“…, according to X”).")
    ] = None,
    source: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
) -> Listing:
    """Quotes across the corpus, newest first, by speaker, relay, outlet and date."""
    return _listing(
        store.quotes(
            speaker=speaker,
            speaker_id=speaker_id,
            via=via,
            source=source,
            since=since,
            until=until,
            limit=limit,
        )
    )


@router.get("/api/events", tags=["events"])
def list_events(
    store: StoreDep,
    actor: Annotated[
        str | None, Query(description="Participant's name, or an ISO 3166 alpha-3 country.")
    ] = None,
    actor_id: Annotated[int | None, Query(description="Participant's corpus actor id.")] = None,
    type_: Annotated[
        str | None, Query(alias="type", description="PLOVER event type (CONSULT, ASSAULT, …).")
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
) -> Listing:
    """PLOVER events, newest first, by participant, type and date range."""
    return _listing(
        store.events(
            actor=actor, actor_id=actor_id, type_=type_, since=since, until=until, limit=limit
        )
    )


@router.get("/api/claims", tags=["claims"])
def list_claims(
    store: StoreDep,
    measure: Annotated[str | None, Query(description="What is measured (substring).")] = None,
    kind: Annotated[
        str | None, Query(description="count, money, percent, measure, rank, age or vague.")
    ] = None,
    limit: Limit = 50,
) -> Listing:
    """Numeric claims, newest first, by measure and kind."""
    return _listing(store.claims(measure=measure, kind=kind, limit=limit))


@router.get("/api/search", tags=["articles"])
def search(
    store: StoreDep,
    q: Annotated[
        str, Query(min_length=1, description='Words to find (all); "quoted phrase" kept whole.')
    ],
    limit: Limit = 20,
) -> Listing:
    """Full-text search over stored articles, best match first, with a snippet."""
    return _listing(store.search(q, limit=limit))


@router.post("/extract", tags=["extract"])
def extract(
    body: ExtractRequest,
    pipeline: PipelineDep,
    store: StoreDep,
    save: Annotated[
        bool, Query(alias="store", description="Also store the result in the corpus.")
    ] = False,
) -> ExtractResponse:
    """Run the pipeline on posted text or HTML and return its v1 result; stored only with
    `?store=true`."""
    result = pipeline.extract(body)
    return ExtractResponse(stored=store_result(store, result) if save else None, result=result)
