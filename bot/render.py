"""Turn router responses into terminal text and the JSON-lines contract of DESIGN.md."""

from __future__ import annotations

from typing import Any

from retrieval.search import Answer

from . import responses as r


def answer_json(answer: Answer) -> dict[str, Any]:
    """The `ask --json` object: question, answer, abstained, citations, passages (best first)."""
    return {
        "question": answer.question,
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": list(answer.citations),
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
                        "attribution": q.attribution} for q in response.quotes],
            "message": response.message,
        }
    if isinstance(response, r.PassageResponse):
        return {"paragraph": response.number, "text": response.text, "total": response.total}
    if isinstance(response, r.AboutResponse):
        return {"headline": response.headline, "subtitle": response.subtitle, "authors": list(response.authors),
                "paragraphs": response.paragraphs, "words": response.words, "source": response.source}
    if isinstance(response, r.HelpResponse):
        return {"help": response.text}
    if isinstance(response, r.ErrorResponse):
        return {"error": response.message, "kind": response.kind}
    raise TypeError(f"no JSON renderer for {type(response).__name__}")


def to_text(response: r.Response) -> str:
    """Plain terminal text for any response."""
    if isinstance(response, r.AnswerResponse):
        return _answer_text(response.answer)
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
        lines.append(f"{response.paragraphs} paragraphs, {response.words} words ({response.source})")
        return "\n".join(lines)
    if isinstance(response, r.HelpResponse):
        return response.text
    if isinstance(response, r.ErrorResponse):
        return response.message
    raise TypeError(f"no text renderer for {type(response).__name__}")


def citation_label(citations: tuple[int, ...] | list[int]) -> str:
    return " ".join(f"¶{n}" for n in citations)


def _answer_text(answer: Answer) -> str:
    if answer.abstained:
        return "I couldn't find that in the article."
    lines = [f"{answer.text} [{citation_label(answer.citations)}]" if answer.citations else answer.text]
    shown = [p for p in answer.passages if p.paragraph]
    if shown:
        lines.append("")
        lines.append("Passages:")
        for p in shown:
            lines.append(f"  ¶{p.paragraph} ({p.score:.2f}) {_clip(p.text, 160)}")
    return "\n".join(lines)


def _quote_text(resp: r.QuoteResponse) -> str:
    if not resp.quotes:
        return resp.message or "No quotations found."
    lines = [f"{resp.speaker}:" if resp.speaker else resp.message or ""]
    for kind, title in (("direct", "Quoted"), ("reported", "Reported (not a direct quote)")):
        group = [q for q in resp.quotes if q.kind == kind]
        if group:
            lines.append(f"{title}:")
            lines += [f"  ¶{q.paragraph} {q.text}  — {q.attribution}" if q.attribution else
                      f"  ¶{q.paragraph} {q.text}" for q in group]
    if resp.message:
        lines.append(resp.message)
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
