"""Router responses → Discord embeds and plain messages that always fit Discord's limits and never ping."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from retrieval.qa.answer import Answer, ScoredPassage

from .. import render
from .. import responses as r

if TYPE_CHECKING:
    from ..store import GuildSettings

CONTENT_MAX = 2000
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
CHOICES_MAX = 25
CHOICE_NAME_MAX = 100
CHOICE_VALUE_MAX = 100
DECLINED = render.DECLINED
NO_PINGS = discord.AllowedMentions.none()
COLOUR_ANSWER = discord.Colour.blurple()
COLOUR_DECLINED = discord.Colour.light_grey()


def clip(text: str, limit: int) -> str:
    """Trim text to limit characters, ending with '…' when cut."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def safe(text: str) -> str:
    """Neutralise @everyone/@here and user/role mentions in any text we display."""
    return discord.utils.escape_mentions(text)


def user_text(text: str) -> str:
    """Escape markdown and mentions in text a user typed and we echo back."""
    return safe(discord.utils.escape_markdown(text))


def split_message(text: str, limit: int = CONTENT_MAX) -> list[str]:
    """Split plain text into messages of at most limit characters, preferring line then word breaks."""
    text = safe(text).strip() or "…"
    parts = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else text.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    parts.append(text)
    return parts


def answer_embed(answer: Answer, page: int | None = None) -> discord.Embed:
    """The answer with ¶ citations; with page set, also the page-th passage in full."""
    title = clip("Q: " + user_text(answer.question), TITLE_MAX)
    if answer.kind == "not_quoted":
        return discord.Embed(title=title, description=safe(render.not_quoted(answer)), colour=COLOUR_DECLINED)
    if answer.abstained:
        return discord.Embed(title=title, description=DECLINED + " Try /help for what I can do.",
                             colour=COLOUR_DECLINED)
    cites = render.citation_label(answer.citations)
    body = render.emphasised(answer, lambda t: f"**{discord.utils.escape_markdown(t)}**") \
        if answer.span else answer.text or ""
    body = safe(body)
    tail = f"\n\nCited: {cites}" if cites else ""
    embed = discord.Embed(title=title, description=clip(body, DESCRIPTION_MAX - len(tail)) + tail,
                          colour=COLOUR_ANSWER)
    if page is None:
        shown = [p for p in answer.passages if p.paragraph in answer.citations] or list(answer.passages[:1])
    else:
        shown = list(answer.passages[page:page + 1])
    for p in shown[:FIELDS_MAX]:
        embed.add_field(name=passage_title(p), value=clip(safe(p.text), FIELD_VALUE_MAX), inline=False)
    footer = [render.FOLLOW_UP.capitalize()] if answer.context_used else []
    if page is not None:
        footer.append(f"Passage {page + 1} of {len(answer.passages)}")
    if footer:
        embed.set_footer(text=clip(" · ".join(footer), FOOTER_MAX))
    return fit(embed)


def passage_title(p: ScoredPassage) -> str:
    where = f"¶{p.paragraph}" if p.paragraph else p.source.capitalize()
    return clip(f"{where} · score {p.score:.2f}", FIELD_NAME_MAX)


def response_embed(response: r.Response) -> discord.Embed:
    """An embed for any non-error response."""
    if isinstance(response, r.AnswerResponse):
        return answer_embed(response.answer)
    if isinstance(response, r.QuoteResponse):
        return quote_embed(response)
    if isinstance(response, r.PassageResponse):
        return fit(discord.Embed(title=f"¶{response.number} of {response.total}",
                                 description=clip(safe(response.text), DESCRIPTION_MAX), colour=COLOUR_ANSWER))
    if isinstance(response, r.AboutResponse):
        embed = discord.Embed(title=clip(safe(response.headline), TITLE_MAX),
                              description=clip(safe(response.subtitle or ""), DESCRIPTION_MAX), colour=COLOUR_ANSWER)
        embed.add_field(name="Authors", value=clip(safe(", ".join(response.authors) or "unknown"), FIELD_VALUE_MAX))
        if response.published:
            embed.add_field(name="Published", value=clip(safe(response.published), FIELD_VALUE_MAX))
        embed.add_field(name="Size", value=f"{render.plural(response.paragraphs, 'paragraph')}, "
                                           f"{render.plural(response.words, 'word')}")
        where = f"{response.site} · {response.source}" if response.site else response.source
        embed.add_field(name="Source", value=clip(safe(where), FIELD_VALUE_MAX), inline=False)
        return fit(embed)
    if isinstance(response, r.HelpResponse):
        return fit(discord.Embed(title="article-bot", description=clip(safe(response.text), DESCRIPTION_MAX)))
    raise TypeError(f"no embed for {type(response).__name__}")


def quote_embed(response: r.QuoteResponse) -> discord.Embed:
    title = clip(f"What {user_text(response.speaker)} said" if response.speaker else "Quotations", TITLE_MAX)
    message = render.quote_message(response.lookup, response.usage) or ""
    embed = discord.Embed(title=title, description=clip(safe(message), DESCRIPTION_MAX), colour=COLOUR_ANSWER)
    for q in response.quotes[:FIELDS_MAX]:
        label = "Quoted" if q.kind == "direct" else "Reported"
        name = clip(f"¶{q.paragraph} · {label}" + (f" · {safe(q.attribution)}" if q.attribution else ""),
                    FIELD_NAME_MAX)
        text = render.quote_body(q)
        embed.add_field(name=name, value=clip(safe(text), FIELD_VALUE_MAX), inline=False)
    if len(response.quotes) > FIELDS_MAX:
        embed.set_footer(text=f"Showing {FIELDS_MAX} of {len(response.quotes)} quotations.")
    return fit(embed)


SETTINGS_REFUSED = "Only members with the Manage Server permission can change my settings here."
ARTICLE_REFUSED = "Only members with the Manage Server permission can change this channel's article."
ARTICLE_IN_DMS = "Articles are set per server channel; here I discuss the default article (see /about)."
ARTICLE_BOTH = "Give me a url or a file, not both."
ARTICLE_NO_STORE = "I have no store to remember this channel's article in; nothing was changed."
SETTINGS_NOT_SAVED = "Sorry, I couldn't reach my settings store; nothing was changed. Please try again later."


def settings_text(settings: GuildSettings, changed: bool) -> str:
    """The server's settings as the admin sees them after /settings."""
    channels = ", ".join(f"<#{c}>" for c in sorted(settings.ask_channels)) or "none"
    return ("Saved. " if changed else "") + (
        f"Answer in threads: {'on' if settings.answer_in_threads else 'off'} (a mention opens a thread on the "
        f"question; follow-ups there need no mention). Ask channels (every message is a question): {channels}.")


def error_text(response: r.ErrorResponse) -> str:
    return clip(safe(render.error_message(response)), CONTENT_MAX)


def fit(embed: discord.Embed) -> discord.Embed:
    """Drop trailing fields, then trim the description, until the embed is within the 6,000 total."""
    while len(embed) > EMBED_TOTAL_MAX and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL_MAX and embed.description:
        over = len(embed) - EMBED_TOTAL_MAX
        embed.description = clip(embed.description, max(1, len(embed.description) - over))
    return embed


def autocomplete_choices(choices: list[tuple[str, str]], typed: str) -> list[tuple[str, str]]:
    """Up to 25 (label, name) speaker choices whose label contains what was typed (names with their role)."""
    folded = typed.casefold().strip()
    hits = [c for c in choices if folded in c[0].casefold()] if folded else list(choices)
    return [(clip(label, CHOICE_NAME_MAX), clip(name, CHOICE_VALUE_MAX)) for label, name in hits[:CHOICES_MAX]]
