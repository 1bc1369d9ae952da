"""The whole newsgraph exception tree.

::

    NewsgraphError
    ├── ConfigError                 bad settings, unknown extractor, unmet `requires`
    ├── SourceError(uri)            an input could not become an Article
    │   ├── UnreadableSource        missing, a directory, binary, undecodable, too large, fetch failed
    │   └── NoArticleContent(reason)  read fine, but holds no English news article
    ├── ExtractionError(extractor, article_id)
    ├── SchemaVersionError(found, supported)
    ├── StoreError                  the store cannot be opened, migrated, read or written
    │   └── NotFound(kind, key)
    └── AnalysisError

Every error names the bad value. Callers map them to exit codes or HTTP statuses
in exactly one place (`newsgraph.cli.main`).
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "AnalysisError",
    "ConfigError",
    "ExtractionError",
    "NewsgraphError",
    "NoArticleContent",
    "NoContentReason",
    "NotFound",
    "SchemaVersionError",
    "SourceError",
    "StoreError",
    "UnreadableSource",
]


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    """Settings or pipeline composition are invalid."""


class SourceError(NewsgraphError):
    """An input (file, URL, stdin, record) could not be turned into an Article."""

    def __init__(self, uri: str, message: str) -> None:
        self.uri = uri
        self.message = message
        super().__init__(f"{uri}: {message}")


UnreadableReason = Literal[
    "missing", "directory", "empty", "binary", "encoding", "too_large", "fetch", "format"
]


class UnreadableSource(SourceError):
    """The bytes could not be read or decoded."""

    def __init__(self, uri: str, message: str, *, reason: UnreadableReason) -> None:
        self.reason: UnreadableReason = reason
        super().__init__(uri, message)


NoContentReason = Literal["empty", "too_short", "too_long", "no_article", "wrong_language"]


class NoArticleContent(SourceError):
    """The input was read but holds no usable English article."""

    def __init__(self, uri: str, message: str, *, reason: NoContentReason) -> None:
        self.reason: NoContentReason = reason
        super().__init__(uri, message)


class ExtractionError(NewsgraphError):
    """An extractor failed on one article."""

    def __init__(self, extractor: str, article_id: str, message: str) -> None:
        self.extractor = extractor
        self.article_id = article_id
        super().__init__(f"extractor {extractor!r} failed on article {article_id}: {message}")


class SchemaVersionError(NewsgraphError):
    """A stored or loaded result has a schema version this release cannot read."""

    def __init__(self, found: object, supported: tuple[int, ...]) -> None:
        self.found = found
        self.supported = supported
        super().__init__(f"schema_version {found!r} is not supported; supported: {list(supported)}")


class AnalysisError(NewsgraphError):
    """A corpus-level analysis could not run."""


class StoreError(NewsgraphError):
    """The corpus store could not be opened, read or written."""


class NotFound(StoreError):
    """A stored thing asked for by key does not exist."""

    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key!r} in the store")
