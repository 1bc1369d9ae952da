"""`newsgraph schema export` and `newsgraph config show`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.schema import ResultDocument
from newsgraph.settings import load_settings

schema_app = typer.Typer(help="The v1 result contract.", no_args_is_help=True)
config_app = typer.Typer(help="Resolved configuration.", no_args_is_help=True)


def result_json_schema() -> str:
    """JSON Schema of ResultDocument, as committed in tests/golden/schema/result.schema.json."""
    return (
        json.dumps(ResultDocument.model_json_schema(mode="serialization"), indent=2, sort_keys=True)
        + "\n"
    )


@schema_app.command("export")
def schema_export(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the result document.

    Example: newsgraph schema export --out result.schema.json
    """
    text = result_json_schema()
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


@config_app.command("show")
def config_show(
    config: Annotated[
        Path | None, typer.Option("--config", help="A newsgraph.toml to read.")
    ] = None,
) -> None:
    """Print the resolved settings (defaults, then --config TOML, then NEWSGRAPH_* variables).

    Example: NEWSGRAPH_NLP__BATCH_SIZE=64 newsgraph config show
    """
    typer.echo(load_settings(config).model_dump_json(indent=2))
