"""Turn router responses into terminal text and the JSON-lines contract of DESIGN.md."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import responses as r

if TYPE_CHECKING:
    from retrieval.qa.answer import Answer
    from retrieval.quotes.quote_marks import Quote
    from retrieval.quotes.quotebook import Lookup, SpeakerSummary


def answer_json(answer: Answer) -> dict[str, Any]:
    """The `ask --json` object: question, answer, abstained, citations, passages (best first)."""
    return {
        "question": answer.question,
        "kind": answer.kind,
        "answer": answer.text,
        "span": list(answer.span) if answer.span else None,
        "speaker": answer.speaker,
        "abstained": answer.abstained,
        "citations": list(answer.citations),
        "context_used": answer.context_used,
        "passages": [
            {"paragraph": p.paragraph, "text": p.text, "score": p.score, "lexical": p.lexical,
             "dense": p.dense, "source": p.source}
            for p in answer.passages
        ],
    }


def to_json(response: r.Response) -> dict[str, Any]:
    """JSON object for any response; errors carry an `error` field."""
    if isinstance(response, r.AnswerResponse):
        return answer_json(response.answer)
    if isinstance(response, r.QuoteResponse):
        return {
            "query": response.query,
            "speaker": response.speaker,
            "quotes": [{"text": q.text, "speaker": q.display, "paragraph": q.paragraph, "kind": q.kind,
                        "verbatim": q.verbatim, "attribution": q.attribution} for q in response.quotes],
            "message": quote_message(response.lookup),  # canonical wording: external tools parse the listing
            "speakers": [s.name for s in response.lookup.speakers],
        }
    if isinstance(response, r.PassageResponse):
        return {"paragraph": response.number, "text": response.text, "total": response.total}
    if isinstance(response, r.AboutResponse):
        return {"headline": response.headline, "subtitle": response.subtitle, "authors": list(response.authors),
                "paragraphs": response.paragraphs, "words": response.words, "source": response.source,
                "published": response.published, "site": response.site}
    if isinstance(response, r.HelpResponse):
        if response.question is not None:
            return {"question": response.question, "kind": "help", **_EMPTY_RESULT["ask"], "abstained": True,
                    "help": response.text}
        return {"help": response.text}
    if isinstance(response, r.ErrorResponse):
        return {"error": error_message(response), "kind": response.kind}
    raise TypeError(f"no JSON renderer for {type(response).__name__}")


_EMPTY_RESULT: dict[str, dict[str, Any]] = {
    "ask": {"answer": None, "span": None, "speaker": None, "abstained": False, "citations": [],
            "context_used": False, "passages": []},
    "quote": {"speaker": None, "quotes": [], "message": None, "speakers": []},
}
_ECHO_FIELD = {"ask": "question", "quote": "query"}


def error_json(err: r.ErrorResponse, command: str, text: str) -> dict[str, Any]:
    """The one shape of a refused request: the echoed input, the command's empty result, error and kind."""
    return {_ECHO_FIELD.get(command, "input"): text, **_EMPTY_RESULT.get(command, {}),
            "error": error_message(err), "kind": err.kind}


def error_message(err: r.ErrorResponse) -> str:
    """The words of a refusal: its message, or for an unknown or ambiguous speaker the lookup's wording."""
    return (quote_message(err.lookup) or "Unknown speaker.") if err.lookup is not None else err.message


def quote_message(lookup: Lookup, usage: str = "/quote NAME") -> str | None:
    """The sentence that goes with a /quote result, or None when the quotes speak for themselves."""
    status, who = lookup.status, lookup.speaker
    if status == "found":
        if any(q.kind == "direct" for q in lookup.quotes):
            return None
        return f"{who} is not quoted directly; this is what the article reports {lookup.pronoun} said."
    if status == "author":
        return f"{who} is one of the article's authors, not a person quoted in it."
    if status == "mentioned":
        return f"{who} is mentioned in {citation_label(lookup.paragraphs, ', ')} but not quoted."
    if status == "ambiguous":
        return f"Several speakers match {lookup.query!r}: {', '.join(lookup.candidates)}. Please use a fuller name."
    if status == "listing":
        if not lookup.speakers:
            return "No one is quoted in this article."
        return ("Quoted in this article: " + "; ".join(f"{s.name} ({_counts(s)})" for s in lookup.speakers)
                + f". Use {usage}.")
    hint = f" Did you mean {lookup.suggestion}?" if lookup.suggestion else ""
    listing = ", ".join(s.name for s in lookup.speakers) or "nobody"
    if lookup.query.strip().lower() == lookup.pronoun:
        return f"{lookup.query!r} could be anyone; ask for a person by name. Quoted speakers: {listing}."
    return f"No one called {lookup.query!r} is quoted in the article.{hint} Quoted speakers: {listing}."


def _counts(s: SpeakerSummary) -> str:
    parts = []
    if s.direct:
        parts.append(f"{s.direct} quote{'s' * (s.direct != 1)}")
    if s.reported:
        parts.append(f"{s.reported} reported")
    return ", ".join(parts)


def to_text(response: r.Response, bold: bool = False) -> str:
    """Plain terminal text for any response; with bold, the reader's answer span in ANSI bold."""
    if isinstance(response, r.AnswerResponse):
        return _answer_text(response.answer, bold)
    if isinstance(response, r.QuoteResponse):
        return _quote_text(response)
    if isinstance(response, r.PassageResponse):
        return f"¶{response.number} of {response.total}\n{response.text}"
    if isinstance(response, r.AboutResponse):
        lines = [response.headline]
        if response.subtitle:
            lines.append(response.subtitle)
        if response.authors:
            lines.append("By " + ", ".join(response.authors))
        if response.published:
            lines.append(response.published)
        where = f"{response.site}, {response.source}" if response.site else response.source
        lines.append(f"{plural(response.paragraphs, 'paragraph')}, {plural(response.words, 'word')} ({where})")
        return "\n".join(lines)
    if isinstance(response, r.HelpResponse):
        return response.text
    if isinstance(response, r.ErrorResponse):
        return error_message(response)
    raise TypeError(f"no text renderer for {type(response).__name__}")


DECLINED = "I couldn't find that in the article."
FOLLOW_UP = "read as a follow-up to this conversation"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def citation_label(citations: tuple[int, ...] | list[int], sep: str = " ") -> str:
    return sep.join(f"¶{n}" for n in citations)


def wants_bold(stream) -> bool:
    """ANSI bold only on a terminal, and not when NO_COLOR is set (https://no-color.org)."""
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def emphasised(answer: Answer, mark: Callable[[str], str]) -> str:
    """The answer text with its span (if any) passed through mark and the rest left as it is."""
    text = answer.text or ""
    if not answer.span:
        return text
    a, b = answer.span
    return text[:a] + mark(text[a:b]) + text[b:]


def not_quoted(answer: Answer) -> str:
    cited = citation_label([p.paragraph for p in answer.passages], ", ")
    return f"{answer.speaker} is mentioned in {cited} but not quoted."


def _answer_text(answer: Answer, bold: bool = False) -> str:
    if answer.kind == "not_quoted":
        return not_quoted(answer)
    if answer.abstained:
        return DECLINED
    cited = citation_label(answer.citations) if answer.citations else \
        next((p.source for p in answer.passages if not p.paragraph), "")
    text = emphasised(answer, lambda t: f"\033[1m{t}\033[0m") if bold else answer.text
    lines = [f"{text} [{cited}]" if cited else text]
    if answer.context_used:
        lines.append(f"({FOLLOW_UP})")
    shown = [p for p in answer.passages if p.paragraph]
    if shown:
        lines.append("")
        lines.append("Passages:")
        for p in shown:
            lines.append(f"  ¶{p.paragraph} ({p.score:.2f}) {_clip(p.text, 160)}")
    return "\n".join(lines)


def _quote_text(resp: r.QuoteResponse) -> str:
    message = quote_message(resp.lookup, resp.usage)
    if not resp.quotes:
        return message or "No quotations found."
    lines = [f"{resp.speaker}:" if resp.speaker else message or ""]
    for kind, title in (("direct", "Quoted"), ("reported", "Reported (not a direct quote)")):
        group = [q for q in resp.quotes if q.kind == kind]
        if group:
            lines.append(f"{title}:")
            lines += [f"  ¶{q.paragraph} {quote_body(q)}  — {q.attribution}" if q.attribution else
                      f"  ¶{q.paragraph} {quote_body(q)}" for q in group]
    if message:
        lines.append(message)
    return "\n".join(lines)


def quote_body(quote: Quote) -> str:
    """A quotation in its marks; a clause (reported speech, or a paraphrase holding quoted words) as written."""
    return f"“{quote.text}”" if quote.verbatim else quote.text


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
