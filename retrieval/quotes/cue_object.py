"""What follows a speech cue: its object ("told reporters"), when or where it was said ("on Wednesday"), and where
the reported clause starts. Patterns for attribution.py, hand-written for the same reason.
"""

from __future__ import annotations

import re

from retrieval.lexicon import RELATIVE_DAYS, WEEKDAY_NAMES, WEEKDAYS
from retrieval.quotes.quote_marks import verb_forms
from retrieval.quotes.speaker_phrase import TIME_PHRASE

OBJECT_VERBS = frozenset("told tells tell telling asked asks ask asking".split())
CONTENT_LEAD = re.compile(r"^\s*(?:,\s*)?(?:that\s+)?")
TAIL_ADVERBIALS = frozenset("""in on at during after before last this earlier later late early by via from to when
    while as over outside inside through yesterday today tonight recently previously repeatedly also then afterward
    afterwards according""".split()) | frozenset(WEEKDAY_NAMES)
OBJECT_ONLY = re.compile(r"\s+(?:him|her|them|us|me|reporters|journalists|[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})"
                         r"[\s.,;]*")
DECLINED = re.compile(r"\b(?:declin|refus)\w*\s+to\s+\w+$")
TIME_WORD = re.compile(r"\b(?:earlier|later|ago|before|after|since|day|week|month|year|morning|afternoon|evening|night|"
                       rf"{WEEKDAYS})s?$", re.I)
DAYS = frozenset(WEEKDAY_NAMES + RELATIVE_DAYS)
ADVERBIAL_STARTS = frozenset("on in at during after before with by from via for".split())
TELL_OBJECT = re.compile(r"\s+(?:[\w’'.\-]+\s+){0,8}?(?=that\b)|\s+(?:him|her|them|us|me|reporters|journalists|"
                         r"the\s+\w+|[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})(?=[\s,:])")
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
NOUN_CLAUSE = re.compile(r"\s+(?:(?:he|she|they|it|we|I|there)\s|(?:the|a|an|this|these|those|its|his|her|their)\s+"
                         r"(?:[\w’'\-]+\s+){0,3}?)(?:is|are|was|were|has|have|had|will|would|could|can|should|must|"
                         r"[a-z]+ed)\b")
CLAUSE_NEXT = re.compile(r"\s+(?:that|it|he|she|they|we|i|there|this)\b", re.I)
CLAUSE_FINAL = re.compile(r"\s*[.,;]")
NOUN_FOLLOWER = re.compile(r"\s*(?:that\b|:)")
CLAUSE_START = re.compile(r"\s+(?:he|she|they|it|we|I|there|his|her|their)\b|\s+(?:the|a|an|this|these|those|its)\s+"
                          r"(?:[\w’'\-]+\s+){0,3}?(?:is|are|was|were|has|have|had|will|would|could|can|should|must)\b")
CUE_FOLLOWER = re.compile(r"\s*(?:that\b|[.,:;“\"‘']|$)")
TIME_THEN_COMMA = re.compile(rf"{TIME_PHRASE},", re.I)
ASKING = frozenset("ask asks asked asking".split())  # "Judicial Watch asked to depose Clinton": a request
YES_NO = re.compile(r"(?:yes|no)(?:(?=,|$)|(\s+to\b))", re.I)
# Verbs whose plain object is a thing rather than words: "wrote the letter", "claiming 41 percent of the vote".
THING_OBJECT_VERBS = frozenset(verb_forms(["write", "claim"]) | {"writing", "claiming"})
# A finite verb: an auxiliary or modal, a negation ("isn't"), a contraction ("they're", "he's"), or a past form.
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|must|may|might|does|"
                     r"did|do)\b|n[’']t\b|[’'](?:re|ve|ll|d)\b|\b(?:he|she|it|that|there|who|what)[’']s\b|"
                     r"\b[a-z]{2,}ed\b", re.I)
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
