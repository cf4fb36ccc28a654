"""One machine: serially, or spread over worker processes (`--jobs N`).

Sources are cut into chunks (a few per worker, so a slow document does not hold up
a whole share); results come back in submission order, identical to a serial run.
"""
from __future__ import annotations

import os
from collections.abc import Iterator

from . import DocumentResult, Progress, process_chunk

CHUNKS_PER_WORKER = 32  # 10,000 documents on 2 workers: chunks of about 150, a fraction of a second each
MIN_PARALLEL = 8  # below this many documents, starting processes costs more than it saves


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(sources, rules, max_bytes: int, jobs: int = 1, progress: Progress | None = None, **_) -> Iterator[DocumentResult]:
    sources, rules = list(sources), tuple(rules)
    if jobs <= 1 or len(sources) < MIN_PARALLEL:
        for source in sources:
            yield from _reported(process_chunk([source], rules, max_bytes), progress)
        return
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, len(sources) // (jobs * CHUNKS_PER_WORKER))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(process_chunk, chunk, rules, max_bytes) for chunk in chunks]
        for future in futures:  # in order: identical to a serial run
            yield from _reported(future.result(), progress)


def _reported(results: list[DocumentResult], progress: Progress | None) -> list[DocumentResult]:
    if progress:
        progress(len(results))
    return results
