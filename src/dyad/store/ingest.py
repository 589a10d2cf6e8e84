"""``dyad ingest``: read, skip what is stored, code the rest, commit batch by batch.

Restartable by construction: a document's key is the hash of its text, documents already in
the store are dropped before coding (a hash and a lookup, no parsing), and each batch of coded
documents is written in one transaction. A run killed at any moment leaves whole batches only,
and running it again codes exactly what is missing.

``workers > 1`` codes batches in a pool of processes, each with its own ``Coder``; the parent
reads, deduplicates and writes, so only one process ever touches the file.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyad.ingest import InputError, OnSkip, ReadOptions, read_inputs
from dyad.model import Document, InputDocument
from dyad.store.rows import doc_key
from dyad.store.store import Store

if TYPE_CHECKING:
    from dyad.pipeline import Coder

Batch = list[tuple[InputDocument, str]]


@dataclass
class IngestSummary:
    """What one run did, for the closing line."""

    db: str
    new: int = 0  # documents coded and stored
    stored: int = 0  # already in the store before this run
    repeated: int = 0  # the same text twice in this run's input
    bad: int = 0  # bad records or files skipped (--skip-bad)
    events: int = 0
    groups: int | None = None  # event groups across articles after this run (None: not regrouped)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.new / self.seconds if self.seconds > 0 else 0.0
        skipped = self.stored + self.repeated
        bad = f", {self.bad} bad skipped" if self.bad else ""
        groups = f" ({self.groups} event groups in the store)" if self.groups is not None else ""
        return (
            f"{self.db}: {self.new} new documents, {skipped} already stored{bad}; "
            f"{self.events} events{groups}; {self.seconds:.1f} s ({rate:.1f} documents/s)"
        )


def new_batches(
    docs: Iterator[InputDocument], store: Store, size: int, summary: IngestSummary
) -> Iterator[Batch]:
    """Batches of up to ``size`` documents not in the store and not seen earlier in this run.

    When the input fails, the documents read before the failure still come out (as a last
    batch) before the error is raised, so that they are coded and committed.
    """
    seen: set[str] = set()
    chunk: list[tuple[InputDocument, str]] = []
    ready: Batch = []

    def sift() -> None:
        stored = store.existing(k for _, k in chunk)
        for doc, key in chunk:
            if key in stored:
                summary.stored += 1
            elif key in seen:
                summary.repeated += 1
            else:
                seen.add(key)
                ready.append((doc, key))
        chunk.clear()

    while True:
        try:
            doc = next(docs)
        except StopIteration:
            break
        except InputError:
            sift()
            if ready:
                yield list(ready)
            raise
        chunk.append((doc, doc_key(doc.text)))
        if len(chunk) >= size:
            sift()
        while len(ready) >= size:
            yield ready[:size]
            del ready[:size]
    sift()
    while ready:
        yield ready[:size]
        del ready[:size]


# ------------------------------------------------------------------------------ workers

_worker_coder: Coder | None = None


def _init_worker(actors: str | None) -> None:
    from dyad.pipeline import Coder

    global _worker_coder
    _worker_coder = Coder(actors=actors)


def _code_in_worker(docs: list[InputDocument]) -> list[Document]:
    assert _worker_coder is not None, "worker not initialised"
    return list(_worker_coder.pipe(docs))


def _coded_serial(
    coder: Coder | None, actors: str | None, batches: Iterator[Batch]
) -> Iterator[tuple[Batch, list[Document]]]:
    """Batches coded in this process; the models load only once there is something to code."""
    for batch in batches:
        if coder is None:
            from dyad.pipeline import Coder

            coder = Coder(actors=actors)
        yield batch, list(coder.pipe([d for d, _ in batch]))


def _coded_parallel(
    workers: int, actors: str | None, batches: Iterator[Batch]
) -> Iterator[tuple[Batch, list[Document]]]:
    """Batches coded in a process pool, in input order, with ``workers + 1`` in flight."""
    # spawn, not fork: the parent holds a DuckDB connection and its threads.
    ctx = mp.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(actors,)
    )
    inflight: deque[tuple[Batch, Future[list[Document]]]] = deque()
    try:
        try:
            for batch in batches:
                inflight.append((batch, pool.submit(_code_in_worker, [d for d, _ in batch])))
                while len(inflight) > workers:
                    done, fut = inflight.popleft()
                    yield done, fut.result()
        except InputError:
            while inflight:  # commit what was read before the bad input, then stop
                done, fut = inflight.popleft()
                yield done, fut.result()
            raise
        while inflight:
            done, fut = inflight.popleft()
            yield done, fut.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------------- ingest


def count_new(paths: list[str], opts: ReadOptions, store: Store, size: int) -> int | None:
    """How many documents a run will code, for the progress bar; None if the inputs fail."""
    seen: set[str] = set()
    stored = 0
    keys: list[str] = []
    try:
        for doc in read_inputs(paths, opts, skip_bad=True):
            keys.append(doc_key(doc.text))
            if len(keys) >= size:
                stored += len(store.existing(keys))
                seen.update(keys)
                keys = []
    except (InputError, ValueError):
        return None
    stored += len(store.existing(keys))
    seen.update(keys)
    return max(0, len(seen) - stored)


def ingest(
    paths: list[str],
    store: Store,
    opts: ReadOptions | None = None,
    *,
    workers: int = 1,
    batch: int = 64,
    skip_bad: bool = False,
    on_skip: OnSkip | None = None,
    coder: Coder | None = None,
    actors: str | None = None,
    progress: bool | None = None,
    on_commit: Callable[[int, IngestSummary], None] | None = None,
) -> IngestSummary:
    """Code and store every document of ``paths`` that the store does not have yet.

    ``coder`` is used with one worker (default: a new ``Coder(actors=actors)``). ``progress``:
    a tqdm bar on stderr (default: when stderr is a terminal). ``on_commit(n, summary)`` is
    called after each committed batch of ``n`` documents. Bad input raises ``InputError`` after
    everything read before it is committed; with ``skip_bad`` it is reported and skipped.
    """
    opts = opts or ReadOptions()
    if batch < 1:
        raise ValueError(f"batch must be at least 1, not {batch}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    summary = IngestSummary(db=store.path)
    start = time.perf_counter()

    def skipped(err: InputError) -> None:
        summary.bad += 1
        summary.problems.append(str(err))
        if on_skip is not None:
            on_skip(err)

    if progress is None:
        progress = sys.stderr.isatty()
    bar = None
    if progress:
        from tqdm import tqdm

        total = count_new(paths, opts, store, batch)
        bar = tqdm(total=total, unit="doc", desc="ingest", file=sys.stderr, dynamic_ncols=True)
    docs = read_inputs(paths, opts, skip_bad=skip_bad, on_skip=skipped)
    batches = new_batches(docs, store, batch, summary)
    if workers == 1:
        coded = _coded_serial(coder, actors, batches)
    else:
        coded = _coded_parallel(workers, actors, batches)
    try:
        for done, results in coded:
            store.write(results, [d for d, _ in done])
            summary.new += len(results)
            summary.events += sum(len(r.events) for r in results)
            if bar is not None:
                bar.update(len(results))
            if on_commit is not None:
                on_commit(len(results), summary)
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - start
    if summary.new:
        # New reports may join events already stored: regroup, so that the counts of mentions,
        # documents and sources (and the GDELT export) are current.
        from dyad.analytics.grouping import group_events

        summary.groups = group_events(store.conn).groups
        summary.seconds = time.perf_counter() - start
    return summary
