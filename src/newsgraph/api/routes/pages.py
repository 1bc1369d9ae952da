"""The web UI: server-rendered pages over the store, and a page to paste an article into."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from newsgraph.analysis.stories import article_story
from newsgraph.api.deps import (
    ExtractRequest,
    PipelineDep,
    SettingsDep,
    StoreDep,
    page,
    parse_day,
    store_result,
)
from newsgraph.api.render import render_article
from newsgraph.api.views import claim_views, event_views, quotes_by_speaker
from newsgraph.errors import SourceError
from newsgraph.schema import ResultDocument

router = APIRouter(include_in_schema=False)

_EMPTY_FORM = {"text": "", "format": "text", "published": "", "source": "", "store": False}

OptionalText = Annotated[str | None, Query()]


def _day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD form or query value; None when empty. ValueError names a bad one."""
    if not value or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD") from None


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    store: StoreDep,
    source: OptionalText = None,
    since: OptionalText = None,
    until: OptionalText = None,
) -> HTMLResponse:
    """Newest articles (filtered by outlet and dates), most reported actors, corpus counts."""
    # The filter form sends empty fields as "": no bound, not a bad date.
    first, last = parse_day(since, "since"), parse_day(until, "until")
    return page(
        request,
        "index.html",
        articles=store.articles(source=source or None, since=first, until=last, limit=100),
        actors=store.actors(limit=25),
        counts=store.counts(),
        filters={"source": source or "", "since": first or "", "until": last or ""},
    )


def _article_context(
    result: ResultDocument, actor_links: dict[str, int], **extra: Any
) -> dict[str, Any]:
    return {
        "result": result,
        "article": result.article,
        "body": render_article(result, actor_links=actor_links),
        "speakers": quotes_by_speaker(result, actor_links=actor_links),
        "events": event_views(result),
        "claims": claim_views(result),
        **extra,
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def articlepage(
    request: Request, store: StoreDep, article_id: str, status: OptionalText = None
) -> HTMLResponse:
    """One stored article, annotated, with quotes by speaker, events and claims beside it."""
    result = store.result(article_id)
    links = store.entity_actors(result.article.id)
    story = article_story(store, result.article.id)
    context = _article_context(result, links, stored=True, status=status, story=story)
    return page(request, "article.html", **context)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actorpage(
    request: Request, store: StoreDep, settings: SettingsDep, actor_id: int
) -> HTMLResponse:
    """Who an actor is, their quotes, quotes about them, and their events in time order."""
    actor = store.actor(actor_id)
    events = store.events(actor_id=actor_id, limit=100)
    # The newest 100, shown oldest first; undated ones at the end.
    timeline = sorted(
        (e for e in events if e["date_value"]), key=lambda e: (e["date_value"], e["article_id"])
    ) + [e for e in events if not e["date_value"]]
    return page(
        request,
        "actor.html",
        actor=actor,
        quotes=store.quotes(speaker_id=actor_id, limit=100),
        quotes_about=store.quotes_about(actor_id, articles=settings.api.actor_articles, limit=100),
        timeline=timeline,
        articles=store.articles(actor_id=actor_id, limit=50),
    )


@router.get("/search", response_class=HTMLResponse)
def searchpage(request: Request, store: StoreDep, q: OptionalText = None) -> HTMLResponse:
    """Full-text search over articles, and actors whose names match."""
    query = (q or "").strip()
    return page(
        request,
        "search.html",
        q=query,
        hits=store.search(query, limit=50) if query else [],
        actors=store.actors(name=query, limit=20) if query else [],
    )


@router.get("/paste", response_class=HTMLResponse)
def paste_form(request: Request) -> HTMLResponse:
    """A form to paste an article (text or HTML) and see it annotated at once."""
    return page(request, "paste.html", form=_EMPTY_FORM, error=None)


@router.post("/paste", response_class=HTMLResponse, response_model=None)
def paste_submit(
    request: Request,
    store: StoreDep,
    pipeline: PipelineDep,
    text: Annotated[str, Form()] = "",
    fmt: Annotated[str, Form(alias="format")] = "text",
    published: Annotated[str, Form()] = "",
    source: Annotated[str, Form()] = "",
    save: Annotated[bool, Form(alias="store")] = False,
) -> Response:
    """Annotate a pasted article; with "store it" ticked, store it and open its page."""
    form = {"text": text, "format": fmt, "published": published, "source": source, "store": save}
    try:
        body = {"html" if fmt == "html" else "text": text}
        wanted = ExtractRequest(**body, published=_day(published), source=source.strip() or None)
        result = pipeline.extract(wanted)
    except (ValueError, SourceError) as e:
        # A pydantic ValidationError is a ValueError too; its first message is the useful one.
        message = e.errors()[0]["msg"] if isinstance(e, ValidationError) else str(e)
        message = message.removeprefix("Value error, ")
        return page(request, "paste.html", status_code=422, form=form, error=message)
    if save:
        status = store_result(store, result)
        return RedirectResponse(f"/articles/{result.article.id}?status={status}", status_code=303)
    context = _article_context(result, {}, stored=False, form=form, story=None)
    return page(request, "article.html", **context)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The JSON API's OpenAPI description as a page (served locally, no Swagger UI CDN)."""
    schema = request.app.openapi()
    return page(request, "docs.html", schema=schema, operations=_operations(schema))


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": "requestBody" in op,
                }
            )
    return out
