"""The words speaker_phrase.py reads a source phrase by: where a noun phrase starts and stops around a speech verb
("a spokesman for the party has also said"), what may open or close it, and what makes it no source at all."""

from __future__ import annotations

from retrieval.lexicon import MONTH_NAMES, WEEKDAY_NAMES

# Pronouns that can be a cue's source: "she said", "they told".
PRONOUNS = frozenset("he she they it i we".split())
# Words between a source and its verb: "X has also said", "X later told", "X, 71, who ..., said".
SKIPPABLE = frozenset("""has have had also later then once previously repeatedly reportedly would will may might could
    can did does do not never recently publicly privately separately earlier first again often frequently initially
    simply ultimately just since already still quickly long both all each""".split())
# Words that end a noun phrase when walking back from a verb: "critics who said" → "critics".
BREAKS = frozenset("""that which who whom whose but because while when if as after before since although though so or
    where than what how why whether is was were are be been being said says say told tells says added adds
    by into than thus hence yet nor about against until unless whereas despite over under
    are do does did not there here this these those including like""".split())
# Words that end a source found after its verb: "said Ann Lee on Monday", "said Ann Lee in a statement".
AFTER_STOPS = frozenset("""on in at during after before when as that and while last this by via from outside
    inside later earlier today yesterday tonight""".split()) | frozenset(WEEKDAY_NAMES)
# Words a source phrase cannot end with ("the", "of": "a spokesman for the") nor, but for possessives, open with.
DANGLING = frozenset("""the a an his her their its our my your in on of for to with at by from and or but as
    that this these those who which what yet neither nor even so if when while where how why""".split())
# Determiners that may open a source: "the mayor", "his lawyer", "their union".
POSSESSIVES = frozenset("the a an his her their its our my".split())
# Auxiliaries and their negations: a phrase holding one is a clause ("Trump and Sanders have both"), no source.
AUXILIARIES = frozenset("""is was were are be been being has have had do does did would will could should can may might
    must don’t don't didn’t didn't can’t can't cannot won’t won't isn’t isn't wasn’t wasn't aren’t aren't
    haven’t haven't hasn’t hasn't""".split())
# Relative pronouns: after one, a phrase's verb belongs to its clause ("an expert who has worked for …").
RELATIVE_PRONOUNS = frozenset("who whom whose which that".split())
# Capitalised day and month names (not "May"): "a Sunday", "last March" are no sources.
TIMES = frozenset(WEEKDAY_NAMES + MONTH_NAMES) - {"may"}
# Nouns that end like adverbs: "the rally said" is no "X repeatedly said".
LY_NOUNS = frozenset("family rally ally assembly supply monopoly anomaly butterfly bully belly".split())
# Adverbs that are never a source alone: "only", "otherwise", "however".
SENTENCE_ADVERBS = frozenset("only otherwise also even just still instead however meanwhile perhaps".split())
# Prepositions: a source's head ends at one ("a spokesman for the party": spokesman).
PREPOSITIONS = frozenset("of for at with from in on to by about under over within among during after before".split())
# Particles that close a compound noun right before a verb: "a voice over says".
NOUN_PARTICLES = frozenset({"over"})
# Words that make a source say nothing: "nobody said", "no one has explained".
NEGATIVES = frozenset("nobody no none neither nothing".split())
# Counts that open a noun phrase: "the reason two hospital managers warned" → "two hospital managers".
COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve dozens hundreds thousands".split())
# Subordinators that end a source found after its verb: "said Lee, since …".
SUBORDINATORS = frozenset("since because although though whereas unless while".split())
# -ing words that are prepositions, not verbs: "regarding", "according", "following".
PREPOSITION_LIKE = frozenset("regarding concerning following according notwithstanding pending barring".split())
# Words dropped from a source's start: "Meanwhile the mayor said", "Today officials said".
LEADING_ADVERBIALS = frozenset("""on in at during after before last this earlier later yesterday today tonight
    meanwhile however instead also separately but and now then still""".split()) | frozenset(WEEKDAY_NAMES)
