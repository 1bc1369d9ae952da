"""`newsgraph extract`: articles in, v1 results out."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from newsgraph.cli.output import parse_date
from newsgraph.cli.report import render_text
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import expand_inputs, load_articles
from newsgraph.process import build_processor
from newsgraph.schema import Article, RejectedInput, ResultDocument
from newsgraph.settings import load_settings


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


def extract_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, http(s) URLs, or - for stdin.", show_default=False),
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="json, jsonl, or a text report for people."),
    ] = OutputFormat.json,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) to use instead of metadata or inference."),
    ] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name to record as the source.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write results here instead of stdout.")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="A newsgraph.toml with settings.")] = None,
) -> None:
    """Extract entities, quotes, dates and the page structure from articles.

    Bad inputs are reported on stderr and skipped; the exit status is 1 when none could be read.

    Example: newsgraph extract examples/minister_visit.txt --format text
    """
    given = parse_date(published, "--published")
    settings = load_settings(config)
    uris = list(expand_inputs(inputs))
    rejected: list[RejectedInput] = []
    err = Console(stderr=True)
    processor = build_processor(settings)
    stream: TextIO = out.open("w", encoding="utf-8") if out else sys.stdout
    count = 0
    try:
        with _progress(err, len(uris)) as progress:
            task = progress.add_task("extracting", total=len(uris))

            def articles() -> Iterator[Article]:
                for uri in uris:
                    for item in load_articles(
                        [uri], settings=settings.ingest, published=given, source_name=source
                    ):
                        if isinstance(item, RejectedInput):
                            rejected.append(item)
                        else:
                            yield item
                    progress.advance(task)

            results = processor.process(articles())
            count = write_results(results, fmt, stream)
    finally:
        if out:
            stream.close()
    for r in rejected:
        typer.echo(f"newsgraph: skipped {r.message} [{r.reason}]", err=True)
    if count == 0:
        raise NewsgraphError(
            "no article could be read"
            + (f" ({len(rejected)} input(s) rejected, see above)" if rejected else "")
        )
    if rejected:
        typer.echo(
            f"newsgraph: {count} article(s) extracted, {len(rejected)} input(s) rejected", err=True
        )


def _progress(console: Console, total: int) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(show_speed=True),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=total < 2 or not console.is_terminal,
    )


def write_results(results: Iterator[ResultDocument], fmt: OutputFormat, stream: TextIO) -> int:
    """Write results as one JSON document (a list when several), JSON lines, or text reports."""
    count = 0
    if fmt is OutputFormat.json:
        docs = [r.model_dump_json(indent=2) for r in results]
        count = len(docs)
        if count == 1:
            stream.write(docs[0] + "\n")
        elif count:
            stream.write("[\n" + ",\n".join(docs) + "\n]\n")
        return count
    for result in results:
        if fmt is OutputFormat.jsonl:
            stream.write(result.model_dump_json() + "\n")
        else:
            stream.write(("\n" + "═" * 72 + "\n\n" if count else "") + render_text(result))
        count += 1
    return count
