"""Propose the facts a set of sources states, as a draft rule file, before any rule exists.

A fact shows itself as values of one kind, in several sources, beside the same words:
"approved … 1996", "FDA approval came in 1997", "approved it in 1996". So: every value of
every kind in every sentence (the kinds' own finders), with the content words of its
clause near it (their keys: "approved" and "approval" are one); for each kind, the word
most sources use beside its values is a fact's cue, the word most of those values also
share sharpens it; those values are then taken, and the next word is tried. Facts whose
sources give values that do not agree come first: they are what a reviewer wants to see.

The rules written are ordinary rules (subject, kind, question, cues), valid against the
schema, with the quotes behind each as comments, for the author to edit.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Document, Value

KINDS = ("date", "percent", "age", "dose", "duration", "length", "count")  # a stretch read by an earlier kind is not read again
REFINEMENTS = 3  # at most this many facts share one seed word
NEAR = 7  # words either side of a value, in its clause, that may say what it is
# Words that sit beside values of every fact, and so tell none apart.
GENERIC = frozenset("""
year month week day hour minute time percent per cent number total about around approximately nearly
almost roughly some more less than between least most over under up only just also still then later
early late mid estimate estimated approximately per one two three four five six seven eight nine ten
first last new other such many much few several each every whole same people person around data
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec
""".split())
QUESTION = {
    "date": "When",
    "percent": "What share",
    "count": "How many",
    "duration": "How long",
    "dose": "What dose",
    "age": "At what age",
    "length": "How long (in distance)",
}


@dataclass(frozen=True)
class Seen:
    """One value of one kind in one sentence, with the words around it."""

    source: str
    line: int
    sentence: str
    value: Value
    raw: str
    kind: str
    keys: frozenset[str]
    surface: tuple[tuple[str, str], ...]  # (key, the word as written) for the words near it


@dataclass
class Suggestion:
    kind: str
    cues: list[str]  # as most often written
    keys: tuple[str, ...]
    members: list[Seen] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s.source for s in self.members))

    @property
    def disagree(self) -> bool:
        """Two sources whose first values beside these words cannot both be true."""
        first: dict[str, Value] = {}
        for seen in self.members:
            first.setdefault(seen.source, seen.value)
        values = list(first.values())
        return any(a.comparable_with(b) and not a.agrees_with(b) for i, a in enumerate(values) for b in values[i + 1:])


def suggest(documents: Iterable[Document], subject: list[str] | None = None, min_sources: int = 2,
            limit: int = 50, covered: set[tuple[str, int, str]] | None = None) -> tuple[list[str], list[Suggestion]]:
    """The corpus's subject (or `subject`) and the facts its sources state, disagreements first.

    `covered` holds (source, line, value as written) of statements existing rules already
    take; those values are left out, so what is proposed is what no rule covers yet.
    """
    from .analysis.words import key

    documents = list(documents)
    subject = subject or corpus_subject(documents)
    subject_keys = {key(w) for phrase in subject for w in re.findall(r"[^\W_]+", phrase)} | \
        {w.lower() for phrase in subject for w in re.findall(r"[^\W_]+", phrase)}
    pool = [s for d in documents for s in _seen(d, subject_keys)
            if not covered or (s.source, s.line, s.raw) not in covered]
    found: list[Suggestion] = []
    for kind in KINDS:
        remaining = [s for s in pool if s.kind == kind]
        while remaining and len(found) < limit * 3:
            seed = _best_key(remaining, min_sources)
            if seed is None:
                break
            members = [s for s in remaining if seed in s.keys]
            # The words that, with the seed, mark distinct facts ("approved … children",
            # "approved … Europe"): each used beside the seed's values by enough sources.
            groups: list[Suggestion] = []
            rest = members
            for _ in range(REFINEMENTS):
                second = _best_key(rest, min_sources, exclude={seed})
                if second is None:
                    break
                group = [s for s in rest if second in s.keys]
                groups.append(Suggestion(kind, [_written(group, k) for k in (seed, second)], (seed, second), group))
                rest = [s for s in rest if second not in s.keys]
            if not groups or len({s.source for s in rest}) >= min_sources:
                groups.append(Suggestion(kind, [_written(members, seed)], (seed,), rest))
            else:  # too few left for a fact of their own: the seed's first fact takes them
                groups[0].members.extend(rest)
            found.extend(groups)
            remaining = [s for s in remaining if seed not in s.keys]
    found.sort(key=lambda s: (not s.disagree, -len(s.sources), -len(s.members)))
    return subject, found[:limit]


def corpus_subject(documents: list[Document]) -> list[str]:
    """What the sources are about: of the words most of them use, one their titles use,
    then a name (a word the dictionary does not know, as drug and device names are), then
    the most used; with the word beside it when the two nearly always go together
    ("cochlear implant"), and the other names in the titles as aliases."""
    from .analysis.words import STOP, known

    if not documents:
        return ["the subject"]
    in_docs: Counter = Counter()
    total: Counter = Counter()
    written: dict[str, Counter] = defaultdict(Counter)
    texts = []  # each document's words, lower-cased
    for d in documents:
        words = re.findall(r"[^\W\d_][\w'-]*", d.text)
        lowered = [w.lower() for w in words]
        texts.append(lowered)
        total.update(lowered)
        in_docs.update(set(lowered))
        for w in words:
            written[w.lower()][w] += 1
    titles = {w.lower() for d in documents
              for w in re.findall(r"[^\W\d_][\w'-]*", (d.source.title or "") + " " + (d.text.strip().splitlines() or [""])[0])}
    n = len(documents)

    def score(word: str) -> tuple:
        return (in_docs[word] >= 0.6 * n, word in titles, not known(word), in_docs[word], total[word])

    candidates = [w for w in in_docs if len(w) > 2 and w not in STOP and w not in GENERIC]
    if not candidates:
        return ["the subject"]
    best = max(candidates, key=score)
    pairs: Counter = Counter()
    for lowered in texts:
        for i, w in enumerate(lowered):
            if w == best:
                if i and lowered[i - 1] not in STOP and lowered[i - 1] not in GENERIC:
                    pairs[(lowered[i - 1], w)] += 1
                if i + 1 < len(lowered) and lowered[i + 1] not in STOP and lowered[i + 1] not in GENERIC:
                    pairs[(w, lowered[i + 1])] += 1
    name = written[best].most_common(1)[0][0]
    if pairs:
        (first, second), together = pairs.most_common(1)[0]
        if together >= 0.6 * total[best]:
            name = f"{written[first].most_common(1)[0][0]} {written[second].most_common(1)[0][0]}"
    # Its other names: names (words the dictionary does not know) in the titles that many
    # sources use too, as a brand beside its generic name ("Gleevec" beside "imatinib").
    aliases = [written[w].most_common(1)[0][0] for w in sorted(candidates, key=lambda w: -in_docs[w])
               if w != best and w in titles and not known(w) and in_docs[w] >= 0.3 * n
               and w not in name.lower().split() and written[w].most_common(1)[0][0][:1].isupper()]
    return [name, *aliases[:3]]


def _seen(document: Document, subject_keys: set[str]) -> list[Seen]:
    from . import kinds
    from .analysis import clauses as clause_split
    from .analysis.document import Words
    from .analysis.words import NEGATORS, STOP
    from .segment import split_sentences

    sentences = document.sentences if document.sentences is not None else split_sentences(document.text,
                                                                                          document.locate)
    found = []
    for sentence in sentences:
        text = sentence.text
        if not re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter)\b", text, re.I):
            continue
        words = None
        taken: list[tuple[int, int]] = []
        for kind in KINDS:
            values = kinds.get(kind).find(text)
            for value in values:
                span = (value.span.start, value.span.end)
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue  # one reading per stretch of text: the first kind that reads it
                taken.append(span)
                words = words or Words(text)
                clause = clause_split.clause_at(clause_split.split(text), span[0])
                first, last = words.token_at(span[0]), words.token_at(max(span[0], span[1] - 1))
                near = []
                for i in range(max(0, first - NEAR), min(len(words.keys), last + NEAR + 1)):
                    if first <= i <= last or not clause.start <= words.starts[i] < clause.end:
                        continue
                    k = words.keys[i]
                    if len(k) < 3 or k in STOP or k in NEGATORS or k in GENERIC or k in subject_keys \
                            or any(c.isdigit() for c in k):
                        continue
                    near.append((k, words.lowers[i]))
                if near:
                    line = sentence.line + text.count("\n", 0, span[0])
                    found.append(Seen(document.source.id, line, " ".join(text.split()), value.value, text[span[0]:span[1]],
                                      kind, frozenset(k for k, _ in near), tuple(near)))
    return found


def _best_key(items: list[Seen], min_sources: int, exclude: set[str] = frozenset(), share: float = 0.0) -> str | None:
    """The word beside the most sources' values (ties: the more values), if enough sources
    use it (and, for a second word, at least `share` of the sources of `items`)."""
    sources_of: dict[str, set[str]] = defaultdict(set)
    count: Counter = Counter()
    for item in items:
        for k in item.keys - exclude:
            sources_of[k].add(item.source)
            count[k] += 1
    if not sources_of:
        return None
    needed = max(min_sources, share * len({i.source for i in items}))
    best = max(sources_of, key=lambda k: (len(sources_of[k]), count[k], k))
    return best if len(sources_of[best]) >= needed else None


def _written(items: list[Seen], k: str) -> str:
    return Counter(w for item in items for key_, w in item.surface if key_ == k).most_common(1)[0][0]


def as_rule_file(subject: list[str], suggestions: list[Suggestion], quotes: int = 3) -> str:
    """The suggestions as a rule file: one rule per fact, the quotes behind it as comments."""
    import yaml

    lines = ["# Draft rules proposed by `factcheck suggest` from the sources: edit them (ids, questions,",
             "# subject aliases, cues, context), then `factcheck rules test` and `factcheck check`.",
             "# Facts whose sources disagree come first.", "rules:"]
    used: Counter = Counter()
    for s in suggestions:
        base = "-".join([_slug(subject[0]), *(_slug(c) for c in s.cues), s.kind])
        used[base] += 1
        rule_id = base if used[base] == 1 else f"{base}-{used[base]}"
        question = f"{QUESTION[s.kind]}: {subject[0]}, {' '.join(s.cues)}?"
        state = "sources DISAGREE" if s.disagree else "sources agree"
        lines.append(f"  # {len(s.sources)} source(s) ({', '.join(s.sources)}), {len(s.members)} value(s); {state}")
        for seen in s.members[:quotes]:
            quote = seen.sentence if len(seen.sentence) <= 140 else seen.sentence[:137] + "..."
            lines.append(f"  #   {seen.source}:{seen.line}: {seen.raw!r} in \"{quote}\"")
        rule = {"id": rule_id, "question": question, "subject": list(subject), "cues": s.cues, "kind": s.kind,
                "severity": "warning"}
        dumped = yaml.safe_dump([rule], sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
        lines.extend("  " + line for line in dumped.rstrip("\n").split("\n"))
        lines.append("")
    return "\n".join(lines) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "fact"
