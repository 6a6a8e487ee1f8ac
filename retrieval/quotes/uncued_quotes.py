"""Speakers of quotations no speech verb claims, and the speaker a source phrase means: a colon introduction,
a name and any verb after a quotation, a sentence announcing who speaks next, a quotation running over several
paragraphs. A mixin of attribution.Attributor (which holds `people`, `_last_speaker`, `_waiting`, `_add`);
hand-written for the same reason.
"""

from __future__ import annotations

from retrieval.article.sentences import split_sentences
from retrieval.quotes import speaker_phrase, text_spans
from retrieval.quotes.cue_words import cues
from retrieval.quotes.quote_marks import MASK, QuoteSpan
from retrieval.quotes.speaker_phrase import Source


class UncuedQuotes:
    """Who speaks where no cue says so, and which person or unnamed source a source phrase is."""

    def _announce(self, number: int, masked: str) -> bool:
        """'Howard continued his scathing remarks.' closing a paragraph without a quotation: its subject is who
        speaks in a quotation opening the next paragraph."""
        sentences = split_sentences(masked)
        if not sentences:
            return False
        a, b = sentences[-1]
        verb = next((m for m in cues(masked, a, b) if m[2] != "according to"), None)
        source = speaker_phrase.subject(masked, a, verb[1]) if verb else None
        return bool(source and source.kind in ("person", "pronoun") and self._hands_on(number, source))

    def _newcomer(self, number: int, masked: str, after: int) -> None:
        """'A longtime resident says …. Matthew Murray left home around 2 a.m.': a paragraph closing, after all it
        attributes, on a sentence whose subject is a person named in full hands the next paragraph's opening
        quotation to that person."""
        sentences = split_sentences(masked)
        if not sentences or sentences[-1][0] < after:
            return
        a, b = sentences[-1]
        if MASK in masked[a:b] or next(cues(masked, a, b), None):
            return
        source = speaker_phrase.subject(masked, a, b)
        if source and source.kind == "person" and len(source.name.split()) > 1:
            self._hands_on(number, source)

    def _hands_on(self, number: int, source: Source) -> bool:
        """Make the person a paragraph closes on the one who speaks in the next paragraph's opening quotation."""
        key = None if self._common_word(source) else self._speaker_key(number, source)
        if key:
            self._last_speaker[number] = key
        return bool(key)

    def _settle_waiting(self, number: int, spans: list[QuoteSpan], taken: list[tuple[int, int, str]]) -> None:
        """Give the waiting paragraphs to the speaker of this one if it carries the same quotation on."""
        opening = [t for t in taken if spans and spans[0].open <= 2 and t[0] == spans[0].start]
        chain = [w for w in self._waiting if w[0] >= number - len(self._waiting)]
        if opening and chain and chain[-1][0] == number - 1:
            key = opening[0][2]
            for para, quote, start in chain:
                self._add(quote, key, para, "direct", f"{self.speakers[key].display} (¶{number})", start, True)
        self._waiting = []

    def _introduction(self, number: int, text: str, masked: str, q: QuoteSpan) -> str | None:
        """A speaker without a speech verb: the subject of the clause a colon ends ('Mr Kwan was blunt: “The
        deal is dead.”'), or a name and any verb closing the sentence after a quotation ending in a comma
        ('“France will always be France,” an angry Hollande retaliated.')."""
        before = masked[:q.open].rstrip()
        if before.endswith(":"):
            starts = [a for a, _ in split_sentences(before)]
            source = speaker_phrase.subject(masked, starts[-1] if starts else 0, len(before) - 1)
        elif text[q.end:q.close].startswith(",") and (after := text_spans.NAME_THEN_VERB.match(masked, q.close)):
            source = speaker_phrase.classify(after.group(1), after.start(1), after.end(1))
        else:
            return None
        if source is None or source.kind == "description" or self._common_word(source):
            return None
        return self._speaker_key(number, source)

    def _common_word(self, source: Source) -> bool:
        """A one-word 'name' the article also writes in lower case ('Most', 'One'): not a person."""
        return source.kind == "person" and " " not in source.name and not self.people.names_person(source.name)

    def _speaker_key(self, number: int, source: Source) -> str | None:
        if source.kind == "pronoun":
            key = self.people.resolve(source.name, number, source.start)
        elif self._common_word(source):
            key = self.people.describe(source.phrase, number, source.start).key
        elif source.kind == "person":
            key = self.people.person(source.name, number, source.start, role=source.role, titled=True).key
        else:
            key = self.people.describe(source.name, number, source.start).key
        if key:
            self.people.mark_source(key, number, source.start)
        return key
