"""What a statement is about: the subjects named in a document, and who "it" is.

Every rule's subject phrases are looked for on word keys (so "pacemakers" names
"pacemaker", "Lipitor's" names "Lipitor"), as whole words: "esketamine" never names
"ketamine"; the longest phrase wins: "Gardasil 9" names Gardasil 9, not Gardasil. Rules whose subjects share a phrase are one **group**; a different group is
**another subject**. A word the dictionary does not know that looks like a one-word
subject without being it ("simvastatin" beside "atorvastatin", "esketamine" beside
"ketamine") is another subject too: pages compare drugs with their cousins.

A phrase named is **ours** when it is one of the rule's own subject phrases, **another
subject** when it names a thing (a word the dictionary does not know, like a drug or a
brand, or one written with a capital, like a person; not a short acronym) that only
unrelated rules are about, and neither (left out) otherwise: a topic word another rule is
about ("depression" beside a rule on ketamine), a phrase the rule's own question, cues,
context or description names ("atorvastatin" for a rule on the ASCOT-LLA trial whose
question asks what atorvastatin did in it), or a phrase of a rule whose subject shares a
phrase with ours.

A value's subject is found, most direct first (the strength scales the statement's score):

| how                                                          | strength |
|--------------------------------------------------------------|----------|
| named in the value's clause                                  | 1.0      |
| named elsewhere in the sentence                              | 0.9      |
| "it", "its", "the drug", "this medication", "the vaccine", "the device", or "the" and the last word of one of its phrases ("the arch" for "steel arch") refer back to it | 0.85 |
| named in one of the `subject_window` sentences before        | 0.8      |
| named in the heading above, the table's header, or the next sentence of the paragraph | 0.5 (0.6 when the document is about it too) |
| the document's subject (manifest `subject:`, title, first heading, or the subject most of its mentions name) | 0.6 |

Another subject stops the search: a clause naming only another subject is about that one,
and looking back stops at the nearest subject named, whichever it is.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .words import WORD, key, known

ANAPHORS = frozenset("it its itself".split())
DEFINITE = frozenset("the this that these those its such".split())
CLASS_NOUNS = frozenset(  # "the <noun>" refers back to any subject: nouns for a drug or a device
    "drug medication medicine medicament compound agent product pill tablet vaccine device".split())
STRENGTH = {"clause": 1.0, "sentence": 0.9, "anaphor": 0.85, "before": 0.8, "context": 0.5, "document": 0.6}


@dataclass(frozen=True)
class SubjectCatalog:
    """Every rule subject as word keys, with its group; built once per run."""

    phrases: dict[tuple[str, ...], frozenset[int]]  # phrase keys -> groups naming it
    groups: tuple[tuple[str, ...], ...]  # group -> its subject phrases as written
    heads: dict[int, frozenset[str]]  # group -> the head nouns "the <head>" may refer to it with
    lookalike_roots: dict[str, frozenset[int]] = field(default_factory=dict)  # unknown one-word subject -> groups
    first_keys: frozenset[str] = frozenset()
    names: frozenset[tuple[str, ...]] = frozenset()  # phrases that name a thing (not a topic word)

    @classmethod
    def of(cls, subjects: Iterable[tuple[str, ...]]) -> "SubjectCatalog":
        groups: list[tuple[str, ...]] = []
        for subject in subjects:
            if subject not in groups:
                groups.append(subject)
        phrases: dict[tuple[str, ...], set[int]] = {}
        heads: dict[int, set[str]] = {}
        roots: dict[str, set[int]] = {}
        names: set[tuple[str, ...]] = set()
        for number, subject in enumerate(groups):
            for phrase in subject:
                found = [m.group() for m in WORD.finditer(phrase)]
                keys = tuple(key(word) for word in found)
                if not keys:
                    continue
                phrases.setdefault(keys, set()).add(number)
                if any(_is_name(word) for word in found):
                    names.add(keys)
                heads.setdefault(number, set()).add(keys[-1])
                if len(keys) == 1 and len(keys[0]) >= 6 and not known(keys[0]):
                    roots.setdefault(keys[0], set()).add(number)
        # Groups that share a phrase are one subject (a rule about "ketamine" and one about
        # "ketamine, infusion" speak of the same thing).
        merged = {k: frozenset(v) for k, v in phrases.items()}
        return cls(merged, tuple(groups), {g: frozenset(h) for g, h in heads.items()},
                   {r: frozenset(g) for r, g in roots.items()}, frozenset(k[0] for k in merged), frozenset(names))

    def group_of(self, subject: tuple[str, ...]) -> int:
        return self.groups.index(subject)

    def pattern(self, lower_case: bool = False) -> "re.Pattern[str]":
        """Where a subject phrase (or a look-alike) may start in a text: the first five letters of
        every phrase's first word, at a word's start (checked on keys afterwards). `lower_case`:
        for a text already in lower case (IGNORECASE makes the search slower)."""
        if lower_case:
            found = self.__dict__.get("_lower_pattern")
            if found is None:
                found = re.compile(self.pattern().pattern)
                object.__setattr__(self, "_lower_pattern", found)
            return found
        found = self.__dict__.get("_pattern")
        if found is None:
            stems = sorted({p[0][:5] for p in self.phrases} | {r[-5:] for r in self.lookalike_roots}, key=len, reverse=True)
            body = "|".join(re.escape(s) for s in stems) or "(?!)"
            found = re.compile(rf"(?<![^\W\d_])(?:{body})|(?:{'|'.join(re.escape(r[-5:]) for r in self.lookalike_roots) or '(?!)'})",
                               re.IGNORECASE)
            object.__setattr__(self, "_pattern", found)
        return found

    def related(self, a: int, b: int) -> bool:
        """Whether two groups share a phrase (a rule on "ketamine" and one on "ketamine, infusion")."""
        pairs = self.__dict__.get("_related")
        if pairs is None:
            pairs = {(x, y) for g in self.phrases.values() for x in g for y in g}
            object.__setattr__(self, "_related", pairs)
        return a == b or (a, b) in pairs

    def relation(self, group: int, named: "Named", mentioned: frozenset = frozenset()) -> str:
        """What a named phrase is to a rule of `group`: "ours" (one of its own phrases), "other"
        (the name of another subject) or "neutral" (a phrase of a related rule's subject, or a
        topic word another rule is about: "depression" does not stop a statement on ketamine).
        Worked out once per group, phrase and rule words: documents name the same few often."""
        memo = self.__dict__.get("_relations")
        if memo is None:
            memo = {}
            object.__setattr__(self, "_relations", memo)
        memo_key = (group, named.groups, named.phrase, mentioned)
        found = memo.get(memo_key)
        if found is None:
            found = memo[memo_key] = self._relation(group, named, mentioned)
        return found

    def _relation(self, group: int, named: "Named", mentioned: frozenset) -> str:
        if group in named.groups:
            return "ours"
        if -1 in named.groups:
            return "other"
        if named.phrase not in self.names or named.phrase in mentioned or \
                any(g >= 0 and self.related(g, group) for g in named.groups):
            return "neutral"
        if mentioned and any(named.groups & self.phrases.get(phrase, frozenset()) for phrase in mentioned):
            return "neutral"  # an alias of a subject the rule names: "LIPITOR" for a rule naming atorvastatin
        return "other"


@dataclass(frozen=True)
class Named:
    """A subject named in a sentence: where, and which groups it names."""

    start: int  # character offsets in the sentence
    end: int
    text: str
    groups: frozenset[int]  # -1: a look-alike of a subject, not one
    phrase: tuple[str, ...] = ()


def named_in(text: str, keys: list[str], starts: list[int], ends: list[int], catalog: SubjectCatalog) -> list[Named]:
    """Every subject phrase (and look-alike) of the catalog in a sentence's words."""
    found: list[Named] = []
    first_keys = catalog.first_keys
    covered = -1  # words up to here belong to a longer phrase found already ("Gardasil 9", not "Gardasil")
    for i, word_key in enumerate(keys):
        if i <= covered:
            continue
        if word_key not in first_keys and word_key.endswith("s") and word_key[:-1] in first_keys:
            word_key = word_key[:-1]  # "Lipitors": the plural of a name the dictionary does not know
            keys = keys[:i] + [word_key] + keys[i + 1:]
        if word_key in first_keys:
            longest = max((p for p in catalog.phrases if p[0] == word_key and tuple(keys[i:i + len(p)]) == p),
                          key=len, default=None)
            if longest is not None:
                end = ends[i + len(longest) - 1]
                found.append(Named(starts[i], end, text[starts[i]:end], catalog.phrases[longest], longest))
                covered = i + len(longest) - 1
        elif catalog.lookalike_roots and len(word_key) >= 6 and not known(word_key):
            for root, groups in catalog.lookalike_roots.items():
                if word_key != root and (root in word_key or word_key[-5:] == root[-5:]):
                    found.append(Named(starts[i], ends[i], text[starts[i]:ends[i]], frozenset({-1})))
                    break
    return found


def _is_name(word: str) -> bool:
    """A word that names a thing: unknown to the dictionary (a drug, a brand) or written with a
    capital ("Larsson", "Spravato"); not an acronym of four letters or fewer ("TRD", "HPV"),
    nor a number ("HPV 16 and 18" is named by HPV, a topic)."""
    if (word.isupper() and len(word) <= 4) or not word.isalpha():
        return False
    return not known(word) or (word[:1].isupper() and not word.isupper())


def refers_back(lowers: list[str], catalog: SubjectCatalog, group: int) -> str | None:
    """The words in a sentence that refer back to a subject: "it", "its", "the drug"…"""
    heads = catalog.heads.get(group, frozenset()) | CLASS_NOUNS
    for i, word in enumerate(lowers):
        if word in ANAPHORS:
            return word
        if word in DEFINITE and i + 1 < len(lowers) and lowers[i + 1] in heads:
            return f"{word} {lowers[i + 1]}"
    return None
