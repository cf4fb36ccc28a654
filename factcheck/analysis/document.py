"""One document analysed once, for every rule: layout, words, clauses, values, subjects.

Everything here is worked out on first use and kept: a sentence is tokenized, cut into
clauses and searched for values only when a rule's kind asks for its values or a
subject's whereabouts are needed, however many rules ask.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from .. import distractors, kinds
from ..model import Document, Found
from . import clauses as clause_split
from .structure import Layout
from .subjects import STRENGTH, Named, SubjectCatalog, named_in, refers_back
from .words import WORD, key, typo_of

_DETERMINERS = frozenset("the a an its their his her this that these those my your our at".split())
_AFTER_LAST_ADJECTIVE = frozenset("year years month months week weeks day days time dose doses one few decade decades".split())
_PERCENT_HEAD = re.compile(r"%|\bper\s*cent|\bpercentage\b", re.IGNORECASE)
_PERCENT_CAPTION = re.compile(r"\(\s*%|%\s+of\b|\bper\s*cent(?:age)?\s+of\b", re.IGNORECASE)
_YEARLESS_QUICK = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d\s+"
                             r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_YEAR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_CELL_BORDER = re.compile(r"\s*[|\t]\s*")
DOMINANT_SHARE = 0.6  # the share of a document's subject mentions that makes a subject its own


class Words:
    """A sentence's words: offsets, keys, lower-case forms, and where each key occurs.

    With a `spelling` (the rules' own words as written -> their keys), a word the dictionary
    does not know that is a close misspelling of a rule word ("inagurated") is also filed
    under that word's key (`words.typo_of`).
    """

    __slots__ = ("starts", "ends", "keys", "lowers", "where", "_titled", "_found", "capitals", "_clauses", "cache")

    def __init__(self, text: str, spelling: dict[str, str] | None = None):
        found = list(WORD.finditer(text))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.lowers = [m.group().lower() for m in found]
        self.keys = [key(m.group()) for m in found]
        for i, word in enumerate(self.lowers):  # "the last dose", "its last year": not the verb
            if word == "last" and ((i and self.lowers[i - 1] in _DETERMINERS) or
                                   (i + 1 < len(found) and self.lowers[i + 1] in _AFTER_LAST_ADJECTIVE)):
                self.keys[i] = "last (adjective)"
        self.where: dict[str, list[int]] = {}
        for i, word_key in enumerate(self.keys):
            self.where.setdefault(word_key, []).append(i)
        self._found = found
        self._titled = None
        self.capitals = [m.group().isupper() for m in found]  # "US" the country, not "us"
        self._clauses = None
        self.cache: dict = {}  # what the matching side works out once per sentence
        if spelling:
            for i, word in enumerate(self.lowers):
                if word not in spelling and len(word) >= 6 and word.isalpha():
                    meant = typo_of(word, spelling)
                    if meant is not None and spelling[meant] not in self.where:
                        self.where.setdefault(spelling[meant], []).append(i)

    @property
    def titled(self) -> frozenset[int]:
        """The words inside a capitalized name or title (see _title_runs), found on first use."""
        if self._titled is None:
            self._titled = _title_runs([m.group() for m in self._found])
        return self._titled

    def clause_of(self, token: int, clauses) -> "clause_split.Clause":
        """The innermost clause a word is in (worked out once per sentence)."""
        if self._clauses is None:
            self._clauses = [clause_split.clause_at(clauses, start) for start in self.starts]
        return self._clauses[token]

    def token_at(self, offset: int) -> int:
        """The index of the word ending after a character offset (len(words) past the end)."""
        return bisect_right(self.ends, offset)


class AnalysedDocument:
    """A document's layout and, on demand, each sentence's words, clauses, values and subjects."""

    def __init__(self, document: Document, catalog: SubjectCatalog, spelling: dict[str, str] | None = None):
        assert document.sentences is not None, "split the document first"
        self.document = document
        self.spelling = spelling
        self.sentences = document.sentences
        self.catalog = catalog
        self.layout = Layout(document.sentences)
        self._words: dict[int, Words] = {}
        self._values: dict[tuple[int, str], list[Found]] = {}
        self._named: dict[int, list[Named]] = {}
        self._context_named: dict[str, list[Named]] = {}
        self._context_words: dict[str, Words] = {}
        self._resolved: dict[tuple, tuple[float, str]] = {}
        self.cache: dict[str, dict] = {}  # what the matching side works out once per document
        self._distractors: dict[tuple[int, int, int], list] = {}
        self._holding: dict[str, set[int]] = {}
        self.subject_groups, self.subject_how = self._document_subject()

    # ------------------------------------------------------------------ per sentence

    def words(self, index: int) -> Words:
        found = self._words.get(index)
        if found is None:
            found = self._words[index] = Words(self.sentences[index].text, self.spelling)
        return found

    def clauses(self, index: int) -> tuple[clause_split.Clause, ...]:
        return clause_split.split(self.sentences[index].text)

    def values(self, index: int, kind: str) -> list[Found]:
        """The values of a kind in sentence `index`, read once however many rules ask."""
        cache_key = (index, kind)
        found = self._values.get(cache_key)
        if found is None:
            if index not in self.holding(kind):
                found = []
            elif kind == "count":  # count leaves ages and percentages alone: read them once
                found = kinds.get(kind).find(self.sentences[index].text,
                                             self.values(index, "age") + self.values(index, "percent"))
            else:
                found = kinds.get(kind).find(self.sentences[index].text)
            if kind == "percent" and self.layout.kind(index) == "row":
                found = _merged(found, self._percent_cells(index))
            if kind == "date":
                found = _merged(found, self._days_without_year(index, found))
            self._values[cache_key] = found
        return found

    def _days_without_year(self, index: int, dates: list[Found]) -> list[Found]:
        """The days a sentence names without their year ("starting Nov. 30", "April 26 of that
        year"), on the year named last before them: in the sentence, else in the nearest of
        the three sentences before it (in its paragraph, unless it says "of that year")."""
        from ..kinds import date

        text = self.sentences[index].text
        found = []
        for start, end, month, day, that_year in date.find_without_year(text):
            before = [d for d in dates if d.span.end <= start and d.value.low is not None]
            year = _year_of(before[-1]) if before else self._year_before(index, across_paragraphs=that_year)
            if year is not None:
                value = date.on_year(text[start:end], start, end, year, month, day)
                if value is not None:
                    found.append(value)
        return found

    def _year_before(self, index: int, across_paragraphs: bool = False) -> int | None:
        """The year named last in the three sentences before, within the paragraph (or, for
        "of that year", which points back itself, across paragraphs)."""
        paragraph = self.sentences[index].paragraph
        for earlier in range(index - 1, max(-1, index - 4), -1):
            if self.sentences[earlier].paragraph != paragraph and not across_paragraphs:
                break
            named = [d for d in kinds.get("date").find(self.sentences[earlier].text) if d.value.low is not None]
            if named:
                return _year_of(named[-1])
        return None

    def _percent_cells(self, index: int) -> list[Found]:
        """The bare numbers of a table row in the columns whose header cell names a percentage
        ("Gleevec all grades (%)"), or in every column when the table's title does ("… (% of
        patients)") and no header cell does."""
        header = self.layout.header(index)
        if not header:
            return []
        text = self.sentences[index].text
        heads, cells = _cells(header), _cells(text)
        if len(heads) != len(cells):
            return []
        marked = [bool(_PERCENT_HEAD.search(head)) for head, _ in heads]
        if not any(marked):
            caption = self.layout.caption(index) or ""
            if not _PERCENT_CAPTION.search(caption):
                return []
            marked = [True] * len(heads)
        found = []
        for column, ((_, _), (cell, start)) in enumerate(zip(heads, cells)):
            if column and marked[column]:
                value = kinds.get("percent").in_a_percent_column(cell, start)
                if value is not None:
                    found.append(value)
        return found

    def category_values(self, index: int, rule) -> list[Found]:
        """The values a category rule declares, named in sentence `index` (read once per rule)."""
        cache_key = (index, "category", rule.id)
        found = self._values.get(cache_key)
        if found is None:
            values = [{"name": n, "aliases": list(a)} for n, a in rule.values]
            found = self._values[cache_key] = kinds.get("category").find(self.sentences[index].text, values)
        return found

    def holding(self, kind: str) -> set[int]:
        """The sentences that may hold a value of a kind: one pass of its cheap pattern over the
        whole text, instead of one search per sentence."""
        found = self._holding.get(kind)
        if found is None:
            starts, ends, text = self.sentences.starts, self.sentences.ends, self.document.text
            lowered = kinds.quick_on_lower_case(kind)
            if lowered is not None and self.lower_text is not None:
                search, text = lowered.search, self.lower_text
            else:
                search = kinds.get(kind).QUICK.search
            found = set()
            match = search(text)
            while match is not None:  # one match per sentence is enough: go on from the sentence's end
                i = bisect_right(starts, match.start()) - 1
                if i >= 0 and match.start() < ends[i]:
                    found.add(i)
                    match = search(text, ends[i])
                else:
                    match = search(text, match.end())
            if kind == "date":  # days named without their year ("starting Nov. 30")
                found.update(bisect_right(starts, m.start()) - 1 for m in _YEARLESS_QUICK.finditer(self.document.text))
                found.discard(-1)
            if kind == "percent":  # table rows under a percentage header hold bare numbers
                found.update(i for i in range(len(starts)) if i not in found and self.layout.kind(i) == "row"
                             and self._percent_cells(i))
            self._holding[kind] = found
        return found

    @property
    def lower_text(self) -> str | None:
        """The text in lower case, offsets kept (None when lower-casing would move them: "İ")."""
        if "_lower" not in self.cache:
            lower = self.document.text.lower()
            self.cache["_lower"] = lower if len(lower) == len(self.document.text) else None
        return self.cache["_lower"]

    def near_subjects(self, reach: int) -> set[int] | None:
        """The sentences a subject can be resolved for: those naming one (found by one pattern
        over the whole text, then checked), the `reach` after each and the one before it; None
        (all of them) when the document has a subject of its own or a heading names one.
        Sentences out of reach are never tokenized: no statement can be in them."""
        if self.subject_groups:
            return None
        starts, ends, text = self.sentences.starts, self.sentences.ends, self.document.text
        named = set()
        lower = self.lower_text
        for match in (self.catalog.pattern(lower_case=True).finditer(lower) if lower is not None
                      else self.catalog.pattern().finditer(text)):
            i = bisect_right(starts, match.start()) - 1
            if i >= 0 and match.start() < ends[i] and i not in named and self.named(i):
                if self.layout.kind(i) in ("heading", "question", "header"):
                    return None
                named.add(i)
        return {j for i in named for j in range(i - 1, i + reach + 1) if 0 <= j < len(starts)}

    def context_words(self, text: str) -> Words:
        """A heading's or a header row's words, made once per text."""
        found = self._context_words.get(text)
        if found is None:
            found = self._context_words[text] = Words(text)
        return found

    def named(self, index: int) -> list[Named]:
        """The subjects (and look-alikes) a sentence names."""
        found = self._named.get(index)
        if found is None and self.catalog.pattern(lower_case=True).search(self.sentences[index].text.lower()) is None:
            found = self._named[index] = []  # no subject phrase can start here: not worth tokenizing
        if found is None:
            words = self.words(index)
            found = self._named[index] = named_in(self.sentences[index].text, words.keys, words.starts, words.ends,
                                                  self.catalog)
        return found

    def named_in_text(self, text: str) -> list[Named]:
        """The subjects a heading, a header row or a title names."""
        found = self._context_named.get(text)
        if found is None:
            words = self.context_words(text)
            found = self._context_named[text] = named_in(text, words.keys, words.starts, words.ends, self.catalog)
        return found

    # ------------------------------------------------------------------ subjects

    def _document_subject(self) -> tuple[frozenset[int], str]:
        """The groups the whole document is about: the manifest's subject, else those its
        title or first heading names, else the one most of its subject mentions name."""
        source = self.document.source
        if source.subject:
            named = {g for text in source.subject for n in self.named_in_text(text) for g in n.groups}
            return frozenset(named), f"the manifest's subject {list(source.subject)}"
        first = self.layout.blocks[0] if self.layout.blocks else None
        heading = self.layout.title() if first is not None and first.kind in ("heading", "question") else None
        for label, text in (("title", source.title), ("first heading", heading)):
            if text:
                named = {g for n in self.named_in_text(text) for g in n.groups if g >= 0}
                if named:
                    return frozenset(named), f"the document's {label} \"{' '.join(text.split())[:80]}\""
        counts = self._mention_counts()
        total = sum(counts.values())
        if total >= 3:
            group, count = counts.most_common(1)[0]
            if count / total >= DOMINANT_SHARE:
                return frozenset({group}), f"the subject most of the document's mentions name ({count} of {total})"
        return frozenset(), ""

    def _mention_counts(self) -> Counter:
        """How often each group's one-word phrases occur in the text (a cheap count, no splitting)."""
        lower = self.document.text.lower()
        counts: Counter = Counter()
        for phrase, groups in self.catalog.phrases.items():
            if len(phrase) == 1 and len(groups) == 1:
                occurrences = lower.count(phrase[0])
                if occurrences:
                    counts[next(iter(groups))] += occurrences
        return counts

    def distractors(self, index: int, value: Found) -> list:
        """The distractor checks that fire for a value (the same for every rule)."""
        cache_key = (index, value.span.start, value.span.end)
        found = self._distractors.get(cache_key)
        if found is None:
            found = self._distractors[cache_key] = distractors.assess(
                self.sentences[index].text, value.span.start, value.span.end, value.value)
        return found

    def resolve(self, index: int, clause: clause_split.Clause, group: int, window: int,
                mentioned: frozenset = frozenset()) -> tuple[float, str]:
        """How sure it is that a value in `clause` of sentence `index` is about the subject of
        rules of `group` (whose own words name the phrases `mentioned`), and how it was found;
        (0, why) when it is about another subject or none is found. Worked out once for the
        rules that share all four."""
        cache_key = (index, clause, group, window, mentioned & self.catalog.names if mentioned else None)
        found = self._resolved.get(cache_key)
        if found is None:
            found = self._resolved[cache_key] = self._resolve(index, clause, group, window, mentioned)
        return found

    def _context_strength(self, group: int) -> float:
        """A subject named only in the heading, header or next sentence: weak (on the held-out
        corpora, three statements in four found this way were wrong), but never weaker than
        the document's own subject when the document is about it too."""
        return max(STRENGTH["context"], STRENGTH["document"] if group in self.subject_groups else 0.0)

    def _resolve(self, index: int, clause: clause_split.Clause, group: int, window: int,
                 mentioned: frozenset) -> tuple[float, str]:
        catalog = self.catalog

        def sort(found: list[Named]) -> tuple[list[Named], list[Named]]:
            relations = [(n, catalog.relation(group, n, mentioned)) for n in found]
            return [n for n, r in relations if r == "ours"], [n for n, r in relations if r == "other"]

        sentence = self.sentences[index]
        named = self.named(index)
        ours, others = sort([n for n in named if clause.start <= n.start < clause.end])
        if ours and all(n.phrase not in catalog.names for n in ours):
            # "A polio vaccine created by Albert Sabin … was licensed in 1960": a generic phrase
            # of ours, and the name of another subject beside it, in this sentence: it is that one.
            _, named_others = sort([n for n in named if n.phrase in catalog.names])
            if named_others:
                return 0.0, f"'{ours[0].text}' is '{named_others[0].text}' here, another subject"
        if ours:
            return STRENGTH["clause"], f"'{ours[0].text}' named in the clause"
        if others:
            return 0.0, f"the clause is about '{others[0].text}', another subject"
        if clause.kind == "relative" and clause.attached_to > 0:
            attached = [n for n in named if n.end == clause.attached_to]
            antecedent = _word_before(sentence.text, clause.attached_to)
            if attached and sort(attached)[1]:
                return 0.0, f"the relative clause is about '{attached[0].text}', another subject"
            if not attached and antecedent[:1].isupper():
                return 0.0, f"the relative clause is about '{antecedent}', not the subject"
        ours, others = sort(named)
        if ours:
            return STRENGTH["sentence"], f"'{ours[0].text}' named in the sentence"
        following = index + 1
        ahead = following < len(self.sentences) and self.sentences[following].paragraph == sentence.paragraph
        if others and clause.kind == "subordinate" and ahead:  # "X is discussed after someone has failed to …"
            ours, more = sort(self.named(following))
            if ours and not more:
                return self._context_strength(group), f"'{ours[0].text}' named in the next sentence"
        if others:
            return 0.0, f"the sentence names '{others[0].text}', another subject"
        words = self.words(index)
        anaphor = refers_back(words.lowers, catalog, group)
        reach = window
        for back in range(1, reach + 1):
            earlier = index - back
            if earlier < 0:
                break
            ours, others = sort(self.named(earlier))
            if ours or others:
                line = self.sentences[earlier].line
                if not ours:
                    return 0.0, f"the nearest subject named before is '{others[0].text}' (line {line})"
                if anaphor:
                    return STRENGTH["anaphor"], f"'{anaphor}' refers to '{ours[0].text}' (line {line})"
                return STRENGTH["before"], f"'{ours[0].text}' named {back} sentence(s) before (line {line})"
        for label, text in (("heading", self.layout.heading(index)), ("table header", self.layout.header(index)),
                            ("timeline entry under it", self.layout.entry_under(index))):
            if text:
                ours, others = sort(self.named_in_text(text))
                if ours:
                    return self._context_strength(group), f"named in the {label} \"{' '.join(text.split())[:60]}\""
                if others:
                    return 0.0, f"the {label} names '{others[0].text}', another subject"
        if ahead:
            ours, others = sort(self.named(following))
            if ours and not others:
                return self._context_strength(group), f"'{ours[0].text}' named in the next sentence"
        if group in self.subject_groups:
            return STRENGTH["document"], f"the document is about it ({self.subject_how})"
        return 0.0, "the subject is not named in it, nearby, or as the document's subject"


def _cells(row: str) -> list[tuple[str, int]]:
    """A table row's cells with their offsets, outer bars left out ("| a | b |": a, b)."""
    cells, start = [], 0
    for border in _CELL_BORDER.finditer(row):
        cells.append((row[start:border.start()], start))
        start = border.end()
    cells.append((row[start:], start))
    return [(c, o) for c, o in cells if c.strip()] if row.strip().startswith("|") else cells


def _year_of(found: Found) -> int | None:
    """The year a date value names, as written ("about 1990" names 1990; "the 1980s", a decade,
    and "2019–2021", a range, name none)."""
    if found.value.granularity not in ("day", "month", "year"):
        return None
    years = _YEAR_DIGITS.findall(found.value.raw)
    return int(years[-1]) if years else None


def _merged(found: list[Found], more: list[Found]) -> list[Found]:
    """`found` plus those of `more` that overlap none of them, in order."""
    extra = [m for m in more if all(m.span.end <= f.span.start or m.span.start >= f.span.end for f in found)]
    return sorted(found + extra, key=lambda f: f.span.start) if extra else found


_CONNECTORS = frozenset("of the and on at for in to de du von van & a an".split())


def _title_runs(words: list[str]) -> frozenset[int]:
    """The words inside a name or a title written in capitals ("Health Effects of the
    Chernobyl Accident", "Food and Drug Administration"): three capitalized words or more,
    four at the start of a sentence. Their words name something; they state nothing."""
    found: set[int] = set()
    run: list[int] = []
    capitals = 0

    def close(end: int) -> None:
        nonlocal run, capitals
        while run and words[run[-1]].lower() in _CONNECTORS:
            run.pop()
        if capitals >= (4 if run and run[0] == 0 else 3):
            found.update(run)
        run, capitals = [], 0

    for i, word in enumerate(words):
        if word[:1].isupper() and not word.isdigit():
            run.append(i)
            capitals += 1
        elif run and word.lower() in _CONNECTORS and not (i > 1 and words[i - 1].lower() in _CONNECTORS
                                                          and words[i - 2].lower() in _CONNECTORS):
            run.append(i)
        else:
            close(i)
    close(len(words))
    return frozenset(found)


def _word_before(text: str, offset: int) -> str:
    words = WORD.findall(text[:offset])
    return words[-1] if words else ""
