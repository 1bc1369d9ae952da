"""Corpus commands: `ingest` into a store, then `search`, `quotes`, `events`, `actors`, `show`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.analysis.stories import update_stories
from newsgraph.cli.output import (
    DbOption,
    FormatOption,
    LimitOption,
    RowFormat,
    open_store,
    parse_date,
    write_rows,
)
from newsgraph.cli.report import render_text
from newsgraph.corpus import IngestReport, ingest
from newsgraph.schema import RejectedInput
from newsgraph.settings import load_settings


class _Bar:
    """rich's progress bar behind the corpus Progress protocol: units done, rate and ETA."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: TaskID = progress.add_task("ingesting", total=0)

    def grow(self, units: int) -> None:
        total = self._progress.tasks[0].total or 0
        self._progress.update(self._task, total=total + units)

    def advance(self, units: int) -> None:
        self._progress.advance(self._task, units)


def ingest_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursive), JSON/JSONL dumps, RSS/Atom feeds, http(s) URLs.",
            show_default=False,
        ),
    ],
    db: DbOption = "sqlite:///newsgraph.db",
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Extraction processes on this machine.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Send extraction to this Dask scheduler (tcp://HOST:8786); one writer commits."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name to record as the source.")] = None,
    offline: Annotated[
        bool, typer.Option(help="Never fetch: feed entries use the text the feed carries.")
    ] = False,
    config: Annotated[Path | None, typer.Option(help="A newsgraph.toml with settings.")] = None,
) -> None:
    """Extract articles into a corpus store; re-running the same command resumes and adds nothing twice.

    Example: newsgraph ingest articles/ feed.xml --db sqlite:///news.db --workers 2
    """
    settings = load_settings(config)
    given = parse_date(published, "--published")
    err = Console(stderr=True)
    rejected: list[RejectedInput] = []
    with (
        open_store(db, settings) as store,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(show_speed=True),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as progress,
    ):
        report = ingest(
            inputs,
            store,
            settings=settings,
            workers=workers,
            dask=dask,
            published=given,
            source_name=source,
            online=not offline,
            progress=_Bar(progress),
            on_rejected=rejected.append,
        )
        # New articles join a story or start one, so `stories` and `compare` are current.
        placed = update_stories(store) if report.stored else None
        counts = store.counts()
    for r in rejected:
        typer.echo(f"newsgraph: rejected {r.message} [{r.reason}]", err=True)
    typer.echo(_summary(report, counts, store.url), err=True)
    if placed is not None:
        typer.echo(
            f"newsgraph: stories: {placed.joined} article(s) joined a story, {placed.created} new",
            err=True,
        )


def _summary(report: IngestReport, counts: dict[str, int], url: str) -> str:
    rate = report.processed / report.seconds if report.seconds else 0.0
    return (
        f"newsgraph: {report.stored} stored, {report.duplicate} near-duplicate(s) linked, "
        f"{report.exists} already stored, {report.rejected} rejected, {report.skipped} done earlier "
        f"({report.processed} in {report.seconds:.1f} s, {rate:.2f}/s); "
        f"{url} holds {counts['articles']} articles, {counts['actors']} actors, "
        f"{counts['quotes']} quotes, {counts['events']} events"
    )


def rejected_cli(
    db: DbOption = "sqlite:///newsgraph.db", fmt: FormatOption = RowFormat.table
) -> None:
    """Inputs that could not become articles, with the reason.

    Example: newsgraph rejected --db sqlite:///news.db --format csv
    """
    with open_store(db) as store:
        write_rows(
            store.rejected(), fmt, columns=["uri", "reason", "message"], title="Rejected inputs"
        )


def show_cli(
    article_id: Annotated[
        str, typer.Argument(help="An article id or an unambiguous prefix of one.")
    ],
    db: DbOption = "sqlite:///newsgraph.db",
    as_json: Annotated[bool, typer.Option("--json", help="The full v1 result as JSON.")] = False,
) -> None:
    """One stored article: the text report, or its full result as JSON.

    Example: newsgraph show 2749357 --db sqlite:///news.db
    """
    with open_store(db) as store:
        result = store.result(article_id)
    typer.echo(result.model_dump_json(indent=2) if as_json else render_text(result), nl=False)


def search_cli(
    text: Annotated[
        str, typer.Argument(help='Words to find (all of them); "quoted phrase" kept together.')
    ],
    db: DbOption = "sqlite:///newsgraph.db",
    fmt: FormatOption = RowFormat.table,
    limit: LimitOption = 20,
) -> None:
    """Full-text search over stored articles, best match first.

    Example: newsgraph search "defense minister" Belarus
    """
    with open_store(db) as store:
        rows = store.search(text, limit=limit)
    write_rows(
        rows,
        fmt,
        columns=["id", "published", "source", "title", "snippet"],
        title=f"Search: {text}",
    )


def quotes_cli(
    speaker: Annotated[str | None, typer.Option(help="Speaker's name or alias.")] = None,
    via: Annotated[
        str | None, typer.Option(help="Relayed through this outlet (“…, according to X”).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Published by this outlet.")] = None,
    db: DbOption = "sqlite:///newsgraph.db",
    fmt: FormatOption = RowFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Quotes across the corpus, by speaker, relay and outlet.

    Example: newsgraph quotes --speaker "Li Shangfu" --via BelTA
    """
    with open_store(db) as store:
        rows = store.quotes(speaker=speaker, via=via, source=source, limit=limit)
    write_rows(
        rows, fmt, columns=["published", "source", "speaker", "cue", "text", "via"], title="Quotes"
    )


def events_cli(
    actor: Annotated[
        str | None, typer.Option(help="A participant: a name, or an ISO 3166 alpha-3 country.")
    ] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="PLOVER event type (CONSULT, COERCE, …).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events on or before this date (YYYY-MM-DD).")
    ] = None,
    db: DbOption = "sqlite:///newsgraph.db",
    fmt: FormatOption = RowFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Events across the corpus: who did what to whom, when and where.

    Example: newsgraph events --actor CHN --type CONSULT --since 2023-08-01
    """
    with open_store(db) as store:
        rows = store.events(
            actor=actor,
            type_=type_,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            limit=limit,
        )
    write_rows(
        rows,
        fmt,
        columns=[
            "date_value",
            "type",
            "mode",
            "cameo",
            "actors",
            "trigger",
            "recipients",
            "location",
            "source",
        ],
        title="Events",
    )


def actors_cli(
    name: Annotated[str | None, typer.Option(help="Name or alias (substring).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-3 country code.")] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="Entity type: PERSON, ORG, GPE, …")
    ] = None,
    db: DbOption = "sqlite:///newsgraph.db",
    fmt: FormatOption = RowFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Corpus-level actors (entities merged across articles), most reported first.

    Example: newsgraph actors --country BLR --type PERSON
    """
    with open_store(db) as store:
        rows = store.actors(name=name, country=country, type_=type_, limit=limit)
    write_rows(
        rows,
        fmt,
        columns=["id", "name", "type", "country", "sectors", "article_count", "mention_count"],
        title="Actors",
    )


def claims_cli(
    measure: Annotated[
        str | None, typer.Option(help="What is counted (substring): troops, barrels, …")
    ] = None,
    db: DbOption = "sqlite:///newsgraph.db",
    fmt: FormatOption = RowFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Numeric claims across the corpus.

    Example: newsgraph claims --measure troops
    """
    with open_store(db) as store:
        rows = store.claims(measure=measure, limit=limit)
    write_rows(
        rows,
        fmt,
        columns=["published", "source", "value", "unit", "measure", "text"],
        title="Claims",
    )


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


def export_cli(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="jsonl (full results), csv/parquet (one table), gdelt (events)."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write here; stdout when omitted (not for parquet)."),
    ] = None,
    table: Annotated[
        str,
        typer.Option(
            help="For csv/parquet: articles, entities, actors, quotes, events, event_participants, claims."
        ),
    ] = "events",
    include_duplicates: Annotated[
        bool,
        typer.Option(help="Also export near-duplicate articles (jsonl and the articles table)."),
    ] = False,
    db: DbOption = "sqlite:///newsgraph.db",
) -> None:
    """Export the corpus: full v1 results, one index table, or a GDELT 2.0-style events table.

    Example: newsgraph export --format gdelt --out events.tsv
    """
    from newsgraph.store import export as ex

    with open_store(db) as store:
        if out is not None:
            count = ex.export(
                store, fmt.value, out, table=table, include_duplicates=include_duplicates
            )
        elif fmt is ExportFormat.parquet:
            raise typer.BadParameter(
                "parquet is binary; give a file with --out", param_hint="--out"
            )
        elif fmt is ExportFormat.jsonl:
            count = ex.export_jsonl(store, sys.stdout, include_duplicates=include_duplicates)
        elif fmt is ExportFormat.csv:
            count = ex.export_csv(store, table, sys.stdout, include_duplicates=include_duplicates)
        else:
            count = ex.export_gdelt(store, sys.stdout)
    typer.echo(f"newsgraph: exported {count} row(s)" + (f" to {out}" if out else ""), err=True)
