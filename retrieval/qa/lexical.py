"""BM25 ranking (rank-bm25) behind our own unicode-aware tokenizer, with typo-tolerant query terms."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import snowballstemmer
from rank_bm25 import BM25Okapi

from retrieval.lexicon import FUNCTION_WORDS
from retrieval.text import TITLE_ABBREVIATIONS, WORD, edit_distance_within, normalise

if TYPE_CHECKING:
    from retrieval.qa.aliases import Aliases

# One form for words news spells two ways (Canadian/British vs American) and for the title abbreviations of
# news writing, so "Coun. Dana Okafor" answers "what did the councillor say" and "neighborhood" finds
# "neighbourhood": -our words ("colour", "honoured", "neighbourhoods"), -llor, and a few -re/-ce nouns.
_OUR = re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ably|hood|hoods|er|ers|ful|less|ism)?$")
# Words in -our that are no British spellings: "devour", "contour".
_NOT_OUR = frozenset("devour devours devoured contour contours detour detours troubadour paramour velour".split())
# British → American spellings, so "centre" finds "center" and "defence" "defense".
_SPELLINGS = {
    **{w + s: w[:-2] + "er" + s for w in "centre theatre metre kilometre litre fibre calibre".split()
       for s in ("", "s")},
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "govt": "government", "atty": "attorney",
    **TITLE_ABBREVIATIONS,
}


def spelling(word: str) -> str:
    """The one spelling a normalised word is indexed and searched under."""
    word = _SPELLINGS.get(word, word)
    if word not in _NOT_OUR and (match := _OUR.match(word)):
        word = f"{match.group(1)}or{match.group(2) or ''}"
    return word.replace("llor", "lor")


# The Snowball English stemmer: "closures" → "closur".
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Snowball (Porter 2) stem without possessive and apostrophes, so 'objections'/"object's" meet."""
    if token.endswith("'s"):
        token = token[:-2]
    return _STEMMER.stemWord(spelling(token.replace("'", "")))


def content_term(word: str, acronym: bool = False) -> str | None:
    """The stem of a normalised word, or None for a stopword (checked before and after stemming); an acronym
    ("US", "WHO" written in capitals) is a name, never a stopword."""
    if acronym and word in FUNCTION_WORDS:
        return word
    if word in FUNCTION_WORDS:
        return None
    term = stem(word)
    return term if term and term not in FUNCTION_WORDS else None


def tokenize(text: str) -> list[str]:
    """Content tokens of text: normalised, stemmed, without stopwords."""
    return [t for t in (content_term(normalise(w), is_acronym(w, text)) for w in WORD.findall(text)) if t]


def is_acronym(surface: str, text: str) -> bool:
    """A word of two or more capitals in a text that is not itself written in capitals."""
    return len(surface) >= 2 and surface.isupper() and not text.isupper()


class LexicalIndex:
    """BM25Okapi over pre-tokenised passages; query terms unknown to the article are typo-corrected."""

    def __init__(self, texts: Sequence[str], dictionary: frozenset[str] = frozenset(),
                 k1: float = 1.5, b: float = 0.75, aliases: Aliases | None = None):
        if not texts:
            raise ValueError("cannot build a BM25 index over 0 passages; the article has no body text")
        self.docs = [tokenize(t) for t in texts]
        corpus = [d if d else ["\x00"] for d in self.docs]
        self.bm25 = BM25Okapi(corpus, k1=k1, b=b)
        self.vocabulary = frozenset(t for d in self.docs for t in d)
        self.dictionary = dictionary
        self.aliases = aliases
        self._terms = lru_cache(maxsize=4096)(self._analyse)
        self.surface: dict[str, str] = {}
        for text in texts:
            for surface in WORD.findall(text):
                word = normalise(surface)
                term = content_term(word, is_acronym(surface, text))
                if term:
                    self.surface.setdefault(term, word)
        n = len(self.docs)
        self._idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in self._doc_freq().items()}
        self._max_idf = math.log(1 + (n + 0.5) / 0.5)

    def _doc_freq(self) -> dict[str, int]:
        df: dict[str, int] = {}
        for doc in self.docs:
            for t in set(doc):
                df[t] = df.get(t, 0) + 1
        return df

    def query_terms(self, question: str) -> list[str]:
        """Content terms of the question; a word the article lacks is replaced by the article's words for it
        (aliases), else, when misspelt (one the dictionary doesn't know), by the closest article term within
        an edit budget scaled to its length."""
        return [term for _, term, _ in self._terms(question)]

    def respell(self, question: str) -> str:
        """The question with misspelt words and aliases replaced by the article's words (for the dense
        encoder)."""
        fixes = {word: shown for word, term, shown in self._terms(question)
                 if shown and stem(word) != term}
        if not fixes:
            return question
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, fixes)) + r")\b", re.I)
        return pattern.sub(lambda m: fixes.get(normalise(m.group(0)), m.group(0)), question)

    def _analyse(self, question: str) -> tuple[tuple[str, str, str | None], ...]:
        """(word, term, the article's words for it if respelt) triples of a question; cached because ranking
        and respelling both need them."""
        out = []
        for surface in WORD.findall(question):
            word = normalise(surface)
            term = content_term(word, is_acronym(surface, question))
            if term is None:
                continue
            alias = self.aliases.of(word, surface) if self.aliases and term not in self.vocabulary else None
            if alias:
                out.extend((word, t, alias) for t in tokenize(alias))
                continue
            if term not in self.vocabulary and word.replace("'", "") not in self.dictionary:
                term = self.correct(term)
            out.append((word, term, self.surface.get(term)))
        return tuple(out)

    def correct(self, term: str) -> str:
        """Closest article term to term (ties broken alphabetically), or term itself if none is close."""
        if term in self.vocabulary or len(term) < 4:
            return term
        budget = 1 if len(term) < 8 else 2
        best, best_d = term, budget + 1
        for cand in self.vocabulary:
            if abs(len(cand) - len(term)) > budget or cand[0] != term[0] and len(term) < 6:
                continue
            d = edit_distance_within(term, cand, budget)
            if d is not None and (d < best_d or d == best_d and cand < best):
                best, best_d = cand, d
        return best

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of each passage for already-tokenised query terms."""
        if not terms:
            return np.zeros(len(self.docs))
        return np.asarray(self.bm25.get_scores(list(terms)), dtype=float)

    def coverage(self, terms: Sequence[str], doc: int | None = None) -> float:
        """IDF-weighted share of the query terms found in one passage (or anywhere, if doc is None)."""
        unique = list(dict.fromkeys(terms))
        if not unique:
            return 0.0
        present = self.vocabulary if doc is None else set(self.docs[doc])
        weights = {t: self._idf.get(t, self._max_idf) for t in unique}
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in present) / total
