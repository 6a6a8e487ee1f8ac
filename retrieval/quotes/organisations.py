"""Organisations as speakers: agencies, companies, unions, outlets. Their names in the text, the short forms and
acronyms a reader types ('NWS', 'Northstar', 'Cal Fire'), and which one a description means ('the department',
'the zoo', 'hospital officials', 'a spokesperson for the service').

Hand-written with entities.py: a news organisation is recognised by the noun that heads its name, which no
installable tagger here would do better for the words news uses.
"""

from __future__ import annotations

import re

from retrieval.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from retrieval.quotes.speakers import (
    COMPANY_HEADS,
    DETERMINERS,
    LABOUR_HEADS,
    NOT_NAME_ENDINGS,
    NOT_PERSON_WORDS,
    fold,
)

# Places that name a government only as "City of Delmar", "State of Ohio" (not "New York City", "United States").
PLACE_HEADS = frozenset("city county state states province district town village".split())
# Nouns that head an organisation's name: "Easton Police Service", "Department of Forestry", "Greenfield Zoo".
ORG_HEADS = NOT_NAME_ENDINGS - PLACE_HEADS - frozenset("""street avenue road square tower republicans democrats
    conservatives liberals hotel restaurant casino resort stadium arena grill cafe bar campaign""".split()) - frozenset(
    MONTH_NAMES + WEEKDAY_NAMES)
# Last words that make a capitalised run a company: "Northstar Minerals Inc.", "Kestrel Foods Ltd."
CORPORATE = frozenset("inc ltd corp llc co plc limited incorporated corporation holdings".split())
# Words a description puts before an organisation's head noun without naming it: "the state Department of …".
MODIFIERS = frozenset("state provincial federal national regional local city town county municipal".split())
# Who speaks for an organisation rather than for themselves: "a spokesperson for the service", "hospital officials",
# "lawyers for Kestrel Ridge Mining".
SPOKESPEOPLE = frozenset("""spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen official officials
    representative representatives statement lawyer lawyers attorney attorneys""".split())
# Class nouns that mean the company last named, whatever its name: "the company" after "Northstar Minerals Inc.",
# "the operator", "the supplier".
COMPANY_NOUNS = frozenset("""company firm business corporation employer operator supplier contractor developer
    retailer manufacturer maker producer processor insurer carrier airline utility chain""".split())
# ...and a bank's or credit union's: "the lender" after "Lakeshore Credit Union".
LENDER_NOUNS = COMPANY_NOUNS | {"lender", "bank"}
# Names of lenders: "Lakeshore Credit Union", "Northway Bank".
_LENDER_NAMES = re.compile(r"\b(?:bank|credit union|building society|savings and loan)\b")
# The class noun that means the union last named: "the union" after "United Manufacturing Workers".
UNION_NOUNS = frozenset({"union"})
_NUMBERED = re.compile(r"\s+[A-Z][a-z]+\s+\d+$")  # "… Workers Local 412": a branch and its number
# Words inside a name that no acronym or short form keeps: "Department of Forestry and Fire Protection" → "DFFP".
_LINKS = frozenset("of and for the & de du la on in at".split())
# Capitalised words that open a sentence or phrase before a name: "In the United States", "But the Zoo".
_LEADING = (NOT_PERSON_WORDS - ORG_HEADS) | DETERMINERS
# A capitalised word or a number in a name: "Local", "412".
_CAP_WORD = r"(?:[A-Z][\w’'\-]*\.?|\d+)"
# A capitalised run, linking words allowed inside: "Department of Forestry and Fire Protection", "Local 412".
NAME_RUN = re.compile(rf"(?<![\w’'\-]){_CAP_WORD}(?:\s+(?:(?:of|and|for|the|&|de)\s+)*{_CAP_WORD})*")
# A spokesperson's noun and whom they speak for: "a spokeswoman for Varden".
_SPOKEN_FOR = re.compile(rf"(?:(?:a|an|the)\s+)?(?:{'|'.join(sorted(SPOKESPEOPLE))})\s+(?:for|of|at|with)\s+(.+)")
# A bracketed short form after a name: "… Fire Protection (Cal Fire)".
_SHORT_FORM = re.compile(r"\s*\(([A-Z][\w’'.&\- ]{1,24})\)")


def organisation_name(run: str) -> str | None:
    """The organisation a capitalised run names, without a leading 'The' or trailing link word: it ends in a
    head noun or a company ending ('Greenfield Zoo', 'Northstar Minerals Inc.'), or opens with a head noun and
    an 'of' ('City of Delmar', 'Department of Forestry and Fire Protection'); a branch number may follow
    ('… Workers Local 412')."""
    numbered = _NUMBERED.search(run)
    before = run[:numbered.start()] if numbered else ""
    if before and not before.endswith(".") and (name := _organisation_name(before)) and name in before:
        return run[run.index(name):]  # "Amalgamated Transit Workers Local 412", not "… University. In 1896"
    return _organisation_name(run)


def class_nouns(name: str) -> frozenset[str]:
    """The class nouns a description may call an organisation by, whatever its name holds: 'the company' for
    'Kelmor Appliances' or 'Northstar Minerals Inc.', 'the lender' for 'Lakeshore Credit Union', 'the union' for
    'United Manufacturing Workers'."""
    words = [w for w in fold(name).split() if not w.isdigit()]
    if _LENDER_NAMES.search(" ".join(words)):
        return LENDER_NOUNS
    if words and words[-1] in CORPORATE | COMPANY_HEADS:
        return COMPANY_NOUNS
    return UNION_NOUNS if set(words) & LABOUR_HEADS else frozenset()


def _organisation_name(run: str) -> str | None:
    words = run.split()
    while words and fold(words[0]) in _LEADING:
        words = words[1:]
    while words and words[-1].lower() in _LINKS:
        words = words[:-1]
    if len(words) > 2 and fold(words[0]) in SPOKESPEOPLE and words[1] in ("for", "of", "at"):
        words = words[2:]  # "Lawyers for Orrin Bay Mining Group"
    linked = [i for i, w in enumerate(words) if w.lower() in ("of", "for")]
    joined = [i for i, w in enumerate(words) if w == "and" and not (linked and linked[0] < i)
              and (_organisation_name(" ".join(words[:i])) or words[i - 1].isupper())]
    if joined:
        words = words[joined[-1] + 1:]  # "the FBI and State Department": two names; not "Grain and General Workers"
    if words and words[-1].endswith(".") and fold(words[-1]) not in CORPORATE and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]  # "… Politics." ends a sentence
    if len(words) < 2:
        return None
    folded = [fold(w) for w in words]
    if folded[-1] in ORG_HEADS | CORPORATE or folded[0] in ORG_HEADS | PLACE_HEADS and folded[1] in ("of", "for"):
        return " ".join(words)
    return None


def in_text(text: str) -> list[tuple[int, str, str | None]]:
    """(offset, name, short form in brackets after it) of each organisation named in a text."""
    out = []
    for m in NAME_RUN.finditer(text):
        name = organisation_name(m.group())
        if name:
            short = _SHORT_FORM.match(text, m.end())
            out.append((m.start() + m.group().index(name), name, short.group(1) if short else None))
    return out


def aliases(name: str, common: set[str]) -> set[str]:
    """What a reader may type for an organisation, folded: its name, without its company ending or leading
    modifiers, its acronym, and its first word when that is no word the article writes in lower case
    ('Northstar' for 'Northstar Minerals Inc.', not 'National' for 'National Weather Service')."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    out = {" ".join(words)}
    if len(words) > 2 and words[-1].isdigit():
        out.add(" ".join(words[-2:]))  # "Local 412"
    if len(words) > 1 and words[-1] in CORPORATE:
        out.add(" ".join(words[:-1]))
    short = list(words)
    while len(short) > 2 and short[-1] in COMPANY_HEADS | {"group"}:
        short = short[:-1]
        out.add(" ".join(short))  # "Kestrel Ridge" for "Kestrel Ridge Mining Group"
    core = list(words)
    while len(core) > 1 and core[0] in MODIFIERS:
        core = core[1:]
    out.add(" ".join(core))
    for part in (words, core):
        initials = [w[0] for w in part if w not in _LINKS]
        if len(initials) > 1 and all(w.isalpha() for w in part):
            out.add("".join(initials))
    if len(core) > 1 and core[0] not in common and core[0] not in ORG_HEADS | _LINKS and core[0].isalpha():
        out.add(core[0])
    return out


def description_words(phrase: str) -> tuple[set[str], bool] | None:
    """The words an organisation's name must hold for a short description to mean it, and whether the
    description speaks for it: 'the department' → ({department}, False), 'a spokesperson for the transit
    authority' → ({transit, authority}, True); None unless an organisation noun ends it ('the residents' group
    that brought the case')."""
    words = [w for w in fold(phrase).split() if w not in DETERMINERS | {"its", "their", "his", "her", "our"}]
    spoken = any(w in SPOKESPEOPLE for w in words)
    rest = [w for w in words if w not in SPOKESPEOPLE | MODIFIERS | {"for", "of", "at", "with"}]
    if not rest or len(rest) > 3 or rest[-1] not in ORG_HEADS | PLACE_HEADS | LENDER_NOUNS:
        return None
    return set(rest), spoken


def spoken_for(phrase: str) -> str | None:
    """The name after a spokesperson's noun, folded: 'A spokeswoman for Varden' → 'varden'."""
    m = _SPOKEN_FOR.match(fold(phrase))
    return m.group(1) if m else None
