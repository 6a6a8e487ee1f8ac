"""Attribute an article's quotations and reported speech to the people and unnamed sources who said them.

Per paragraph: quoted stretches are masked, sentences are split on what remains, and every speech cue
('said', 'told MPs', 'according to', ', adding') gets a source from speaker_phrase.py. Each cue then takes its
content: the quotation just before it ("“A,” she said") or just after it ("She said: “A”"), a split
quotation with its second half ("“A,” she said, “B”"), the clause it introduces ("she said the plan was
“dead”", "critics argue that ...") or the clause before it ("The plan is dead, officials said"). Quotations
no cue claims continue the paragraph's speaker, or the previous paragraph's when they open the paragraph;
a quotation running over several paragraphs goes to the speaker named at its end.

Hand-written: no parser with a trained English model can be installed here, and these are the rules of
news attribution rather than of English grammar in general (docs/measurements.md says what was measured).
"""

from __future__ import annotations

import re

from retrieval.article.cleaning import Article
from retrieval.article.dateline import DATELINE
from retrieval.article.sentences import split_sentences
from retrieval.quotes import cue_object, cue_rules, cue_subject, speaker_phrase, text_spans
from retrieval.quotes.cue_rules import Cue
from retrieval.quotes.cue_words import (
    ADJACENT_ONLY,
    NOUN_LIKE_FORMS,
    REPORT_VERBS,
    SAYING,
    THAT_ONLY,
    TRANSITIVE_FORMS,
    cues,
)
from retrieval.quotes.entities import People
from retrieval.quotes.quote_marks import MASK, Quote, QuoteSpan, marked_spans, mask
from retrieval.quotes.uncued_quotes import UncuedQuotes

# Closing quotation marks: a clause ending in one is a quotation's tail.
_CLOSING = "”»\"'’"
# A short bracketed aside: "(D-Fla.)".
_PARENTHETICAL = re.compile(r"\s\([^()•]{1,40}\)")
# Up to eight words of an object before a quotation: "thanked its members “for their support”".
_OBJECT_GAP = re.compile(r"\s+(?:[^\s,.;:“”\"•]+\s+){0,7}$")
# A quotation that is part of a clause going on to a verb of its own: 'suggesting “Trumpization” in the form of
# “slander” had started to seep …' (not 'said “the plan is dead” and left').
_RUNS_ON = re.compile(r"\s+(?!(?:and|but|or|before|after|while|when|as|then|so)\b)[a-z][^.!?;:]{0,80}?\b"
                      r"(?:had|has|have|is|are|was|were|will|would|could|should|can|may|might|must)\b")

# An optional dateline opening a sentence: "LONDON (Reuters) — ".
_DATELINE = re.compile(f"(?:{DATELINE})?")
_TO_OBJECT = re.compile(r"\s+to\s+(?:the|a|an|his|her|their|its|this|these|those)\b")  # "responding to the …"


class Attributor(UncuedQuotes):
    """Walk the article once: register people, find cues, give each cue its quotations or clause."""

    def __init__(self, article: Article):
        self.article = article
        self.people = People()
        self.quotes: list[Quote] = []
        self._last_speaker: dict[int, str] = {}
        # paragraphs that are one unclosed quotation with no speaker yet: a quotation running over several
        # paragraphs is attributed at its last one
        self._waiting: list[tuple[int, str, int]] = []
        self._seen: set[tuple[str, str]] = set()

    @property
    def speakers(self):
        return self.people.speakers

    def run(self) -> list[Quote]:
        self.people.scan(self.article)
        for para in self.article.paragraphs:
            self._paragraph(para.number, para.text)
        return self.quotes

    def _paragraph(self, number: int, text: str) -> None:
        spans = text_spans.split_embedded_attributions(text, marked_spans(text))
        masked = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), mask(text, spans))
        used = {i for i, q in enumerate(spans) if text_spans.is_title(text, q)}
        taken: list[tuple[int, int, str]] = []  # (start, end, key) of what cues claimed
        for a, b in split_sentences(masked):
            found = self._cues(number, masked, a, b, spans)
            found = [c for i, c in enumerate(found) if not (i and cue_rules.relative_before_colon(masked, c))
                     and not cue_rules.relays(masked, c, found)]
            for i, cue in enumerate(found):
                following = [c for j, c in enumerate(found[i + 1:], i + 1)
                             if cue_rules.may_claim(masked, spans, c, found[j + 1:])]
                limit = cue_rules.content_limit(cue, following[0]) if following else b
                claimed = self._content(number, text, masked, cue, spans, used, limit)
                if claimed:
                    taken.append((*claimed, cue.key))
                elif cue is found[-1] and cue.source.kind != "description" and _quote_next(masked, spans, b):
                    taken.append((b, b, cue.key))  # "Sen. Ted Cruz … tweeted a warning. “Missouri: …”"
        waiting = False
        for i, q in enumerate(spans):
            if i in used:
                continue
            introduced = self._introduction(number, text, masked, q)
            key = introduced or _nearest(taken, q.start) or (
                self._last_speaker.get(number - 1) if q.open <= 2 else None)
            if key is None and q.open <= 2 and q.close == len(text) and len(spans) == 1:
                self._waiting.append((number, text[q.start:q.end], q.start))
                waiting = True
            if key is None or not text_spans.stands_alone(masked, q):
                continue
            end = self._merge_following(masked, spans, i, used)
            how = "introduced" if introduced else "continued"
            self._add(text[q.start:end], key, number, "direct", f"{self.speakers[key].display} ({how})",
                      q.start, True)
            taken.append((q.start, end, key))
        if taken:
            self._last_speaker[number] = max(taken)[2]
            self._newcomer(number, masked, max(end for _, end, _ in taken))
        elif not spans:
            self._announce(number, masked) or self._newcomer(number, masked, 0)
        if not waiting:
            self._settle_waiting(number, spans, taken)

    def _cues(self, number: int, masked: str, a: int, b: int, spans: list[QuoteSpan]) -> list[Cue]:
        out = []
        for m_start, m_end, verb in cues(masked, a, b):
            if verb in TRANSITIVE_FORMS and not cue_object.CUE_FOLLOWER.match(masked, m_end) and not (
                    cue_subject.NAME_SUBJECT.search(masked, a, m_start)
                    and cue_object.NOUN_CLAUSE.match(masked, m_end)):
                continue  # "added 292,000 jobs", but "She added the centre reopened at 11 p.m."
            if verb in NOUN_LIKE_FORMS and cue_rules.used_as_noun(masked, a, m_start, m_end, verb):
                continue
            if verb.endswith("ed") and cue_subject.DETERMINER_BEFORE.search(masked, a, m_start):
                continue  # "no predicted finishing date", "his stated goal": an adjective
            if cue_subject.NOTHING_TO.search(masked, a, m_start) or cue_subject.HYPOTHETICAL.search(masked, a, m_start):
                continue
            lo = max([_DATELINE.match(masked, a).end()] + [q.close for q in spans if a <= q.close <= m_start] +
                     [c.end for c in out if not cue_rules.relative(masked, c)])
            hi = min([b] + [q.open for q in spans if m_end <= q.open < b])
            before_text = masked[lo:m_start].rstrip()
            inverted = False
            if verb == "according to":
                source, inverted = speaker_phrase.after(masked, m_end, hi, until_comma=True), True
            elif (ing := verb.split()[0].endswith("ing")) or cue_subject.AND_AUX.search(before_text):
                with_subject = cue_subject.WITH_SUBJECT.search(before_text) if ing else None
                lead = before_text or masked[max(a, lo - 2):lo].strip(_CLOSING)  # '“A,” adding, “B”'
                if ing and not (with_subject or cue_subject.ING_LEAD.search(lead)):
                    continue
                if ing and not with_subject and not lead.endswith(",") and _TO_OBJECT.match(masked, m_end):
                    continue  # "in responding to the incident": a deed after a preposition, not words
                if with_subject:  # "…, with Sen. John McCain calling it a “Chinese menu.”"
                    source = speaker_phrase.classify(with_subject.group(1), lo + with_subject.start(1),
                                              lo + with_subject.end(1))
                    key = self._speaker_key(number, source) if source and source.kind != "pronoun" else None
                    if key:
                        out.append(Cue(m_start, m_end, verb, (a, b), source, key, False))
                    continue
                if out and out[-1].sentence == (a, b) and not cue_rules.relative(masked, out[-1]):
                    if verb in SAYING:  # "said A but added B"; "said A but feared B" stays one clause
                        prev = next((c for c in reversed(out) if c.verb in REPORT_VERBS), out[-1])
                        out.append(Cue(m_start, m_end, verb, (a, b), prev.source, prev.key, False))
                    continue
                source = speaker_phrase.subject(masked, a, m_start)
            elif not before_text or before_text.endswith(tuple("—–-" + _CLOSING)):
                source, inverted = speaker_phrase.after(masked, m_end, hi), True
            elif verb == "say" and out and out[-1].sentence == (a, b) and re.search(r"\bto$", before_text):
                source = out[-1].source  # "X's office weighed in a short time later to say that …"
            else:
                source = speaker_phrase.before(masked, lo, m_start)
                if (source is None or source.kind == "description") and before_text.endswith(",") \
                        and not cue_object.CLAUSE_NEXT.match(masked, m_end):
                    named = speaker_phrase.after(masked, m_end, hi)  # "…, said Howard": the name after the verb
                    if source is None or named is not None and named.kind == "person":
                        source, inverted = named, True
            if source is None:
                continue
            key = self._speaker_key(number, source)
            if key:
                out.append(Cue(m_start, m_end, verb, (a, b), source, key, inverted))
        return out

    def _content(self, number: int, text: str, masked: str, cue: Cue, spans: list[QuoteSpan],
                 used: set[int], limit: int) -> tuple[int, int] | None:
        """Give a cue its quotation(s) or clause; returns the stretch it claimed."""
        lo, hi = cue.clause
        attribution = " ".join(text[lo:hi].split()).strip(" ,")
        if cue.source.kind == "pronoun":
            attribution += f" ({self.speakers[cue.key].display})"
        tail = masked[hi:cue.sentence[1]]
        says_more = len(tail.split()) > 3 or MASK in tail  # "“…” He pledged “cooperation” …" is its own claim
        before = [i for i, q in enumerate(spans) if i not in used and q.close <= lo
                  and (text_spans.JOIN_AS.match(masked[q.close:lo]) or q.open <= cue.sentence[0] + 1
                       and text_spans.INSERTED.match(masked[q.close:lo])) and q.close > cue.sentence[0] - 3
                  and not (says_more and text[q.end - 1:q.end] == ".")]
        if before:
            i = before[-1]
            opening = _DATELINE.match(masked, cue.sentence[0]).end()
            lead = text_spans.lead_in(text, masked, opening, spans, i, used)
            end = self._merge_following(masked, spans, i, used, after_attribution=hi)
            if lead is not None:  # 'Guns are “a crisis” and “stunt growth,” Dean said': the writer's words too
                used.update(j for j, q in enumerate(spans) if lead <= q.open < spans[i].open)
                self._add(text[lead:spans[i].close], cue.key, number, "direct", attribution, lead, False)
                return lead, spans[i].close
            self._add(text[spans[i].start:end], cue.key, number, "direct", attribution, spans[i].start, True)
            return spans[i].start, end
        after = [i for i, q in enumerate(spans) if i not in used and hi <= q.open < min(cue.sentence[1], limit)]
        runs_on = after and _RUNS_ON.match(masked, spans[after[0]].close, cue.sentence[1])
        if runs_on and (claimed := self._clause(number, text, masked, cue, spans, used, attribution, limit)):
            return claimed  # 'suggesting “Trumpization” in the form of “slander” had started to seep …'
        if after and text_spans.GAP_TO_QUOTE.match(masked[hi:spans[after[0]].open]):
            i = after[0]
            end = self._merge_following(masked, spans, i, used)
            named = text_spans.OBJECT_NAMING.match(masked, hi, spans[i].open)  # "noted the change from …, “…”"
            if named and end == spans[i].end and cue.verb not in cue_object.OBJECT_VERBS \
                    and not cue_object.TIME_WORD.search(named.group(1)):
                self._add(text[named.start(1):spans[i].close], cue.key, number, "direct", attribution,
                          named.start(1), False)
                return named.start(1), spans[i].close
            self._add(text[spans[i].start:end], cue.key, number, "direct", attribution, spans[i].start, True)
            return spans[i].start, end
        if cue.verb in ADJACENT_ONLY:
            return None
        claimed = self._clause(number, text, masked, cue, spans, used, attribution, limit)
        if claimed is None and after and _OBJECT_GAP.match(masked[hi:spans[after[0]].open]):
            i = after[0]  # "thanked its members “for their support”": the object and the words it quotes
            end = self._merge_following(masked, spans, i, used)
            end = max(q.close for q in spans if q.end == end)  # with its closing mark, as printed
            start = hi + len(masked[hi:]) - len(masked[hi:].lstrip())
            self._add(text[start:end], cue.key, number, "direct", attribution, start, False)
            return start, end
        return claimed

    def _clause(self, number: int, text: str, masked: str, cue: Cue, spans: list[QuoteSpan], used: set[int],
                attribution: str, limit: int) -> tuple[int, int] | None:
        bounds = _clause_bounds(masked, cue, limit)
        if bounds is None:
            return None
        start, end, bare_object = bounds
        lo, hi = cue.clause
        verb = cue.verb
        start += _DATELINE.match(text[start:end]).end()
        content = text[start:end].strip().rstrip(".").strip(" ,;:")
        answer = cue_object.YES_NO.match(content)  # "Asked if he was ever bullied, the candidate said no."
        if answer and answer.group(1):
            return None  # "said no to the plan": refused it
        content = answer.group() if answer and verb in REPORT_VERBS else content
        words = content.split()
        quoted = [i for i, q in enumerate(spans) if start <= q.start < end]
        if len(words) < 3 and not answer or (not quoted and verb not in REPORT_VERBS and verb != "according to"):
            return None
        without_that = not quoted and start >= hi and not re.search(r"\bthat\s*$", masked[hi:start])
        if without_that and verb in THAT_ONLY and not cue_object.PRONOUN_CLAUSE.match(content):
            return None  # "admits she went home", "maintained that …"; not "maintained a lead"
        if content[-1] in _CLOSING and not quoted:
            return None
        if without_that and verb in cue_object.THING_OBJECT_VERBS and not cue_object.has_finite_verb(content):
            return None  # "wrote the letter Feb. 2 to …", "claiming 41 percent of the vote": a thing, not words
        if words[0] == "to" and not quoted and cue.verb not in cue_object.ASKING:
            return None  # "vowed to fight" is a commitment, not words reported; "asked to depose X" a request
        if not quoted and cue_object.DECLINED.search(masked, lo, hi):
            return None  # "declined to say whether …": nothing was said
        if words[0].lower() in cue_object.ADVERBIAL_STARTS and len(words) <= 8 or words[0].lower() == "about":
            return None  # "said on ABC's “This Week”" names where it was said, "said about Latinos" the topic
        first = words[0].lower()
        if not quoted and (first in cue_object.DAYS or first.endswith("ly") and len(words) > 1
                           and words[1].lower() in cue_object.ADVERBIAL_STARTS | {"during"}):
            return None  # "said Sunday after the attack", "said rhetorically during …": when and how, not what
        if not quoted and first.endswith("ing") and "," in masked[hi:start]:
            return None  # "…, he said, turning the question into …": what he did next
        if not quoted and len(words) <= 6 and bare_object:
            return None  # "said Tuesday in Paris", "told union workers in Los Angeles": when, and to whom
        used.update(quoted)
        offset = text.index(content, start)
        self._add(content, cue.key, number, "direct" if quoted else "reported", attribution, offset, False)
        return offset, offset + len(content)

    def _merge_following(self, masked: str, spans: list[QuoteSpan], i: int, used: set[int],
                         after_attribution: int | None = None) -> int:
        """End of a quotation together with the quotations continuing it: '“A,” she said, “B.”' and '“A.” “B.”'."""
        used.add(i)
        end, close = spans[i].end, spans[i].close
        for j in range(i + 1, len(spans)):
            first = after_attribution is not None and j == i + 1
            gap = masked[after_attribution if first else close:spans[j].open]
            joined = text_spans.JOIN.match(gap) or first and text_spans.attribution_tail(gap)
            if j in used or not joined or text_spans.cue_after(masked, spans, j):
                break
            used.add(j)
            end, close = spans[j].end, spans[j].close
        return end

    def _add(self, text: str, key: str, number: int, kind: str, attribution: str, start: int,
             verbatim: bool) -> None:
        text = text.strip().strip(",").strip()
        if not text or (text, key) in self._seen:
            return
        self._seen.add((text, key))
        speaker = self.speakers[key]
        self.quotes.append(Quote(text, key, speaker.display, number, kind, attribution, start, verbatim))


def _nearest(taken: list[tuple[int, int, str]], pos: int) -> str | None:
    earlier = [t for t in taken if t[0] <= pos]
    return (max(earlier) if earlier else min(taken))[2] if taken else None


def _quote_next(masked: str, spans: list[QuoteSpan], at: int) -> bool:
    """Whether a quotation opens right after this point (white space apart)."""
    following = len(masked) - len(masked[at:].lstrip())
    return any(q.open == following for q in spans)


def _clause_bounds(masked: str, cue: Cue, limit: int) -> tuple[int, int, bool] | None:
    """Where the words a cue reports start and end in its sentence (and whether a verb of telling had no
    object), or None when the cue claims none: before it ("A, B said"), after it ("said that A"), around it
    ("A, according to B, …")."""
    a, b = cue.sentence
    lo, hi = cue.clause
    verb = cue.verb
    bare_object = False
    upto = limit if hi < limit < b and masked[hi:limit].rstrip().endswith(",") else b
    tail = masked[hi:upto].strip(" .")  # up to a next cue after a comma ("…, noting …")
    if cue.inverted and cue.verb != "according to" and len(cue.source.role.split()) <= 8 \
            and re.match(r"(?:an?|the|his|her|their|its)\s", cue.source.role) \
            and tail.lstrip(" ,").startswith(cue.source.role):
        tail = tail.lstrip(" ,")[len(cue.source.role):].strip(" .,")  # "…, said Jen Thiel, a nurse."
    if verb in cue_object.OBJECT_VERBS and cue_object.OBJECT_ONLY.fullmatch(masked[hi:upto]):
        tail = ""  # "…, the president told her."
    opener = tail.split()[0].lower() if tail else ""
    ends_clause = not tail or tail.startswith(",") or (
        len(tail.split()) <= 6 and opener in cue_object.TAIL_ADVERBIALS and "that" not in tail.split())
    head = masked[a:lo].rstrip()
    if verb == "according to":
        if head.endswith((":", ";")):
            head = ""  # "And it hasn't gone unnoticed: according to X, …"
        if head.endswith(",") and tail.startswith(",") and len(head.split()) <= 3:
            start, end = a, b  # "Fundraising, according to the campaign, has surged …", as printed
        elif head and not cue_subject.LEADING_LINK.fullmatch(head):
            start, end = a, a + len(head.rstrip(","))
        # "According to a poll out Thursday, …"
        elif tail.startswith(",") or cue_object.TIME_THEN_COMMA.match(tail):
            start, end = masked.index(",", hi) + 1, b
        else:
            return None
    elif head.endswith(",") and tail.startswith(","):
        start, end = a, b
    elif (cue.inverted or ends_clause) and ("," in head and len(head[head.rindex(","):].split()) <= 4):
        start, end = a, masked.rindex(",", a, lo)
    elif not cue.inverted:
        start = hi
        if verb in cue_object.OBJECT_VERBS:
            obj = cue_object.TELL_OBJECT.match(masked, start)
            start = obj.end() if obj else start
            bare_object = obj is None
        lead = cue_object.ADVERBIAL.match(masked[start:b]) or cue_object.ADVERBIAL_SUBJECT.match(masked[start:b])
        start += lead.end() if lead else 0
        start += cue_object.CONTENT_LEAD.match(masked[start:b]).end()
        end = limit if limit > start else b
        comma = masked.find(",", start, end)
        if comma > 0 and (cue_subject.INTERRUPTING.match(masked, cue.source.end, cue.start)
                          or masked[:cue.source.start].rstrip().endswith(" with")):
            # "Ms Ruiz, after saying A, bought …", "…, with 22 percent saying A, …": the phrase ends at a comma
            end = comma
        end = start + len(text_spans.strip_link(masked[start:end]))
    else:
        return None
    return start, end, bare_object
