"""Why each sentence was or was not read as a statement of one rule's fact."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .extract import AnalysedDocument, examine, watchlist
from .model import Document, Mention, Rule, Sentence


@dataclass(frozen=True)
class Examined:
    """A sentence with a cue of the rule: the mention it makes, or why it makes none."""

    source: str
    sentence: Sentence
    mention: Mention | None
    verdict: str


def explain(documents: Iterable[Document], rule: Rule) -> list[Examined]:
    examined = []
    words = watchlist([rule])
    for document in documents:
        doc = AnalysedDocument.of(document, words)
        for index in sorted(doc.index.find(rule.cues, rule.cue_threshold)):
            mention, verdict = examine(doc, index, rule)
            examined.append(Examined(document.source.id, document.sentences[index], mention, verdict))
    return examined
