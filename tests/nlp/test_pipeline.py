from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.nlp import load_nlp, parse_articles
from newsgraph.settings import NlpSettings
from newsgraph.testing import make_article

pytestmark = pytest.mark.model


def test_model_is_loaded_once_per_process():
    assert load_nlp() is load_nlp(NlpSettings())


def test_docs_cover_exactly_the_article_text_and_blank_lines_end_sentences():
    articles = [
        make_article("Ana Ruiz met Karl Berg in Oslo.", title="Talks in the North Sea Region"),
        make_article("The vote was delayed", "Officials gave no reason."),
    ]
    pairs = list(parse_articles(articles))
    assert [a.id for a, _ in pairs] == [a.id for a in articles]
    for article, doc in pairs:
        assert doc.text == article.text
        starts = {s.start_char for s in doc.sents}
        for para in article.paragraphs:
            assert para.start in starts, f"paragraph {para.text!r} does not start a sentence"


def test_missing_model_is_a_config_error():
    with pytest.raises(ConfigError, match="'no_such_model' is not installed"):
        load_nlp(NlpSettings(model="no_such_model"))
