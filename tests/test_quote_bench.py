"""The team's own quote set (bench/quotes, news-quotes format) as a regression test: every annotated
attribution is found (half its words or more) and given to the annotated speaker, found by that name."""

import json
import re
from pathlib import Path

import pytest

from retrieval.article.cleaning import parse
from retrieval.quotes.quotebook import QuoteBook
from retrieval.quotes.speakers import fold

BENCH = Path(__file__).resolve().parents[1] / "bench" / "quotes"
GOLD = [json.loads(line) for line in (BENCH / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def same_speaker(gold: str, got: str) -> bool:
    g, r = fold(gold).split(), fold(got).split()
    return bool(g and r) and (g[-1] == r[-1] or set(g) <= set(r) or set(r) <= set(g))


@pytest.fixture(scope="module")
def books() -> dict[str, QuoteBook]:
    return {p.name: QuoteBook(parse(p.read_text(encoding="utf-8"))) for p in (BENCH / "articles").glob("*.txt")}


@pytest.mark.parametrize("record", GOLD, ids=[f"{r['id']}-{r['attribution']}" for r in GOLD])
def test_every_attribution_is_found_with_its_speaker(books, record):
    book = books[Path(record["article"]).name]
    gold = words(record["content"])
    found = [q for q in book.quotes if len(gold & words(q.text)) >= len(gold) / 2]
    assert found, record["content"]
    assert any(same_speaker(record["speaker"], q.display) for q in found), [q.display for q in found]
    looked_up = book.lookup(record["speaker"]).quotes
    assert any(len(gold & words(q.text)) >= len(gold) / 2 for q in looked_up), record["speaker"]
