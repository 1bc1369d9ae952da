from __future__ import annotations

from typing import ClassVar

import pytest

from newsgraph.errors import ConfigError
from newsgraph.extract import build_extractors, order_extractors, run_extractors
from newsgraph.extract.base import Extracted, ExtractionContext
from newsgraph.settings import ExtractSettings
from newsgraph.testing import make_article, make_doc


def _extractor(name: str, requires: tuple[str, ...] = (), fail: bool = False):
    class Fake:
        version: ClassVar[int] = 1

        def __call__(self, ctx: ExtractionContext) -> Extracted:
            if fail:
                raise RuntimeError("boom")
            return Extracted(items=())

    Fake.name = name  # type: ignore[attr-defined]
    Fake.requires = requires  # type: ignore[attr-defined]
    return Fake()


def test_orders_by_requirements():
    ordered = order_extractors([_extractor("quotes", ("entities",)), _extractor("entities")])
    assert [e.name for e in ordered] == ["entities", "quotes"]


def test_missing_requirement_and_cycle_fail_at_build_time():
    with pytest.raises(ConfigError, match="requires \\['coref'\\]"):
        order_extractors([_extractor("quotes", ("coref",))])
    with pytest.raises(ConfigError, match="cycle"):
        order_extractors([_extractor("a", ("b",)), _extractor("b", ("a",))])


def test_unknown_extractor_names_the_available_ones():
    with pytest.raises(
        ConfigError,
        match="unknown extractor 'qoutes'; available: \\['claims', 'entities', 'events', 'quotes', 'timexes'\\]",
    ):
        build_extractors(ExtractSettings(enabled=("qoutes",)))


def test_failure_is_recorded_and_dependants_skipped():
    article = make_article("Ana Ruiz spoke .")
    runs = run_extractors(
        order_extractors(
            [
                _extractor("entities", fail=True),
                _extractor("quotes", ("entities",)),
                _extractor("other"),
            ]
        ),
        article,
        make_doc(article.text),
    ).runs
    assert [(r.name, r.status) for r in runs] == [
        ("entities", "failed"),
        ("quotes", "skipped"),
        ("other", "ok"),
    ]
    assert runs[0].error == "RuntimeError: boom"
    assert "entities" in (runs[1].error or "")
