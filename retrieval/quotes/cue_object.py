"""What follows a speech cue: its object ("told reporters"), when or where it was said ("on Wednesday"), and where
the reported clause starts. Patterns for attribution.py, hand-written for the same reason.
"""

from __future__ import annotations

import re

from retrieval.lexicon import RELATIVE_DAYS, WEEKDAY_NAMES, WEEKDAYS
from retrieval.quotes.cue_words import verb_forms
from retrieval.quotes.speaker_phrase import TIME_PHRASE

# Verbs that take a listener before the clause: "told reporters that …", "asked her whether …".
OBJECT_VERBS = frozenset("told tells tell telling asked asks ask asking".split())
# What opens a reported clause and is no part of it: ", that" in "said, that …".
CONTENT_LEAD = re.compile(r"^\s*(?:,\s*)?(?:that\s+)?")
# Words opening when or where a cue was said: "said in a statement", "said on Monday", "said via email".
TAIL_ADVERBIALS = frozenset("""in on at during after before last this earlier later late early by via from to when
    while as over outside inside through yesterday today tonight recently previously repeatedly also then afterward
    afterwards according""".split()) | frozenset(WEEKDAY_NAMES)
# Only a listener after the verb: "…, the president told her." / "…, Lee told reporters."
OBJECT_ONLY = re.compile(r"\s+(?:him|her|them|us|me|reporters|journalists|[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
                         r"[\s.,;]*")
# "declined to say", "refused to comment": nothing was said.
DECLINED = re.compile(r"\b(?:declin|refus)\w*\s+to\s+\w+$")
# A phrase ending in a time: "noted the change from last week" is when, not what.
TIME_WORD = re.compile(r"\b(?:earlier|later|ago|before|after|since|day|week|month|year|morning|afternoon|evening|night|"
                       rf"{WEEKDAYS})s?$", re.I)
# Day words: "said Sunday after the attack" is when it was said.
DAYS = frozenset(WEEKDAY_NAMES + RELATIVE_DAYS)
# Prepositions opening where or how, not what: "said on ABC", "said with a smile".
ADVERBIAL_STARTS = frozenset("on in at during after before with by from via for".split())
# The listener after a verb of telling: "told the Post that", "told him", "told reporters".
TELL_OBJECT = re.compile(r"\s+(?:[\w’'.\-]+\s+){0,8}?(?=that\b)|\s+(?:him|her|them|us|me|reporters|journalists|"
                         r"the\s+\w+|[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})(?=[\s,:])")
# When or where between a cue and its "that": "said on Wednesday in Paris that …".
ADVERBIAL = re.compile(r"^\s*(?:(?:[a-z]+ly|just|also|then)\s+)*"
                       r"(?:(?:on|in|at|during|after|before|last|this|late|early|earlier|by|to|from|via|"
                       rf"outside|inside|over|with|{WEEKDAYS}|"
                       r"yesterday|today|tonight)\b\s*(?:[\w’'.:\-]+,?\s+){0,12}?)?(?=that\b)", re.I)
# "said on Wednesday it would …", "said in a statement they were …": when or where, then the clause's subject
ADVERBIAL_SUBJECT = re.compile(r"^\s*(?:(?:on|in|at|late|early|earlier|last|this)\s+(?:[\w’'.\-]+,?\s+){0,3}?"
                               rf"[\w’'\-]+|{WEEKDAYS}|yesterday|today)"
                               r",?\s+(?=(?:it|he|she|they|we|i|there)\s)", re.I)
# A clause opening with a subject pronoun and its verb: "she went home with an earful".
PRONOUN_CLAUSE = re.compile(r"(?:he|she|they|we|i)\s+(?:\w+ly\s+)?(?:was|were|is|are|had|has|have|would|will|could|"
                            r"did|should|might|\w+ed|went|made|knew|thought|felt|got|came)\b", re.I)
# A clause with its own subject and verb after "added": "She added the centre reopened at 11 p.m."
NOUN_CLAUSE = re.compile(r"\s+(?:(?:he|she|they|it|we|I|there)\s|(?:the|a|an|this|these|those|its|his|her|their)\s+"
                         r"(?:[\w’'\-]+\s+){0,3}?)(?:is|are|was|were|has|have|had|will|would|could|can|should|must|"
                         r"[a-z]+ed)\b")
# A clause's first word right after a verb: "said that …", "said it …", "said they …".
CLAUSE_NEXT = re.compile(r"\s+(?:that|it|he|she|they|we|i|there|this)\b", re.I)
# Punctuation closing a cue's clause: "…, the Daily Caller reports."
CLAUSE_FINAL = re.compile(r"\s*[.,;]")
# What follows a noun-like form used as a verb: "claims that", "notes:".
NOUN_FOLLOWER = re.compile(r"\s*(?:that\b|:)")
# A clause's subject after "claims": "Trump claims he's worth …", "claims the deal is dead".
CLAUSE_START = re.compile(r"\s+(?:he|she|they|it|we|I|there|his|her|their)\b|\s+(?:the|a|an|this|these|those|its)\s+"
                          r"(?:[\w’'\-]+\s+){0,3}?(?:is|are|was|were|has|have|had|will|would|could|can|should|must)\b")
# What follows "added" used as a cue: "added that", "added,", "added:", "added “…”".
CUE_FOLLOWER = re.compile(r"\s*(?:that\b|[.,:;“\"‘']|$)")
# A time then a comma after "according to X": "according to a poll out Thursday, …".
TIME_THEN_COMMA = re.compile(rf"{TIME_PHRASE},", re.I)
# Verbs of asking: "asked to depose X" reports a request.
ASKING = frozenset("ask asks asked asking".split())
# A one-word answer: "the candidate said no."; group 1 when it is "said no to the plan" (a refusal).
YES_NO = re.compile(r"(?:yes|no)(?:(?=,|$)|(\s+to\b))", re.I)
# Verbs whose plain object is a thing rather than words: "wrote the letter", "claiming 41 percent of the vote".
THING_OBJECT_VERBS = frozenset(verb_forms(["write", "claim"]) | {"writing", "claiming"})
# A finite verb: an auxiliary or modal, a negation ("isn't"), a contraction ("they're", "he's"), or a past form.
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|must|may|might|does|"
                     r"did|do)\b|n[’']t\b|[’'](?:re|ve|ll|d)\b|\b(?:he|she|it|that|there|who|what)[’']s\b|"
                     r"\b[a-z]{2,}ed\b", re.I)
# Determiners before an adjective in -ed: "a detailed letter".
_DETERMINER = frozenset("a an the his her its their our this these those".split())


def has_finite_verb(clause: str) -> bool:
    """Whether a clause has a verb of its own ("the probe is ongoing", "he welcomed it"), and is not only a noun
    phrase ("the letter Feb. 2 to the adviser"; "a detailed letter": a past form after a determiner is an
    adjective)."""
    for m in _FINITE.finditer(clause):
        before = clause[:m.start()].split()
        if not (m.group().lower().endswith("ed") and before and before[-1].lower() in _DETERMINER):
            return True
    return False
