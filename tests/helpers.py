"""Helpers the tests share (fixtures stay in conftest.py): the seed article, small quote books, files."""

from __future__ import annotations

import ast
import inspect
import re
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


def rule_holds(rule, example) -> bool:
    """Whether a rule constant holds an example: a pattern (or a pattern's source) matches it, a word list holds
    it, a table maps (key, text) so that the key's rule holds the text, a list of (pattern, label) gives (text,
    label) that label first, a tuple of patterns has one that matches, a table of file signatures opens the bytes."""
    if isinstance(rule, re.Pattern):
        return rule.search(example) is not None
    if isinstance(rule, str) and any(ch in rule for ch in "|()[]\\"):
        try:
            return re.search(f"(?:{rule})", example) is not None
        except re.error:
            pass  # a string of characters: "“\"‘'([«"
    if isinstance(rule, dict) and isinstance(example, tuple):
        return rule_holds(rule[example[0]], example[1])
    if isinstance(rule, (list, tuple)) and rule and isinstance(rule[0], tuple) and isinstance(rule[0][0], bytes):
        return any(example.startswith(prefix) for prefix, _ in rule)  # file signatures
    if isinstance(rule, (list, tuple)) and rule and isinstance(rule[0], tuple):
        text, label = example
        return next((lab for pattern, lab in rule if pattern.search(text)), None) == label
    if isinstance(rule, tuple) and rule and isinstance(rule[0], re.Pattern):
        return any(pattern.search(example) for pattern in rule)
    return example in rule


def rules_defined(module) -> set[str]:
    """Names of a module's own rule constants: patterns, word lists, tables and patterns kept as strings."""
    out = set()
    for node in ast.parse(inspect.getsource(module)).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id.upper() == target.id:
            value = getattr(module, target.id)
            if isinstance(value, (re.Pattern, frozenset, set, tuple, list, dict)) or isinstance(value, str) and (
                    any(ch in value for ch in "|()[]\\") or len(value) < 8) and "\n" not in value:  # a table: parsed
                out.add(target.id)
    return out
