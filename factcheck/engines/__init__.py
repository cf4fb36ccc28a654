"""Engines read documents and extract their mentions: here, in processes, or on Dask.

Every engine takes the list of Sources (in order) and the rules and yields one
`DocumentResult` per source, in the same order, so results never depend on the
engine or the number of workers. Comparison and reports run afterwards, as usual.
Registry: `get(name)`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import ConfigError, SourceError
from ..extract import observe, paused_gc, prepare
from ..matching.evidence import DocumentObservations
from ..model import Rule, Source
from ..sources import read_document
from ..suppressions import Directive, directives_of


@dataclass(frozen=True)
class DocumentResult:
    """What one source gave: its description (with hash) and what it offers each rule
    (weighed once the whole corpus is read), or why it could not be read."""

    source: Source
    observations: DocumentObservations | None = None
    problem: SourceError | None = None
    directives: tuple[Directive, ...] = ()  # a draft's factcheck-ignore lines


Progress = Callable[[int], None]  # called with the number of documents just finished


def process_chunk(sources: list[Source], rules: tuple[Rule, ...], max_bytes: int) -> list[DocumentResult]:
    """Read and extract a chunk of sources: the unit of work of every engine."""
    with paused_gc():
        return _process(sources, rules, max_bytes)


def _process(sources, rules, max_bytes) -> list[DocumentResult]:
    results = []
    prepared = prepare(tuple(rules))
    for source in sources:
        try:
            document = read_document(source, max_bytes)
        except SourceError as problem:
            results.append(DocumentResult(source, problem=problem))
            continue
        directives = tuple(directives_of(document)) if source.role == "draft" else ()
        results.append(DocumentResult(document.source, observe(document, prepared), directives=directives))
    return results


def get(name: str) -> Callable[..., Iterator[DocumentResult]]:
    if name == "local":
        from .local import run

        return run
    if name == "dask":
        from .dask_engine import run

        return run
    raise ConfigError(f"unknown engine '{name}' (known: local, dask)")
