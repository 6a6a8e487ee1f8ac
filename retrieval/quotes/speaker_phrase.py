"""The source of an attribution: the noun phrase before or after a speech cue, split into the speaker's name,
the description the article gives them, or a pronoun.

Hand-written on purpose: no maintained English parser with a trained model can be installed here (spaCy's
pipelines are not on the package index), and news attributions are regular enough for a few rules over the
text, with quoted stretches masked out so nothing inside a quotation is taken for its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.lexicon import WEEKDAYS
from retrieval.quotes import organisations, speaker_names, speakers
from retrieval.quotes.phrase_words import (
    AFTER_STOPS,
    AUXILIARIES,
    BREAKS,
    COUNTS,
    DANGLING,
    LEADING_ADVERBIALS,
    LY_NOUNS,
    NEGATIVES,
    NOUN_PARTICLES,
    POSSESSIVES,
    PREPOSITION_LIKE,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SENTENCE_ADVERBS,
    SKIPPABLE,
    SUBORDINATORS,
    TIMES,
)
from retrieval.quotes.quote_marks import MASK

# "the mayor herself": the reflexive is no part of the source.
_REFLEXIVE = re.compile(r"\s+(?:himself|herself|themselves|itself)$")
# An opening clause before a sentence's subject: "But when asked, …", "On Monday, …", "Speaking in Ohio, …".
LEADING_PHRASE = re.compile(r"\s*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Instead|Also|Then|Now)\b,?\s+)?"
                            r"(?:(?:Although|Though|While|When|If|Because|As|Since|Despite|Unless|Once)\b[^,•]{0,120},"
                            r"\s+|(?:On|In|At|After|Before|During|Later|Earlier|Last|This|Over|From|By|Separately|"
                            r"Previously)\b[^,•]{0,50},\s+|(?:[A-Z][a-z]+ly\s+[a-z]+|[A-Z][a-z]+)(?:ed|ing)\b[^,•―—]{0,80}"
                            r"(?:,|\s[―—][^―—•]{1,120}[―—])\s+|"
                            r"(?:A|An|One|Two|Three|Several|Some|A\s+few)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|"
                            r"hours?|decades?)\s+(?:later|earlier|ago|before|after)\b[^,•]{0,40},\s+|"
                            r"[^,•]{1,60},\s+(?=(?:he|she|they|we)\s+[a-z]))?")
# After a possessive ("Sanders’ campaign announced"): words that are the verb, not the head noun.
_VERB_LIKE = r"(?:[a-z]+ed|says|tells|adds|argues|notes|claims|insists|warns|writes|is|was|are|were|has|had|will)\b"
# A sentence's subject before its verb: "The campaign announced …", "Sanders’ campaign launched …", "she …".
_SUBJECT = re.compile(r"[\s\"]*((?:[Tt]he|[Aa]n?|One|Another|Several|Some|Many|Most|That|This)\s+(?!of\b)"
                      r"(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+?|(?:[A-Z][\w’'.\-]*\s+){0,5}?[A-Z][\w’'.\-]*?"
                      rf"(?:(?<=[a-z])(?<!\bThere)(?<!\bHere)(?<!\bThat)(?<!\bWhat)(?<!\bWho)(?<!\bIt)[’']s?(?:\s+(?!{_VERB_LIKE})[a-z][\w\-]*){{1,2}})?"
                      r"|(?:he|she|they|we)\b)"
                      r"(?=\s+(?!(?:the|an?)\s)[a-z]|,\s+(?:after|before|while|when|without|by)\s|,\s+[a-z]+ing\s)")
# A name and its apposition before a verb: "Dan Backer, the fund's lawyer, has rejected …".
_NAME_WITH_APPOSITION = re.compile(r"\s*((?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]*)\s*,\s*((?:the|an?|[a-z][\w’'\-]*)\s"
                                   r"[^,.;:•]{1,60}(?:,[^,.;:•]{1,30}){0,2}),\s+(?=[a-z])")
# A name, a comma and a role running to the verb: "Ann Lee, a senator for Ohio".
_NAME_THEN_ROLE = re.compile(r"\s*((?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]*)\s*,\s+([^,]*)$")
# When something was published or said: "out Thursday", "released last week".
TIME_PHRASE = (r"(?:(?:out|released|published|issued|conducted)\s+)?(?:(?:on|last|this|earlier|later)\s+)?"
               rf"(?:{WEEKDAYS}|week|month|year)")
# A time before the name after an inverted cue: "said at the time, Ann Lee".
_TIME_THEN_NAME = re.compile(r"(\s+(?:at|in)\s+(?:the|that)\s+(?:time|moment|day|year))\s*,\s*"
                             r"((?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]*)\s*(?=[,.;]|$)")
# A source ending in a relative pronoun: "Ann Lee, who" said → the source is before it.
_RELATIVE_END = re.compile(r",?\s*\b(?:who|that)\s*$")
# The anonymity formula: "a spokesman who declined to be named", "who asked not to be identified".
_ANONYMOUS = re.compile(r"\s+(?:who|that)\s+(?:declined|asked|requested|spoke|did\s+not\s+want|was\s+not\s+"
                        r"authorized)\b[^,.;:•]{0,50}?\b(?:named|identified|anonymity|publicly|record)\s*$")
# A capitalised name right before a comma: "Lee, a native who …".
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*),\s*$")
# A document and its author: "a statement issued by Kenney", "a letter from the board".
_ISSUED_BY = re.compile(r"(?:an?|the|his|her|their|its)\s+(?:[\w\-]+\s+)?(?:statement|release|letter|memo|e-?mail|"
                        r"post|tweet|message)\s+(?:(?:issued|released|posted|sent|signed)\s+)?(?:by|from)\s+(.+)$")
# A time closing a source: "two hospital managers last week", "Priebus later Thursday".
_TRAILING_TIME = re.compile(rf"\s+{TIME_PHRASE}$", re.I)
# A name in commas after a subject: "The fund's lawyer, Dan Backer, said".
_APPOSITIVE_NAME = re.compile(r"(?:\s+of\s+[^,•]{1,30})?\s*,\s*((?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]*)\s*,")
# A role run then a name: "The Slate technology columnist David Auerbach wrote".
_ROLE_THEN_NAME = re.compile(r"((?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w’'\-]+\s+){0,5}?(?:[A-Z][\w’'.\-]*\s+){1,3}"
                             r"[A-Z][\w’'\-]*)(?=\s+[a-z])")
# Lower-case role words then a name: "Former Republican presidential candidate Jeb Bush broke …".
_ROLE_RUN = re.compile(r"((?:\s+[a-z][\w\-]*){1,4})(?:\s+[A-Z][\w’'.\-]*){1,3}(?=\s+[a-z])")
# An article and a noun right before a particle: "a voice over".
_DETERMINER_NOUN = re.compile(r"\b(?:an?|the)\s+[a-z]+\s+$")
# A word of a source phrase: anything but spaces, punctuation that ends a phrase and quotation marks.
_WORD = re.compile(r"[^\s,;:()\[\]“”\"«»„•]+")
# ", Dr. Leona Fitch." after an inverted cue's source: the apposition, abbreviations inside it.
_AFTER_APPOSITION = re.compile(rf",\s*((?:(?:{speakers.ABBREVIATION.pattern})\s*|[^,.;:“”\"])+?)\s*(?:[,.;]|$)")
# A subject with a relative clause running up to its verb: "The organization that monitors air quality … said".
_RELATIVE_SUBJECT = re.compile(r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w’'\-]+\s+){0,3}?(?:that|which|who)\s+[^,;:•“”\"]+?)\s*$")
# How an apposition opens: "a senator", "the fund's lawyer", "who …", "71", "NHS England's chief …".
_APPOSITION_START = re.compile(r"^\s*(?:an?\s|the\s|who\s|which\s|whose\s|\d|[a-z]|[A-Z][\w.\-]*[’']s?\s+[a-z])")


@dataclass(frozen=True)
class Source:
    start: int
    end: int
    phrase: str  # the noun phrase as written (without appositions)
    kind: str  # "person" | "description" | "pronoun"
    name: str  # the person's name (titles stripped), the description, or the pronoun
    role: str = ""  # the description the article gives a named person
    titled: bool = False


def before(text: str, lo: int, verb_start: int) -> Source | None:
    """The source that ends just before a verb: 'Sen. Ann Lee said', 'Ann Lee, a senator for X, said',
    'a spokesman for the party has said'."""
    j = verb_start
    for word in reversed(list(_WORD.finditer(text, lo, verb_start))):
        if text[word.end():j].strip() or word.group().lower() not in SKIPPABLE and not _adverb(word.group()):
            break
        j = word.start()
    relative = _RELATIVE_END.search(text, lo, j) or _ANONYMOUS.search(text, lo, j)
    if relative:
        found = before(text, lo, relative.start())  # "Ann Lee, who has said …": Ann Lee
        named = _NAME_BEFORE.search(text, lo, found.start) if found and found.kind == "description" else None
        if named and not text[lo:named.start(1)].strip(" ,;:—–-") and _name_like(named.group(1).split()):
            return classify(named.group(1), named.start(1), named.end(1), found.phrase)  # "Lee, a native who …"
        return found
    head_end = j
    if re.search(r"\bto\s*$", text[lo:j]):
        return subject(text, lo, j)  # "X went so far as to say: …"
    if re.search(r"\w[’']s\s*$", text[lo:j]):
        return None  # "the editor's note:" is a noun
    role = ""
    if text[lo:j].rstrip().endswith(","):
        head_end, role = _apposition(text, lo, text.rindex(",", lo, j))
        if head_end is None:
            return None
    described = None if role else _RELATIVE_SUBJECT.match(text, lo, head_end)
    if described:  # "The organization that monitors air quality across the region said"
        return classify(described.group(1), described.start(1), described.end(1))
    start = _phrase_start(text, lo, head_end)
    if start is None:
        return None
    head_end = start + len(text[start:head_end].rstrip())
    when = _TRAILING_TIME.search(text, start, head_end)
    if when and when.start() > start and text[start:when.start()].split()[-1].lower() not in DANGLING | PREPOSITIONS:
        head_end = when.start()  # "two hospital managers last week warned", "Priebus later Thursday told"
    phrase = text[start:head_end].strip()
    if role and (speaker_names.is_name(role) and not speaker_names.is_name(phrase) or speaker_names.proper(role) and (
            phrase[:1].islower() or phrase.split()[0].lower() in POSSESSIVES)):
        phrase, role = role, phrase  # "the club's sponsor, Northway Bank," / "its manager, Luis Alvarado,"
    elif not role:
        named = _NAME_THEN_ROLE.match(text[lo:start])
        if named and speaker_names.is_name(named.group(1)) and (not named.group(2) or named.group(2)[:1].islower()):
            return classify(named.group(1), named.start(1) + lo, head_end, named.group(2) + phrase)
    return classify(phrase, start, head_end, role)


def after(text: str, verb_end: int, hi: int, until_comma: bool = False) -> Source | None:
    """The source after a verb: '..., said Sen. Ann Lee, a senator.' / 'according to the ministry'."""
    out: list[re.Match] = []
    for word in _WORD.finditer(text, verb_end, hi):
        w = word.group()
        gap = text[out[-1].end() if out else verb_end:word.start()]
        if gap.strip() or len(out) >= 12:
            break
        if w in ("-", "—", "–", "--"):
            break
        if out and w.lower() in ("who", "which", "whose"):
            break  # "said a data expert who has worked for …": the relative clause is the role
        if out and not until_comma and w.lower() in AFTER_STOPS and any(x.group()[:1].isupper() for x in out):
            break
        if out and w.lower() in SUBORDINATORS:
            break  # "according to McKearney since it was …"
        out.append(word)
        if w.endswith(".") and not speakers.is_abbreviation(w):
            break
    if not out:
        return None
    start, end = out[0].start(), out[-1].end()
    if until_comma and (when := _TRAILING_TIME.search(text, start, end)) and when.start() > start:
        end = when.start()  # "according to a poll out Thursday": when, not who
    phrase = text[start:end].rstrip(".") if not speakers.is_abbreviation(out[-1].group()) else text[start:end]
    role = ""
    appos = _AFTER_APPOSITION.match(text[end:hi])
    if appos and _APPOSITION_START.match(appos.group(1) + " "):
        role = appos.group(1)
    elif appos and speaker_names.is_name(appos.group(1)) and not speaker_names.is_name(phrase):
        phrase, role = appos.group(1), phrase
    elif (named := _TIME_THEN_NAME.match(text, end, hi)) and speaker_names.is_name(named.group(2)) \
            and not speaker_names.is_name(phrase):  # "wrote the American ambassador at the time, John E. Herbst."
        return classify(named.group(2), named.start(2), named.end(2), phrase + named.group(1))
    return classify(phrase, start, start + len(phrase), role)


def subject(text: str, lo: int, hi: int) -> Source | None:
    """The subject opening a sentence, for a cue after a comma: 'Ann Lee attacked the plan, saying ...'."""
    lead = LEADING_PHRASE.match(text, lo, hi)
    if lead:
        lo = lead.end()
    m = _SUBJECT.match(text, lo, hi)
    if not m:
        named = _NAME_WITH_APPOSITION.match(text, lo, hi)  # "Dan Backer, the fund's lawyer, has rejected …"
        return classify(named.group(1), named.start(1), named.end(1), named.group(2)) if named else None
    words = m.group(1).split()
    if words[0].lower() in PRONOUNS and len(words) == 1:
        if words[0].lower() == "it" and re.match(r"\s+(?:is|was|seems|seemed|appears|would|will)\b", text[m.end(1):]):
            return None  # "It seems unfair to tell …": no one
        return Source(m.start(1), m.end(1), words[0], "pronoun", words[0].lower())
    appositive = _APPOSITIVE_NAME.match(text, m.end(1), hi)
    if appositive and speaker_names.is_name(appositive.group(1)):  # "One of the men, Jessie Elkins, 70, said"
        return classify(appositive.group(1), appositive.start(1), appositive.end(1), m.group(1))
    found = classify(m.group(1), m.start(1), m.end(1))
    longer = _ROLE_RUN.match(text, m.end(1), hi)  # "Former Republican presidential candidate Jeb Bush broke …"
    if longer and found is not None and found.kind == "person" and speaker_names.role_word(longer.group(1).split()[-1]):
        named = classify(text[m.start(1):longer.end()], m.start(1), longer.end())
        found = named if named is not None and named.kind == "person" and named.titled else found
    if found is None or found.kind != "person":
        named = _ROLE_THEN_NAME.match(text, m.start(1), hi)  # "The Slate technology columnist David Auerbach …"
        if named and speaker_names.name_after_role(named.group(1).split()):
            return classify(named.group(1), named.start(1), named.end(1))
    return found


def classify(phrase: str, start: int, end: int, role: str = "") -> Source | None:
    """A phrase as a pronoun, a named person (the capitalised run that heads it, after any title) or a
    description ('a spokeswoman for NHS England', 'some Republican leaders')."""
    phrase = _REFLEXIVE.sub("", phrase.strip(" ,"))
    words = phrase.split()
    if not words or len(words) > 14 or MASK in phrase:
        return None
    pronoun = re.split(r"[’']", words[0].lower())[0]
    if pronoun in PRONOUNS:
        return Source(start, end, phrase, "pronoun", pronoun) if len(words) == 1 else None
    lowered = [w.lower() for w in words]
    if lowered[0] in NEGATIVES or words[0] in AUXILIARIES:
        return None  # "nobody has explained why …", "no one said": nothing was said; "has no" is no one
    if lowered[-1] in DANGLING or lowered[0] in DANGLING - POSSESSIVES or _adverb(words[0]) \
            or lowered[0] in PREPOSITIONS or _has_clause(words):
        return None
    if " and " in phrase and not role and organisations.organisation_name(phrase) != phrase:
        first = classify(phrase.split(" and ")[0], start, end)  # not "Pike and Fuller Workers Local 9"
        if first is not None and first.kind == "person":
            return first
    after_role = speaker_names.name_after_role(words)
    if after_role:
        return Source(start, end, phrase, "person", after_role, role or " ".join(words[:-len(after_role.split())]),
                      True)
    if speaker_names.proper_with_of(words):  # "Friends of Heron Point": one name, not "Friends"
        return Source(start, end, phrase, "description", phrase, role)
    head = []
    for w in words:
        if w.lower() in PREPOSITIONS and head:
            break
        head.append(w)
    titled, name = speaker_names.name_at_end(head)
    if not name and all(speakers.is_title(w) for w in head) and len(head) < len(words):
        titled, name = True, speaker_names.name_at_end(words)[1]
    role = " ".join(role.split())
    if name:
        described = " ".join(head[: len(head) - len(name.split())])
        return Source(start, end, phrase, "person", name, role or described, titled)
    if len(lowered) == 1 and lowered[0] in speaker_names.CONJUNCTIONS:
        return None
    if speakers.fold(words[-1]) in speakers.NOT_NAME_ENDINGS & TIMES:
        return None  # "a Sunday", "last March"
    numbered = words[-1].isdigit() and organisations.organisation_name(phrase)  # "… Workers Local 412"
    if not any(ch.isalpha() for ch in phrase) or re.search(r"[’']s?$|\d$", words[-1]) and not numbered \
            or "--" in phrase:
        return None  # "the nation's", "2013", "president -- having" are not sources
    if len(words) == 1 and (_adverb(lowered[0]) or lowered[0] in SENTENCE_ADVERBS) or words[0] == "000":
        return None  # "only", "otherwise"; "000 on payments …" is the tail of "$1,000"
    issued = _ISSUED_BY.match(phrase)
    if issued:  # "a statement issued by Kenney": the one who issued it
        found = classify(issued.group(1), start + issued.start(1), start + issued.end(1), phrase)
        if found is not None:
            return found
    return Source(start, end, phrase, "description", phrase, role)


def _has_clause(words: list[str]) -> bool:
    """Whether a phrase holds a verb or pronoun of its own ('Trump and Sanders have both'), other than in a
    relative clause ('a data expert who has worked for …')."""
    for w in words[1:]:
        if w.lower() in RELATIVE_PRONOUNS:
            return False
        if w in AUXILIARIES or w.lower() in PRONOUNS:
            return True
    return False


def _adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS


def _apposition(text: str, lo: int, comma: int) -> tuple[int | None, str]:
    """Where the head of 'X, <apposition>, said' ends, and the apposition ('X, 71, who ..., said' too)."""
    prev = _comma_before(text, lo, comma)
    if prev < 0:
        start = _phrase_start(text, lo, comma)
        return (comma, "") if start is not None and not text[lo:start].strip() else (None, "")
    role = text[prev + 1:comma].strip()
    if not (_APPOSITION_START.match(text[prev + 1:comma] + " ") or speaker_names.proper(role)):
        earlier = _comma_before(text, lo, prev)  # "Mr. X, now 81 and retired in Cambridge, Mass., said"
        if earlier < 0 or not re.match(r"\s*[a-z]", text[earlier + 1:prev]):
            return None, ""
        prev, role = earlier, text[earlier + 1:comma].strip()
    for _ in range(2):
        earlier = _comma_before(text, lo, prev)
        if earlier < 0 or not re.fullmatch(r"\s*(?:\d+|an?\s.*|the\s.*|\w+ing\s.*|wh(?:o|ich)\s.*)",
                                           text[earlier + 1:prev]):
            break
        prev = earlier
    return prev, role


def _comma_before(text: str, lo: int, end: int) -> int:
    """The last comma in text[lo:end] that is not inside a number ('1,100 workers'), or -1."""
    comma = text.rfind(",", lo, end)
    while comma > lo and text[comma - 1:comma].isdigit() and text[comma + 1:comma + 2].isdigit():
        comma = text.rfind(",", lo, comma)
    return comma


def _phrase_start(text: str, lo: int, end: int) -> int | None:
    """Walk back from end over the words of one noun phrase (at most 10 words)."""
    start = end
    words = list(_WORD.finditer(text, lo, end))
    for count, word in enumerate(reversed(words)):
        gap = text[word.end():start]
        if gap.strip():
            break
        if count >= 10:
            return None
        w = word.group()
        lower = w.lower()
        compound = count == 0 and lower in NOUN_PARTICLES and _DETERMINER_NOUN.search(text, lo, word.start())
        if lower in BREAKS and not compound or lower == "and" and not _joins_names(text, word):
            break  # "a voice over says": a particle right before the verb closes a compound noun
        if _verb_after_name(words, len(words) - 1 - count):
            return _phrase_start(text, words[-count].end(), end) if count > 1 else None
        if count and _participle(w) and words[-count].group().lower() in PREPOSITIONS | {"a", "an", "the"}:
            if words[-count].group().lower() in PREPOSITIONS:  # "was coming from a candidate": a verb
                start = words[-count + 1].start() if count > 1 else end
            break
        if w.endswith(".") and count and not speakers.is_abbreviation(w):
            break
        start = word.start()
        if lower in ("a", "an", "the") and not _after_preposition(text, lo, start) or count and lower in COUNTS:
            break  # "the reason two hospital managers warned": a count opens the noun phrase
    if start == end:
        return None
    words = text[start:end].split()
    while len(words) > 1 and words[0].lower() in LEADING_ADVERBIALS:
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    return start


def _verb_after_name(words: list[re.Match], i: int) -> bool:
    """'Obama passionately rebuked critics': an adverb right after a name modifies the verb that follows it."""
    return 0 < i < len(words) - 1 and _adverb(words[i].group()) and words[i - 1].group()[:1].isupper()


def _participle(word: str) -> bool:
    return word.islower() and word.endswith("ing") and len(word) > 5 and not word.endswith("thing") \
        and word not in PREPOSITIONS | PREPOSITION_LIKE


def _joins_names(text: str, word: re.Match) -> bool:
    """'Smith and Jones said', 'Mr Biden and top officials have said', 'the businessman and reality star'."""
    before = text[max(0, word.start() - 60):word.start()].split()[-2:]
    return bool(before) and (before[-1][:1].isupper() or len(before) == 2 and before[0].lower() in POSSESSIVES)


def _after_preposition(text: str, lo: int, pos: int) -> bool:
    """'delegates at the convention': the article belongs to a phrase inside the noun phrase."""
    before = text[max(lo, pos - 30):pos].split()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def _name_like(words: list[str]) -> bool:
    return speakers.plausible_name(words, False) and speakers.fold(words[0]) not in LEADING_ADVERBIALS
