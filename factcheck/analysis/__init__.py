"""A document read once for every rule: its layout, words, clauses, values and subjects.

Nothing here knows a rule's cues: the rules' side is `factcheck.matching`.
"""
