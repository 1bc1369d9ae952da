"""Shared fixtures. The only conftest: fixtures for one file live at the top of that file."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsgraph import Processor, build_processor
from newsgraph.store.engine import normalise_url

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
POSTGRES_URL_VARIABLE = "NEWSGRAPH_TEST_POSTGRES_URL"


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a new, empty store: a SQLite file, or a fresh PostgreSQL database per test.

    The PostgreSQL server is NEWSGRAPH_TEST_POSTGRES_URL (`scripts/pg-throwaway start` gives
    one); without it the test is skipped, except under CI=true, where it fails.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/store.db"
        return
    server = os.environ.get(POSTGRES_URL_VARIABLE)
    if not server:
        why = f"{POSTGRES_URL_VARIABLE} is not set (scripts/pg-throwaway start prints one)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{why}; under CI=true the PostgreSQL tests must run, not skip")
        pytest.skip(why)
    name = f"t_{uuid.uuid4().hex}"
    admin = create_engine(normalise_url(server), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE ends any connection a test left open (PostgreSQL 13+).
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
