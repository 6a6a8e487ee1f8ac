"""Word lists that several parts of the library share, once: the calendar (month and weekday names, as sets for
word lookups and as regex alternations) and the function words. Lists a single module owns stay with it."""

from __future__ import annotations

# "january" … "december": a month named in a date ("March 3"), never a person ("April" is a name only alone).
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
# Month names and their news abbreviations ("Jan.", "Sept."), as a case-insensitive regex alternation.
MONTHS = "|".join(MONTH_NAMES) + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
# "monday" … "sunday": a day in a date or a time phrase ("said on Thursday").
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The weekdays as a regex alternation.
WEEKDAYS = "|".join(WEEKDAY_NAMES)
# Days relative to the story: "said yesterday", "today".
RELATIVE_DAYS = ("yesterday", "today", "tonight")
# Function words: BM25 leaves them out, and a question made of them and one other word leans on the last one
# ("and why?"): "the", "about", "would", "said".
FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not of off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves mr mrs ms dr s t d ll re ve m also says said say tell told article think according
    many much whose""".split()
)
