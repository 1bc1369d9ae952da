"""The analysis pages: the stories, one story's comparison across outlets, the actor graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.analysis.compare import compare_story
from newsgraph.analysis.graph import actor_graph
from newsgraph.analysis.stories import stories, story, story_articles
from newsgraph.api.deps import StoreDep, check_range, page, parse_day
from newsgraph.api.graphview import focus, graph_view
from newsgraph.api.storyview import articles_by_outlet, carried_table, outlet_cards

router = APIRouter(include_in_schema=False)

OptionalText = Annotated[str | None, Query()]


@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request, store: StoreDep, min_outlets: Annotated[int, Query(ge=1)] = 1
) -> HTMLResponse:
    """Stories, most outlets first, each linking to its comparison."""
    return page(
        request,
        "stories.html",
        stories=stories(store, limit=200, min_outlets=min_outlets),
        min_outlets=min_outlets,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, story_id: int) -> HTMLResponse:
    """A story: its articles by outlet, who carried which quote, event and figure, and what
    each outlet alone carried, left out or told otherwise."""
    row = story(store, story_id)
    articles = story_articles(store, story_id)
    comparison = compare_story(store, [a["id"] for a in articles])
    return page(
        request,
        "story.html",
        story=row,
        outlets=articles_by_outlet(articles),
        comparison=comparison,
        outlet_names=[o.outlet for o in comparison.outlets],
        sections=carried_table(comparison),
        cards=outlet_cards(comparison),
    )


@router.get("/graph", response_class=HTMLResponse)
def graph_page(
    request: Request,
    store: StoreDep,
    since: OptionalText = None,
    until: OptionalText = None,
    min_weight: Annotated[int, Query(ge=1)] = 1,
    actor: Annotated[int | None, Query()] = None,
) -> HTMLResponse:
    """The actor graph as a picture and a table; `actor` keeps one actor and its neighbours."""
    first, last = parse_day(since, "since"), parse_day(until, "until")
    check_range(first, last)
    graph = actor_graph(store, since=first, until=last, min_weight=min_weight)
    centre = store.actor(actor) if actor is not None else None
    if actor is not None:
        graph = focus(graph, actor)
    return page(
        request,
        "graph.html",
        view=graph_view(graph),
        centre=centre,
        filters={"since": first or "", "until": last or "", "min_weight": min_weight},
    )
