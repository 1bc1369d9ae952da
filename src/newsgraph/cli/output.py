"""Rows out: a table for people, JSON / JSON lines / CSV for programs."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.settings import Settings, load_settings
from newsgraph.store import Store


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSGRAPH_DB",
        help="Store URL: sqlite:///PATH (default sqlite:///newsgraph.db) or postgresql://USER@HOST/DB.",
    ),
]
FormatOption = Annotated[
    RowFormat,
    typer.Option("--format", "-f", help="table for people; json, jsonl or csv for programs."),
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many rows.")]


def open_store(db: str, settings: Settings | None = None) -> Store:
    """The store at `db`, with the near-duplicate threshold of `settings` (or the defaults)."""
    settings = settings or load_settings()
    return Store.open(db, near_duplicate=settings.store.near_duplicate)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def write_rows(
    rows: Sequence[dict[str, Any]],
    fmt: RowFormat,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """Print rows in the chosen format; `columns` picks and orders what a table shows."""
    out = stream or sys.stdout
    if fmt is RowFormat.json:
        out.write(json.dumps([{k: _plain(v) for k, v in r.items()} for r in rows], indent=2) + "\n")
        return
    if fmt is RowFormat.jsonl:
        for r in rows:
            out.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
        return
    if fmt is RowFormat.csv:
        names = list(rows[0]) if rows else list(columns or [])
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _plain(v) for k, v in r.items()})
        return
    shown = list(columns or (rows[0].keys() if rows else []))
    table = Table(title=title, show_lines=False, expand=False)
    for name in shown:
        # Codes, dates and counts stay on one line; only free text wraps.
        widest = max((len(str(_plain(r.get(name)))) for r in rows), default=0)
        table.add_column(name.replace("_", " "), overflow="fold", no_wrap=widest <= 12)
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(_plain(r.get(c))) for c in shown))
    console = Console(file=out, width=max(100, Console().width))
    console.print(table)
    if not rows:
        console.print("(nothing found)")


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option and the bad value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option
        ) from None
