"""What routes depend on: the store, the settings, the extraction pipeline, the templates.

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
from typing import Annotated, Literal

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsgraph import __version__
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


def store_result(store: Store, result: ResultDocument) -> Status:
    """Store a result extracted from a posted article: "stored", "duplicate" or "exists"."""
    # Keyed by the text's hash, so posting the same article twice stores it once.
    (status,) = store.write(
        [Stored(f"api:{result.article.id}", result, signature(result.article.text))]
    )
    return "exists" if status == "skipped" else status


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
