"""The speech-cue lexicon, as one table, and finding its cues in a text: every verb that attributes words,
with what it may introduce. Forms are generated from the lemmas (regular English inflection plus the few irregular
ones), so "confirmed", "concludes" and "tweeted" are found like "said". attribution.py and cue_rules.py apply the
columns.

Hand-written: the verbs of attribution in news are the product's own lexicon; no installable resource lists them
with these properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Each row: the columns that hold for its lemmas.
#   speech     a verb of speech: what it reports was said ("argued", "tweeted")
#   quote      introduces a quotation next to it but is, alone, no reported speech ("accused her of being “a liar”")
#   clause     its clause is reported speech without quotation marks ("she said the plan was dead")
#   that-only  has senses other than speech: reports a clause only after "that" ("maintained that …", not
#              "maintained a lead"; "the data suggest")
#   noun-like  also a common noun ("the states", "his remarks"): its base and -s forms are cues only before "that",
#              a colon or a comma
#   object     also takes a plain object ("added 292,000 jobs", "continued to grow"): a cue only before punctuation,
#              a quotation mark or "that"
#   adjacent   attributes only a quotation right next to it ('“…,” he continued'), never a clause
CUE_TABLE = """
speech clause                    | say tell ask argue warn explain insist write reiterate acknowledge announce predict
                                   contend confirm testify assert
speech clause object             | add
speech clause noun-like          | state note claim stress caution tweet vow pledge
speech clause that-only          | suggest admit maintain conclude deny
speech object adjacent           | continue
speech                           | declare respond emphasize emphasise describe concede complain observe
speech noun-like                 | reply comment remark recall call urge boast quip shout recount
quote                            | accuse decry dismiss mock grouse imply slam blast criticize criticise scoff
                                   threaten proclaim retort interject wonder allege dub cite thank apologize apologise
                                   reflect advise recommend agree disagree exclaim rebut snap chide scold lambaste
                                   plead pray recite sing brag gush fume worry fear hope believe identify portray
                                   reference invoke mention highlight echo repeat summarize summarise characterize
                                   characterise nickname bark surmise denounce discuss condemn tout deride ridicule
                                   applaud welcome assure reassure inform
quote noun-like                  | praise question attack lament joke demand promise counter reason muse charge rail
                                   hail label brand term quote post text email offer yell scream sigh blame cry read
                                   chant vent
quote clause that-only noun-like | report
"""


def _table(text: str) -> dict[str, frozenset[str]]:
    """lemma → its columns, from CUE_TABLE (a row's lemmas may run on over indented lines)."""
    out: dict[str, frozenset[str]] = {}
    columns: frozenset[str] = frozenset()
    for line in text.strip().splitlines():
        head, _, lemmas = line.rpartition("|") if "|" in line else ("", "", line)
        columns = frozenset(head.split()) if head.strip() else columns
        out.update((lemma, columns) for lemma in lemmas.split())
    return out


_CUES = _table(CUE_TABLE)
# Lemmas by column: "say" is speech, "praise" quote, "report" clause and that-only.
SPEECH_LEMMAS = [lemma for lemma, columns in _CUES.items() if "speech" in columns]
QUOTE_LEMMAS = [lemma for lemma, columns in _CUES.items() if "quote" in columns]
REPORT_LEMMAS = [lemma for lemma, columns in _CUES.items() if "clause" in columns]
_THAT_ONLY = [lemma for lemma, columns in _CUES.items() if "that-only" in columns]
_NOUN_LIKE = [lemma for lemma, columns in _CUES.items() if "noun-like" in columns]
_TRANSITIVE = [lemma for lemma, columns in _CUES.items() if "object" in columns]
_ADJACENT = [lemma for lemma, columns in _CUES.items() if "adjacent" in columns]
# Irregular forms of speech verbs: say → said, says; write → wrote, written.
_IRREGULAR = {"say": ("said", "says"), "tell": ("told", "tells"), "write": ("wrote", "writes", "written"),
              "admit": ("admitted", "admits"), "quip": ("quipped", "quips"), "rebut": ("rebutted", "rebuts"),
              "snap": ("snapped", "snaps"), "read": ("reads",), "sing": ("sang", "sings"),
              "brag": ("bragged", "brags"), "plead": ("pleaded", "pled", "pleads")}
# -ing forms with a doubled consonant: admit → admitting.
_DOUBLED = {"admit": "admitting", "quip": "quipping", "rebut": "rebutting", "snap": "snapping", "brag": "bragging"}


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


def ing_forms(lemmas: list[str]) -> set[str]:
    """saying, arguing, admitting."""
    return {_DOUBLED.get(v) or (v[:-1] if v.endswith("e") and not v.endswith("ee") else v) + "ing" for v in lemmas}


# Every form of a speech or quotation verb, sorted: "accused", "said", "tweets".
SPEECH_VERBS = tuple(sorted(verb_forms(SPEECH_LEMMAS + QUOTE_LEMMAS)))
# Forms of the verbs of speech proper (not "praised"): "said", "argues", "telling".
SAYING = frozenset(verb_forms(SPEECH_LEMMAS) | ing_forms(SPEECH_LEMMAS))
# Their forms: "maintained", "suggests", "reporting".
THAT_ONLY = frozenset(verb_forms(_THAT_ONLY) | ing_forms(_THAT_ONLY))
# Their forms: "continued", "continuing".
ADJACENT_ONLY = frozenset(verb_forms(_ADJACENT) | ing_forms(_ADJACENT))
# Forms of REPORT_LEMMAS: "said", "warned", "reported".
REPORT_VERBS = frozenset(verb_forms(REPORT_LEMMAS) | ing_forms(REPORT_LEMMAS))
# The -ing forms of every cue verb: "saying", "adding", "mocking".
ING_FORMS = frozenset(ing_forms(SPEECH_LEMMAS + QUOTE_LEMMAS))
# Their base and -s forms (the -ed forms are verbs): "remarks", "claim", "reports".
NOUN_LIKE_FORMS = frozenset(f for f in verb_forms(_NOUN_LIKE) if not f.endswith("ed"))
# Their forms: "added", "continues".
TRANSITIVE_FORMS = frozenset(verb_forms(_TRANSITIVE))
# Every cue verb's base form: "say", "praise" ("they say" needs a plural subject).
BASE_FORMS = frozenset(SPEECH_LEMMAS + QUOTE_LEMMAS)
# Every single-word cue form: "said", "saying", "praised".
_CUE_FORMS = frozenset(SPEECH_VERBS) | ING_FORMS
# Verbs that are speech cues with their particle: "pointed out", "fired back", "made clear".
_PARTICLES = {"point": "out", "fire": "back", "shoot": "back", "hit": "back", "lash": "out", "weigh": "in",
              "chime": "in", "speak": "out", "make": "clear", "put": "it", "go": "on"}
# Irregular forms of the phrasal cues' verbs: "made clear", "went on", "shot back".
_IRREGULAR_PHRASAL = {"hit": {"hit", "hits", "hitting"}, "make": {"make", "makes", "made", "making"},
                      "put": {"put", "puts", "putting"}, "go": {"go", "goes", "went", "going"},
                      "shoot": {"shoot", "shoots", "shot", "shooting"},
                      "speak": {"speak", "speaks", "spoke", "speaking"}}
# Each phrasal verb form → its particle: "pointed" → "out", "fired" → "back".
_PHRASAL = {form: particle for lemma, particle in _PARTICLES.items()
            for form in _IRREGULAR_PHRASAL.get(lemma) or verb_forms([lemma]) | ing_forms([lemma])}
# "went on" ("went on to win" is no cue) attributes only a quotation next to it, like "continued".
_GO_ON = frozenset(f"{form} on" for form in _IRREGULAR_PHRASAL["go"])
ADJACENT_ONLY |= _GO_ON
TRANSITIVE_FORMS |= _GO_ON
# Each particle as a pattern after its verb: " out" in "pointed out".
_PARTICLE = {particle: re.compile(r"\s+" + particle + r"\b") for particle in _PARTICLES.values()}
# A word that may be a cue: letters only, not inside a hyphenated word ("so-called" holds no "called").
_WORD = re.compile(r"(?<![\w\-])[A-Za-z]+\b(?!-)")
# The "to" of "according to".
_ACCORDING = re.compile(r"\s+to\b")


def cues(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased form) of each speech verb and 'according to' in text[start:end]."""
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        lower = word.lower()
        if lower in _CUE_FORMS and (word.islower() or word == word.capitalize() and _opens(text, start, m.start())):
            yield m.start(), m.end(), lower
        elif lower in _PHRASAL:
            particle = _PARTICLE[_PHRASAL[lower]].match(text, m.end())
            if particle:
                yield m.start(), particle.end(), f"{lower} {_PHRASAL[lower]}"
        elif lower == "according":
            to = _ACCORDING.match(text, m.end())
            if to:
                yield m.start(), to.end(), "according to"


def _opens(text: str, start: int, at: int) -> bool:
    """Whether a capitalised word opens its sentence ("Asked about …") rather than belonging to a name
    ("The Huffington Post:", "Tom Said")."""
    return not text[start:at].strip(" \t\n•“\"‘'(—–-")
