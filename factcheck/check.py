"""The whole check in one call: sources + rules -> mentions -> facts -> report."""
from __future__ import annotations

from pathlib import Path

from . import __version__
from .compare import compare, findings
from .extract import extract
from .model import Report
from .rules import load_rules
from .sources import MAX_BYTES, load_sources


def run_check(source_paths: list[str | Path], rule_paths: list[str | Path], max_bytes: int = MAX_BYTES) -> Report:
    """Check every source against every rule. Broken rules raise; bad sources become problems."""
    rules = load_rules(rule_paths)
    loaded = load_sources(source_paths, max_bytes=max_bytes)
    facts = compare(rules, extract(loaded.documents, rules))
    return Report(
        version=__version__,
        rules=rules,
        sources=tuple(d.source for d in loaded.documents),
        facts=tuple(facts),
        findings=tuple(findings(facts)),
        problems=tuple(str(p) for p in loaded.problems),
    )
