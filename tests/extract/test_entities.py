from __future__ import annotations

import pytest

from newsgraph.extract.base import ExtractionContext
from newsgraph.extract.entities import EntityExtractor, mention_span
from newsgraph.testing import make_article, make_doc

TEXT = "Minister Ana Ruiz met the Kremlin envoy in Oslo . Ruiz said Oslo and the Kremlin ’s aides agreed on 12 points ."


def _run(text: str, ents: list[tuple[str, str]]):
    article = make_article(text)
    return EntityExtractor()(
        ExtractionContext(article=article, doc=make_doc(article.text, ents=ents))
    )


def test_mentions_with_the_same_name_form_one_entity():
    out = _run(
        TEXT,
        [
            ("Ana Ruiz", "PERSON"),
            ("the Kremlin", "ORG"),
            ("Oslo", "GPE"),
            ("Ruiz", "PERSON"),
            ("Oslo", "GPE"),
            ("the Kremlin ’s", "ORG"),
            ("12", "CARDINAL"),
        ],
    )
    names = {e.name: (e.type, len(e.mentions)) for e in out.items}
    assert names == {
        "Ana Ruiz": ("PERSON", 1),
        "Kremlin": ("ORG", 2),
        "Oslo": ("GPE", 2),
        "Ruiz": ("PERSON", 1),
    }
    ids = [e.id for e in out.items]
    assert ids == ["e1", "e2", "e3", "e4"]  # in order of first mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", "Kremlin"),
        ("Beijing’s", "Beijing"),
        ("Reuters'", "Reuters"),
        ("The", None),
        ("UN", "UN"),
        ("Center\n\nKarsavan", "Center"),
        (" Oslo ", "Oslo"),
        ("\n\nOslo", "Oslo"),
    ],
)
def test_mention_span_trims_article_and_possessive(text, expected):
    span = mention_span(text, 0, len(text))
    assert (span.text if span else None) == expected


def test_noise_mentions_are_rejected_with_reason():
    out = _run("The vote passed : “ , ” he said .", [("“ , ”", "ORG")])
    assert out.items == []
    assert out.rejected[0].reason == "not a name (ORG)"
