"""`newsgraph serve`: options and settings reach uvicorn; a bad store fails before serving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import StoreError


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What uvicorn.run was called with, instead of serving."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


def test_serve_binds_to_loopback_by_default(
    served: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSGRAPH_API__HOST", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/news.db"])
    assert result.exit_code == 0, result.output
    (call,) = served
    assert isinstance(call["app"], FastAPI)
    assert (call["host"], call["port"]) == ("127.0.0.1", 8000)
    assert (tmp_path / "news.db").exists()


def test_serve_host_and_port_from_options_and_settings(
    served: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_API__PORT", "8321")
    db = f"sqlite:///{tmp_path}/news.db"
    assert CliRunner().invoke(app, ["serve", "--db", db]).exit_code == 0
    assert (
        CliRunner().invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "9"]).exit_code
        == 0
    )
    assert [(c["host"], c["port"]) for c in served] == [("127.0.0.1", 8321), ("0.0.0.0", 9)]


def test_serve_with_a_bad_store_url_fails_before_serving(served: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", "mysql://nobody@nowhere/news"])
    assert isinstance(result.exception, StoreError) and "unsupported database" in str(
        result.exception
    )
    assert served == []
