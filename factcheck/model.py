"""Plain, frozen data types that flow one way through factcheck.

sources + rules -> Sentence -> Candidate/Statement (a Mention of a typed Value)
-> Fact (the comparison of all statements of one rule) -> Report.
No step mutates what an earlier step produced; every type here is frozen.
"""
from __future__ import annotations

import enum
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so `>=` means 'at least as severe'."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Outcome(str, enum.Enum):
    """What the comparison concluded for one fact. Each is distinct on purpose."""

    CONFLICT = "conflict"
    CONSISTENT = "consistent"
    SINGLE_SOURCE = "single-source"
    NOT_STATED = "not-stated"
    UNPARSEABLE = "unparseable"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Value:
    """A typed value read from text, normalised to a closed interval [low, high].

    `low`/`high` are in the kind's canonical `unit`; None means unbounded on that
    side ("at least two" has high=None). `qualifier` is the word that shaped the
    interval ("about", "up to", ...) and `granularity` how precise the wording
    was ("day", "year", "decade", "exact", "range", ...).
    """

    kind: str
    raw: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str | None = None
    granularity: str = "exact"

    def widened(self, tolerance: float, relative: float = 0.0) -> tuple[float, float]:
        """The interval grown by an absolute tolerance and a share of each end's own size
        (`relative`: 0.05 grows 1,000 to 950–1,050), unbounded sides as infinities."""
        low = -math.inf if self.low is None else self.low - tolerance - relative * abs(self.low)
        high = math.inf if self.high is None else self.high + tolerance + relative * abs(self.high)
        return low, high

    def agrees_with(self, other: "Value", tolerance: float = 0.0, relative: float = 0.0) -> bool:
        """True when the two intervals, each widened by half the tolerance (absolute, and
        relative to its own size), overlap.

        Values in different units never agree nor conflict: callers check
        `comparable_with` first.
        """
        a_low, a_high = self.widened(tolerance / 2, relative / 2)
        b_low, b_high = other.widened(tolerance / 2, relative / 2)
        return a_low <= b_high and b_low <= a_high

    def comparable_with(self, other: "Value") -> bool:
        """Values compare when their units are one family: a dose of "mg" compares with "mg/day"
        and "mg/week" (a daily or weekly dose is given as its amount), never with "mg/kg"."""
        return self.unit == other.unit or unit_family(self.unit) == unit_family(other.unit)


def unit_family(unit: str) -> str:
    """A unit without the "/day" or "/week" a dose's amount is given per."""
    return unit.removesuffix("/day").removesuffix("/week")


@dataclass(frozen=True)
class Span:
    """Where a value sits: character offsets into the sentence text, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Found:
    """What a value kind returns for one match in a text: the value and its span."""

    value: Value
    span: Span


@dataclass(frozen=True)
class Source:
    """A document factcheck reads, with what the manifest says about it."""

    id: str
    path: str
    format: str = "text"
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    sha256: str = ""
    role: str = "reference"  # "reference" (a trusted source) or "draft" (checked against them)
    url: str | None = None  # the page the file was captured from (or modelled on)
    subject: tuple[str, ...] = ()  # what the whole document is about, when the manifest says so
    encoding: str = ""  # how the file was decoded when not UTF-8 ("utf-16-le", "windows-1252 (…)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document: its text and where it starts in the original file."""

    index: int
    start: int  # offset into Document.text
    end: int
    text: str
    line: int
    column: int
    paragraph: int
    block: int = -1  # offset where its block (a paragraph's run of joined lines) starts


@dataclass(frozen=True)
class Document:
    """A source's readable text, split into sentences, with a map back to file positions.

    `anchors` are (text offset, line, column) triples, one per run of text copied
    unchanged from the file, so any offset maps back to its line and column.
    """

    source: Source
    text: str
    sentences: Sequence[Sentence] | None  # segment.Sentences, made on demand (None: not split yet)
    anchors: tuple[tuple[int, int, int], ...] = field(repr=False, default=())

    def locate(self, offset: int) -> tuple[int, int]:
        """Line and column (both 1-based) in the original file of a text offset."""
        i = bisect_right(self.anchors, (offset, 1 << 62, 0)) - 1
        if i < 0:
            return 1, offset + 1
        start, line, column = self.anchors[i]
        return line, column + (offset - start)


@dataclass(frozen=True)
class Expected:
    """The value a rule says is right, with where that knowledge comes from."""

    value: Value
    reference: str | None = None


@dataclass(frozen=True)
class Rule:
    """One fact to check: what marks a statement of it, and how values compare."""

    id: str
    question: str
    subject: tuple[str, ...]
    cues: tuple[str, ...]
    kind: str
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    tolerance: float = 0.0  # in the kind's canonical unit
    tolerance_text: str = "0"
    relative_tolerance: float = 0.0  # a share of the values' own size ("tolerance: 10%" on a count: 0.1)
    severity: Severity = Severity.WARNING
    expected: Expected | None = None
    unit: str | None = None  # only values in this unit count (e.g. dose "mg/kg")
    cue_threshold: float = 85.0
    subject_window: int = 3
    max_distance: int = 10  # words between cue and value beyond which the cue does not govern it
    path: str = ""
    line: int = 0
    description: str = ""
    limit: str | None = None  # "lower" / "upper": the fact is that end of what a statement gives
    values: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a category rule's values: (name, aliases)
    examples: tuple[tuple[str, str | None, int], ...] = ()  # (sentence, value it states or None, line)

    def widen(self, value: Value) -> tuple[float, float]:
        """A value's interval widened by half this rule's tolerance: what it agrees with."""
        return value.widened(self.tolerance / 2, self.relative_tolerance / 2)


@dataclass(frozen=True)
class Candidate:
    """A value of the rule's kind in a sentence, with the score and reasons that ranked it."""

    value: Value
    span: Span  # offsets into the sentence text
    score: float
    chosen: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A sentence of one source that speaks of a rule's fact (subject + cue).

    `value` is the candidate the cue governs, or None when no value of the rule's
    kind could be read (the sentence is then evidence of an unparseable statement).
    """

    rule: str
    source: str
    sentence: Sentence
    line: int  # of the value, or of the sentence when there is none
    column: int
    cues: tuple[str, ...]
    subject: str
    candidates: tuple[Candidate, ...]
    why: str
    end_line: int = 0  # just past the chosen value (0 when there is none)
    end_column: int = 0

    # Cached: comparison and reports ask for them hundreds of thousands of times on a
    # large corpus (cached_property writes the instance dict, which a frozen dataclass allows).
    @cached_property
    def chosen(self) -> Candidate | None:
        return next((c for c in self.candidates if c.chosen), None)

    @cached_property
    def value(self) -> Value | None:
        chosen = self.chosen
        return chosen.value if chosen else None


@dataclass(frozen=True)
class Consensus:
    """The value most stating sources agree on, and who they are."""

    value: Value
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    """Everything the sources say about one rule, and what the comparison concluded.

    `statements` are mentions with a value; `unread` are mentions where a cue
    matched but no value could be read. `outliers` are sources with a statement
    that disagrees with the consensus; `against_expected` those contradicting the
    rule's expected value; `self_contradictions` sources whose own statements clash;
    `disputed` indexes the statements that clash with another source's statement.
    """

    rule: Rule
    outcome: Outcome
    statements: tuple[Mention, ...]
    unread: tuple[Mention, ...]
    consensus: Consensus | None
    outliers: tuple[str, ...]
    against_expected: tuple[str, ...]
    self_contradictions: tuple[str, ...]
    disputed: tuple[int, ...] = ()  # statements that disagree with a statement of another source

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.source for m in self.statements))


class FindingType(str, enum.Enum):
    CONFLICT = "conflict"
    EXPECTED_MISMATCH = "contradicts-expected"
    SELF_CONTRADICTION = "self-contradiction"
    DRAFT_CONTRADICTS_SOURCES = "draft-contradicts-sources"
    DRAFT_CONTRADICTS_EXPECTED = "draft-contradicts-expected"
    UNVERIFIED = "unverified"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """Something a reviewer must look at, with a stable id that survives re-runs."""

    id: str
    type: FindingType
    rule: str
    severity: Severity
    sources: tuple[str, ...]
    message: str
    statements: tuple[Mention, ...]  # for a draft finding, the draft's statement first
    suppressed: str | None = None  # why an inline suppression silences it, if one does


@dataclass(frozen=True)
class Report:
    """The result of one check: what was read, what was concluded, what went wrong."""

    version: str
    rules: tuple[Rule, ...]
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    problems: tuple[str, ...] = ()
    drafts: tuple[Source, ...] = ()  # documents checked against the sources
    draft_statements: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = ()  # e.g. suppressions that silence nothing
    rule_files: tuple[tuple[str, str], ...] = ()  # (path, sha256) of every rule file read
