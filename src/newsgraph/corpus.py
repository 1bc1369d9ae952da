"""Ingest a corpus: read inputs into units, extract them in workers, commit outcomes to a Store.

One writer (this process) owns the store; extraction runs in-process, in a local process pool
(`workers`), or on a Dask cluster (`dask`). Every batch of outcomes is committed in one
transaction together with the input units it covers, so a run killed at any point and started
again with the same command redoes at most the uncommitted batches and duplicates nothing.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Protocol

from newsgraph.errors import ConfigError, SourceError
from newsgraph.ingest import article_of_unit, expand_inputs, iter_units
from newsgraph.ingest.sources import Fetcher
from newsgraph.ingest.units import Unit, rejection
from newsgraph.process import Processor, build_processor
from newsgraph.schema import RejectedInput, ResultDocument
from newsgraph.settings import Settings
from newsgraph.store import Outcome, Rejected, Status, Store, Stored, signature


@dataclass
class IngestReport:
    """What an ingest did, unit by unit."""

    stored: int = 0
    duplicate: int = 0
    exists: int = 0
    rejected: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def count(self, statuses: Iterable[Status]) -> None:
        for status in statuses:
            setattr(self, status, getattr(self, status) + 1)

    @property
    def processed(self) -> int:
        """Units extracted in this run (not skipped as done by an earlier run)."""
        return self.stored + self.duplicate + self.exists + self.rejected


class Progress(Protocol):
    def grow(self, units: int) -> None: ...
    def advance(self, units: int) -> None: ...


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs besides the units (picklable, sent once per task)."""

    settings: Settings
    published: dt.date | None = None
    source_name: str | None = None


_PROCESSORS: dict[str, Processor] = {}


Extracted = tuple[str, ResultDocument] | Rejected
"""A worker's outcome for one unit: (uri, result), or the rejection."""


def process_units(job: Job, units: list[Unit]) -> list[Extracted]:
    """Worker side: units -> articles -> results (or rejections).

    The pipeline is built once per worker process and reused for every later task.
    """
    key = job.settings.digest()
    if key not in _PROCESSORS:
        _PROCESSORS[key] = build_processor(job.settings)
    processor = _PROCESSORS[key]
    outcomes: list[Extracted] = []
    ready: list[tuple[str, Any]] = []
    for unit in units:
        try:
            article = article_of_unit(
                unit,
                settings=job.settings.ingest,
                published=job.published,
                source_name=job.source_name,
            )
        except SourceError as e:
            outcomes.append(Rejected(unit.uri, rejection(e)))
            continue
        ready.append((unit.uri, article))
    results = processor.process(article for _, article in ready)
    for (uri, _), result in zip(ready, results, strict=True):
        outcomes.append((uri, result))
    return outcomes


class _Backend(Protocol):
    def submit(self, job: Job, units: list[Unit]) -> Any: ...
    def wait_any(self, handles: list[Any]) -> tuple[list[Any], list[Any]]: ...
    def result(self, handle: Any) -> list[Extracted]: ...
    def close(self) -> None: ...
    @property
    def slots(self) -> int: ...


class _InProcess:
    slots = 1

    def submit(self, job: Job, units: list[Unit]) -> Future[list[Extracted]]:
        future: Future[list[Extracted]] = Future()
        future.set_result(process_units(job, units))
        return future

    def wait_any(self, handles: list[Any]) -> tuple[list[Any], list[Any]]:
        return handles, []

    def result(self, handle: Any) -> list[Extracted]:
        return handle.result()  # type: ignore[no-any-return]

    def close(self) -> None:
        pass


class _Pool(_InProcess):
    def __init__(self, workers: int) -> None:
        # spawn, not fork: the parent holds database connections and a progress thread.
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self.slots = workers

    def submit(self, job: Job, units: list[Unit]) -> Future[list[Extracted]]:
        return self._pool.submit(process_units, job, units)

    def wait_any(self, handles: list[Any]) -> tuple[list[Any], list[Any]]:
        done, pending = wait(handles, return_when=FIRST_COMPLETED)
        return [h for h in handles if h in done], [h for h in handles if h in pending]

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class _Dask(_InProcess):
    def __init__(self, address: str, timeout: float) -> None:
        from distributed import Client

        try:
            self._client = Client(address, timeout=timeout)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as e:
            raise ConfigError(f"cannot reach the Dask scheduler at {address!r}: {e}") from e
        self.slots = max(1, sum(self._client.nthreads().values()))  # type: ignore[no-untyped-call]

    def submit(self, job: Job, units: list[Unit]) -> Any:
        # pure=False: two identical batches (a re-run) are still two tasks.
        return self._client.submit(process_units, job, units, pure=False)

    def wait_any(self, handles: list[Any]) -> tuple[list[Any], list[Any]]:
        from distributed import wait as dask_wait

        done, pending = dask_wait(handles, return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
        return [h for h in handles if h in done], [h for h in handles if h in pending]

    def result(self, handle: Any) -> list[Extracted]:
        return handle.result()  # type: ignore[no-any-return]

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    dask: str | None = None,
    dask_timeout: float = 30.0,
    published: dt.date | None = None,
    source_name: str | None = None,
    fetch: Fetcher | None = None,
    online: bool = True,
    progress: Progress | None = None,
    on_rejected: Callable[[RejectedInput], None] | None = None,
) -> IngestReport:
    """Extract every input unit not yet in `store` and commit the outcomes batch by batch."""
    settings = settings or Settings()
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    started = time.perf_counter()
    report = IngestReport()
    job = Job(settings, published, source_name)
    uris = list(expand_inputs(inputs))
    if progress:
        progress.grow(len(uris))
    backend: _Backend = (
        _Dask(dask, dask_timeout) if dask else _Pool(workers) if workers > 1 else _InProcess()
    )
    in_flight: list[Any] = []
    sizes: dict[int, int] = {}

    def commit(extracted: list[Extracted]) -> None:
        # The writer computes MinHash signatures: cheap, and workers stay free of datasketch.
        outcomes: list[Outcome] = [
            item
            if isinstance(item, Rejected)
            else Stored(item[0], item[1], signature(item[1].article.text))
            for item in extracted
        ]
        statuses = store.write(outcomes)
        report.count(statuses)
        if on_rejected:
            for outcome, status in zip(outcomes, statuses, strict=True):
                if isinstance(outcome, Rejected) and status == "rejected":
                    on_rejected(outcome.rejection)

    def drain(limit: int) -> None:
        nonlocal in_flight
        while len(in_flight) > limit:
            done, in_flight = backend.wait_any(in_flight)
            for handle in done:
                commit(backend.result(handle))
                if progress:
                    progress.advance(sizes.pop(id(handle)))

    try:
        for batch in _batches(uris, settings, fetch, online, progress):
            done = store.done_inputs([u.uri for u in batch])
            report.skipped += len(done)
            fresh = [u for u in batch if u.uri not in done]
            unreadable = [Rejected(u.uri, u) for u in fresh if isinstance(u, RejectedInput)]
            units = [u for u in fresh if isinstance(u, Unit)]
            if unreadable:
                commit(list(unreadable))
            if progress:
                progress.advance(len(batch) - len(units))
            if units:
                handle = backend.submit(job, units)
                sizes[id(handle)] = len(units)
                in_flight.append(handle)
                # Two tasks per slot keep every worker busy while the writer commits.
                drain(2 * backend.slots - 1)
        drain(0)
    finally:
        backend.close()
    report.seconds = time.perf_counter() - started
    return report


def _batches(
    uris: list[str],
    settings: Settings,
    fetch: Fetcher | None,
    online: bool,
    progress: Progress | None,
) -> Iterator[list[Unit | RejectedInput]]:
    batch: list[Unit | RejectedInput] = []
    for uri in uris:
        units = list(iter_units([uri], settings=settings.ingest, fetch=fetch, online=online))
        if progress and len(units) > 1:
            progress.grow(len(units) - 1)
        for unit in units:
            batch.append(unit)
            if len(batch) >= settings.store.batch_size:
                yield batch
                batch = []
    if batch:
        yield batch
