"""Helpers the tests share (fixtures stay in conftest.py): the seed article, small quote books, files."""

from __future__ import annotations

from pathlib import Path

from bot.config import PROJECT_ROOT
from retrieval import article as article_mod
from retrieval.quotes.quotebook import QuoteBook

SEED = PROJECT_ROOT / "seeds" / "000_cd38d57a62c20e13.txt"


def book(*paragraphs: str) -> QuoteBook:
    """A quote book over an article made of these paragraphs (under a placeholder headline)."""
    return QuoteBook(article_mod.parse("Headline\n\n" + "\n\n".join(paragraphs)))


def said(qb: QuoteBook, name: str, kind: str = "direct") -> list[str]:
    """Texts of the quotes of one kind that /quote NAME returns."""
    return [q.text for q in qb.lookup(name).quotes if q.kind == kind]


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
