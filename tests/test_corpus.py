"""Corpus ingest end to end with the real model: counts, resume, workers, Dask, kill -9."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.corpus import IngestReport, ingest
from newsgraph.store import Store

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
# 9 files: 5 stories (one re-posted with edits), binary junk, 3 JSONL records (one empty), 2 feed entries.
UNITS = 11


def _counts(url: str) -> dict[str, int]:
    with Store.open(url) as store:
        return store.counts()


def _ingest(url: str, **options: object) -> IngestReport:
    with Store.open(url) as store:
        return ingest([str(CORPUS)], store, online=False, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[IngestReport, dict[str, int]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('clean')}/clean.db"
    report = _ingest(url)
    return report, _counts(url)


def test_ingest_stores_links_and_rejects(clean_run: tuple[IngestReport, dict[str, int]]) -> None:
    report, counts = clean_run
    assert (report.stored, report.duplicate, report.rejected, report.skipped) == (8, 1, 2, 0)
    assert counts["articles"] == 9
    assert counts["duplicates"] == 1
    assert counts["rejected"] == 2
    assert counts["inputs"] == UNITS
    assert counts["quotes"] > 5
    assert counts["events"] > 5


def test_rerun_adds_nothing(tmp_path: Path, clean_run: tuple[IngestReport, dict[str, int]]) -> None:
    url = f"sqlite:///{tmp_path}/again.db"
    _ingest(url)
    again = _ingest(url)
    assert (again.processed, again.skipped) == (0, UNITS)
    assert _counts(url) == clean_run[1]


def test_rejections_are_recorded_with_reasons(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/rej.db"
    _ingest(url)
    with Store.open(url) as store:
        reasons = {Path(r["uri"]).name: r["reason"] for r in store.rejected()}
    assert reasons == {"broken.txt": "binary", "wire.jsonl:2": "format"}


def test_near_duplicate_links_to_the_original(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/dup.db"
    _ingest(url)
    with Store.open(url) as store:
        rows = store.articles(include_duplicates=True, limit=100)
    by_uri = {Path(r["uri"]).name: r for r in rows}
    original, repost = by_uri["port_talks.txt"], by_uri["port_talks_repost.txt"]
    assert original["duplicate_of"] is None
    assert repost["duplicate_of"] == original["id"]


def test_two_workers_give_the_same_store(
    tmp_path: Path, clean_run: tuple[IngestReport, dict[str, int]]
) -> None:
    url = f"sqlite:///{tmp_path}/pool.db"
    report = _ingest(url, workers=2)
    assert report.processed == UNITS
    assert _counts(url) == clean_run[1]


def test_dask_cluster_gives_the_same_store(
    tmp_path: Path, clean_run: tuple[IngestReport, dict[str, int]]
) -> None:
    from distributed import LocalCluster

    url = f"sqlite:///{tmp_path}/dask.db"
    # Threads, not processes: the worker shares this process's already-loaded model.
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        report = _ingest(url, dask=cluster.scheduler_address)
    assert report.processed == UNITS
    assert _counts(url) == clean_run[1]


def test_unreachable_dask_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from newsgraph.errors import ConfigError

    with pytest.raises(ConfigError, match=re.escape("tcp://127.0.0.1:9")):
        _ingest(f"sqlite:///{tmp_path}/x.db", dask="tcp://127.0.0.1:9", dask_timeout=2)


def test_kill_9_then_rerun_loses_and_duplicates_nothing(
    tmp_path: Path, clean_run: tuple[IngestReport, dict[str, int]]
) -> None:
    db = tmp_path / "killed.db"
    cmd = [
        sys.executable,
        "-m",
        "newsgraph",
        "ingest",
        str(CORPUS),
        "--db",
        f"sqlite:///{db}",
        "--offline",
    ]
    env = {**os.environ, "NEWSGRAPH_STORE__BATCH_SIZE": "1"}
    target = random.Random().randint(1, UNITS - 2)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if _committed(db) >= target:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    partial = _committed(db)
    assert 0 < partial < UNITS
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} done earlier" in rerun.stderr
    assert _counts(f"sqlite:///{db}") == clean_run[1]


def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM inputs").fetchone()[0])
    except sqlite3.Error:  # not migrated yet
        return 0
