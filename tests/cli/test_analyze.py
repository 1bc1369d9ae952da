"""The analysis commands end to end on examples/outlets.jsonl: ingest, stories, compare, graph, timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('outlets')}/o.db"
    res = runner.invoke(app, ["ingest", str(EXAMPLES / "outlets.jsonl"), "--db", url])
    assert res.exit_code == 0, res.output
    assert "1 near-duplicate(s) linked" in res.stderr
    assert "stories:" in res.stderr
    return url


def _stories(db: str) -> list[dict[str, object]]:
    res = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows: list[dict[str, object]] = json.loads(res.stdout)
    return rows


def test_the_meeting_is_one_story_of_three_outlets_and_the_fire_another(db: str) -> None:
    rows = _stories(db)
    assert [r["outlet_count"] for r in rows] == [3, 1]
    assert "Velt" in str(rows[0]["title"])


def test_compare_reports_the_omitted_remark_the_figures_and_the_republisher(db: str) -> None:
    story = str(_stories(db)[0]["id"])
    text = runner.invoke(app, ["compare", story, "--db", db]).stdout
    assert "brotherly relations" in text
    assert "Regional Wire republished Tarsian News Agency" in text
    assert "30 percent" in text and "25 percent" in text
    data = json.loads(runner.invoke(app, ["compare", story, "--db", db, "--format", "json"]).stdout)
    outlets = {o["outlet"] for o in data["outlets"]}
    assert outlets == {"Tarsian News Agency", "Brevanian News Service", "Orvad Daily Monitor"}
    # The Monitor relays the minister's remark through the agency: one item, carried by both,
    # that the Brevanian readout left out.
    (remark,) = [
        i
        for i in data["items"]
        if i["kind"] == "quote"
        and "Tarsian News Agency" in i["outlets"]
        and any("brotherly relations" in r["text"] for r in i["reports"])
    ]
    assert remark["outlets"] == ["Tarsian News Agency", "Orvad Daily Monitor"]
    brevanian = next(o for o in data["outlets"] if o["outlet"] == "Brevanian News Service")
    assert remark["key"] in brevanian["left_out"]
    html = runner.invoke(app, ["compare", story, "--db", db, "--format", "html"]).stdout
    assert html.lstrip().lower().startswith("<!doctype html>")


def test_unknown_story_is_a_clear_error(db: str) -> None:
    res = runner.invoke(app, ["compare", "999", "--db", db])
    assert res.exit_code != 0
    assert "999" in str(res.exception) or "999" in res.output


def test_graph_and_timeline(db: str, tmp_path: Path) -> None:
    res = runner.invoke(app, ["graph", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    graph = json.loads(res.stdout)
    names = {n.get("name") for n in graph["nodes"]}
    assert "Oskar Velt" in names
    out = tmp_path / "g.graphml"
    assert runner.invoke(app, ["graph", "--db", db, "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    res = runner.invoke(app, ["timeline", "Oskar Velt", "--db", db])
    assert res.exit_code == 0, res.output
    assert "CONSULT" in res.stdout and "Mira Solen" in res.stdout
