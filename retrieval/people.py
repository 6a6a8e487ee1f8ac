"""Everyone an article quotes or mentions, as entities: every way it names one person is one speaker.

'Senate Minority Leader Chuck Schumer', 'Chuck Schumer', 'Mr. Schumer' and 'Schumer' resolve to one key
(the folded first and last name); a lone surname goes to the person of that surname mentioned most recently
(or, failing that, first after it), so two Clintons stay two people. Pronouns go to the most recent person
of a compatible gender that the article has shown to be a person (a title, a description, a quote).
"""

from __future__ import annotations

import bisect
import re

from . import speakers as sp
from .article import Article

_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m",
                     "lady": "f"}
_PLURAL_PRONOUNS = {"they"}
_DETERMINERS = re.compile(r"^(?:the|a|an|one|another)\s+", re.I)


class People:
    def __init__(self) -> None:
        self.speakers: dict[str, sp.Speaker] = {}
        self._timeline: list[tuple[int, int, str]] = []  # (paragraph, offset, key), kept sorted
        self._evidence: set[str] = set()
        self._by_word: dict[str, list[tuple[int, int, str]]] = {}  # first or last name → its mentions, sorted

    def scan(self, article: Article) -> None:
        """Register every person the article names with a title or a full name, in order."""
        for para in article.paragraphs:
            for m in sp.PERSON.finditer(para.text):
                stripped_title, name = sp.strip_leading(m.group("name"))
                words = name.split()
                titled = bool(m.group("hon") or m.group("title")) or stripped_title
                if not words or not sp.plausible_name(words, titled) or (len(words) < 2 and not titled):
                    continue
                speaker = self.person(name, para.number, m.start("name"), titled=titled)
                if m.group("hon"):
                    speaker.gender = speaker.gender or _HONORIFIC_GENDER.get(sp.fold(m.group("hon")))
                roles = sp.roles_around(para.text, m.start(), m.end())
                speaker.roles.update(roles)
                if roles or titled:
                    self._evidence.add(speaker.key)

    def person(self, name: str, number: int, offset: int, *, role: str = "", titled: bool = False) -> sp.Speaker:
        """The speaker a name means at this point of the article (registered if new)."""
        words = [w for w in sp.fold(name).split() if w]
        display_words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)] or name.split()
        key = self._key(words, number, offset)
        speaker = self.speakers.get(key)
        if speaker is None:
            speaker = self.speakers[key] = sp.Speaker(key, " ".join(display_words), "person")
        if len(display_words) > 1:
            speaker.full_names.add(" ".join(display_words))
            if len(" ".join(display_words)) > len(speaker.display) or " " not in speaker.display:
                speaker.display = " ".join(display_words)
        if role:
            speaker.roles.add(sp.fold(role))
        if role or titled:
            self._evidence.add(key)
        self._mention(number, offset, key)
        return speaker

    def describe(self, phrase: str, number: int, offset: int) -> sp.Speaker:
        """An unnamed source ('a spokeswoman for NHS England'), keyed by its words without the article."""
        display = " ".join(phrase.split())
        key = sp.fold(_DETERMINERS.sub("", display)) or sp.fold(display)
        speaker = self.speakers.get(key)
        if speaker is None:
            speaker = self.speakers[key] = sp.Speaker(key, display, "descriptor")
        self._mention(number, offset, key)
        return speaker

    def mark_source(self, key: str) -> None:
        self._evidence.add(key)

    def resolve(self, pronoun: str, number: int, offset: int) -> str | None:
        """The entity a pronoun most likely points back to, at most three paragraphs back."""
        if pronoun in ("i", "we"):
            return None
        gender = {"he": "m", "she": "f"}.get(pronoun)
        here = bisect.bisect_left(self._timeline, (number, offset, ""))
        fallback = None
        for para, _, key in reversed(self._timeline[:here]):
            if para < number - 3:
                break
            speaker = self.speakers[key]
            if pronoun in _PLURAL_PRONOUNS or pronoun == "it":
                plural = speaker.key.endswith("s") and speaker.kind == "descriptor"
                if speaker.kind != "person" and plural == (pronoun == "they"):
                    return key
                continue
            if speaker.kind != "person" or speaker.gender not in (None, gender):
                continue
            if key in self._evidence:
                fallback = key
                break
            fallback = fallback or key
        if fallback and gender:
            self.speakers[fallback].gender = gender
        return fallback

    def _key(self, words: list[str], number: int, offset: int) -> str:
        if len(words) > 1:
            first, last = words[0], words[-1]
            key = f"{first} {last}"
            if key in self.speakers:
                return key
            for _, _, other in self._by_word.get(last, ()):
                parts = other.split()
                if len(parts) == 2 and parts[1] == last and _same_first_name(parts[0], first):
                    return other
            return key
        word = words[0]
        entries = [e for e in self._by_word.get(word, ()) if " " in e[2] or e[2] == word]
        i = bisect.bisect_left(entries, (number, offset, ""))
        if i:
            return entries[i - 1][2]
        return entries[0][2] if entries else word

    def _mention(self, number: int, offset: int, key: str) -> None:
        entry = (number, offset, key)
        i = bisect.bisect_left(self._timeline, entry)
        if i < len(self._timeline) and self._timeline[i] == entry:
            return
        self._timeline.insert(i, entry)
        speaker = self.speakers[key]
        if number not in speaker.mentions:
            speaker.mentions.append(number)
        if speaker.kind == "person":
            parts = key.split()
            for word in {parts[0], parts[-1]}:
                bisect.insort(self._by_word.setdefault(word, []), entry)


def _same_first_name(a: str, b: str) -> bool:
    """'V' and 'vladimir', 'chris' and 'christopher', 'sandy' and 'sandra' (not 'mark' and 'mary')."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a.startswith(b) or b.startswith(a) or (len(a) > 3 and len(b) > 3 and a[:4] == b[:4])
