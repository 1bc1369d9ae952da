"""The `newsgraph` command line: thin Typer commands over the library."""

from __future__ import annotations

import logging
import sys

import typer

from newsgraph.cli.analyze import compare_cli, graph_cli, stories_cli, timeline_cli
from newsgraph.cli.corpus import (
    actors_cli,
    claims_cli,
    events_cli,
    export_cli,
    ingest_cli,
    quotes_cli,
    rejected_cli,
    search_cli,
    show_cli,
)
from newsgraph.cli.extract import extract_cli
from newsgraph.cli.meta import config_app, schema_app
from newsgraph.cli.serve import serve_cli
from newsgraph.errors import NewsgraphError

app = typer.Typer(
    name="newsgraph",
    help="Read news like an analyst: entities, quotes, events, claims and dates, with offsets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_cli)
app.command("ingest")(ingest_cli)
app.command("search")(search_cli)
app.command("quotes")(quotes_cli)
app.command("events")(events_cli)
app.command("actors")(actors_cli)
app.command("claims")(claims_cli)
app.command("show")(show_cli)
app.command("rejected")(rejected_cli)
app.command("export")(export_cli)
app.command("serve")(serve_cli)
app.command("stories")(stories_cli)
app.command("compare")(compare_cli)
app.command("graph")(graph_cli)
app.command("timeline")(timeline_cli)
app.add_typer(schema_app, name="schema")
app.add_typer(config_app, name="config")


def main() -> None:
    """Entry point: library errors become one line on stderr and exit status 1.

    Usage errors are Typer's (exit 2); anything else is a bug and keeps its traceback.
    """
    logging.basicConfig(level=logging.WARNING, format="newsgraph: %(levelname)s: %(message)s")
    try:
        app()
    except NewsgraphError as e:
        print(f"newsgraph: error: {e}", file=sys.stderr)
        sys.exit(1)
