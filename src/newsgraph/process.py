"""Wire the stages: Articles -> Docs -> extractors -> validated ResultDocuments."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsgraph import __version__
from newsgraph.extract import build_extractors, run_extractors
from newsgraph.extract.base import Extractor
from newsgraph.extract.runner import result_fields
from newsgraph.nlp import parse_articles
from newsgraph.nlp.pipeline import model_info
from newsgraph.schema import Article, Provenance, ResultDocument
from newsgraph.settings import Settings


@dataclass(frozen=True, slots=True)
class Processor:
    """A built pipeline: settings validated, extractors ordered, ready for many articles."""

    settings: Settings
    extractors: tuple[Extractor, ...]
    provenance: Provenance

    def process(self, articles: Iterable[Article]) -> Iterator[ResultDocument]:
        """One ResultDocument per article, in input order (parsed in `nlp.pipe` batches)."""
        for article, doc in parse_articles(articles, self.settings.nlp):
            out = run_extractors(self.extractors, article, doc)
            yield ResultDocument(article=article, provenance=self.provenance, **result_fields(out))


def build_processor(settings: Settings | None = None) -> Processor:
    """Validate the settings, build the extractors and load the spaCy model (once per process)."""
    settings = settings or Settings()
    extractors = tuple(build_extractors(settings.extract))
    spacy_version, model, model_version = model_info(settings.nlp)
    provenance = Provenance(
        newsgraph_version=__version__,
        spacy_version=spacy_version,
        model=model,
        model_version=model_version,
        settings_hash=settings.digest(),
    )
    return Processor(settings, extractors, provenance)
