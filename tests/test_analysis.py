"""The document side of extraction, phenomenon by phenomenon: sentences written here."""
from __future__ import annotations

import pytest

from factcheck.analysis import clauses, words
from factcheck.analysis.structure import Layout
from factcheck.analysis.subjects import SubjectCatalog, named_in
from factcheck.segment import split_sentences

# ---------------------------------------------------------------- word keys

KEYS = [
    ("approval", "approve"), ("approved", "approve"), ("approving", "approve"),
    ("synthesis", "synthesize"), ("synthesised", "synthesize"), ("administration", "administer"),
    ("usage", "use"), ("used", "use"), ("response", "respond"), ("infusions", "infuse"),
    ("discovery", "discover"), ("vaccination", "vaccinate"), ("introduction", "introduce"),
    ("anaesthetic", "anesthetic"), ("authorised", "authorize"), ("deaths", "die"), ("efficacy", "effective"),
    ("children", "child"), ("doses", "dose"),
    # not one family: a real word never becomes another
    ("effective", "effective"), ("effects", "effect"), ("monthly", "monthly"), ("months", "month"),
    ("trial", "trial"), ("medical", "medical"), ("station", "station"), ("population", "population"),
]


@pytest.mark.parametrize("word, expected", KEYS, ids=[k[0] for k in KEYS])
def test_word_keys(word, expected):
    assert words.key(word) == expected


@pytest.mark.parametrize("word, meant", [("inagurated", "inaugurated"), ("aproved", "approved")])
def test_a_misspelling_of_a_rule_word_is_read_as_it(word, meant):
    spelling = words.Spelling(["inaugurated", "approved"])
    assert words.typo_of(word, spelling) == meant


@pytest.mark.parametrize("word", ["affective", "reflective", "approve"])
def test_a_real_word_is_never_a_typo(word):
    assert words.typo_of(word, words.Spelling(["effective", "approved"])) is None


# ---------------------------------------------------------------- clauses

def clause_of(sentence: str, value: str) -> tuple[str, str, str | None]:
    found = clauses.split(sentence)
    clause = clauses.clause_at(found, sentence.index(value))
    return clause.kind, sentence[clause.start:clause.end].strip(" ,;."), clause.negation


CLAUSES = [
    ("relative clause about another thing", "Ketamine is more potent than PCP, which was synthesized in 1926.", "1926",
     ("relative", "which was synthesized in 1926", None)),
    ("two predicates joined by a bare 'and'", "Ketamine was synthesized in 1962 and approved in 1970.", "1970",
     ("coordinate", "and approved in 1970", None)),
    ("'and' without a new verb cuts nothing",
     "It was approved for depression in 2019 and for suicidal ideation in 2020.", "2020",
     ("main", "It was approved for depression in 2019 and for suicidal ideation in 2020", None)),
    ("a participial phrase set off by commas", "Ketamine, first synthesized in 1962, was approved in 1970.", "1962",
     ("participle", "first synthesized in 1962", None)),
    ("the main clause around it", "Ketamine, first synthesized in 1962, was approved in 1970.", "1970",
     ("main", "Ketamine, first synthesized in 1962, was approved in 1970", None)),
    ("an introductory phrase cuts nothing", "In 1996, the FDA approved Lipitor.", "1996",
     ("main", "In 1996, the FDA approved Lipitor", None)),
    ("a parenthesis is a clause of its own", "Lipitor lowers LDL by 39-60% (depending on the dose of 10 mg).", "10 mg",
     ("parenthesis", "(depending on the dose of 10 mg)", None)),
    ("negation", "Ketamine was not effective for 20–40% of patients.", "20",
     ("main", "Ketamine was not effective for 20–40% of patients", "not")),
    ("a qualifier is no negation", "No more than 30% of patients respond.", "30",
     ("main", "No more than 30% of patients respond", None)),
    ("'not … until' says when", "The drug was not approved for diabetes in the US until 1995.", "1995",
     ("main", "The drug was not approved for diabetes in the US until 1995", None)),
    ("a subordinate clause with its own subject",
     "Treatment is discussed after an individual has failed to respond to two or more drugs.", "two",
     ("subordinate", "after an individual has failed to respond to two or more drugs", "failed to")),
    ("a condition is supposed, not stated", "If the second dose comes sooner than 5 months, give a third.", "5",
     ("condition", "If the second dose comes sooner than 5 months", None)),
    ("a condition inside a sentence", "You may need a third dose if the second comes within 5 months.", "5",
     ("condition", "if the second comes within 5 months", None)),
    ("a trailing participle", "The court upheld the refusal in 2013, finding that the form was not new.", "2013",
     ("main", "The court upheld the refusal in 2013", None)),
]


@pytest.mark.parametrize("sentence, value, expected", [c[1:] for c in CLAUSES], ids=[c[0] for c in CLAUSES])
def test_the_clause_a_value_belongs_to(sentence, value, expected):
    assert clause_of(sentence, value) == expected


# ---------------------------------------------------------------- layout

def layout_of(text: str) -> tuple[Layout, list[str]]:
    sentences = split_sentences(text, lambda offset: (1, offset + 1))
    return Layout(sentences), [s.text for s in sentences]


def test_headings_questions_rows_and_their_context():
    text = ("Lipitor facts\n\nDosage\n\nThe usual dose is 10 mg.\n\nWhen was it approved?\n\nIn December 1996.\n\n"
            "Year | Event\n1996 | FDA approval\n2011 | First generic\n\n- A list item without a stop")
    layout, texts = layout_of(text)
    kinds = {t: layout.kind(i) for i, t in enumerate(texts)}
    assert kinds["Dosage"] == "heading" and kinds["When was it approved?"] == "question"
    assert kinds["Year | Event"] == "header" and kinds["1996 | FDA approval"] == "row"
    assert kinds["- A list item without a stop"] == "item" and kinds["The usual dose is 10 mg."] == "text"
    dose = texts.index("The usual dose is 10 mg.")
    assert layout.heading(dose) == "Dosage" and layout.section_heading(dose) == "Dosage"
    assert layout.section_heading(texts.index("Dosage")) is None  # the page's first heading titles it
    assert layout.heading(texts.index("In December 1996.")) == "When was it approved?"
    assert layout.header(texts.index("2011 | First generic")) == "Year | Event"


def test_a_timeline_date_heading_has_the_entry_under_it():
    layout, texts = layout_of("History\n\n1954\n\nThe field trial of the vaccine begins.\n\n1955\n\nIt is licensed.")
    assert layout.entry_under(texts.index("1954")) == "The field trial of the vaccine begins."
    assert layout.entry_under(texts.index("1955")) == "It is licensed."
    assert layout.entry_under(texts.index("History")) is None


# ---------------------------------------------------------------- subjects

CATALOG = SubjectCatalog.of([("ketamine",), ("esketamine", "Spravato"), ("Gardasil",), ("Gardasil 9",),
                             ("depression",), ("atorvastatin", "Lipitor")])


def names(sentence: str) -> list[tuple[str, str]]:
    w = words.WORD
    found = list(w.finditer(sentence))
    keys = [words.key(m.group()) for m in found]
    result = []
    for n in named_in(sentence, keys, [m.start() for m in found], [m.end() for m in found], CATALOG):
        kinds = {CATALOG.relation(0, n), CATALOG.relation(4, n)}
        result.append((n.text, "look-alike" if -1 in n.groups else ",".join(sorted(kinds))))
    return result


SUBJECTS = [
    ("whole words only", "Esketamine is not ketamine.", [("Esketamine", "other"), ("ketamine", "other,ours")]),
    ("the longest phrase wins", "Gardasil 9 replaced Gardasil.", [("Gardasil 9", "other"), ("Gardasil", "other")]),
    ("a look-alike of a drug name", "Simvastatin came before atorvastatin.",
     [("Simvastatin", "look-alike"), ("atorvastatin", "other")]),
    ("a topic word names no other subject", "Ketamine helps with depression.",
     [("Ketamine", "other,ours"), ("depression", "neutral,ours")]),
    ("plurals and possessives", "Lipitor's sales and two Lipitors.", [("Lipitor's", "other"), ("Lipitors", "other")]),
]


@pytest.mark.parametrize("sentence, expected", [c[1:] for c in SUBJECTS], ids=[c[0] for c in SUBJECTS])
def test_subjects_named_and_what_they_are_to_a_rule(sentence, expected):
    """Relation to a ketamine rule (group 0) and to a depression rule (group 4)."""
    assert names(sentence) == expected


COUNTED = [  # the rule asks "How many UN agencies …": "UN" is its word, yet not what is counted
    ("A group of eight UN agencies reviewed the Zorvex data.", "eight", "agency"),
    ("Zorvex was given to ten healthy volunteers.", "ten", "volunteer"),
    ("In 1996, 400 FDA reviewers looked at Zorvex.", "400", "reviewer"),
]


@pytest.mark.parametrize("sentence,count,noun", COUNTED, ids=[c[0] for c in COUNTED])
def test_a_count_names_the_noun_it_counts(workspace, sentence, count, noun):
    from factcheck.extract import observe, prepare
    from factcheck.rules import load_rules
    from factcheck.sources import load_sources

    ws = workspace({"rules/r.yaml": "rules:\n  - id: zorvex-count\n    question: How many UN agencies reviewed Zorvex?\n"
                                    "    subject: [Zorvex]\n    kind: count\n",
                    "src/a.txt": sentence + "\n"})
    prepared = prepare(load_rules([ws / "rules"]))
    (document,) = load_sources([ws / "src"]).documents
    observed = observe(document, prepared, everything=True)
    (found,) = [o for o in observed.observations if o.found.value.raw == count]
    assert found.counted == noun


DESCRIPTIONS = [  # (description, a word it lends, a word it must not lend)
    ("The year the FDA first approved it. Later approvals for children are other facts.", "approve", "child"),
    ("The usual range for atrial fibrillation. The higher range used for mechanical heart valves is another fact.",
     "fibrillation", "valve"),
    ("The first licence (not the launch) in the United States.", "licence", "launch"),
    ("The US approval; never the European one.", "approval", "european"),
]


@pytest.mark.parametrize("description,lent,kept_out", DESCRIPTIONS, ids=[d[0][:40] for d in DESCRIPTIONS])
def test_a_description_lends_only_what_says_what_the_fact_is(description, lent, kept_out):
    from factcheck.analysis.words import key
    from factcheck.matching.profile import profile
    from factcheck.model import Rule

    weights = profile(Rule(id="r", question="What is it?", subject=("Zorvex",), cues=(), kind="date",
                           description=description)).weights
    assert key(lent) in weights and key(kept_out) not in weights
