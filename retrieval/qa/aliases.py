"""Other names readers use for the article's entities, so a question's word the article never uses still
finds the words it does use.

Two sources, neither written for an article: the countryinfo package's data (each country's name, other
spellings, capital and demonym are one entity: "Kyiv" or "Ukrainian" asks about Ukraine, "Moscow" about
Russia), and acronyms the article spells out in capitalised words ("Greater Toronto Area" → "gta"). Two-letter
country codes count only when the question writes them in capitals ("US", never "us").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from retrieval.text import words

# Initials closing a name: "Jacob J." → "Jacob".
_INITIALS_END = re.compile(r"(?:\s+(?:\w\.){1,3})+$")  # "Washington D.C." is also "Washington"
# A capitalised run, linking words allowed: "Department of Forestry and Fire Protection".
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of|and|the|for|de|du)?\s*[A-Z][\w'’-]*)+")
# Words inside a name that an acronym skips: "of", "and".
_LINKERS = frozenset("of and the for de du".split())


@cache
def country_forms() -> dict[str, tuple[str, ...]]:
    """Every normalised form of every country (name, other spellings, capital, demonym) → all its forms."""
    from countryinfo import CountryInfo

    out: dict[str, tuple[str, ...]] = {}
    for info in CountryInfo.all().values():
        names = [info.get("name"), info.get("capital"), info.get("demonym"), *(info.get("altSpellings") or [])]
        names = [n for n in names if isinstance(n, str) and n.strip()]
        names += [_INITIALS_END.sub("", n) for n in names]
        forms = tuple(dict.fromkeys(f for f in map(_joined, names) if f))
        for form in forms:
            out.setdefault(form, forms)
    return out


def _joined(text: str) -> str:
    return " ".join(words(text))


def acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Initials of the article's capitalised multi-word names → the name ("new york city" for "nyc")."""
    out: dict[str, str] = {}
    for text in texts:
        for run in _NAME_RUN.finditer(text):
            words = run.group(0).split()
            while words and words[0].lower() in _LINKERS:
                words.pop(0)
            initials = "".join(w[0] for w in words if w.lower() not in _LINKERS).lower()
            if len(initials) >= 2:
                out.setdefault(initials, " ".join(words))
    return out


class Aliases:
    """Article words for a question's word the article does not contain, by the rules above."""

    def __init__(self, texts: Iterable[str]):
        texts = list(texts)
        self._acronyms = acronyms(texts)
        self._text = " " + " ".join(_joined(t) for t in texts) + " "

    def _in_article(self, form: str) -> bool:
        return f" {form} " in self._text

    def of(self, word: str, surface: str) -> str | None:
        """The article's words for `word` (normalised; `surface` as the question wrote it), or None."""
        if len(word) <= 2 and not surface.isupper():
            return None
        forms = country_forms().get(word)
        if forms:
            present = [f for f in forms if f != word and self._in_article(f)]
            if present:
                return present[0]
        return self._acronyms.get(word)
