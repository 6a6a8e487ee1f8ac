"""Small string helpers shared by ranking and quote lookup."""

from __future__ import annotations

import re
import unicodedata

# Title abbreviations of news writing and the words they stand for ("Coun. Dana Okafor" is a councillor).
TITLE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                       "prof": "professor", "dr": "doctor", "col": "colonel", "capt": "captain", "lt": "lieutenant",
                       "sgt": "sergeant", "adm": "admiral", "coun": "councillor", "pres": "president",
                       "const": "constable", "cst": "constable", "det": "detective", "insp": "inspector",
                       "supt": "superintendent", "cpl": "corporal"}


def edit_distance_within(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance (with adjacent transpositions) of a and b if it is <= limit, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return None
        prev2, prev = prev, cur
    return prev[-1] if prev[-1] <= limit else None

# A word: letters and digits, with inner apostrophes ("don't", "O’Brien").
WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# Curly and back apostrophes as a straight one: "don’t" → "don't".
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    """Fold case, compatibility forms, accents and curly apostrophes."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Normalised words of text, stopwords included."""
    return WORD.findall(normalise(text))
