from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from newsgraph.cli.meta import result_json_schema
from newsgraph.errors import SchemaVersionError
from newsgraph.schema import CharSpan, Entity, Mention, Provenance, Quote, ResultDocument
from newsgraph.schema.upgrade import upgrade
from newsgraph.testing import make_article
from tests.conftest import ROOT

GOLDEN_SCHEMA = ROOT / "tests" / "golden" / "schema" / "result.schema.json"
PROV = Provenance(newsgraph_version="test")


def _result(**fields: object) -> ResultDocument:
    article = make_article("Ann Lee met Bo Chan in Oslo on Monday.", title="A meeting")
    return ResultDocument(article=article, provenance=PROV, **fields)


def test_charspan_checks_its_own_length():
    with pytest.raises(ValidationError, match="length"):
        CharSpan(start=0, end=5, text="abc")
    with pytest.raises(ValidationError, match="before start"):
        CharSpan(start=5, end=2, text="")


def test_result_rejects_span_that_does_not_match_text():
    article = make_article("Ann Lee met Bo Chan in Oslo on Monday.", title="A meeting")
    i = article.text.index("Ann Lee")
    good = Entity(
        id="e1",
        name="Ann Lee",
        type="PERSON",
        mentions=(Mention(start=i, end=i + 7, text="Ann Lee"),),
    )
    ResultDocument(article=article, provenance=PROV, entities=(good,))
    bad = good.model_copy(update={"mentions": (Mention(start=i + 1, end=i + 8, text="Ann Lee"),)})
    with pytest.raises(ValidationError, match="does not match the article text"):
        ResultDocument(article=article, provenance=PROV, entities=(bad,))


def test_result_rejects_unknown_entity_reference():
    text = make_article("Ann Lee met Bo Chan in Oslo on Monday.", title="A meeting").text
    quote = Quote(id="q1", kind="direct", content=(CharSpan.of(text, 0, 1),), speaker_entity="e9")
    with pytest.raises(ValidationError, match="unknown entity id 'e9'"):
        _result(quotes=(quote,))


def test_schema_version_is_one_and_old_or_future_versions_are_refused():
    data = json.loads(_result().model_dump_json())
    assert data["schema_version"] == 1
    assert upgrade(data) == _result()
    with pytest.raises(SchemaVersionError, match="supported: \\[1\\]"):
        upgrade({**data, "schema_version": 7})


def test_json_schema_matches_golden_file(update_golden: bool):
    current = result_json_schema()
    if update_golden or not GOLDEN_SCHEMA.exists():
        GOLDEN_SCHEMA.write_text(current, encoding="utf-8")
    assert current == GOLDEN_SCHEMA.read_text(encoding="utf-8"), (
        "the result schema changed: review the diff, decide on schema_version, then run "
        "pytest --update-golden"
    )


def test_contract_field_names_are_present():
    props = json.loads(result_json_schema())["$defs"]
    assert {
        "id",
        "kind",
        "content",
        "cue",
        "speaker",
        "speaker_entity",
        "addressee_entity",
        "via_entities",
        "speaker_kind",
    } <= set(props["Quote"]["properties"])
    assert {
        "id",
        "title",
        "subtitle",
        "authors",
        "contributors",
        "published",
        "published_source",
        "source",
        "language",
        "text",
        "paragraphs",
        "captions",
        "sections",
    } <= set(props["Article"]["properties"])
    assert {
        "id",
        "type",
        "mode",
        "cameo",
        "actors",
        "recipients",
        "location",
        "date",
        "trigger",
        "negated",
        "quote",
    } <= set(props["Event"]["properties"])
    assert {
        "id",
        "value",
        "unit",
        "measure",
        "subject_entity",
        "time",
        "span",
        "claimant_entity",
        "quote",
    } <= set(props["Claim"]["properties"])


paragraph = (
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(paragraph, min_size=1, max_size=6), st.one_of(st.none(), paragraph))
def test_built_articles_have_valid_spans_and_round_trip(paragraphs, title):
    article = make_article(*paragraphs, title=title)
    for p in article.paragraphs:
        assert article.text[p.start : p.end] == p.text
    result = ResultDocument(article=article, provenance=PROV)
    assert ResultDocument.model_validate_json(result.model_dump_json()) == result
