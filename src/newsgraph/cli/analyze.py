"""Analysis commands: `stories`, `compare`, `graph`, `timeline` (they read the store only)."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.output import (
    DbOption,
    FormatOption,
    LimitOption,
    RowFormat,
    open_store,
    parse_date,
    write_rows,
)


def stories_cli(
    rebuild: Annotated[
        bool, typer.Option(help="Forget all story assignments and cluster again.")
    ] = False,
    min_outlets: Annotated[
        int, typer.Option(min=1, help="Only list stories told by this many outlets.")
    ] = 1,
    db: DbOption = "sqlite:///newsgraph.db",
    fmt: FormatOption = RowFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Group stored articles into stories (new ones join or start stories), then list them.

    Example: newsgraph stories --min-outlets 2
    """
    from newsgraph.analysis.stories import stories, update_stories

    with open_store(db) as store:
        report = update_stories(store, rebuild=rebuild)
        rows = stories(store, limit=limit, min_outlets=min_outlets)
    typer.echo(
        f"newsgraph: {report.assigned} article(s) placed: {report.joined} joined a story, "
        f"{report.created} new stor{'y' if report.created == 1 else 'ies'}; "
        f"{report.duplicates} near-duplicate(s) follow their original",
        err=True,
    )
    write_rows(
        rows,
        fmt,
        columns=["id", "first_day", "last_day", "outlet_count", "article_count", "title"],
        title="Stories",
    )


class CompareFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def compare_cli(
    story_id: Annotated[int, typer.Argument(help="A story id (see `newsgraph stories`).")],
    fmt: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="text, json or a standalone HTML page.")
    ] = CompareFormat.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = "sqlite:///newsgraph.db",
) -> None:
    """Compare how the outlets of a story reported it: what each carried, left out, or told differently.

    Example: newsgraph compare 12 --format html --out story12.html
    """
    from newsgraph.analysis.compare import compare_story, render_html, render_text
    from newsgraph.analysis.stories import story_article_ids

    with open_store(db) as store:
        comparison = compare_story(store, story_article_ids(store, story_id))
    if fmt is CompareFormat.json:
        text = comparison.model_dump_json(indent=2) + "\n"
    elif fmt is CompareFormat.html:
        text = render_html(comparison)
    else:
        text = render_text(comparison)
    _emit(text, out)


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


def graph_cli(
    since: Annotated[
        str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events on or before this date (YYYY-MM-DD).")
    ] = None,
    fmt: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="graphml, gexf (Gephi) or node-link JSON.")
    ] = GraphFormat.graphml,
    min_weight: Annotated[int, typer.Option(min=1, help="Drop edges with fewer events.")] = 1,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = "sqlite:///newsgraph.db",
) -> None:
    """The actor graph: corpus actors linked by the events between them, by PLOVER type and quad class.

    Example: newsgraph graph --since 2023-01-01 --format gexf --out actors.gexf
    """
    from newsgraph.analysis import graph as g

    with open_store(db) as store:
        graph = g.actor_graph(
            store,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            min_weight=min_weight,
        )
    if fmt is GraphFormat.json:
        _emit(g.to_json(graph) + "\n", out)
    else:
        writer = g.to_graphml if fmt is GraphFormat.graphml else g.to_gexf
        writer(graph, out if out else sys.stdout.buffer)
    typer.echo(f"newsgraph: {len(graph.nodes)} actors, {len(graph.edges)} edges", err=True)


def timeline_cli(
    actor: Annotated[str, typer.Argument(help="An actor id or name (see `newsgraph actors`).")],
    since: Annotated[str | None, typer.Option(help="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="On or before this date (YYYY-MM-DD).")] = None,
    fmt: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="text or json.")
    ] = CompareFormat.text,
    db: DbOption = "sqlite:///newsgraph.db",
) -> None:
    """An actor's events in date order, with counterparts, place, outlet and fallback dates marked.

    Example: newsgraph timeline "Li Shangfu"
    """
    from newsgraph.analysis.timeline import actor_timeline, timeline_text

    with open_store(db) as store:
        entries = actor_timeline(
            store, actor, since=parse_date(since, "--since"), until=parse_date(until, "--until")
        )
    if fmt is CompareFormat.text:
        sys.stdout.write(timeline_text(entries))
    else:
        rows = [dataclasses.asdict(e) for e in entries]
        sys.stdout.write(json.dumps(rows, indent=2, default=str) + "\n")


def _emit(text: str, out: Path | None) -> None:
    """Write to `out`, or to stdout when no file was given."""
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
