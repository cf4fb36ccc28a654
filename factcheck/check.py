"""The whole check in one call: sources (+ drafts) + rules -> mentions -> facts -> report."""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__, engines
from .compare import compare, findings
from .drafts import apply_suppressions, check_drafts
from .engines import DocumentResult, Progress
from .model import Report
from .rules import load_rules, rule_files
from .sources import MAX_BYTES, check_unique_ids, discover


def run_check(source_paths: list[str | Path], rule_paths: list[str | Path], draft_paths: list[str | Path] = (),
              max_bytes: int = MAX_BYTES, engine: str = "local", jobs: int = 1, scheduler: str | None = None,
              progress: Progress | None = None, on_total=None) -> Report:
    """Check every source against every rule, and every draft against the sources.

    Broken rules raise; unreadable sources and drafts become problems. With drafts,
    the findings are the drafts' (the sources' own disagreements stay in the facts).
    `engine`, `jobs` and `scheduler` choose where extraction runs; the results are
    the same wherever it runs.
    """
    rules = load_rules(rule_paths)
    hashes = tuple((str(p), hashlib.sha256(p.read_bytes()).hexdigest()) for p in rule_files(rule_paths))
    found_problems = []
    sources = discover(source_paths, "reference", found_problems)
    if on_total:
        on_total(len(sources))
    run = engines.get(engine)
    results = list(run(sources, rules, max_bytes, jobs=jobs, scheduler=scheduler, progress=progress))
    read, problems = _split(results, found_problems)
    facts = compare(rules, [m for r in read for m in r.mentions])
    source_list = tuple(r.source for r in read)
    if not draft_paths:
        return Report(__version__, rules, source_list, tuple(facts), tuple(findings(facts)), problems,
                      rule_files=hashes)
    draft_problems = []
    drafted = list(engines.get("local")(discover(list(draft_paths), "draft", draft_problems), rules, max_bytes,
                                        jobs=jobs))
    drafts, more_problems = _split(drafted, draft_problems)
    draft_mentions = [m for r in drafts for m in r.mentions]
    path_of = {r.source.id: r.source.path for r in drafts}
    directives = [d for r in drafts for d in r.directives]
    draft_findings, warnings = apply_suppressions(check_drafts(facts, draft_mentions), draft_mentions, directives, path_of)
    return Report(
        version=__version__, rules=rules, sources=source_list, facts=tuple(facts),
        findings=tuple(draft_findings), problems=problems + more_problems, drafts=tuple(r.source for r in drafts),
        draft_statements=tuple(m for m in draft_mentions if m.value is not None), warnings=tuple(warnings),
        rule_files=hashes,
    )


def _split(results: list[DocumentResult], problems: list) -> tuple[list[DocumentResult], tuple[str, ...]]:
    """The results that were read, and every problem met (discovery, reading, duplicate ids)."""
    read = [r for r in results if r.problem is None]
    problems = list(problems) + [r.problem for r in results if r.problem is not None]
    problems += check_unique_ids([r.source for r in read])
    return read, tuple(str(p) for p in problems)
