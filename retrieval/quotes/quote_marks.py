"""Quotation marks, speech verbs and the Quote record; attribution.py attributes them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Verbs that introduce speech, as lemmas; their forms are generated (regular English inflection plus the few
# irregular ones) so "confirmed", "concludes" and "tweeted" are found like "said".
SPEECH_LEMMAS = """say tell add ask argue warn state explain note insist continue write declare claim reiterate respond
    reply acknowledge suggest announce emphasize emphasise stress comment remark recall describe call urge predict
    caution concede admit complain contend maintain observe confirm conclude tweet testify assert deny vow pledge
    boast quip shout recount""".split()
# Verbs that introduce a quotation next to them but not, alone, reported speech ("accused her of being “a liar”").
QUOTE_LEMMAS = """accuse praise decry dismiss mock grouse question imply slam blast attack criticize criticise lament
    joke scoff demand promise threaten proclaim retort counter reason interject muse wonder charge allege rail hail
    dub label brand term quote cite thank apologize apologise post text email reflect advise recommend agree
    disagree offer yell scream exclaim sigh rebut snap chide scold lambaste blame cry plead pray recite read sing
    chant joke brag gush vent fume report worry fear hope believe identify portray reference invoke mention
    highlight echo repeat summarize summarise characterize characterise nickname bark surmise denounce discuss
    condemn decry lament tout hail brand deride ridicule applaud welcome assure reassure inform concede""".split()
# Verbs whose clause is reported speech without a quotation: "she said the plan was dead", "X reported that".
REPORT_LEMMAS = """say tell ask argue warn state explain note insist claim reiterate acknowledge suggest announce stress
    add predict caution admit contend maintain confirm conclude deny vow pledge testify assert write tweet
    report""".split()
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
# Verbs with senses other than speech ("maintained a lead", "the data suggest"): they report a clause only
# when it opens with "that".
_THAT_ONLY = "maintain suggest admit deny conclude report".split()
# Their forms: "maintained", "suggests", "reporting".
THAT_ONLY = frozenset(verb_forms(_THAT_ONLY) | ing_forms(_THAT_ONLY))
# Verbs that attribute only a quotation right next to them ('“…,” he continued'), never a clause.
ADJACENT_ONLY = frozenset(verb_forms(["continue"]) | ing_forms(["continue"]))
# Forms of REPORT_LEMMAS: "said", "warned", "reported".
REPORT_VERBS = frozenset(verb_forms(REPORT_LEMMAS) | ing_forms(REPORT_LEMMAS))
# The -ing forms of every cue verb: "saying", "adding", "mocking".
ING_FORMS = frozenset(ing_forms(SPEECH_LEMMAS + QUOTE_LEMMAS))
# Forms that are also common nouns ("the states", "his remarks"): cues only before that, a colon or a comma.
_NOUN_LIKE = """state note claim call comment remark tweet reply stress vow pledge boast quip shout recount report
    recall urge caution attack charge question post text email counter reason joke demand promise quote offer label
    brand term hail praise blame lament sigh muse scream yell rail cry plea read chant vent""".split()
# ...and verbs that also take plain objects ("added 292,000 jobs", "continued to grow"): cues only before
# punctuation, a quotation mark or "that".
_TRANSITIVE = "add continue".split()
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


_OPENERS, _CLOSERS = "“„«", "”»"
# A double quotation mark of any style: “ ” „ « » " and two apostrophes ('').
_MARK = re.compile(r"''|[“„«”»\"]")
# A single opening quotation mark, not an apostrophe: ‘ in "a ‘deeply troubling’ figure".
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[A-Za-z0-9])")
# A single closing quotation mark after a word or punctuation, not a possessive or "don't": ’ in "troubling’ for".
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?![A-Za-z])")
# The character quoted text is masked with, so cues and sentences are found outside quotations.
MASK = "•"


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch: its words at [start, end), its marks included at [open, close)."""

    start: int
    end: int
    open: int
    close: int


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    display: str
    paragraph: int
    kind: str  # "direct" | "reported"
    attribution: str
    start: int
    verbatim: bool = True  # the text is a speaker's own words, between quotation marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of each quoted stretch (see marked_spans)."""
    return [(q.start, q.end) for q in marked_spans(text)]


def marked_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches for “…”, „…“, «…», "…" and the ''…'' of some newspaper files, then ‘…’ and '…'
    outside them; a new opening mark closes an unclosed quote, a stray closing mark is ignored, and a quote
    still open at the end runs to the end of the text."""
    doubles = _pair(text, [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text)])
    singles = [(m.start(), m.end(), "‘") for m in _SINGLE_OPEN.finditer(text)]
    singles += [(m.start(), m.end(), "’") for m in _SINGLE_CLOSE.finditer(text)]
    singles = [mk for mk in sorted(singles) if not any(q.open <= mk[0] < q.close for q in doubles)]
    found = doubles + [q for q in _pair(text, singles, single=True) if len(text[q.start:q.end].split()) > 1]
    return sorted(found, key=lambda q: q.start)


def _pair(text: str, marks: list[tuple[int, int, str]], single: bool = False) -> list[QuoteSpan]:
    spans, open_at, opened_straight = [], None, False
    for start, end, ch in marks:
        symmetric = ch in ('"', "''")
        if ch in _OPENERS and open_at is not None and _closes(text, start, end):
            ch = "”"  # an opening mark typed where the closing one belongs: “abhorrent“ in a tweet
        if ch in _OPENERS or ch == "‘" or (symmetric and open_at is None):
            if open_at is not None and not single and not (ch in _OPENERS and opened_straight):
                spans.append((open_at, start, start))  # (a straight mark a curly one follows was stray)
            if open_at is None or not single:
                open_at, opened_straight = (start, end), symmetric
        elif (ch in _CLOSERS or ch == "’" or symmetric) and open_at is not None:
            spans.append((open_at, start, end))
            open_at = None
    if open_at is not None and not single:
        spans.append((open_at, len(text), len(text)))
    out = []
    for (mark_start, words_start), words_end, close in spans:
        trimmed = _trim(text, words_start, words_end)
        if trimmed:
            out.append(QuoteSpan(trimmed[0], trimmed[1], mark_start, close))
    return out


def _closes(text: str, start: int, end: int) -> bool:
    return start > 0 and not text[start - 1].isspace() and (end == len(text) or text[end] in " \t,.;:!?)")


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " \t,":
        b -= 1
    return (a, b) if b > a and any(ch.isalnum() for ch in text[a:b]) else None


def mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with the words of every quotation replaced by MASK (a closing . ! ? kept for sentence
    ends), so cues and sources are only looked for outside quotations."""
    chars = list(text)
    for q in spans:
        end = q.end - 1 if text[q.end - 1] in ".!?…" else q.end
        chars[q.start:end] = MASK * (end - q.start)
    return "".join(chars)


