"""A Dask cluster (dask.distributed): extraction spread over its workers.

    pip install 'factcheck[dask]'
    dask scheduler                      # on one machine: prints tcp://HOST:8786
    dask worker tcp://HOST:8786         # on each worker machine (same factcheck version)
    factcheck check --engine dask --scheduler tcp://HOST:8786 --sources /shared/corpus

Workers read the source files themselves, so the paths must be reachable from every
worker (a shared file system or the same folder layout); only the small results
(mentions) travel back. Chunks are streamed: at most a few per worker are in flight,
so a crawl of millions of pages never sits in the scheduler's memory at once.
Comparison and reports run on the client, as in a local run, and give the same results.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from ..errors import ConfigError
from . import DocumentResult, Progress, process_chunk

CHUNK = 64
IN_FLIGHT_PER_WORKER = 4


def run(sources, rules, max_bytes: int, scheduler: str | None = None, progress: Progress | None = None, **_) -> Iterator[DocumentResult]:
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError("the dask engine needs dask.distributed: pip install 'factcheck[dask]'") from None
    if not scheduler:
        raise ConfigError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    sources, rules = list(sources), tuple(rules)
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address at all
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        rules_future = client.scatter(rules, broadcast=True)
        chunks = iter(sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK))
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(process_chunk, chunk, rules_future, max_bytes, pure=False))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _collect(pending.popleft(), progress)
        while pending:
            yield from _collect(pending.popleft(), progress)


def _collect(future, progress: Progress | None) -> list[DocumentResult]:
    results = future.result()
    if progress:
        progress(len(results))
    return results
