"""A speech cue found in a sentence, and how the cues of one sentence relate: which of them may claim content,
where a cue's content must stop before the next, which sit inside a relative clause, and when a form that is
also a noun ('remarks', 'states') is a verb. Hand-written with attribution.py, for the same reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.quotes import cue_object, cue_subject, text_spans
from retrieval.quotes.cue_words import BASE_FORMS, REPORT_VERBS, SAYING
from retrieval.quotes.quote_marks import QuoteSpan
from retrieval.quotes.speaker_phrase import Source

# A cue inside a relative clause: "critics who say …", "a nurse who openly said …".
_RELATIVE_CUE = re.compile(r"\b(?:who|that)\s+(?:\w+ly\s+)?$")
# Between a speech verb and the 'according to' that relays it: "said, according to", "said on a call, according to".
_RELAY_GAP = re.compile(r"(?:\s+(?:on|in|at|during|to|with|last|this|earlier|later)\b[^,.;:“”\"]{0,40})?\s*,\s*")
_SAID_THAT = re.compile(r"(?:\s+[^,.;:“”\"]{0,40})?\s+that\s*,?\s*")  # "said Tuesday morning that according to"
_SAID_LATER = re.compile(r"[^!?“”\"]{0,60}?\b(?:said|says|told|tells|added)\b")  # '“…,” state Sen. X said'


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    verb: str  # lower-cased: "said", "pointed out", "according to"
    sentence: tuple[int, int]
    source: Source
    key: str
    inverted: bool  # the source follows the verb: '“A,” said Ann Lee' / 'according to X'

    @property
    def clause(self) -> tuple[int, int]:
        return min(self.start, self.source.start), max(self.end, self.source.end)


def used_as_noun(masked: str, a: int, m_start: int, m_end: int, verb: str) -> bool:
    """'his remarks', 'the states': a form that is also a noun is a verb only before 'that' or a colon, after a
    plural subject, closing a sentence of content ('…, the Daily Caller reports.') or between a name and a
    clause ('Trump claims he's worth …'), and always right after a quotation ending in a comma ('“…,” read a
    statement issued by Kenney')."""
    if cue_subject.DETERMINER_BEFORE.search(masked, a, m_start) or verb in BASE_FORMS \
            and cue_subject.ARTICLE_BEFORE.search(masked, a, m_start):
        return True  # "the report that …", "an additional report that …"
    plural = cue_subject.PLURAL_SUBJECT.search(masked, a, m_start)
    return not (cue_object.NOUN_FOLLOWER.match(masked, m_end) or verb in BASE_FORMS and plural
                or cue_subject.AFTER_QUOTE_COMMA.search(masked, a, m_start) and not _SAID_LATER.match(masked, m_end)
                or cue_object.CLAUSE_FINAL.match(masked, m_end) and cue_subject.AFTER_CONTENT.search(masked, a, m_start)
                and (verb not in BASE_FORMS or plural)
                or cue_subject.NAME_SUBJECT.search(masked, a, m_start) and cue_object.CLAUSE_START.match(masked, m_end))


def may_claim(masked: str, spans: list[QuoteSpan], cue: Cue, later: list[Cue]) -> bool:
    """Whether a cue can claim content: a verb of speech, or one that only introduces a quotation ("welcomed",
    "praised") with a quotation next to it and no other cue between; otherwise it does not end the clause
    before it ("said he welcomed extradition … and added, “…”")."""
    if cue.verb in SAYING or cue.verb in REPORT_VERBS or cue.verb == "according to":
        return True
    hi = cue.clause[1]
    stop = min([c.start for c in later] + [len(masked)])
    return any(hi <= q.open < stop and text_spans.GAP_TO_QUOTE.match(masked[hi:q.open]) or q.close <= cue.clause[0]
               and text_spans.JOIN_AS.match(masked[q.close:cue.clause[0]]) for q in spans)


def content_limit(cue: Cue, following: Cue) -> int:
    """Where a cue's clause must stop: before the next cue of its sentence and that cue's own source."""
    if following.source.start < cue.start:
        return following.start  # the same subject: 'she said A, but added B'
    return min(following.clause[0], following.start)


def relative(masked: str, cue: Cue) -> bool:
    """'critics who say …': a cue inside a relative clause, whose subject is not the sentence's."""
    return not cue.inverted and _RELATIVE_CUE.search(masked, cue.source.start, cue.start) is not None


def relative_before_colon(masked: str, cue: Cue) -> bool:
    """'X tweeted, pointing out the irony coming from a candidate who promised mass deportation: “…”': after an
    earlier cue, the colon introduces what the sentence's speaker says, not the relative clause's."""
    return relative(masked, cue) and re.match(r"\s+[^,.;:“”\"•]{1,60}:", masked[cue.end:]) is not None


def relays(masked: str, cue: Cue, cues_of_sentence: list[Cue]) -> bool:
    """'“…,” Crowley said, according to CNN': an 'according to' right after someone else's speech verb only
    says who passed the words on; 'X said that according to its analysis …' is part of what X said."""
    return cue.verb == "according to" and any(
        c.verb != "according to" and c.key != cue.key and (_RELAY_GAP.fullmatch(masked, c.clause[1], cue.start)
                                                           or _SAID_THAT.fullmatch(masked, c.clause[1], cue.start))
        for c in cues_of_sentence)
