"""The entry point as a user meets it: a subprocess, exit codes, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.model


def _newsgraph(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from newsgraph.cli import main; sys.argv = ['newsgraph', *sys.argv[1:]]; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_error_is_one_line_and_exit_1(tmp_path):
    proc = _newsgraph("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert (
        proc.stderr.strip().splitlines()[-1]
        == "newsgraph: error: no article could be read (1 input(s) rejected, see above)"
    )


def test_bad_config_value_is_one_line(tmp_path):
    cfg = tmp_path / "newsgraph.toml"
    cfg.write_text("[ingest]\nmax_bytes = -5\n")
    proc = _newsgraph("config", "show", "--config", str(cfg))
    assert proc.returncode == 1
    assert (
        proc.stderr.strip()
        == "newsgraph: error: invalid settings: ingest.max_bytes: Input should be greater than 0"
    )


def test_usage_error_exit_2():
    proc = _newsgraph("extract", "--format", "yaml", "x.txt")
    assert proc.returncode == 2
    assert "yaml" in proc.stderr and "Traceback" not in proc.stderr
