"""Order extractors by what they require, run them, and record every run in the result."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from newsgraph.errors import ConfigError
from newsgraph.extract.base import ExtractionContext, Extractor
from newsgraph.extract.registry import BUILTIN_EXTRACTORS
from newsgraph.schema import Article, ExtractorRun, Rejection
from newsgraph.settings import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def order_extractors(extractors: Sequence[Extractor]) -> list[Extractor]:
    """Topological order by `requires`; ConfigError for an unmet requirement or a cycle."""
    by_name = {e.name: e for e in extractors}
    for e in extractors:
        missing = [r for r in e.requires if r not in by_name]
        if missing:
            raise ConfigError(
                f"extractor {e.name!r} requires {missing}, which are not in the pipeline; "
                f"available: {sorted(by_name)}"
            )
    ordered: list[Extractor] = []
    state: dict[str, str] = {}

    def visit(e: Extractor, path: tuple[str, ...]) -> None:
        if state.get(e.name) == "done":
            return
        if state.get(e.name) == "visiting":
            raise ConfigError(
                f"extractor requirements form a cycle: {' -> '.join((*path, e.name))}"
            )
        state[e.name] = "visiting"
        for r in e.requires:
            visit(by_name[r], (*path, e.name))
        state[e.name] = "done"
        ordered.append(e)

    for e in extractors:
        visit(e, ())
    return ordered


def build_extractors(settings: ExtractSettings | None = None) -> list[Extractor]:
    """Instantiate the built-in extractors (all, or those enabled), ordered by requirements."""
    settings = settings or ExtractSettings()
    available = {cls.name: cls for cls in BUILTIN_EXTRACTORS}
    names = list(available) if settings.enabled is None else list(settings.enabled)
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ConfigError(f"unknown extractor {unknown[0]!r}; available: {sorted(available)}")
    return order_extractors([available[n](settings) for n in names])


class ExtractionOutput:
    """Everything the extractors produced for one article."""

    def __init__(self) -> None:
        self.fields: dict[str, Sequence[BaseModel]] = {}
        self.runs: list[ExtractorRun] = []
        self.rejected: list[Rejection] = []


def run_extractors(extractors: Sequence[Extractor], article: Article, doc: Doc) -> ExtractionOutput:
    """Run each extractor; a failure is recorded and its dependants are skipped, not raised."""
    out = ExtractionOutput()
    failed: set[str] = set()
    for ex in extractors:
        blocked = [r for r in ex.requires if r in failed]
        if blocked:
            failed.add(ex.name)
            out.runs.append(
                ExtractorRun(
                    name=ex.name,
                    version=ex.version,
                    status="skipped",
                    error=f"requires {blocked}, which did not run",
                )
            )
            continue
        ctx = ExtractionContext(article=article, doc=doc, prior=dict(out.fields))
        started = time.perf_counter()
        try:
            result = ex(ctx)
        except Exception as e:  # one extractor's bug must not lose the article
            log.exception("extractor %s failed on article %s", ex.name, article.id)
            failed.add(ex.name)
            out.runs.append(
                ExtractorRun(
                    name=ex.name,
                    version=ex.version,
                    status="failed",
                    error=f"{type(e).__name__}: {e}",
                    seconds=time.perf_counter() - started,
                )
            )
            continue
        out.fields[ex.name] = tuple(result.items)
        out.rejected.extend(result.rejected)
        out.runs.append(
            ExtractorRun(
                name=ex.name,
                version=ex.version,
                status="ok",
                seconds=round(time.perf_counter() - started, 6),
                count=len(result.items),
            )
        )
    return out


def result_fields(out: ExtractionOutput) -> dict[str, Any]:
    return {"runs": tuple(out.runs), "rejected": tuple(out.rejected), **out.fields}
