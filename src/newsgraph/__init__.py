"""newsgraph: read news like an analyst, into source-attributed, time-grounded structured data."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsgraph")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

from newsgraph.errors import (
    ConfigError,
    NewsgraphError,
    NoArticleContent,
    SourceError,
    UnreadableSource,
)
from newsgraph.ingest import article_from_html, article_from_text, load_articles
from newsgraph.process import Processor, build_processor
from newsgraph.schema import SCHEMA_VERSION, Article, RejectedInput, ResultDocument
from newsgraph.settings import Settings, load_settings

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ConfigError",
    "NewsgraphError",
    "NoArticleContent",
    "Processor",
    "RejectedInput",
    "ResultDocument",
    "Settings",
    "SourceError",
    "UnreadableSource",
    "__version__",
    "article_from_html",
    "article_from_text",
    "build_processor",
    "load_articles",
    "load_settings",
]
