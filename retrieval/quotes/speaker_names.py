"""Which words of a source's noun phrase are a person's name: the capitalised run after a role ('organizing
director Kendall Fells'), after a title ('Senate Minority Leader Chuck Schumer'), or a phrase that is a name
or an organisation's name as a whole. Hand-written with sources.py, for the same reason.
"""

from __future__ import annotations

import re

from retrieval.quotes import organisations, speakers

# Conjunctions that open no name: "Although", "But".
CONJUNCTIONS = frozenset("although though while when if because as yet but and so whether unless".split())

# Words that open a capitalised run without being a name: organisations, places, roles ('House', 'Executive').
_OPENING_WORDS = (speakers.NOT_PERSON_WORDS - speakers.MONTHS) | speakers.NOT_NAME_ENDINGS


def name_after_role(words: list[str]) -> str:
    """'Fight for $15 organizing director Kendall Fells' → 'Kendall Fells': a full name closing a phrase right
    after a role noun, whatever prepositions came before."""
    run: list[str] = []
    for w in reversed(words):
        if not speakers.name_token(w) or speakers.is_title(w):
            break
        run.insert(0, w)
    if len(run) == len(words):
        return ""
    before = words[len(words) - len(run) - 1]
    run = without_leading_roles(run)  # "Chief Executive Dana Whitlock": "Executive" is no name
    titled = speakers.is_role(before) or speakers.is_title(before)
    if len(run) < 2 or not speakers.plausible_name(run, True) or not titled:
        return ""
    return re.sub(r"[’']s$", "", " ".join(run))  # "FBI Director James Comey's news conference": James Comey


def without_leading_roles(run: list[str]) -> list[str]:
    """A capitalised run without the organisation, place or role words that open it ('House', 'Executive')."""
    while len(run) > 1 and (speakers.fold(run[0]) in _OPENING_WORDS or speakers.is_role(run[0])):
        run = run[1:]
    return run


def name_at_end(head: list[str]) -> tuple[bool, str]:
    """The capitalised run closing a phrase's head, after its last title word: ('Senate Minority Leader
    Chuck Schumer' → 'Chuck Schumer'); empty when the head ends in a common noun or names an organisation."""
    run: list[str] = []
    for w in reversed(head):
        if not speakers.name_token(w):
            break
        run.insert(0, w)
    run = without_leading_roles(run)
    if len(run) == 1 and speakers.is_title(run[0]):
        return True, ""
    if len(run) == 1 and speakers.is_role(run[0]):
        return False, ""  # "Lawyers for X" opening a sentence
    titled = False
    for i in range(len(run) - 2, -1, -1):
        if speakers.is_title(run[i]):
            titled = True
            run = run[i + 1:]
            break
    run = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in run]
    if not run or (len(head) > len(run) and head[len(head) - len(run) - 1].lower() == "the" and not titled):
        return titled, ""
    if not speakers.plausible_name(run, titled or len(head) > len(run)):
        return titled, ""
    return titled, " ".join(run)


def proper(phrase: str) -> bool:
    """A capitalised run: a person's or an organisation's name ('Luis Alvarado', 'Northway Bank')."""
    words = phrase.split()
    return 0 < len(words) <= 5 and all(speakers.name_token(w) for w in words) and words[0].lower() not in CONJUNCTIONS \
        and (not phrase.endswith(".") or speakers.fold(words[-1]) in organisations.CORPORATE)  # "Valley Power Co."


def is_name(phrase: str) -> bool:
    words = phrase.split()
    return 1 < len(words) <= 4 and all(speakers.name_token(w) for w in words) and speakers.plausible_name(words, False)


def role_word(word: str) -> bool:
    return speakers.is_role(word) or speakers.is_title(word)


def proper_with_of(words: list[str]) -> bool:
    """'Friends of Heron Point', 'Bank of Canada': one capitalised word, 'of' and a capitalised name, with no
    title in it (not 'Secretary of State John Kerry')."""
    if len(words) < 3 or words[1] != "of" or any(speakers.is_title(w) for w in words):
        return False  # "Alice Jones of the Independent" is a person
    return all(w in ("of", "and", "the", "for") or speakers.name_token(w) for w in words) \
        and words[0] not in ("The", "A", "An")
