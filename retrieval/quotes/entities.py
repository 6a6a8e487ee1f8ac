"""Everyone an article quotes or mentions, as entities: every way it names one person is one speaker.

'Senate Minority Leader Chuck Schumer', 'Chuck Schumer', 'Mr. Schumer' and 'Schumer' resolve to one key
(the folded first and last name); a lone surname goes to the person first named with it, as news style keeps
a bare surname for the principal one of two namesakes, and two Clintons stay two people. Pronouns go to the
most recent person of a compatible gender that the article has shown to be a person (a title, a description, a quote).
"""

from __future__ import annotations

import bisect
import itertools
import re

from retrieval.article.cleaning import Article
from retrieval.article.sentences import split_sentences
from retrieval.quotes import organisations, speakers
from retrieval.quotes.phrase_words import PREPOSITIONS
from retrieval.quotes.quote_marks import marked_spans, mask
from retrieval.quotes.speaker_phrase import LEADING_PHRASE
from retrieval.text import TITLE_ABBREVIATIONS

# Pronouns that may mean a group: "they said" after "the union".
_PLURAL_PRONOUNS = {"they"}
# A word written in lower case: the article's common words ("most", "will") are no names.
_LOWER_WORD = re.compile(r"(?<![\w’'\-])[a-z]+(?![\w’'\-])")
# A capitalised word: "Schumer" alone, wherever the article names a Schumer in full.
_CAPITALISED = re.compile(r"(?<![\w’'])[A-ZÀ-Þ][\w’'\-]+")
# Gendered pronouns after a person: "he", "her", "herself".
_GENDERED = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
# The feminine ones among them.
_FEMININE = frozenset("she her hers herself".split())
# An article before a name used as a modifier: "the Clinton campaign".
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
# A subject pronoun opening a sentence before a name: "But he suggested that Mr. Lew …".
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|they|we|I)\b")
# A leading article dropped from a displayed description: "the department" → "department".
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_FORWARD = 1  # paragraphs a description may look ahead for the organisation it means ("their union said" in a lede)


class People:
    def __init__(self) -> None:
        self.speakers: dict[str, speakers.Speaker] = {}
        # per paragraph, kept sorted by offset: who is mentioned where, and where cues' sources and sentence
        # subjects are (what a pronoun most likely points back to)
        self._in_paragraph: dict[int, list[tuple[int, str]]] = {}
        self._sources: dict[int, list[tuple[int, str]]] = {}
        self._evidence: set[str] = set()
        # first or last name → (paragraph, offset, key) of the earliest person mentioned by it
        self._first_by_word: dict[str, tuple[int, int, str]] = {}
        self._keys_by_word: dict[str, set[str]] = {}
        self._descriptors_by_head: dict[str, list[str]] = {}
        self._organisations_by_alias: dict[str, str] = {}  # a name, short form or acronym → the organisation's key
        self.common: set[str] = set()  # words the article also writes in lower case ("most", "will")

    def names_person(self, word: str) -> bool:
        """Whether one capitalised word can be a person's name here: a name the article gives in full, or a
        word it never writes in lower case ('Merkel' yes; 'Most', 'One' no)."""
        return speakers.name_key(word) in self._keys_by_word or word.lower() not in self.common

    def scan(self, article: Article) -> None:
        """Register every person the article names with a title or a full name, in order."""
        self.common = common = {w for p in article.paragraphs for w in _LOWER_WORD.findall(p.text)}
        unquoted_texts = {p.number: mask(p.text, marked_spans(p.text)) for p in article.paragraphs}
        for para in article.paragraphs:
            unquoted = unquoted_texts[para.number]
            starts = {a for a, _ in split_sentences(unquoted)}
            for m in speakers.PERSON.finditer(unquoted):
                stripped_title, name = speakers.strip_leading(m.group("name"))
                if m.start() in starts and len(name.split()) > 1 and name.split()[0].lower() in common:
                    name = name.split(None, 1)[1]  # "Though Trump", "Actor Clint Howard" opening a sentence
                words = name.split()
                titled = bool(m.group("hon") or m.group("title")) or stripped_title
                if not words or not speakers.plausible_name(words, titled) or (len(words) < 2 and not titled):
                    continue
                title = " ".join(w for w in (m.group("hon") or m.group("title") or "",
                                             m.group("name")[:m.group("name").rfind(name)]) if w).strip()
                speaker = self.person(name, para.number, m.start("name"), role=title, titled=titled)
                if m.group("hon"):
                    speaker.gender = speaker.gender or speakers.HONORIFICS.get(speakers.fold(m.group("hon")))
                roles = speakers.roles_around(unquoted, m.start(), m.end())
                speaker.roles.update(roles)
                if roles or titled:
                    self._evidence.add(speaker.key)
        self._bare_mentions(unquoted_texts)
        for number, unquoted in unquoted_texts.items():
            for offset, name, short in organisations.in_text(unquoted):
                org = self.organisation(name, number, offset)
                if short:
                    org.roles.add(speakers.fold(short))
        self._learn_genders(article, unquoted_texts)
        self._subjects(article)

    def _subjects(self, article: Article) -> None:
        """People who open a sentence are, like quoted sources, what a later 'he' or 'she' most likely means."""
        for para in article.paragraphs:
            here = self._in_paragraph.get(para.number, [])
            for a, b in split_sentences(para.text):
                a = LEADING_PHRASE.match(para.text, a, b).end()  # not the subject of "If Trump loses, …"
                first = next(((o, k) for o, k in here if o >= a), None)
                if first and (_MODIFIER_BEFORE.search(para.text, a, first[0])
                              or _PRONOUN_BEFORE.search(para.text, a, first[0])):
                    continue  # "the Clinton campaign is …", "But he suggested that Mr. Lew …": not the subject
                if first and len(para.text[a:first[0]].split()) <= 4 and self.speakers[first[1]].kind == "person":
                    bisect.insort(self._sources.setdefault(para.number, []), first)

    def _bare_mentions(self, unquoted_texts: dict[int, str]) -> None:
        """'Schumer' alone, wherever the article has named a Schumer in full (quotations left out)."""
        names = {k.split()[-1] for k, s in self.speakers.items() if s.kind == "person" and " " in k}
        folded: dict[str, str] = {}
        for number, unquoted in unquoted_texts.items():
            for m in _CAPITALISED.finditer(unquoted):
                word = folded.setdefault(m.group(), speakers.name_key(m.group()))
                if word in names:
                    self.person(m.group(), number, m.start())

    def _learn_genders(self, article: Article, unquoted_texts: dict[int, str]) -> None:
        """A person's gender from the pronouns that follow them in sentences naming no one else, quotations left
        out ("Beck wrote: “I couldn't disagree with her more”" says nothing of Beck)."""
        counts: dict[str, list[int]] = {}
        for para in article.paragraphs:
            here = [(o, k) for o, k in self._in_paragraph.get(para.number, []) if self.speakers[k].kind == "person"]
            text = unquoted_texts[para.number]
            for a, b in split_sentences(para.text):
                named = [(o, k) for o, k in here if a <= o < b]
                if len({k for _, k in named}) != 1:
                    continue
                tally = counts.setdefault(named[0][1], [0, 0])
                for m in _GENDERED.finditer(text, named[0][0], b):
                    tally[m.group().lower() in _FEMININE] += 1
        for key, (male, female) in counts.items():
            speaker = self.speakers[key]
            if speaker.gender is None and max(male, female) >= max(2, 2 * min(male, female) + 1):
                speaker.gender = "m" if male > female else "f"

    def person(self, name: str, number: int, offset: int, *, role: str = "", titled: bool = False) -> speakers.Speaker:
        """The speaker a name means at this point of the article (registered if new)."""
        words = speakers.name_key(name).split()
        display_words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)] or name.split()
        key = self._key(words, number, offset)
        speaker = self.speakers.get(key)
        if speaker is None:
            speaker = self.speakers[key] = speakers.Speaker(key, " ".join(display_words), "person")
        if len(display_words) > 1:
            speaker.full_names.add(" ".join(display_words))
            if len(" ".join(display_words)) > len(speaker.display) or " " not in speaker.display:
                speaker.display = " ".join(display_words)
        if role:
            speaker.roles.add(speakers.fold(role))
            folded = speakers.fold(role)
            if not speaker.role and folded not in speakers.HONORIFICS:
                speaker.role = _ARTICLE.sub("", " ".join(role.split()).strip(" ,"))
        if role or titled:
            self._evidence.add(key)
        self._mention(number, offset, key)
        return speaker

    def describe(self, phrase: str, number: int, offset: int) -> speakers.Speaker:
        """An unnamed source ('a spokeswoman for NHS England'), keyed by its words without the article; a
        definite description of one recently named person ('the senator' after 'Sen. Ann Lee') is that person."""
        person = self._described_person(phrase, number, offset)
        if person is None and speakers.description_key(phrase) not in self.speakers:  # "the official" again
            person = self._organisation_meant(phrase, number, offset)
        if person:
            person.roles.add(speakers.description_key(phrase))  # and found by it
            self._mention(number, offset, person.key)
            return person
        display = " ".join(phrase.split())
        display = _ARTICLE.sub("", display) if len(display.split()) > 1 else display
        key = speakers.description_key(display)
        speaker = self.speakers.get(key) or self._same_head(phrase)
        if speaker is None:
            speaker = self.speakers[key] = speakers.Speaker(key, display, "descriptor")
            speaker.organisation = _head(key) in organisations.ORG_HEADS  # "the city's transit agency"
            self._descriptors_by_head.setdefault(key.split()[-1], []).append(key)
        elif speaker.key != key:
            speaker.roles.add(key)  # still found as "the fire agency"
        self._mention(number, offset, speaker.key)
        return speaker

    def organisation(self, name: str, number: int, offset: int) -> speakers.Speaker:
        """The organisation a name means (registered if new), found later by its short forms and acronym."""
        key = speakers.description_key(name)
        speaker = self.speakers.get(key) or self._organisation_named(key)
        if speaker is None:
            display = _ARTICLE.sub("", " ".join(name.split()))
            speaker = self.speakers[key] = speakers.Speaker(key, display, "descriptor", organisation=True)
            speaker.roles.update(organisations.aliases(name, self.common) - {key})
            for alias in speaker.aliases():
                self._organisations_by_alias.setdefault(alias, key)
        self._mention(number, offset, speaker.key)
        return speaker

    def _organisation_named(self, alias: str) -> speakers.Speaker | None:
        key = self._organisations_by_alias.get(alias)
        return self.speakers[key] if key else None

    def _organisation_meant(self, phrase: str, number: int, offset: int) -> speakers.Speaker | None:
        """The organisation a source phrase names or describes: by a name or short form ('Cal Fire'), or as
        the nearest one before whose name holds the description's nouns ('the department', 'hospital officials',
        'a spokesperson for the police service'; 'the company': the nearest company)."""
        key = speakers.description_key(phrase)
        named = self._organisation_named(key) or self._organisation_named(organisations.spoken_for(phrase) or "")
        if named:
            return named  # "Cal Fire", "a spokeswoman for Varden"
        described = organisations.description_words(phrase)
        if described is None:
            return None
        nouns, spoken = described
        earlier = (k for _, k in self._before(self._in_paragraph, number, offset, number))
        later = () if spoken or len(nouns) > 1 else (  # "their union said …", named just after
            k for _, k in self._after(self._in_paragraph, number, offset, _FORWARD))
        for candidate in itertools.chain(earlier, later):
            org = self.speakers[candidate]
            if org.organisation and org.key != key and (nouns <= set(speakers.fold(org.display).split())
                                                        or nouns <= organisations.class_nouns(org.display)):
                return org
        return None

    def _same_head(self, phrase: str) -> speakers.Speaker | None:
        """The one unnamed source met before whose head noun a definite description repeats ('the fire agency'
        after 'the provincial wildfire agency')."""
        words = speakers.fold(phrase).split()
        if len(words) < 2 or words[0] != "the":
            return None
        found = self._descriptors_by_head.get(words[-1], [])
        return self.speakers[found[0]] if len(found) == 1 else None

    def _described_person(self, phrase: str, number: int, offset: int) -> speakers.Speaker | None:
        words = speakers.fold(phrase).split()
        surname = speakers.description_key(phrase)
        named = [k for k in self._keys_by_word.get(surname, ()) if " " in k and k.split()[-1] == surname]
        if len(named) == 1 and phrase.split()[-1][:1].isupper():  # "the Trump who …", not "the nurses"
            return self.speakers[named[0]]  # "the Trump who …" is the Donald Trump the article names
        if len(words) < 2 or len(words) > 4 or words[0] != "the":
            return None
        head = _head(" ".join(words))  # "the City of Calgary": city
        head = TITLE_ABBREVIATIONS.get(head, head)
        nearby = {key for _, key in self._before(self._in_paragraph, number, offset, 3)}
        found = self._with_role_head(nearby, head) or self._with_role_head(  # else anyone named with it before
            {k for k, s in self.speakers.items() if s.roles and min(s.mentions, default=number + 1) <= number}, head)
        return self.speakers[found.pop()] if len(found) == 1 else None

    def _with_role_head(self, keys: set[str], head: str) -> set[str]:
        return {k for k in keys if self.speakers[k].kind == "person" and head in self._role_heads(k)}

    def _role_heads(self, key: str) -> set[str]:
        """The nouns a person's roles are about: 'town clerk' → clerk, 'Sen.' → senator."""
        return {TITLE_ABBREVIATIONS.get(_head(role), _head(role)) for role in self.speakers[key].roles}

    def mark_source(self, key: str, number: int, offset: int) -> None:
        self._evidence.add(key)
        bisect.insort(self._sources.setdefault(number, []), (offset, key))

    @staticmethod
    def _before(index: dict[int, list[tuple[int, str]]], number: int, offset: int, back: int):
        """(paragraph, key) of the entries before a point, nearest first, at most `back` paragraphs back."""
        for para in range(number, max(0, number - back - 1), -1):
            entries = index.get(para, [])
            if para == number:
                entries = entries[:bisect.bisect_left(entries, (offset, ""))]
            for _, key in reversed(entries):
                yield para, key

    @staticmethod
    def _after(index: dict[int, list[tuple[int, str]]], number: int, offset: int, ahead: int):
        """(paragraph, key) of the entries after a point, nearest first, at most `ahead` paragraphs on."""
        for para in range(number, number + ahead + 1):
            entries = index.get(para, [])
            if para == number:
                entries = entries[bisect.bisect_right(entries, (offset, "\uffff")):]
            for _, key in entries:
                yield para, key

    def resolve(self, pronoun: str, number: int, offset: int) -> str | None:
        """The entity a pronoun most likely points back to, at most three paragraphs back."""
        if pronoun in ("i", "we"):
            return None
        gender = {"he": "m", "she": "f"}.get(pronoun)
        if gender:
            for _, key in self._before(self._sources, number, offset, 1):
                speaker = self.speakers[key]
                if speaker.kind == "person" and speaker.gender in (None, gender):
                    speaker.gender = gender
                    return key
        fallback = None
        for _, key in self._before(self._in_paragraph, number, offset, 5):
            speaker = self.speakers[key]
            if pronoun in _PLURAL_PRONOUNS or pronoun == "it":
                plural = speaker.key.endswith("s") and speaker.kind == "descriptor"
                if speaker.kind != "person" and (plural == (pronoun == "they") or speaker.organisation
                                                 and pronoun == "it"):
                    return key
                continue
            if speaker.kind != "person" or speaker.gender not in (None, gender):
                continue
            if key in self._evidence:
                fallback = key
                break
        if fallback and gender:
            self.speakers[fallback].gender = gender
        return fallback

    def _key(self, words: list[str], number: int, offset: int) -> str:
        if len(words) > 1:
            first, last = words[0], words[-1]
            key = f"{first} {last}"
            if key in self.speakers:
                return key
            for other in self._keys_by_word.get(last, ()):
                parts = other.split()
                if len(parts) == 2 and parts[1] == last and (_same_first_name(parts[0], first) or any(
                        _ends_with(key, words) or _ends_with(words, key)
                        for key in (speakers.name_key(full).split() for full in self.speakers[other].full_names))):
                    return other
            return key
        first = self._first_by_word.get(words[0])
        return first[2] if first else words[0]

    def _mention(self, number: int, offset: int, key: str) -> None:
        here = self._in_paragraph.setdefault(number, [])
        i = bisect.bisect_left(here, (offset, key))
        if i < len(here) and here[i] == (offset, key):
            return
        here.insert(i, (offset, key))
        speaker = self.speakers[key]
        first_here = number not in speaker.mentions
        speaker.mentions.add(number)
        if speaker.kind == "person" and first_here:
            parts = key.split()
            for word in {parts[0], parts[-1]}:
                self._first_by_word[word] = min(self._first_by_word.get(word, (number, offset, key)),
                                                (number, offset, key))
                self._keys_by_word.setdefault(word, set()).add(key)


def _head(key: str) -> str:
    """The noun a description is about: 'spokesperson for the service' → spokesperson."""
    words = list(itertools.takewhile(lambda w: w not in PREPOSITIONS and w not in ("that", "who", "which"),
                                     key.split()))
    return words[-1] if words else ""


def _same_first_name(a: str, b: str) -> bool:
    """'V' and 'vladimir', 'chris' and 'christopher', 'sandy' and 'sandra' (not 'mark' and 'mary')."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a.startswith(b) or b.startswith(a) or (len(a) > 3 and len(b) > 3 and a[:4] == b[:4])


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    """'Aung San Suu Kyi' and 'Suu Kyi': names without a surname shortened from the front."""
    return 1 < len(shorter) < len(longer) and longer[-len(shorter):] == shorter
