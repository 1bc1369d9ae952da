"""Golden results: full ResultDocuments for the examples and fixture pages, reviewed as diffs.

Regenerate with `pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph import Processor
from newsgraph.ingest import load_articles
from newsgraph.schema import Article
from tests.conftest import EXAMPLES, FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES = sorted([*EXAMPLES.glob("*.txt"), *(FIXTURES / "html").glob("news_page*.html")])


def _stable(data: dict[str, Any]) -> dict[str, Any]:
    # Timings and versions change between runs and machines; everything else must not.
    for run in data["runs"]:
        run.pop("seconds")
    data.pop("provenance")
    data["article"]["source"].pop("uri")
    return data


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path, processor: Processor, update_golden: bool):
    (article,) = list(load_articles([str(case)]))
    assert isinstance(article, Article)
    (result,) = list(processor.process([article]))
    got = _stable(json.loads(result.model_dump_json()))
    expected_path = GOLDEN / f"{case.stem}.json"
    if update_golden or not expected_path.exists():
        expected_path.write_text(
            json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))
