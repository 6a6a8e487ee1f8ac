"""What comes before a speech cue: the subject ("Trump claims …"), "with X saying", an -ing cue's lead, a
plural subject. Patterns for attribution.py, hand-written for the same reason.
"""

from __future__ import annotations

import re

# "Trump claims he's worth…": after a name or he/she and before a clause's subject, "claims" is a verb.
NOT_SUBJECTS = "The|A|An|This|These|Those|His|Her|Their|Its|Our|My"
# A cue closing a sentence of content after a comma: "…, the Daily Caller reports."
AFTER_CONTENT = re.compile(r",\s*(?:[\w’'.\-]+\s+){0,5}$")
# A name or he/she right before a noun-like cue: "Trump claims", "She notes".
NAME_SUBJECT = re.compile(rf"(?:(?<![\w’'])(?:he|she|He|She)|(?<![.!?]\s)\b(?!(?:{NOT_SUBJECTS})\b)"
                           r"[A-Z][a-z]+(?<!’s)(?<!'s))\s+$")
# A determiner right before the cue form: "his stated goal", "the report that".
DETERMINER_BEFORE = re.compile(r"\b(?:no|the|a|an|its|his|her|their|our|any|every|each)\s+$", re.I)
# "an additional report that …", "an alias email": after "a"/"an" and up to two words, a base form is a noun.
ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w’'\-]+\s+){0,2}$", re.I)
# "no evidence to suggest that …", "nothing to say": a verb of speech nobody used.
NOTHING_TO = re.compile(r"\b(?:no|nothing|little)\s+(?:[\w’'\-]+\s+)?to\s+$", re.I)
# "one could say …", "some might argue": what could be said, not what was.
HYPOTHETICAL = re.compile(r"\b(?:could|might|may)\s+(?:\w+ly\s+)?$", re.I)
# A quotation closing with a comma right before the cue: '“…,” read a statement'.
AFTER_QUOTE_COMMA = re.compile(r"(?:,[”\"’']|[”\"’'],)\s*$")
# "and"/"but" with auxiliaries before a cue: "and has also said", "but later told".
AND_AUX = re.compile(r"\s(?:and|but)(?:\s+(?:has|have|had|also|then|later|would|will|could|did))*$")
# "with X" before an -ing cue: "with Sen. John McCain calling it …", "with 22 percent saying …".
WITH_SUBJECT = re.compile(r"\bwith\s+((?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'\-]*|\d[\d,.]*\s+(?:percent|per\s+cent|%)"
                          r"|(?:an?|the)\s+(?:[a-z][\w’'\-]*\s+){0,2}[a-z][\w’'\-]*)(?:\s+[a-z]+ly)?$")
# "with Sen. John McCain calling it …", "with 22 percent saying …", "ends with a voice over saying: …"
ING_LEAD = re.compile(r"(?:,|\b(?:before|after|while|by|when|without|in|on))(?:\s+\w+ly)?$")
# A plural subject right before a base form: "they say", "officials say".
PLURAL_SUBJECT = re.compile(r"(?:\b(?:they|we|I|you)|[a-z]{2}[^s’'\W]s)\s+$")
# A subordinate phrase between subject and cue: "Ms Ruiz, after saying A, bought …".
INTERRUPTING = re.compile(r",\s+(?:after|before|while|when|without|by)\s+(?:\w+ly\s+)?$")
# A link word opening a sentence before "according to": "But, according to X".
LEADING_LINK = re.compile(r"(?:and|but|yet|so|still|however|also)?,?", re.I)
