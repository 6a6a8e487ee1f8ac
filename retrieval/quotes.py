"""Direct and reported quotations in an article, each attributed to a person or an unnamed source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import speakers as sp
from .article import Article
from .chunks import split_sentences

# Verbs that introduce speech, as lemmas; their forms are generated (regular English inflection plus the few
# irregular ones) so "confirmed", "concludes" and "tweeted" are found like "said".
SPEECH_LEMMAS = """say tell add ask argue warn state explain note insist continue write declare claim reiterate respond
    reply acknowledge suggest announce emphasize emphasise stress comment remark recall describe call urge predict
    caution concede admit complain contend maintain observe confirm conclude tweet testify assert deny vow pledge
    boast quip shout recount""".split()
REPORT_LEMMAS = """say tell argue warn state explain note insist claim reiterate acknowledge suggest announce stress
    add predict caution admit contend maintain confirm conclude deny vow pledge testify assert write tweet""".split()
_IRREGULAR = {"say": ("said", "says"), "tell": ("told", "tells"), "write": ("wrote", "writes", "written"),
              "admit": ("admitted", "admits"), "quip": ("quipped", "quips")}


def verb_forms(lemmas: list[str]) -> set[str]:
    """Base, third person and past forms: argue → argue, argues, argued; deny → denies, denied."""
    out: set[str] = set()
    for lemma in lemmas:
        if lemma in _IRREGULAR:
            out.update((lemma, *_IRREGULAR[lemma]))
            continue
        if lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms = (lemma[:-1] + "ies", lemma[:-1] + "ied")
        elif lemma.endswith("e"):
            forms = (lemma + "s", lemma + "d")
        else:
            forms = (lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"), lemma + "ed")
        out.update((lemma, *forms))
    return out


SPEECH_VERBS = tuple(sorted(verb_forms(SPEECH_LEMMAS)))
_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_REPORT_VERB = re.compile(r"\b(?:" + "|".join(sorted(verb_forms(REPORT_LEMMAS) - set(REPORT_LEMMAS), key=len,
                                                      reverse=True)) + r")\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_GAP_BEFORE_VERB = re.compile(r"^(?:\s*,)?(?:\s+(?:has|have|had|also|reportedly|later|then|once))*\s+$"
                              r"|^\s+and\s+[\w\s’'\-]{1,40}?\s+(?:have\s+|had\s+)?$"
                              r"|^\s*,\s*(?:who|which|whose)\b[^,]{0,80},\s+$")
_OPENERS, _CLOSERS = "“„«", "”»"
_MARK = re.compile(r"''|[“„«”»\"]")
_LEAD_JUNK = " \t,”»\"'’"


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    display: str
    paragraph: int
    kind: str  # "direct" | "reported"
    attribution: str
    start: int


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    key: str | None  # speaker key; None for an unresolved pronoun


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted stretch, for “…”, „…“, «…», "…" and the ''…'' of some newspaper
    files; a new opening mark closes an unclosed quote, a stray closing mark is ignored, and a quote still
    open at the end runs to the end of the text."""
    spans, open_at = [], None
    for mark in _MARK.finditer(text):
        ch, i = mark.group(), mark.start()
        symmetric = ch in ('"', "''")
        if ch in _OPENERS or (symmetric and open_at is None):
            if open_at is not None:
                spans.append((open_at, i))
            open_at = mark.end()
        elif (ch in _CLOSERS or symmetric) and open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " \t,":
        b -= 1
    return (a, b) if b > a and any(ch.isalnum() for ch in text[a:b]) else None


class Attributor:
    """Walk the article once: register speakers, resolve pronouns, attribute quotes and reported speech."""

    def __init__(self, article: Article):
        self.article = article
        self.speakers: dict[str, sp.Speaker] = {}
        self.person_mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, key)
        self.quotes: list[Quote] = []
        self._mentions: dict[int, list[Mention]] = {}
        self._last_agent: dict[int, str] = {}

    def run(self) -> list[Quote]:
        for para in self.article.paragraphs:
            self._mentions[para.number] = self._find_mentions(para.number, para.text)
        for para in self.article.paragraphs:
            self._direct(para.number, para.text)
            self._reported(para.number, para.text)
        return self.quotes

    def _find_mentions(self, number: int, text: str) -> list[Mention]:
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for m in sp.DESCRIPTOR.finditer(text):
            key = sp.descriptor_key(m)
            display = " ".join((m.group("mods") + m.group("role") + (m.group("comp") or "")).split())
            self._speaker(key, display, "descriptor")
            out.append(Mention(m.start(), m.end(), key))
            taken.append((m.start(), m.end()))
        for m in sp.PERSON.finditer(text):
            if any(a <= m.start("name") < b for a, b in taken):
                continue
            stripped_title, name = sp.strip_leading(m.group("name"))
            if not name or not sp.plausible_person(name):
                continue
            key = sp.person_key(name)
            titled = bool(m.group("hon") or m.group("title")) or stripped_title
            known = key in self.speakers and self.speakers[key].kind == "person"
            if not (titled or known or len(name.split()) > 1):
                continue
            person = self._speaker(key, name, "person")
            if len(name.split()) > 1:
                person.full_names.add(name)
                if len(name) > len(person.display) or person.display.lower() == key:
                    person.display = name
            if m.group("hon"):
                person.gender = person.gender or sp.HONORIFICS.get(sp.fold(m.group("hon")))
            person.roles.update(sp.roles_around(text, m.start(), m.end()))
            person.mentions.append(number)
            out.append(Mention(m.start(), m.end(), key))
            taken.append((m.start(), m.end()))
            self.person_mentions.append((number, m.start(), key))
        for m in sp.ORG.finditer(text):
            if any(a <= m.start("name") < b or a < m.end() <= b for a, b in taken):
                continue
            key = sp.fold(m.group("name"))
            self._speaker(key, " ".join(m.group("name").split()), "org")
            out.append(Mention(m.start(), m.end(), key))
        for m in _PRONOUN.finditer(text):
            out.append(Mention(m.start(), m.end(), None))
        return sorted(out, key=lambda x: x.start)

    def _speaker(self, key: str, display: str, kind: str) -> sp.Speaker:
        if key not in self.speakers:
            self.speakers[key] = sp.Speaker(key, display, kind)
        return self.speakers[key]

    def _resolve(self, number: int, mention: Mention, text: str) -> str | None:
        """A named mention's key, or the person a he/she pronoun points back to (most recent compatible)."""
        if mention.key is not None:
            return mention.key
        gender = "f" if text[mention.start:mention.end].lower() == "she" else "m"
        for para, offset, key in reversed(self.person_mentions):
            if (para, offset) >= (number, mention.start):
                continue
            person = self.speakers[key]
            if person.gender in (None, gender):
                person.gender = gender
                return key
        return None

    def _agent_before(self, number: int, text: str, verb_start: int) -> tuple[str, int] | None:
        for m in reversed(self._mentions[number]):
            if m.end <= verb_start and _GAP_BEFORE_VERB.match(text[m.end:verb_start]):
                key = self._resolve(number, m, text)
                return (key, m.start) if key else None
            if m.end <= verb_start - 60:
                break
        return None

    def _agent_after(self, number: int, text: str, verb_end: int) -> tuple[str, int] | None:
        for m in self._mentions[number]:
            if m.start >= verb_end and not text[verb_end:m.start].strip():
                key = self._resolve(number, m, text)
                return (key, m.start) if key else None
        return None

    def _attribution_near(self, number: int, text: str, lo: int, hi: int, after: bool):
        """Speaker and attribution phrase of a speech verb in text[lo:hi] (just after or before a quote)."""
        verbs = list(_VERB.finditer(text, lo, hi))
        if after:
            verbs = [v for v in verbs if len(text[lo:v.start()].split()) <= 4][:1]
        else:
            verbs = [v for v in verbs if len(text[v.end():hi].split()) <= 10][-1:]
        for v in verbs:
            agent = self._agent_before(number, text, v.start()) or self._agent_after(number, text, v.end())
            if agent:
                key, where = agent
                start, end = min(where, v.start()), max(v.end(), self._mention_end(number, where))
                return key, text[start:end].strip(_LEAD_JUNK)
        return None

    def _mention_end(self, number: int, start: int) -> int:
        return next(m.end for m in self._mentions[number] if m.start == start)

    def _direct(self, number: int, text: str) -> None:
        spans = _split_embedded_attributions(text, quote_spans(text))
        found: list[tuple[tuple[int, int], str | None, str]] = []
        for i, (a, b) in enumerate(spans):
            next_open = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            prev_close = spans[i - 1][1] if i else 0
            sentence_start = max(prev_close, _sentence_start(text, a))
            hit = (self._attribution_near(number, text, b, next_open, after=True)
                   or self._attribution_near(number, text, sentence_start, a, after=False))
            found.append(((a, b), *(hit or (None, ""))))
        named = [(k, attr) for _, k, attr in found if k]
        last: tuple[str | None, str] = (None, "")
        for (a, b), key, attr in found:
            if key is None:
                key, attr = last if last[0] else named[0] if named else (None, "")
            if key is None and a <= 2 and number - 1 in self._last_agent:
                key = self._last_agent[number - 1]
                attr = f"{self.speakers[key].display} (¶{number - 1})"
            if key is None:
                continue
            last = (key, attr)
            self._add(text[a:b], key, number, "direct", attr, a)
            self._last_agent[number] = key

    def _reported(self, number: int, text: str) -> None:
        quoted = quote_spans(text)
        for a, b in split_sentences(text):
            if any(qa < b and a < qb for qa, qb in quoted):
                continue
            self._reported_sentence(number, text, a, b, depth=0)

    def _reported_sentence(self, number: int, text: str, a: int, b: int, depth: int) -> None:
        sentence = text[a:b]
        according = re.search(r"\baccording to\s+", sentence, re.I)
        if according:
            agent = self._agent_after(number, text, a + according.end())
            if agent:
                phrase = text[a + according.start():self._mention_end(number, agent[1])]
                self._add(sentence, agent[0], number, "reported", phrase, a)
                return
        found = []
        for v in _REPORT_VERB.finditer(text, a, b):
            agent = self._agent_before(number, text, v.start()) or self._agent_after(number, text, v.end())
            if agent:
                key, where = agent
                start, end = min(where, v.start()), max(v.end(), self._mention_end(number, where))
                found.append((key, start, end, text[start:end].strip(_LEAD_JUNK)))
        if not found:
            return
        self._last_agent[number] = found[-1][0]
        key, start, end, attribution = found[-1]
        if start > a and text[a:start].rstrip().endswith(",") and not text[end:b].strip(" ."):
            content_end = text.rindex(",", a, start)
            self._add(text[a:content_end], key, number, "reported", attribution, a)
            if depth == 0:
                self._reported_sentence(number, text, a, content_end, depth + 1)
            return
        key, start, end, attribution = found[0]
        if start - a > 60 or not text[end:b].strip(" ."):
            return
        if text[end:b].lstrip().startswith(","):
            self._add(text[a:b], key, number, "reported", attribution, a)
            return
        lead = re.match(r"\s*(?:reporters\s+|that\s+)*", text[end:b])
        if text[end + lead.end():b].strip(" ."):
            self._add(text[end + lead.end():b], key, number, "reported", attribution, a)

    def _add(self, text: str, key: str, number: int, kind: str, attribution: str, start: int) -> None:
        text = text.strip().strip(",").strip()
        if not text or any(q.text == text and q.speaker == key for q in self.quotes):
            return
        speaker = self.speakers[key]
        self.quotes.append(Quote(text, key, speaker.display, number, kind, attribution, start))


def _sentence_start(text: str, pos: int) -> int:
    starts = [a for a, _ in split_sentences(text[:pos] + "x")]
    return starts[-1] if starts else 0


def _split_embedded_attributions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut an unclosed quote at an attribution inside it ('…concessions, She said. “…')."""
    out = []
    pattern = re.compile(r",\s+(?:[Hh]e|[Ss]he|(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z]\w+|[A-Z]\w+ [A-Z]\w+)\s+"
                         r"(?:said|says|added|told \w+)\b")
    for a, b in spans:
        m = pattern.search(text, a, b)
        out.append((a, m.start()) if m else (a, b))
    return out
