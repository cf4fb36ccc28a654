"""A rule's own test cases: sentences with the value they state, or none.

A rule author writes `examples:` beside the rule (the wordings they expect sources to
use, and the near-wordings that must not count); `factcheck rules test` reads each
example as a one-sentence document with every rule loaded — so rules compete for its
values as in a real run — and says which example failed and why, in explain's words.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Document, Rule, Source, Value


@dataclass(frozen=True)
class ExampleResult:
    rule: Rule
    text: str
    expected: str | None  # the example's value as written; None: the sentence states no value of the rule
    line: int
    taken: tuple[str, ...]  # the values the rule read, as the sentence writes them
    passed: bool
    why: str  # the engine's reason, for a failure

    def __str__(self) -> str:
        wanted = "no value" if self.expected is None else f"'{self.expected}'"
        got = ", ".join(f"'{t}'" for t in self.taken) or "nothing"
        state = "ok" if self.passed else "FAIL"
        text = f"{self.rule.path}:{self.line}: {state} rule '{self.rule.id}': \"{self.text}\" wants {wanted}, read {got}"
        return text if self.passed else f"{text}\n    why: {self.why}"


def run_examples(rules: tuple[Rule, ...], only: tuple[Rule, ...] | None = None) -> list[ExampleResult]:
    """Every example of `only` (default: all rules), each read with all `rules` competing."""
    from . import kinds
    from .explain import explain

    results = []
    for rule in only if only is not None else rules:
        for text, expected, line in rule.examples:
            examined = explain([Document(Source("example", "example"), text, None)], rules, rule.id)  # split there
            taken = [e.mention for e in examined if e.mention is not None and e.mention.value is not None]
            values = [m.value for m in taken]
            written = tuple(m.value.raw for m in taken)
            if expected is None:
                passed = not values
            else:
                kind = kinds.get(rule.kind)
                want = kind.parse(expected, [{"name": n, "aliases": list(a)} for n, a in rule.values]) \
                    if rule.kind == "category" else kind.parse(expected)
                passed = want is not None and any(_fits(v, want, rule) for v in values)
            why = "; ".join(dict.fromkeys(e.verdict for e in examined)) or \
                "no value of the rule's kind about its subject was found in the sentence"
            results.append(ExampleResult(rule, text, expected, line, written, passed, why))
    return results


def _fits(value: Value, wanted: Value, rule: Rule) -> bool:
    """The value read says what the example says: it lies within the example's value (an
    example '2019' takes 'March 2019'), or its middle does ('about 70%' for '70%'), the
    example widened by half the tolerance each side; an open bound must have the same ends."""
    if not value.comparable_with(wanted):
        return False
    low, high = rule.widen(wanted)
    value_low, value_high = value.widened(0.0)
    if low <= value_low and value_high <= high:
        return True
    if value.low is None or value.high is None:
        return False
    return low <= (value_low + value_high) / 2 <= high
