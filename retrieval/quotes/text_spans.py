"""Where quotations and attribution clauses start and stop in a paragraph's text (quoted words masked): the
pieces of attribution.py that need no cue or speaker. Hand-written for the same reason as attribution.py.
"""

from __future__ import annotations

import re

from retrieval.quotes.cue_words import cues
from retrieval.quotes.phrase_words import LEADING_ADVERBIALS
from retrieval.quotes.quote_marks import MASK, QuoteSpan

# Words linking a writer's lead-in to a quotation: "Guns are “a crisis” and “stunt growth,” Dean said".
_LINK_WORDS = ("and", "but", "while", "as", "then")
# The rest of a sentence outside quotations.
_UP_TO_SENTENCE_END = re.compile(r"[\s,]*[^.!?" + MASK + "]*")
# Between a cue and its quotation, a quotation and its cue, and two halves of one quotation.
GAP_TO_QUOTE = re.compile(r"^(?:[\s,:;—–-]*(?:that\s*)?|\s+(?![^,.;:“”\"•]*\bthat\s)[^,.;:“”\"•]{1,60}[,:]\s*)$")
# 'noted on Twitter the change from the usual slogan, “…”'
OBJECT_NAMING = re.compile(r"\s+(?:(?:on|in|at|via)\s+\w+\s+)?((?:the|an?|his|her|their|its)\s[^,.;:“”\"•]{1,60}),\s*$")
# An inserted phrase between quotation and cue: "“…” — the mayor, speaking on Monday, said".
INSERTED = re.compile(r"^\s+[^.!?;:“”\"•]{1,80},\s*$")
# Only punctuation (and "as") between a quotation and its cue: "“…,” as she said".
JOIN_AS = re.compile(r"^[\s,.;:—–-]*(?:as\s+)?$")
# Only punctuation between two quotations: "“A.” “B.”" continue one another.
JOIN = re.compile(r"^[\s,.;:—–-]*$")
# A name and any verb after a quotation: "…,” an angry Hollande retaliated."
NAME_THEN_VERB = re.compile(r"\s+((?:(?:an?|the)\s+[a-z]+\s+)?(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+"
                            r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\s*\.")
# An attribution inside a quotation's paragraph: ", he said", ", Ms. Lee added".
_EMBEDDED_ATTRIBUTION = re.compile(r",\s+(?:[Hh]e|[Ss]he|(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]\w+|[A-Z]\w+ [A-Z]\w+)\s+"
                                   r"(?:said|says|added|told \w+)\b")


def attribution_tail(gap: str) -> bool:
    """The rest of an attribution sentence before its quotation goes on: ' on ABC's “This Week.” ', ' told CNN
    about his support. ' (one clause, no other speech cue)."""
    return len(gap.split()) <= 12 and not next(cues(gap), None) and MASK not in gap \
        and len(re.findall(r"[.!?](?=\s)", gap)) <= 1 and bool(re.search(r"[.,:;]\s*$", gap))


def cue_after(masked: str, spans: list[QuoteSpan], j: int) -> bool:
    """Whether a quotation is followed by an attribution of its own ('“B,” he added')."""
    end = spans[j + 1].open if j + 1 < len(spans) else len(masked)
    clause = _UP_TO_SENTENCE_END.match(masked, spans[j].close, min(end, spans[j].close + 80)).group()
    return next(cues(clause), None) is not None


def strip_link(clause: str) -> str:
    """A clause without the conjunction that joins it to the next one ('A, but' → 'A')."""
    while True:
        stripped = clause.rstrip(" ,;")
        words = stripped.rsplit(None, 1)
        if len(words) == 2 and words[1].lower() in _LINK_WORDS:
            clause = words[0]
            continue
        return stripped


def stands_alone(masked: str, q: QuoteSpan) -> bool:
    """A quotation that is a sentence of its own, not a phrase quoted inside someone else's sentence."""
    before = masked[:q.open].rstrip()
    return not before or before.endswith((".", "!", "?", ":", MASK, "”", "\"", "'", "’", "»"))


def split_embedded_attributions(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Cut an unclosed quote at an attribution inside it ('…concessions, She said. “…')."""
    out = []
    for q in spans:
        closed = text[q.end:q.close].strip()  # a quotation that closes may report speech inside it
        m = None if closed else _EMBEDDED_ATTRIBUTION.search(text, q.start, q.end)
        out.append(QuoteSpan(q.start, m.start(), q.open, m.start()) if m else q)
    return out


def lead_in(text: str, masked: str, start: int, spans: list[QuoteSpan], i: int, used: set[int]) -> int | None:
    """Where the writer's words open a sentence that closes on a quoted phrase and a comma before its cue ('The
    plan is “dead on arrival,” Smith said'): the reported clause starts there, not at the quotation."""
    lead = masked[start:spans[i].open]
    start += len(lead) - len(lead.lstrip())
    words = lead.split()
    comma_inside = "," in text[spans[i].end - 1:spans[i].close + 1]
    if not words or len(words) < 3 and words[0].lower() in LEADING_ADVERBIALS \
            or lead.rstrip().endswith((":", "—", "–", "-", ",")) or not comma_inside:
        return None
    if any(j in used for j, q in enumerate(spans) if start <= q.open < spans[i].open):
        return None
    return start


# Words before a quoted title: "on “This Week”", "in CNN's “State of the Union”".
_BEFORE_TITLE = re.compile(r"(?:\b(?:on|in|of)|\b(?:on|in)\s+(?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*[’']s?)\s*$")
# Words a title leaves in lower case: "“The Art of the Deal”".
_MINOR_WORDS = frozenset("a an the and or of for to in on at by with from as but nor vs".split())


def is_title(text: str, q: QuoteSpan) -> bool:
    """A quoted title of a show, book or film (Sanders said later on “This Week”; on CNN's “State of the
    Union”): a short run of capitalised words after 'on', 'in' or 'of'. A title is nobody's words."""
    words = text[q.start:q.end].rstrip(",").split()
    return 0 < len(words) <= 8 and bool(_BEFORE_TITLE.search(text, 0, q.open)) and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words) and text[q.end - 1] not in ".!?"
