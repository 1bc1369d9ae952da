"""The FastAPI app: a web UI and a JSON API over one store, and the one error handler.

Every error a JSON client can get has the same shape (datasette's error envelope)::

    {"ok": false, "error": "no article 'abc' in the store", "errors": [...], "status": 404}

`error` is one sentence naming the bad value; `errors` lists the details (one per invalid
parameter for a 422). A browser asking for a page gets the same message as an HTML page.
HTTP statuses are chosen here and nowhere else:

=====================================  ======
NotFound                               404
SourceError (not an article, too big)  422
request validation                     422
StoreError (cannot read the store)     503
other NewsgraphError, ConfigError      500
HTTPException (unknown route, …)       its own
anything else (a bug)                  500, logged with its traceback
=====================================  ======
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.api.deps import STATIC, Pipeline, Services, templates
from newsgraph.api.routes import api, pages, stories
from newsgraph.errors import (
    NewsgraphError,
    NoArticleContent,
    NotFound,
    SourceError,
    StoreError,
    UnreadableSource,
)
from newsgraph.process import Processor
from newsgraph.settings import Settings
from newsgraph.store import DEFAULT_URL, Store

log = logging.getLogger(__name__)

# Paths whose errors are always JSON, whatever the client accepts.
_JSON_PREFIXES = ("/api/", "/extract", "/openapi.json")


def create_app(
    store: Store | None = None,
    *,
    db: str | None = None,
    settings: Settings | None = None,
    processor: Processor | None = None,
    warm: bool = False,
) -> FastAPI:
    """The web UI and JSON API over `store` (or the store at `db`, opened now and closed on
    shutdown).

    `processor` is a pipeline already built (tests share one); otherwise it is built on the
    first extraction, or at start-up in a background thread when `warm` is set.
    """
    settings = settings or Settings()
    owned = store is None
    if store is None:
        store = Store.open(db or DEFAULT_URL, near_duplicate=settings.store.near_duplicate)
    services = Services(store=store, settings=settings, pipeline=Pipeline(settings, processor))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(
                target=services.pipeline.warm, name="newsgraph-warm", daemon=True
            ).start()
        yield
        if owned:
            services.store.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        summary="Entities, quotes, events, claims and dates of news articles, with offsets.",
        description=(
            "Read a newsgraph store, or run the pipeline on a posted article. Lists answer "
            '`{"ok": true, "count", "items"}`; every error answers '
            '`{"ok": false, "error", "errors", "status"}`.'
        ),
        # The stock Swagger UI and ReDoc pages load their scripts from a CDN; /docs is our own
        # page over the same OpenAPI document (/openapi.json).
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.services = services
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(stories.router)
    for kind in (NewsgraphError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle_error)
    return app


def handle_error(request: Request, exc: Exception) -> Response:
    """The one error handler: the JSON envelope, or an error page for a browser."""
    status, message, details = describe_error(request, exc)
    if status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, message, exc_info=exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, StarletteHTTPException) else None
    if _wants_page(request):
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message, "details": details},
            status_code=status,
            headers=headers,
        )
    body = {"ok": False, "error": message, "errors": details, "status": status}
    return JSONResponse(jsonable_encoder(body), status_code=status, headers=headers)


def describe_error(request: Request, exc: Exception) -> tuple[int, str, list[dict[str, Any]]]:
    """HTTP status, one-sentence message and details of any exception a request raised."""
    if isinstance(exc, RequestValidationError):
        details = [_validation_detail(e) for e in exc.errors()]
        problems = "; ".join(
            f"{d['where']}: {d['message']}"
            + (f" (got {_short(d['input'])})" if d.get("input") is not None else "")
            for d in details
        )
        return 422, f"invalid request: {problems}", details
    if isinstance(exc, StarletteHTTPException):
        if exc.status_code == 404:
            message = f"no page or endpoint at {request.url.path!r}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path!r}"
        else:
            message = str(exc.detail)
        return exc.status_code, message, []
    if isinstance(exc, NotFound):
        return 404, str(exc), [{"kind": exc.kind, "key": str(exc.key)}]
    if isinstance(exc, NoArticleContent | UnreadableSource):
        return 422, _source_message(exc), [{"reason": exc.reason}]
    if isinstance(exc, SourceError):
        return 422, _source_message(exc), []
    if isinstance(exc, StoreError):
        return 503, str(exc), []
    if isinstance(exc, NewsgraphError):
        return 500, str(exc), []
    return 500, f"internal error ({type(exc).__name__}); the server log has the details", []


def _source_message(exc: SourceError) -> str:
    # The posted article has no path; "-: has only 12 characters" reads badly.
    if exc.uri != "-":
        return str(exc)
    joiner = " " if exc.message.startswith(("has ", "is ")) else ": "
    return f"the posted article{joiner}{exc.message}"


def _validation_detail(error: Any) -> dict[str, Any]:
    loc = [str(part) for part in error.get("loc", ())]
    detail: dict[str, Any] = {
        "where": ".".join(loc) or "request",
        "message": str(error.get("msg", "invalid")).removeprefix("Value error, "),
        "type": error.get("type"),
    }
    value = error.get("input")
    # The whole body echoed back is no help; a bad parameter value is.
    if value is not None and not isinstance(value, dict | list):
        detail["input"] = value if isinstance(value, int | float | bool) else _clip(str(value))
    return detail


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value: object) -> str:
    return repr(_clip(str(value), 60)) if isinstance(value, str) else repr(value)


def _wants_page(request: Request) -> bool:
    if request.url.path.startswith(_JSON_PREFIXES):
        return False
    return "text/html" in request.headers.get("accept", "")
