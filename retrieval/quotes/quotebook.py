"""Look up what a speaker said, with the names and misspellings users actually type."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from retrieval.article.cleaning import Article
from retrieval.quotes import organisations
from retrieval.quotes import speakers as sp
from retrieval.quotes.attribution import Attributor
from retrieval.quotes.quote_marks import Quote

# Pronouns a reader may type: "/quote he" asks for a name instead.
_PRONOUNS = frozenset("he she they it him her them his hers their i me we us you".split())


@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    direct: int
    reported: int
    role: str = ""


@dataclass(frozen=True)
class Lookup:
    """Result of /quote NAME, as data (the bot words it).

    status: found (quotes; `pronoun` for "not quoted directly") | author | mentioned (in `paragraphs`) |
    ambiguous (`candidates`) | unknown (`suggestion`, `speakers`; `pronoun` set when the query was one) |
    listing (`speakers`).
    """

    query: str
    status: str
    speaker: str | None = None
    quotes: tuple[Quote, ...] = ()
    pronoun: str = "they"
    paragraphs: tuple[int, ...] = ()
    candidates: tuple[str, ...] = ()
    suggestion: str | None = None
    speakers: tuple[SpeakerSummary, ...] = ()


class QuoteBook:
    """All quotations of one article, grouped by speaker."""

    def __init__(self, article: Article):
        attributor = Attributor(article)
        self.quotes = tuple(attributor.run())
        self.article = article
        self.people = attributor.speakers
        self._by_key: dict[str, list[Quote]] = {}
        for q in self.quotes:
            self._by_key.setdefault(q.speaker, []).append(q)

    def speakers(self) -> list[SpeakerSummary]:
        """Quoted speakers, most direct quotes first; for autocomplete and listings."""
        out = [SpeakerSummary(self.people[k].display, sum(q.kind == "direct" for q in qs),
                              sum(q.kind == "reported" for q in qs), self.people[k].role)
               for k, qs in self._by_key.items()]
        return sorted(out, key=lambda s: (-s.direct, -s.reported, s.name.lower()))

    def lookup(self, name: str) -> Lookup:
        """Quotes of the speaker best matching name; or a listing, a 'mentioned' note, or suggestions."""
        query = name.strip()
        if not sp.fold(query):
            return Lookup(query, "listing", speakers=tuple(self.speakers()))
        if sp.fold(query) in _PRONOUNS:
            return Lookup(query, "unknown", pronoun=sp.fold(query), speakers=tuple(self.speakers()))
        keys = self.matches(query)
        if len(keys) > 1 and all(k in self._by_key for k in keys):
            return Lookup(query, "ambiguous", candidates=tuple(self.people[k].display for k in keys))
        key = keys[0] if len(keys) == 1 else None
        if key is None:
            several = self._candidates(query)
            if len(several) > 1:
                return Lookup(query, "ambiguous", candidates=tuple(self.people[k].display for k in several))
            key = several[0] if several else self._described(query)
        elif key not in self._by_key and len(several := self._candidates(query)) == 1:
            key = several[0]  # "the governor", never quoted under that name, is the quoted Gov. Mike Pence
        elif key not in self._by_key:
            key = self._named_inside(query) or key
        if key and key in self._by_key:
            quotes = sorted(self._by_key[key], key=lambda q: (q.kind != "direct", q.paragraph, q.start))
            pronoun = {"m": "he", "f": "she"}.get(self.people[key].gender or "", "they")
            return Lookup(query, "found", self.people[key].display, tuple(quotes), pronoun)
        author = self._author(query)
        if author and not key:
            return Lookup(query, "author", author)
        paragraphs = self._mentioned_in(key, query)
        if paragraphs:
            display = self.people[key].display if key else query
            return Lookup(query, "mentioned", display, paragraphs=tuple(paragraphs))
        return Lookup(query, "unknown", suggestion=self._suggestion(query), speakers=tuple(self.speakers()))

    def match(self, name: str) -> str | None:
        """Key of the speaker a typed name means, if exactly one does."""
        keys = self.matches(name)
        return keys[0] if len(keys) == 1 else None

    def matches(self, name: str) -> list[str]:
        """Keys of the speakers a typed name means equally well (quoted ones first): exact alias, then a
        per-word typo-tolerant match."""
        words = sp.clean_query(name).split()
        while len(words) > 1 and words[0] in sp.DETERMINERS:
            words = words[1:]
        typed = " ".join(words)
        if not typed:
            return []
        exact = [k for k, s in self.people.items() if typed in s.aliases()]
        if exact:
            exact = self._prefer_quoted(exact)  # "Donald": the quoted Donald Trump, not a bare unquoted "Donald"
            best = min(_alias_rank(typed, k) for k in exact)
            return [k for k in exact if _alias_rank(typed, k) == best]
        scored = []
        for key, speaker in self.people.items():
            if speaker.kind != "person" and len(words) < 2:
                continue  # 'official' is several officials, not the nearest spelling of one
            for alias in speaker.aliases():
                d = _words_distance(typed.split(), alias.split())
                if d is not None:
                    scored.append((d, key))
        if not scored and len(words) > 1:
            scored = self._ending_a_name(words) or self._by_surname(words)
        if not scored:
            return []
        best = min(d for d, _ in scored)
        return self._prefer_quoted([k for d, k in scored if d == best])

    def _ending_a_name(self, words: list[str]) -> list[tuple[int, str]]:
        """'Dana Keel' for a person the article introduced as 'Rider Dana Keel': the typed words end a full name."""
        return [(1, key) for key, speaker in self.people.items() if speaker.kind == "person" and any(
            sp.name_key(n).split()[-len(words):] == words for n in speaker.full_names)]

    def _by_surname(self, words: list[str]) -> list[tuple[int, str]]:
        """'Vladimir Putin' when the article only says 'Mr Putin': the surname matches and no first name the
        article gives contradicts the typed one."""
        if any(words[0] in s.aliases() for s in self.people.values() if s.kind == "person"):
            return []
        out = []
        for key, speaker in self.people.items():
            d = sp.name_distance(words[-1], key) if speaker.kind == "person" else None
            firsts = {sp.fold(n).split()[0] for n in speaker.full_names if len(n.split()) > 1}
            if d is not None and (not firsts or any(sp.name_distance(words[0], f) is not None for f in firsts)):
                out.append((d + 1, key))
        return out

    def _author(self, query: str) -> str | None:
        typed = sp.clean_query(query).split()
        for author in self.article.authors:
            names = sp.fold(author).split()
            if typed and all(any(sp.name_distance(t, n) is not None for n in names) for t in typed):
                return author
        return None

    def _candidates(self, query: str) -> list[str]:
        """Quoted speakers whose description or role contains every typed word ('official' → all the
        officials; 'RAND expert' → the person introduced as 'RAND Corp expert'; 'the judge' → 'Justice X';
        'CFO' → the chief financial officer), a person before an office the words only qualify."""
        words = set(sp.clean_query(query).split()) - sp.DETERMINERS
        if not words:
            return []
        out = []
        for key in self._by_key:
            speaker = self.people[key]
            described = [key] if speaker.kind == "descriptor" else sorted(speaker.roles)
            if speaker.organisation:
                described += organisations.class_nouns(speaker.display)  # "union" for "… Workers Local 412"
            if any(words <= sp.role_words(d) for d in described):
                out.append(key)
        offices = [k for k in out if self.people[k].kind == "descriptor" and k.split()[-1] not in words
                   and k.split()[-1] in organisations.ORG_HEADS]
        return [k for k in out if k not in offices] or out  # "clerk": the town clerk, not the clerk's office

    def _described(self, query: str) -> str | None:
        """A quoted unnamed source whose description starts the typed one or is started by it ('a report
        for Oxfam' for 'a report for Oxfam on energy policies', 'the newspaper, long an advocate')."""
        typed = sp.fold(query.split(",")[0]).split()
        while typed and typed[0] in sp.DETERMINERS:
            typed = typed[1:]
        if not typed:
            return None
        found = [k for k in self._by_key if self.people[k].kind == "descriptor"
                 and (typed[:len(k.split())] == k.split() or k.split()[:len(typed)] == typed)]
        return max(found, key=lambda k: len(k.split())) if found else self._named_inside(query)

    def _named_inside(self, query: str) -> str | None:
        """The quoted speaker named whole inside a typed description ('the families, supporters and
        administration officials'; 'While old Iowa political hands'), the longest if several."""
        typed = sp.fold(query).replace(",", " ").split()
        found = [k for k in self._by_key if len(k.split()) > 1 and _contains(typed, k.split())]
        return max(found, key=lambda k: len(k.split())) if found else None

    def _prefer_quoted(self, keys: list[str]) -> list[str]:
        keys = list(dict.fromkeys(keys))
        return [k for k in keys if k in self._by_key] or keys

    def _mentioned_in(self, key: str | None, query: str) -> list[int]:
        if key:
            return sorted(set(self.people[key].mentions)) or self._paragraphs_containing(self.people[key].key)
        return self._paragraphs_containing(sp.clean_query(query))

    def _paragraphs_containing(self, phrase: str) -> list[int]:
        if len(phrase) < 3:
            return []
        pattern = re.compile(rf"\b{re.escape(phrase)}\b")
        return [p.number for p in self.article.paragraphs if pattern.search(sp.fold(p.text))]

    def _suggestion(self, query: str) -> str | None:
        names = [s.name for s in self.speakers()]
        folded = {sp.fold(n): n for n in names}
        typed = sp.clean_query(query)
        close = difflib.get_close_matches(typed, list(folded), n=1, cutoff=0.6)
        close = close or [f for f in folded if typed and typed.split()[-1] in f.split()]
        return folded[close[0]] if close else None


def _words_distance(typed: list[str], alias: list[str]) -> int | None:
    if len(typed) != len(alias):
        return None
    total = 0
    for t, a in zip(typed, alias, strict=True):
        d = sp.name_distance(t, a)
        if d is None:
            return None
        total += d
    return total


def _alias_rank(typed: str, key: str) -> int:
    """How directly a typed name names a speaker: the whole key, then its surname, then anything else."""
    return 0 if typed == key else 1 if key.split()[-1] == typed.split()[-1] else 2


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))
