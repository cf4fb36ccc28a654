"""The whole check in one call: sources (+ drafts) + rules -> mentions -> facts -> report."""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__, engines
from .compare import compare, findings
from .drafts import apply_suppressions, check_drafts
from .engines import DocumentResult, Progress
from .extract import decide_all, prepare, scorer
from .model import Report, Source
from .rules import load_rules, rule_files, select
from .sources import MAX_BYTES, discover


def run_check(source_paths: list[str | Path], rule_paths: list[str | Path], draft_paths: list[str | Path] = (),
              max_bytes: int = MAX_BYTES, engine: str = "local", jobs: int = 1, scheduler: str | None = None,
              progress: Progress | None = None, on_total=None, root: Path | None = None,
              only_rules: tuple[str, ...] = ()) -> Report:
    """Check every source against every rule, and every draft against the sources.

    Broken rules raise; unreadable sources and drafts become problems. With drafts,
    the findings are the drafts' (the sources' own disagreements stay in the facts);
    a file given both as a draft and as a source is checked as a draft only.
    `engine`, `jobs` and `scheduler` choose where extraction runs; the results are
    the same wherever it runs. `root` is the project folder draft ids are taken from.
    `only_rules` (id globs) narrows what is reported to those rules; every rule is still
    read, because rules compete for values: a chosen rule's results are a full run's.
    """
    rules = load_rules(rule_paths)
    chosen = select(rules, only_rules)
    hashes = tuple((str(p), hashlib.sha256(p.read_bytes()).hexdigest()) for p in rule_files(rule_paths))
    found_problems, draft_problems, warnings = [], [], []
    draft_sources = discover(list(draft_paths), "draft", draft_problems, root) if draft_paths else []
    sources = _without_drafts(discover(source_paths, "reference", found_problems), draft_sources, warnings)
    if on_total:
        on_total(len(sources) + len(draft_sources))
    run = engines.get(engine)
    results = list(run(sources, rules, max_bytes, jobs=jobs, scheduler=scheduler, progress=progress))
    read, problems = _split(results, found_problems)
    drafted = list(engines.get("local")(draft_sources, rules, max_bytes, jobs=jobs, progress=progress)) \
        if draft_paths else []
    drafts, more_problems = _split(drafted, draft_problems)
    warnings.extend(f"{r.source.path}: not UTF-8; read as {r.source.encoding}: save it as UTF-8 if letters look wrong"
                    for r in read + drafts if r.source.encoding.startswith("windows-1252"))
    prepared = prepare(rules)
    weigh = scorer([r.observations for r in read + drafts], prepared)  # words weighed over sources and drafts
    chosen_ids = {r.id for r in chosen}
    facts = [f for f in compare(rules, decide_all([r.observations for r in read], prepared, weigh))
             if f.rule.id in chosen_ids]
    source_list = tuple(r.source for r in read)
    if not draft_paths:
        return Report(__version__, chosen, source_list, tuple(facts), tuple(findings(facts)), problems,
                      warnings=tuple(warnings), rule_files=hashes)
    draft_mentions = [m for m in decide_all([r.observations for r in drafts], prepared, weigh)
                      if m.rule in chosen_ids]
    path_of = {r.source.id: r.source.path for r in drafts}
    directives = [d for r in drafts for d in r.directives if d.rule in (None, "*") or d.rule in chosen_ids]
    draft_findings, unused = apply_suppressions(check_drafts(facts, draft_mentions), draft_mentions, directives, path_of)
    return Report(
        version=__version__, rules=chosen, sources=source_list, facts=tuple(facts),
        findings=tuple(draft_findings), problems=problems + more_problems, drafts=tuple(r.source for r in drafts),
        draft_statements=tuple(m for m in draft_mentions if m.value is not None), warnings=tuple(warnings + unused),
        rule_files=hashes,
    )


def _without_drafts(sources: list[Source], drafts: list[Source], warnings: list[str]) -> list[Source]:
    """A draft is never its own witness: drop it from the sources it is checked against."""
    if not drafts:
        return sources
    draft_paths = {Path(d.path).resolve() for d in drafts}
    kept = []
    for source in sources:
        if Path(source.path).resolve() in draft_paths:
            warnings.append(f"{source.path}: given as a draft and as a source; checked as a draft only")
        else:
            kept.append(source)
    return kept


def _split(results: list[DocumentResult], problems: list) -> tuple[list[DocumentResult], tuple[str, ...]]:
    """The results that were read, and every problem met (discovery, reading)."""
    read = [r for r in results if r.problem is None]
    problems = list(problems) + [r.problem for r in results if r.problem is not None]
    return read, tuple(str(p) for p in problems)
