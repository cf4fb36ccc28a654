"""Compare what the sources say about each fact: outcome, consensus, outliers.

Two statements conflict when their intervals, each widened by half the rule's
tolerance, do not overlap (values in different units are never compared). A fact is
`conflict` when any two statements conflict (within one source too: a source that
contradicts itself), `consistent` when two or more sources state it and all agree,
`single-source` when one source states it, `unparseable` when a cue matched but no
value could be read anywhere, and `not-stated` otherwise.

A conflict finding carries the rule's severity when the sources still clash with only
their strongly stated statements (scoring at least half the fact's best reading); one that
rests on a weak reading is reported one severity lower, and says so.

The consensus is the statement agreed with by the most sources, if that is more than
half of the sources stating the fact; outliers are the sources with a statement
that disagrees with it. **Bounds are not points**: a bound ("up to 70%", "at least two",
"over 50 years", "before 1990") or a decade is compatible with the values inside it but
confirms none of them, so when any source states the fact firmly (a value, a range, an
"about"), only the firm statements vote for the consensus; a fact stated only by bounds
takes its consensus from them, and is consistent when they can overlap.
"""
from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Iterable

from . import kinds
from .model import Consensus, Fact, Finding, FindingType, Mention, Outcome, Rule, Severity, Value, unit_family


def compare(rules: Iterable[Rule], mentions: Iterable[Mention]) -> list[Fact]:
    by_rule: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_rule.setdefault(mention.rule, []).append(mention)
    return [compare_fact(rule, by_rule.get(rule.id, [])) for rule in rules]


def compare_fact(rule: Rule, mentions: list[Mention]) -> Fact:
    statements = tuple(m for m in mentions if m.value is not None)
    unread = tuple(m for m in mentions if m.value is None)
    bounds = [rule.widen(m.value) for m in statements]  # each statement's, once
    disputed, self_contradictions = _disagreements(statements, bounds)
    sources = tuple(dict.fromkeys(m.source for m in statements))
    firm = [i for i, m in enumerate(statements) if is_firm(m.value)]
    if firm and len(firm) < len(statements):  # points vote; bounds only have to fit
        voters = tuple(statements[i] for i in firm)
        consensus = _consensus(voters, [bounds[i] for i in firm], tuple(dict.fromkeys(m.source for m in voters)))
    else:
        consensus = _consensus(statements, bounds, sources)
    return Fact(
        rule=rule,
        outcome=_outcome(statements, unread, sources, disputed or self_contradictions),
        statements=statements,
        unread=unread,
        consensus=consensus,
        outliers=_disagreeing(statements, bounds, consensus.value if consensus else None, rule),
        against_expected=_disagreeing(statements, bounds, rule.expected.value if rule.expected else None, rule),
        self_contradictions=self_contradictions,
        disputed=disputed,
    )


LOOSE_QUALIFIERS = frozenset({"nearly", "over", "under", "up to", "at least", "before", "after", "by"})


def is_firm(value: Value) -> bool:
    """A value that can confirm another: not a bound nor a decade (see the module docstring)."""
    return value.qualifier not in LOOSE_QUALIFIERS and value.granularity != "decade" and \
        value.low is not None and value.high is not None


def _disagreements(statements, bounds) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Statements that clash with another source's, and sources that clash with themselves.

    Two intervals miss each other exactly when one's low is above the other's high,
    so per unit it is enough to know, for every source, its highest low and lowest
    high: linear in the number of statements, however many sources there are.
    """
    disputed: list[int] = []
    selfish: list[str] = []
    by_unit: dict[str, list[int]] = {}
    for i, m in enumerate(statements):
        by_unit.setdefault(unit_family(m.value.unit), []).append(i)
    for indices in by_unit.values():
        highest_low: dict[str, float] = {}
        lowest_high: dict[str, float] = {}
        for i in indices:
            source, (low, high) = statements[i].source, bounds[i]
            highest_low[source] = max(highest_low.get(source, -math.inf), low)
            lowest_high[source] = min(lowest_high.get(source, math.inf), high)
        selfish.extend(s for s in highest_low if highest_low[s] > lowest_high[s])
        top_lows = heapq.nlargest(2, highest_low.items(), key=lambda kv: kv[1]) + [(None, -math.inf)]
        bottom_highs = heapq.nsmallest(2, lowest_high.items(), key=lambda kv: kv[1]) + [(None, math.inf)]
        (top, top_low), (_, second_low) = top_lows[0], top_lows[1]
        (bottom, bottom_high), (_, second_high) = bottom_highs[0], bottom_highs[1]
        for i in indices:
            source, (low, high) = statements[i].source, bounds[i]
            other_low = second_low if source == top else top_low  # the highest low of the other sources
            other_high = second_high if source == bottom else bottom_high
            if other_low > high or other_high < low:
                disputed.append(i)
    return tuple(sorted(disputed)), tuple(s for s in dict.fromkeys(m.source for m in statements) if s in selfish)


def _outcome(statements, unread, sources, conflicts) -> Outcome:
    if conflicts:
        return Outcome.CONFLICT
    if len(sources) >= 2:
        return Outcome.CONSISTENT
    if sources:
        return Outcome.SINGLE_SOURCE
    return Outcome.UNPARSEABLE if unread else Outcome.NOT_STATED


def _consensus(statements, bounds, sources) -> Consensus | None:
    """The value backed by the most sources whose statements can all be true at once.

    A sweep over the widened intervals finds the point covered by statements of the
    most distinct sources (a clique, not a chain: "up to 70%" backing both 50% and
    55% does not make them agree). The consensus value shown is, among the statements
    covering that point (see _representative).
    """
    if len(sources) < 2:
        return None
    point, backers = _best_point(statements, bounds)
    if point is None or len(backers) * 2 <= len(sources):
        return None
    # Every statement covering the point agrees with every other one: they share it.
    covering = [m for m, (low, high) in zip(statements, bounds) if m.source in backers and low <= point <= high]
    return Consensus(_representative(covering), tuple(s for s in sources if s in backers))


def _representative(statements: list[Mention]) -> Value:
    """Plainest wording first, then the value most sources state, then the middle precision."""
    rank = min(QUALIFIER_RANK.get(m.value.qualifier, 2) for m in statements)
    plain = [m.value for m in statements if QUALIFIER_RANK.get(m.value.qualifier, 2) == rank]
    counts = Counter((v.low, v.high) for v in plain)
    top = max(counts.values())
    common = sorted((v for v in plain if counts[(v.low, v.high)] == top), key=_width)
    return common[len(common) // 2]


QUALIFIER_RANK = {None: 0, "about": 1}


def _best_point(statements, bounds):
    """Sweep line over interval ends: the point covered by the most distinct sources."""
    events = []
    for m, (low, high) in zip(statements, bounds):
        events.append((low, 0, m.source))  # starts sort before ends at the same point
        events.append((high, 1, m.source))
    events.sort(key=lambda e: (e[0], e[1]))
    best_at = _most_covered(events)
    if best_at is None:
        return None, frozenset()
    # Sweep again up to the best event for who is covering it: keeping a copy of the set at
    # every improvement would cost time quadratic in the number of sources.
    return events[best_at][0], frozenset(_active_after(events, best_at))


def _most_covered(events) -> int | None:
    """The index of the first start event at which the most distinct sources are active."""
    active: dict[str, int] = {}
    best, best_at = 0, None
    for index, (_, is_end, source) in enumerate(events):
        _step(active, is_end, source)
        if not is_end and len(active) > best:
            best, best_at = len(active), index
    return best_at


def _active_after(events, stop: int) -> dict[str, int]:
    """The sources active right after event `stop`, with how many of their intervals are open."""
    active: dict[str, int] = {}
    for _, is_end, source in events[: stop + 1]:
        _step(active, is_end, source)
    return active


def _step(active: dict[str, int], is_end: int, source: str) -> None:
    """An interval of `source` opens or closes; a source is active while one is open."""
    if is_end:
        active[source] -= 1
        if not active[source]:
            del active[source]
    else:
        active[source] = active.get(source, 0) + 1


def _width(value: Value) -> float:
    if value.low is None or value.high is None:
        return float("inf")
    return value.high - value.low


def _disagreeing(statements, bounds, reference: Value | None, rule: Rule) -> tuple[str, ...]:
    """Sources with a statement (in the reference's unit) that cannot agree with it:
    the intervals, each widened by half the tolerance, miss each other (Value.agrees_with)."""
    if reference is None:
        return ()
    low, high = rule.widen(reference)
    return tuple(dict.fromkeys(
        m.source for m, (m_low, m_high) in zip(statements, bounds)
        if m.value.comparable_with(reference) and (m_low > high or low > m_high)))


def findings(facts: Iterable[Fact]) -> list[Finding]:
    """What a reviewer must look at: conflicts, contradicted expectations, self-contradictions."""
    result: list[Finding] = []
    for fact in facts:
        rule, describe = fact.rule, kinds.get(fact.rule.kind).describe
        said_by: dict[str, list[Mention]] = {}
        for m in fact.statements:
            said_by.setdefault(m.source, []).append(m)
        if fact.disputed:
            statements = tuple(fact.statements[k] for k in fact.disputed)
            values = _listing(statements, lambda m: f"{m.source}: {describe(m.value)}")
            severity, note = rule.severity, ""
            if not _strongly_disputed(fact):
                severity, note = Severity(max(Severity.INFO, rule.severity - 1)), WEAK_NOTE
            result.append(_finding(FindingType.CONFLICT, rule, tuple(dict.fromkeys(m.source for m in statements)),
                                   f"sources disagree on {rule.id}: {values}{note}", statements, severity))
        for source in fact.against_expected:
            statements = tuple(said_by[source])
            said = ", ".join(describe(m.value) for m in statements)
            result.append(_finding(FindingType.EXPECTED_MISMATCH, rule, (source,),
                                   f"{source} says {said}; expected {describe(rule.expected.value)}", statements))
        for source in fact.self_contradictions:
            statements = tuple(said_by[source])
            said = " vs ".join(f"{describe(m.value)} (line {m.line})" for m in statements)
            result.append(_finding(FindingType.SELF_CONTRADICTION, rule, (source,),
                                   f"{source} contradicts itself on {rule.id}: {said}", statements))
    return result


def _listing(items, text, limit: int = 12) -> str:
    """'a; b; c' for a message, each text once (a source saying "1995" twice is
    "healthdigest: 1995"), cut after `limit` texts with a count of the statements left (only
    those shown are put into words: a conflict may involve thousands)."""
    shown: dict[str, None] = {}
    for n, item in enumerate(items):
        shown.setdefault(text(item))
        if len(shown) == limit and n + 1 < len(items):
            return "; ".join(shown) + f"; and {len(items) - n - 1} more"
    return "; ".join(shown)


STRONG_SHARE = 0.5  # a statement scoring at least half the fact's best is strongly stated
WEAK_NOTE = (" (weakly stated: the clash holds only with statements scoring under half the fact's best reading; "
             "check the readings, one severity lower)")


def _strongly_disputed(fact: Fact) -> bool:
    """Whether the sources still clash when only their strongly stated statements count: a
    conflict that rests on a weak reading may be a misreading, and says so."""
    scores = [m.chosen.score if m.chosen is not None else 0.0 for m in fact.statements]
    best = max(scores, default=0.0)
    strong = tuple(m for m, s in zip(fact.statements, scores) if s >= STRONG_SHARE * best)
    bounds = [fact.rule.widen(m.value) for m in strong]
    disputed, selfish = _disagreements(strong, bounds)
    return bool(disputed)


def _finding(kind: FindingType, rule: Rule, sources: tuple[str, ...], message: str, statements,
             severity: Severity | None = None) -> Finding:
    # The id names what the finding is about, never its row or its wording, so a
    # reviewer's decision can follow it from one run to the next.
    key = "|".join([kind.value, rule.id] + ([] if kind is FindingType.CONFLICT else sorted(sources)))
    fid = hashlib.sha1(key.encode()).hexdigest()[:12]
    return Finding(fid, kind, rule.id, severity or rule.severity, sources, message, statements)
