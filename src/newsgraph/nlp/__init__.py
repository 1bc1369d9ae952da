"""Stage 2: Article text to spaCy Doc. The only place spaCy models are loaded."""

from newsgraph.nlp.pipeline import load_nlp, parse_articles

__all__ = ["load_nlp", "parse_articles"]
