"""What routes depend on: the store, the settings, the extraction pipeline, the templates,
and the few parameter checks routes share.

One `Services` object per app, made by `create_app` and kept on `app.state`. The pipeline is
built on first use (loading the spaCy model takes seconds) and then reused; extraction runs
under a lock, since spaCy does not promise that one pipeline is safe across threads, and
FastAPI runs the sync routes that call it in its threadpool.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsgraph import __version__
from newsgraph.analysis.stories import update_stories
from newsgraph.errors import NewsgraphError, UnreadableSource
from newsgraph.ingest import article_from_html, article_from_text
from newsgraph.process import Processor, build_processor
from newsgraph.schema import ResultDocument
from newsgraph.settings import Settings
from newsgraph.store import Status, Store, Stored, signature

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(TEMPLATES),
        # Every value is escaped unless it is already Markup (the annotated text from render.py).
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)
templates.env.globals["version"] = __version__


class ExtractRequest(BaseModel):
    """An article to run the pipeline on: pasted text or an HTML page, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="Pasted news text (title on line one).")
    html: str | None = Field(default=None, description="An HTML page holding one article.")
    published: dt.date | None = Field(
        default=None, description="Publication date (YYYY-MM-DD), instead of metadata/inference."
    )
    source: str | None = Field(default=None, description="Outlet name to record as the source.")

    @model_validator(mode="after")
    def _one_input(self) -> ExtractRequest:
        given = [name for name in ("text", "html") if (getattr(self, name) or "").strip()]
        if not given:
            raise ValueError('give the article as "text" or "html"; both are missing or blank')
        if len(given) == 2:
            raise ValueError('give the article as "text" or "html", not both')
        return self

    @property
    def format(self) -> Literal["text", "html"]:
        return "html" if self.html else "text"


class Pipeline:
    """The extraction pipeline, built once on first use and shared by every request."""

    def __init__(self, settings: Settings, processor: Processor | None = None) -> None:
        self.settings = settings
        self._processor = processor
        self._build_lock = threading.Lock()
        self._run_lock = threading.Lock()

    def processor(self) -> Processor:
        with self._build_lock:
            if self._processor is None:
                self._processor = build_processor(self.settings)
            return self._processor

    def warm(self) -> None:
        """Build now (in a background thread at start-up), so the first paste is quick."""
        try:
            self.processor()
        except NewsgraphError:
            log.exception("building the extraction pipeline failed; /extract will report it")

    def extract(self, request: ExtractRequest) -> ResultDocument:
        """Run ingest and every extractor on one article; SourceError when it is not one."""
        raw = request.html or request.text or ""
        limit = self.settings.ingest.max_bytes
        if len(raw.encode()) > limit:
            raise UnreadableSource(
                "-",
                f"the posted {request.format} is over the {limit:,}-byte limit (ingest.max_bytes)",
                reason="too_large",
            )
        reader = article_from_html if request.html else article_from_text
        processor = self.processor()
        with self._run_lock:
            article = reader(
                raw,
                uri="-",
                settings=self.settings.ingest,
                published=request.published,
                source_name=request.source,
            )
            return next(processor.process([article]))


# Story assignment assumes one writer (as the actor merge does): posted articles are stored
# and placed one at a time.
_WRITING = threading.Lock()


def store_result(store: Store, result: ResultDocument) -> Status:
    """Store a result extracted from a posted article: "stored", "duplicate" or "exists".

    A new article is placed in a story at once (`update_stories` is incremental: it clusters
    only the articles without one), so the story pages include it.
    """
    with _WRITING:
        # Keyed by the text's hash, so posting the same article twice stores it once.
        (status,) = store.write(
            [Stored(f"api:{result.article.id}", result, signature(result.article.text))]
        )
        if status in ("stored", "duplicate"):
            update_stories(store)
    return "exists" if status == "skipped" else status


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page rendered from the template `name` with `context`."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def invalid(where: str, message: str, value: object) -> RequestValidationError:
    """A 422 for one query parameter, in the shape of FastAPI's own (the envelope names it)."""
    loc = ("query", where)
    return RequestValidationError(
        [{"loc": loc, "msg": message, "type": "value_error", "input": value}]
    )


def parse_day(value: str | None, where: str) -> dt.date | None:
    """A page's YYYY-MM-DD query value; None when empty (a form sends empty fields as "")."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise invalid(where, "not a date; use YYYY-MM-DD", value) from None


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    """A 422 naming both days when `since` is after `until`."""
    if since and until and since > until:
        raise invalid("since", f"{since} is after until {until}", since.isoformat())


@dataclass(frozen=True, slots=True)
class Services:
    store: Store
    settings: Settings
    pipeline: Pipeline


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_store(request: Request) -> Store:
    return get_services(request).store


def get_settings(request: Request) -> Settings:
    return get_services(request).settings


def get_pipeline(request: Request) -> Pipeline:
    return get_services(request).pipeline


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PipelineDep = Annotated[Pipeline, Depends(get_pipeline)]
