"""Shared fixtures. The only conftest: fixtures for one file live at the top of that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import Processor, build_processor

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from current output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("../shared/seed/article.txt is not present")
    return path


@pytest.fixture(scope="session")
def processor() -> Processor:
    """The full pipeline with the real model (a declared dependency, so never skipped)."""
    return build_processor()
