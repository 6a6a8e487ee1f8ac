"""Word lists that several parts of the library share, once: the calendar (month and weekday names, as sets for
word lookups and as regex alternations). Lists a single module owns stay with it."""

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
