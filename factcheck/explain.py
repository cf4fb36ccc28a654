"""Why each sentence was or was not read as a statement of one rule's fact.

The whole check runs as usual (every rule competes for every value, words are weighed
over the whole corpus), then one rule's view of it is kept: every sentence where it
considered a value (with the value taken, and why each other one was not), the sentences
where its cue matched without a value, and its **near-misses**: values of its kind about
its subject that were not taken — with none of its words nearby, too few of them (a score
below what a statement needs), or taken by another rule. Near-misses are where a wording
the rule does not know yet is to be found.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .extract import decide_all, observe, prepare, scorer
from .model import Candidate, Document, Mention, Rule, Sentence


@dataclass(frozen=True)
class Examined:
    """A sentence the rule considered: the mention it makes (value taken or not), or a near-miss."""

    source: str
    sentence: Sentence
    mention: Mention | None
    near_misses: tuple[Candidate, ...] = ()

    @property
    def verdict(self) -> str:
        if self.mention is None:
            return "; ".join(f"near-miss '{c.value.raw}': {c.reasons[0]}" for c in self.near_misses)
        return self.mention.why


def explain(documents: Iterable[Document], rules: Iterable[Rule], rule_id: str) -> list[Examined]:
    """One rule's view of a whole check, in source and line order."""
    from .matching.decide import TAKE

    prepared = prepare(rules)
    observed = [observe(d, prepared, everything=True) for d in documents]
    weigh = scorer(observed, prepared)
    decided = decide_all(observed, prepared, weigh)
    mentions = [m for m in decided if m.rule == rule_id]
    taken_by = {(m.source, m.sentence.index, m.chosen.span.start): m.rule
                for m in decided if m.chosen is not None and m.rule != rule_id}
    seen = {(m.source, m.sentence.index) for m in mentions}
    examined = [Examined(m.source, m.sentence, m) for m in mentions]
    for o in observed:
        misses: dict[int, list] = {}
        for observation in o.observations:
            if observation.rule != rule_id or (o.source, observation.sentence.index) in seen:
                continue
            if observation.subject and not observation.rejected:
                misses.setdefault(observation.sentence.index, []).append(observation)
        for index, items in misses.items():
            candidates = []
            for item in items:
                score, reasons = weigh.score(item)
                other = taken_by.get((o.source, index, item.found.span.start))
                if not item.hits and not item.cues:
                    why = "none of the rule's words nearby"
                elif other:
                    why = f"taken by rule '{other}', which it fits better"
                else:
                    why = f"score {score:.2f}, below the {TAKE} a statement needs"
                candidates.append(Candidate(item.found.value, item.found.span, score, False,
                                            (why, *reasons)))
            examined.append(Examined(o.source, items[0].sentence, None, tuple(candidates)))
    order = {o.source: n for n, o in enumerate(observed)}
    return sorted(examined, key=lambda e: (order[e.source], e.sentence.index))
