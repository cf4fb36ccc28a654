#!/usr/bin/env python3
"""Generate a reproducible corpus of invented articles, rules about them, and the truth.

    python scripts/generate_corpus.py --docs 1000 --rules 25 --seed 1 --out /tmp/corpus

writes OUT/sources/doc-00001.txt … (articles of ~8 KB: headings, filler paragraphs
with distractor numbers, and a random subset of facts stated in varied wording),
OUT/rules/generated.yaml (facts about invented drugs, bridges, companies and species;
kinds year, percent, count, duration and dose) and OUT/truth.csv: one row per
statement written — doc, rule, kind, line, the value as worded, the true value, and
whether it is a conflicting value (a `--conflicts` share of documents gives one of
its facts a wrong value, in every statement of it). Same arguments, same bytes.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import io
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_vocabulary as vocab  # noqa: E402

GENERATOR_VERSION = 1  # bump when the output for a seed changes (bench_scale keys its cache on it)
KINDS = ("year", "percent", "count", "duration", "dose")
TRUTH_COLUMNS = ("doc", "rule", "kind", "line", "value", "true_value", "conflicting")
SIZE_RANGE = (5500, 10500)  # bytes per document, drawn uniformly: about 8 KB on average
STATE_PROBABILITY = 0.7  # each fact of a subject a document covers is stated with this chance
ALIAS_PROBABILITY = 0.2  # a fact sentence names the subject by its alias
PRONOUN_PROBABILITY = 0.35  # after a sentence naming the subject, "It was approved in 1994."
PAIR_PROBABILITY = 0.3  # two facts of a subject in one sentence
FACT_BOX_PROBABILITY = 0.15  # a "key facts" box after a subject's paragraphs


# ---------------------------------------------------------------- subjects and rules


@dataclass(frozen=True)
class Subject:
    """An invented thing the facts are about."""

    family: str
    name: str  # "Velmora Bridge"
    article: str  # "the" or ""
    alias: str
    details: dict = field(hash=False, compare=False)  # indication, river, sector, ...

    def called(self, alias: bool = False) -> str:
        return " ".join(w for w in (self.article, self.alias if alias else self.name) if w)


@dataclass(frozen=True)
class FactRule:
    """One generated rule: a fact type of a subject, with its true value."""

    id: str
    subject: Subject
    fact: str
    spec: dict = field(hash=False, compare=False)
    truth: int | str = 0


def invent_rules(count: int, seed: int) -> list[FactRule]:
    """`count` fact rules over invented subjects; every kind appears when count >= 5."""
    for attempt in range(1000):
        rng = random.Random(f"{seed}/rules/{count}/{attempt}")
        rules = _draw_rules(rng, count)
        if count < len(KINDS) or {r.spec["kind"] for r in rules} >= set(KINDS):
            return rules
    raise RuntimeError("could not draw rules covering every kind")  # pragma: no cover


def _draw_rules(rng: random.Random, count: int) -> list[FactRule]:
    families = list(vocab.FAMILIES)
    rng.shuffle(families)
    rules: list[FactRule] = []
    taken: list[str] = []
    while len(rules) < count:
        family = families[len(taken) % len(families)]
        subject = _invent_subject(rng, family, taken)
        facts = vocab.FAMILIES[family]["facts"]
        for fact in rng.sample(sorted(facts), min(rng.randint(2, 3), count - len(rules))):
            spec = facts[fact]
            truth = VALUE_DRAWS[spec["value"]](rng)
            rules.append(FactRule(f"{_slug(subject.name)}-{fact}", subject, fact, spec, truth))
    return rules


def _syllable(rng: random.Random) -> str:
    return rng.choice(vocab.ONSETS) + rng.choice(vocab.VOWELS) + rng.choice(vocab.CODAS)


def _invent_subject(rng: random.Random, family: str, taken: list[str]) -> Subject:
    """A name unlike every name taken so far, so no subject is read as another."""
    suffixes = {"drug": vocab.DRUG_SUFFIXES, "company": vocab.COMPANY_ENDINGS}.get(family, vocab.PLACE_SUFFIXES)
    while True:
        key = _syllable(rng) + _syllable(rng) + rng.choice(suffixes)
        if len(key) <= 13 and all(difflib.SequenceMatcher(None, key, t).ratio() < 0.75 for t in taken):
            taken.append(key)
            break
    details = {
        "indication": rng.choice(vocab.INDICATIONS), "drugclass": rng.choice(vocab.DRUG_CLASSES),
        "river": rng.choice(vocab.RIVERS), "style": rng.choice(vocab.STYLES), "sector": rng.choice(vocab.SECTORS),
        "region": rng.choice(vocab.REGIONS), "animal": rng.choice(vocab.ANIMALS),
    }
    name = key.capitalize()
    if family == "drug":
        return Subject(family, key, "", _syllable(rng).capitalize() + rng.choice(vocab.BRAND_SUFFIXES), details)
    if family == "bridge":
        return Subject(family, f"{name} Bridge", "the", f"{name} crossing", details)
    if family == "company":
        return Subject(family, f"{name} {rng.choice(vocab.COMPANY_SUFFIXES)}", "", name, details)
    animal = details["animal"]
    return Subject(family, f"{name} {animal}", "the", f"{vocab.GENERA[animal]} {key}ensis", details)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---------------------------------------------------------------- true and conflicting values

DOSES = ("0.1", "0.25", "0.5", "0.75", "1", "1.5", "2", "2.5", "3", "5")
DURATION_UNITS = {"weeks": "weeks", "build_years": "years", "life_years": "years"}


def _nice(x: float, digits: int = 2) -> int:
    """x rounded to `digits` significant digits: 4213 -> 4200."""
    if x < 10:
        return max(1, round(x))
    scale = 10 ** (int(math.log10(x)) + 1 - digits)
    return int(round(x / scale) * scale)


VALUE_DRAWS = {
    "year": lambda rng: rng.randint(1985, 2022),
    "early_year": lambda rng: rng.randint(1950, 1984),  # synthesis comes before approval
    "old_year": lambda rng: rng.randint(1840, 2010),
    "percent": lambda rng: rng.randint(12, 88),
    "growth": lambda rng: rng.randint(3, 40),
    "trials": lambda rng: rng.randint(3, 40),
    "workers": lambda rng: _nice(rng.uniform(150, 4000)),
    "traffic": lambda rng: _nice(rng.uniform(3000, 90000)),
    "employees": lambda rng: _nice(rng.uniform(60, 60000)),
    "population": lambda rng: _nice(rng.uniform(40, 20000)),
    "weeks": lambda rng: rng.randint(2, 16),
    "build_years": lambda rng: rng.randint(2, 12),
    "life_years": lambda rng: rng.randint(2, 30),
    "dose": lambda rng: rng.choice(DOSES),
}


def conflicting_value(rng: random.Random, rule: FactRule):
    """A value that no wording of the true value agrees with, whatever the rule's tolerance."""
    kind, value = rule.spec["kind"], rule.truth
    if kind == "year":
        return min(2024, value + rng.choice((-1, 1)) * rng.randint(3, 15))
    if kind == "percent":
        delta = rng.randint(12, 30)
        return rng.choice([v for v in (value - delta, value + delta) if 2 <= v <= 98])
    if kind == "dose":
        ratio = rng.choice((0.5, 2.0, 3.0))
        return min(DOSES, key=lambda d: abs(float(d) - float(value) * ratio) if d != value else math.inf)
    changed = max(2, _nice(value * rng.choice((0.4, 0.5, 2, 3))))
    return changed if changed != value else value * 3


def plain_text(rule: FactRule, value=None) -> str:
    """A value as a rule's `expected` or a fact box writes it: '1994', '41%', '4,200', '6 weeks'."""
    kind = rule.spec["kind"]
    value = rule.truth if value is None else value
    if kind == "percent":
        return f"{value}%"
    if kind == "duration":
        return f"{value} {DURATION_UNITS[rule.spec['value']]}"
    if kind == "dose":
        return f"{value} mg/kg"
    return digits(value) if kind == "count" else str(value)


# ---------------------------------------------------------------- wording a value
# Every wording of a value holds it: "about" a round number within 4%, "nearly" a number
# at most 10% above, "more than" / "at least" below, "up to" above, a range around it.

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str | None:
    """'forty-one', 'three hundred', 'twelve thousand'; None when prose would use digits."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000 and n % 100 == 0:
        return f"{ONES[n // 100]} hundred"
    if n < 100000 and n % 1000 == 0:
        return f"{number_words(n // 1000)} thousand"
    return None


def digits(n: int) -> str:
    return f"{n:,}"


def _around(n: int) -> int:
    """A round number whose 'about' interval (±5%) holds n, with room to spare."""
    rounded = _nice(n, 1) if n >= 10 else n
    return rounded if abs(rounded - n) < 0.04 * rounded else n


def _numeric_phrases(rng: random.Random, n: int, unit: str, word_unit: str | None = None) -> list[tuple[str, int]]:
    """Weighted ways to state n; the first two are the plain and the "about" wording."""
    word_unit = unit if word_unit is None else word_unit
    step = max(1, 10 ** max(0, int(math.log10(n)) - 1))
    low, high = n - step * rng.randint(1, 3), n + step * rng.randint(1, 3)
    nearly = next((u for u in range(n + step, n + 4 * step, step) if n >= 0.9 * u + 0.5), None)
    options = [(f"{digits(n)}{unit}", 6), (f"about {digits(_around(n))}{unit}", 2),
               (f"roughly {digits(_around(n))}{unit}", 1), (f"up to {digits(high)}{unit}", 1)]
    if low >= 2:  # never "at least 1 weeks"
        options += [(f"more than {digits(low)}{unit}", 1), (f"at least {digits(low)}{unit}", 1),
                    (f"between {digits(low)} and {digits(high)}{unit}", 1)]
    if number_words(n):
        options.append((f"{number_words(n)}{word_unit}", 3))
    if nearly:
        options.append((f"nearly {digits(nearly)}{unit}", 1))
    return options


def _pick(rng: random.Random, options: list[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def state_value(rng: random.Random, rule: FactRule, value, plain: bool) -> tuple[str, str]:
    """(phrase for the sentence, the value as truth.csv records it).

    `plain` keeps to the plain and "about" wordings (a conflicting value is stated so).
    """
    kind = rule.spec["kind"]
    if kind == "year":
        return _state_year(rng, value)
    if kind == "dose":
        phrase = _state_dose(rng, value, plain)
        return phrase, phrase
    if kind == "percent":
        options = _numeric_phrases(rng, value, rng.choice(("%", "%", "%", " percent", " per cent")), " percent")
    elif kind == "duration":
        options = _numeric_phrases(rng, value, " " + DURATION_UNITS[rule.spec["value"]])
    else:
        options = _numeric_phrases(rng, value, "")
        dozen = {12: "a dozen", 6: "half a dozen"}.get(value)
        options += [(dozen, 1)] if dozen else []
    phrase = _pick(rng, options[:2] if plain else options)
    return phrase, phrase


def _state_year(rng: random.Random, year: int) -> tuple[str, str]:
    month = rng.choice(vocab.MONTH_NAMES)
    forms = [(f"in {year}", str(year), 8), (f"in {month} {year}", f"{month} {year}", 1),
             (f"on {month} {rng.randint(1, 28)}, {year}", None, 1),
             (f"in {rng.choice(('early', 'late'))} {year}", None, 1), (f"around {year}", None, 1)]
    phrase, recorded, _ = rng.choices(forms, weights=[w for *_, w in forms])[0]
    return phrase, recorded or phrase.removeprefix("in ").removeprefix("on ")


def _state_dose(rng: random.Random, dose: str, plain: bool) -> str:
    index = DOSES.index(dose)
    low, high = DOSES[max(0, index - 1)], DOSES[min(len(DOSES) - 1, index + 1)]
    forms = [(f"{dose} mg/kg", 5), (f"about {dose} mg/kg", 1), (f"{dose} mg per kg", 1),
             (f"{dose} milligrams per kilogram", 1), (f"{dose} mg/kg of body weight", 1), (f"up to {high} mg/kg", 1),
             (f"{low} to {high} mg/kg", 1), (f"between {low} and {high} mg/kg", 1)]
    return _pick(rng, forms[:2] if plain else forms)


# ---------------------------------------------------------------- sentences


_DRAWS = {  # placeholder -> how to draw its value (given the sentence's slots, for linked values)
    "Surname": lambda slots, rng: rng.choice(vocab.SURNAMES),
    "First": lambda slots, rng: rng.choice(vocab.FIRST_NAMES),
    "age": lambda slots, rng: rng.randint(28, 79),
    "year": lambda slots, rng: rng.randint(1990, 2023),
    "later_year": lambda slots, rng: min(2024, slots["year"] + rng.randint(1, 5)),
    "old_year": lambda slots, rng: rng.randint(1820, 1950),
    "before": lambda slots, rng: rng.randint(1900, 1990),
    "after": lambda slots, rng: rng.randint(1995, 2024),
    "n": lambda slots, rng: digits(_nice(rng.uniform(40, 9000))),
    "small": lambda slots, rng: rng.choice((str(rng.randint(2, 12)), ONES[rng.randint(2, 12)])),
    "pct": lambda slots, rng: rng.randint(5, 95),
    "pct2": lambda slots, rng: rng.randint(5, 95),
    "fn": lambda slots, rng: rng.randint(1, 12),
    "place": lambda slots, rng: rng.choice(vocab.PLACES),
    "place2": lambda slots, rng: rng.choice([p for p in vocab.PLACES if p != slots["place"]]),
    "org": lambda slots, rng: rng.choice(vocab.ORGS),
    "Org": lambda slots, rng: _capital(rng.choice(vocab.ORGS)),
    "group": lambda slots, rng: rng.choice(vocab.GROUPS),
    "profession": lambda slots, rng: rng.choice(vocab.PROFESSIONS),
    "month": lambda slots, rng: rng.choice(vocab.MONTH_NAMES),
    "month2": lambda slots, rng: rng.choice(vocab.MONTH_NAMES),
    "decade": lambda slots, rng: rng.choice((1970, 1980, 1990, 2000)),
    "pages": lambda slots, rng: rng.randint(60, 400),
    "dmax": lambda slots, rng: rng.choice((20, 40, 60, 100)),
    "minutes": lambda slots, rng: rng.randint(20, 90),
}


class Slots(dict):
    """The values of one sentence's placeholders, drawn on first use (a name repeats its value)."""

    def __init__(self, rng: random.Random, fixed: dict):
        super().__init__(fixed)
        self.rng = rng

    def __missing__(self, key: str):
        self[key] = value = _DRAWS[key](self, self.rng)
        return value


@dataclass
class Sentence:
    """One sentence, and the statements of facts it makes: (rule, recorded value, conflicting)."""

    text: str
    names_subject: bool = False
    pronoun: bool = False
    statements: list = field(default_factory=list)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def write_sentence(rng: random.Random, template: str, fixed: dict) -> str:
    return _capital(template.format_map(Slots(rng, fixed)))


def subject_slots(rng: random.Random, subject: Subject, alias: bool = False) -> dict:
    return {**subject.details, "S": subject.called(alias), "A": subject.alias, "name": subject.called(),
            "P": rng.choice(vocab.FAMILIES[subject.family]["pronouns"])}


class DocumentRandom(random.Random):
    """The random source of one document; filler templates come from a shuffled deck, so
    a document repeats none until it has used them all."""

    def filler_template(self) -> str:
        if not getattr(self, "_deck", None):
            self._deck = self.sample(vocab.FILLER, len(vocab.FILLER))
        return self._deck.pop()


def filler(rng: DocumentRandom) -> Sentence:
    return Sentence(write_sentence(rng, rng.filler_template(), {}))


def near_miss(rng: random.Random, subject: Subject) -> Sentence:
    """A sentence naming the subject, with numbers, but stating none of its facts."""
    template = rng.choice(vocab.FAMILIES[subject.family]["near_misses"])
    return Sentence(write_sentence(rng, template, subject_slots(rng, subject)), names_subject=True)


@dataclass
class Telling:
    """What one document says: each rule's value in it (one rule may get a conflicting one)."""

    values: dict
    conflict: FactRule | None

    def state(self, rng: random.Random, rule: FactRule) -> tuple[str, tuple]:
        phrase, recorded = state_value(rng, rule, self.values[rule.id], plain=rule is self.conflict)
        return phrase, (rule, recorded, rule is self.conflict)


def fact_sentence(rng: random.Random, rule: FactRule, telling: Telling, after_naming: bool) -> Sentence:
    """One statement of a fact; after a sentence naming the subject, maybe with a pronoun."""
    spec = rule.spec
    pronoun = after_naming and rng.random() < PRONOUN_PROBABILITY
    template = rng.choice(spec["pronoun_templates"] if pronoun else spec["templates"])
    phrase, statement = telling.state(rng, rule)
    while "at {V}" in template and phrase.startswith("at "):  # never "estimated at at least 400"
        phrase, statement = telling.state(rng, rule)
    slots = {**subject_slots(rng, rule.subject, alias=rng.random() < ALIAS_PROBABILITY), "V": phrase, "Vc": phrase}
    if spec["kind"] == "year":  # distractor years either side of the stated one
        year = int(re.findall(r"\d{4}", statement[1])[-1])
        slots.update(before=year - rng.randint(2, 9), after=min(2024, year + rng.randint(2, 15)))
    return Sentence(write_sentence(rng, template, slots), names_subject=not pronoun, pronoun=pronoun,
                    statements=[statement])


def pair_sentence(rng: random.Random, first: FactRule, second: FactRule, template: str, telling: Telling) -> Sentence:
    """Two facts of one subject stated in one sentence."""
    (v1, s1), (v2, s2) = telling.state(rng, first), telling.state(rng, second)
    slots = subject_slots(rng, first.subject, alias=rng.random() < ALIAS_PROBABILITY)
    return Sentence(write_sentence(rng, template, {**slots, "V1": v1, "V2": v2}), names_subject=True,
                    statements=[s1, s2])


# ---------------------------------------------------------------- documents


@dataclass
class Block:
    """A heading or a paragraph (its sentences on one line), or a box (one line per sentence)."""

    lines: list[Sentence]
    boxed: bool = False

    def text(self) -> str:
        return ("\n" if self.boxed else " ").join(line.text for line in self.lines)


def heading(text: str) -> Block:
    return Block([Sentence(_capital(text))])


def fact_box(rng: random.Random, subject: Subject, rules: list[FactRule], telling: Telling) -> Block:
    """A "key facts" box: a line naming the subject, then a bullet per fact, some of them no rule's."""
    bullets = []
    for rule in rng.sample(rules, min(len(rules), rng.randint(2, 4))):
        recorded = plain_text(rule, telling.values[rule.id])
        bullets.append(Sentence(f"- {rule.spec['label']}: {recorded}",
                                statements=[(rule, recorded, rule is telling.conflict)]))
    extras = vocab.FAMILIES[subject.family]["box_extras"]
    for template in rng.sample(extras, rng.randint(0, 2)):
        text = write_sentence(rng, template, subject_slots(rng, subject))
        bullets.insert(rng.randint(0, len(bullets)), Sentence(f"- {text}"))
    return Block([Sentence(f"{_capital(subject.called())}: key facts", names_subject=True), *bullets], boxed=True)


def subject_section(rng: DocumentRandom, subject: Subject, stated: list[FactRule], rules: list[FactRule],
                    telling: Telling) -> list[Block]:
    """A heading, paragraphs stating the facts among fillers, maybe a fact box, a closing paragraph.

    The closing paragraph names no subject and is at least four sentences long, so a
    fact of the next section is never within a rule's subject window of this subject.
    """
    intro = rng.choice(vocab.FAMILIES[subject.family]["intros"])
    lines = [Sentence(write_sentence(rng, intro, subject_slots(rng, subject)), names_subject=True)]
    for told in _group_pairs(rng, subject, stated):
        for _ in range(rng.choice((0, 1, 1, 2))):
            lines.append(near_miss(rng, subject) if rng.random() < 0.4 else filler(rng))
        if len(told) == 3:
            lines.append(pair_sentence(rng, *told, telling))
        else:
            lines.append(fact_sentence(rng, told[0], telling, lines[-1].names_subject))
    lines.extend(near_miss(rng, subject) if rng.random() < 0.5 else filler(rng) for _ in range(rng.randint(2, 5)))
    blocks = [heading(rng.choice(vocab.SECTION_HEADINGS).format(name=subject.called())), *_paragraphs(rng, lines)]
    if rng.random() < FACT_BOX_PROBABILITY:
        blocks.append(fact_box(rng, subject, [r for r in rules if r.subject is subject], telling))
    return blocks + [Block([filler(rng) for _ in range(rng.randint(4, 6))])]


def _group_pairs(rng: random.Random, subject: Subject, stated: list[FactRule]) -> list[tuple]:
    """The facts to state, in order: (rule,) alone or (first, second, template) together."""
    by_fact = {r.fact: r for r in stated}
    told, paired = [], set()
    for first, second, template in vocab.FAMILIES[subject.family]["pairs"]:
        if first in by_fact and second in by_fact and not {first, second} & paired and rng.random() < PAIR_PROBABILITY:
            told.append((by_fact[first], by_fact[second], template))
            paired |= {first, second}
    told += [(r,) for r in stated if r.fact not in paired]
    rng.shuffle(told)
    return told


def _paragraphs(rng: random.Random, lines: list[Sentence]) -> list[Block]:
    """Sentences cut into paragraphs of 2-5, never just before a pronoun."""
    blocks, current = [], []
    target = rng.randint(2, 5)
    for line in lines:
        if len(current) >= target and not line.pronoun:
            blocks.append(Block(current))
            current, target = [], rng.randint(2, 5)
        current.append(line)
    return blocks + [Block(current)] if current else blocks


def neutral_section(rng: DocumentRandom, headings: list[str]) -> list[Block]:
    paragraphs = [Block([filler(rng) for _ in range(rng.randint(3, 6))]) for _ in range(rng.randint(2, 4))]
    last = paragraphs[-1].lines[-1]
    if rng.random() < 0.3 and not last.text.endswith(")"):  # a footnote marker, as scraped pages keep them
        last.text += f"({rng.randint(1, 12)})"
    title = headings.pop() if headings else rng.choice(vocab.NEUTRAL_HEADINGS)
    return [heading(write_sentence(rng, title, {})), *paragraphs]


def references(rng: random.Random) -> list[Block]:
    blocks = [heading("References")]
    for number in range(1, rng.randint(3, 6) + 1):
        authors = ", ".join(f"{rng.choice(vocab.SURNAMES)} {rng.choice('ABCDEFGHJKLMNPRST')}"
                            for _ in range(rng.randint(1, 3)))
        page = rng.randint(1, 400)
        title, journal = rng.choice(vocab.PAPER_TITLES), rng.choice(vocab.JOURNALS)
        year, volume, issue, last = rng.randint(1990, 2023), rng.randint(1, 60), rng.randint(1, 12), rng.randint(3, 30)
        blocks.append(Block([Sentence(f"{number}. {authors}. {title}. {journal}. "
                                      f"{year};{volume}({issue}):{page}-{page + last}.")]))
    return blocks


def document(seed: int, index: int, rules: list[FactRule], conflicting: bool) -> tuple[str, list[tuple]]:
    """One article: its text and its statements as (rule, line, recorded value, conflicting)."""
    rng = DocumentRandom(f"{seed}/doc/{index}")
    subjects = list(dict.fromkeys(r.subject for r in rules))
    covered = rng.sample(subjects, min(len(subjects), rng.choice((1, 1, 2, 2, 2, 3))))
    stated = {}
    for subject in covered:
        own = [r for r in rules if r.subject is subject]
        stated[subject] = [r for r in own if rng.random() < STATE_PROBABILITY] or [rng.choice(own)]
        rng.shuffle(stated[subject])
    conflict = rng.choice([r for rs in stated.values() for r in rs]) if conflicting else None
    values = {r.id: r.truth for r in rules}
    if conflict:
        values[conflict.id] = conflicting_value(rng, conflict)
    telling = Telling(values, conflict)

    byline = (f"By {rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.SURNAMES)} | Updated "
              f"{rng.choice(vocab.MONTH_NAMES)} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}")
    head = [heading(rng.choice(vocab.TITLES).format(name=covered[0].called(), place=rng.choice(vocab.PLACES))),
            heading(byline), heading(rng.choice(vocab.INTRO_HEADINGS)),
            Block([filler(rng) for _ in range(rng.randint(3, 5))])]
    sections = [subject_section(rng, s, stated[s], rules, telling) for s in covered]
    tail = references(rng)
    headings = rng.sample(vocab.NEUTRAL_HEADINGS, len(vocab.NEUTRAL_HEADINGS))
    size = sum(len(b.text()) + 2 for b in head + tail + [b for s in sections for b in s])
    target = rng.uniform(*SIZE_RANGE)
    while size < target:
        section = neutral_section(rng, headings)
        sections.insert(rng.randint(0, len(sections)), section)
        size += sum(len(b.text()) + 2 for b in section)
    return _render(head + [b for s in sections for b in s] + tail)


def _render(blocks: list[Block]) -> tuple[str, list[tuple]]:
    """The text (blocks apart by a blank line) and each statement with its line."""
    statements, line_number = [], 1
    for block in blocks:
        for offset, line in enumerate(block.lines):
            where = line_number + offset if block.boxed else line_number
            statements.extend((rule, where, recorded, conflict) for rule, recorded, conflict in line.statements)
        line_number += (len(block.lines) if block.boxed else 1) + 1
    return "\n\n".join(b.text() for b in blocks) + "\n", statements


# ---------------------------------------------------------------- files


def rules_yaml(rules: list[FactRule], seed: int) -> str:
    import yaml

    entries = []
    for rule in rules:
        spec, subject = rule.spec, rule.subject
        entry = {"id": rule.id, "question": spec["question"].format(name=subject.called()),
                 "subject": [subject.name, subject.alias], "cues": list(spec["cues"]), "kind": spec["kind"]}
        if "unit" in spec:
            entry["unit"] = spec["unit"]
        if spec.get("tolerance"):
            entry["tolerance"] = spec["tolerance"]
        entry["severity"] = "error" if spec["kind"] in ("year", "dose") else "warning"
        entry["expected"] = {"value": plain_text(rule), "reference": "the generator's truth"}
        entries.append(entry)
    header = (f"# Generated by scripts/generate_corpus.py (--rules {len(rules)} --seed {seed}, generator "
              f"version {GENERATOR_VERSION}).\n# Invented facts about invented things; the corpus states them.\n")
    return header + yaml.safe_dump({"rules": entries}, sort_keys=False, allow_unicode=True, width=120)


def generate(out: str | Path, docs: int, rules: int, seed: int, conflicts: float = 0.1) -> dict:
    """Write the corpus under `out` and return a summary (documents, rules, bytes, statements)."""
    out = Path(out)
    fact_rules = invent_rules(rules, seed)
    conflicting = set(random.Random(f"{seed}/conflicts/{docs}").sample(range(docs), round(conflicts * docs)))
    (out / "sources").mkdir(parents=True, exist_ok=True)
    (out / "rules").mkdir(parents=True, exist_ok=True)
    truth = io.StringIO()
    writer = csv.writer(truth, lineterminator="\n")
    writer.writerow(TRUTH_COLUMNS)
    size = statements = 0
    for index in range(docs):
        doc_id = f"doc-{index + 1:05d}"
        text, stated = document(seed, index, fact_rules, index in conflicting)
        data = text.encode("utf-8")
        (out / "sources" / f"{doc_id}.txt").write_bytes(data)
        size += len(data)
        for rule, line, value, conflict in stated:
            writer.writerow((doc_id, rule.id, rule.spec["kind"], line, value, plain_text(rule), int(conflict)))
        statements += len(stated)
    (out / "rules" / "generated.yaml").write_text(rules_yaml(fact_rules, seed), encoding="utf-8", newline="\n")
    (out / "truth.csv").write_text(truth.getvalue(), encoding="utf-8", newline="\n")
    return {"docs": docs, "rules": len(fact_rules), "bytes": size, "statements": statements,
            "conflicting_docs": len(conflicting)}


def clear(out: Path) -> None:
    """Remove what an earlier run wrote under `out` (and nothing else)."""
    for path in (out / "sources").glob("doc-*.txt"):
        path.unlink()
    for path in (out / "rules" / "generated.yaml", out / "truth.csv"):
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--rules", type=int, required=True, help="number of rules (facts)")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same bytes (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--conflicts", type=float, default=0.1,
                        help="share of documents giving one fact a conflicting value (default 0.1)")
    parser.add_argument("--force", action="store_true", help="replace a corpus already written in --out")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.rules < 1 or not 0 <= args.conflicts <= 1:
        parser.error("--docs and --rules must be at least 1, --conflicts between 0 and 1")
    if (args.out / "truth.csv").exists() or any((args.out / "sources").glob("*.txt")):
        if not args.force:
            parser.error(f"{args.out} already holds a corpus; use --force to replace it")
        clear(args.out)
    start = time.perf_counter()
    summary = generate(args.out, args.docs, args.rules, args.seed, args.conflicts)
    print(f"wrote {summary['docs']} documents ({summary['bytes'] / 1e6:.1f} MB), {summary['rules']} rules and "
          f"{summary['statements']} statements ({summary['conflicting_docs']} documents with a conflicting value) "
          f"to {args.out} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
