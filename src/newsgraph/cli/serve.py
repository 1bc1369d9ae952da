"""`newsgraph serve`: the web UI and JSON API over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.output import DbOption
from newsgraph.settings import load_settings


def serve_cli(
    db: DbOption = "sqlite:///newsgraph.db",
    host: Annotated[
        str | None,
        typer.Option(help="Address to listen on (default api.host: 127.0.0.1, this machine only)."),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on (default api.port: 8000)."),
    ] = None,
    config: Annotated[Path | None, typer.Option(help="A newsgraph.toml with settings.")] = None,
) -> None:
    """Serve a web UI (annotated articles, actors, search, paste an article) and a JSON API.

    Pages at /, the API under /api and POST /extract, its description at /docs.

    Example: newsgraph serve --db sqlite:///news.db --port 8000
    """
    import uvicorn

    from newsgraph.api import create_app

    settings = load_settings(config)
    # Opened here, so a bad --db fails before the server starts listening.
    app = create_app(db=db, settings=settings, warm=True)
    host = host or settings.api.host
    port = port or settings.api.port
    typer.echo(
        f"newsgraph: serving {app.state.services.store.url} at http://{host}:{port}/", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
