"""The extractor contract: a small class that declares what it needs and returns new annotations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol

from pydantic import BaseModel

from newsgraph.schema import Article, Rejection
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ExtractionContext:
    """What an extractor sees: the article, its Doc (over exactly article.text) and prior outputs."""

    article: Article
    doc: Doc
    prior: Mapping[str, Sequence[BaseModel]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Extracted:
    """An extractor's output: annotations for its result field and candidates it set aside."""

    items: Sequence[BaseModel]
    rejected: Sequence[Rejection] = ()


class Extractor(Protocol):
    name: ClassVar[str]
    """Key of the result field it fills ("entities", "quotes", …)."""
    version: ClassVar[int]
    """Bumped whenever its output can change; recorded in `runs`."""
    requires: ClassVar[tuple[str, ...]]
    """Names of extractors whose output it reads from `ctx.prior`."""

    def __init__(self, settings: ExtractSettings | None = None) -> None: ...

    def __call__(self, ctx: ExtractionContext) -> Extracted: ...
