"""Settings sections the library reads: one frozen dataclass per TOML section, field names = TOML keys.

Each field carries its validation in its metadata (`setting(allowed, check)`); defaults live only in
config/default.toml. The loader that fills these from TOML, environment and overrides is bot.config.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FUSION_METHODS = ("convex", "rrf", "bm25", "dense")
ENCODER_BACKENDS = ("onnx", "sentence-transformers")


def setting(allowed: str, check: Callable[[Any], bool] | None = None) -> Any:
    """A dataclass field that describes its allowed values and checks them; no default on purpose."""
    return field(metadata={"allowed": allowed, "check": check or (lambda v: True)})


def between(lo: float, hi: float) -> Callable[[Any], bool]:
    return lambda v: lo <= v <= hi


def one_of(choices: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda v: v in choices


def number(lo: float, hi: float, note: str = "") -> Any:
    """A number setting within [lo, hi]: allowed "a number 0..1", note appended ("a number 1..900 seconds")."""
    return setting(f"a number {lo}..{hi}{note}", between(lo, hi))


def integer(lo: int, hi: int, note: str = "") -> Any:
    """An integer setting within [lo, hi]: allowed "an integer 1..10"."""
    return setting(f"an integer {lo}..{hi}{note}", between(lo, hi))


def flag() -> Any:
    """A true-or-false setting."""
    return setting("true or false", lambda v: isinstance(v, bool))


@dataclass(frozen=True)
class ModelSettings:
    name: str = setting("an installed model package name or a model folder", lambda v: bool(v.strip()))
    backend: str = setting("onnx or sentence-transformers", one_of(ENCODER_BACKENDS))
    threads: int = integer(0, 64, " (0 = one per core)")
    batch_size: int = integer(1, 256)
    cache_dir: Path | None = setting("a folder path, or empty to disable the cache")


@dataclass(frozen=True)
class RetrievalSettings:
    passage_window: int = integer(0, 5)
    fusion: str = setting("one of " + ", ".join(FUSION_METHODS), one_of(FUSION_METHODS))
    dense_weight: float = number(0, 1)
    rrf_k: int = integer(1, 1000)
    top_k: int = integer(1, 10)
    answer_sentences: int = integer(1, 5)
    answer_ratio: float = number(0, 1)
    recent_bonus: float = number(0, 1)
    followup_own_weight: float = number(0, 1)
    followup_sentence_own_weight: float = number(0, 1)
    bm25_k1: float = number(0, 5)
    bm25_b: float = number(0, 1)
    phrase_weight: float = number(0, 1)
    typed_pool: int = integer(1, 10)
    typed_bonus: float = number(0, 1)
    typed_bonus_strict: float = number(0, 1)
    typed_sentence_bonus: float = number(0, 1)
    metadata_intent: float = number(0, 1)
    metadata_intent_strong: float = number(0, 1)
    metadata_floor: float = number(0, 1)
    metadata_margin: float = number(0, 1)
    metadata_kind_bonus: float = number(0, 1)


@dataclass(frozen=True)
class SummarySettings:
    sentences: int = integer(3, 5)
    lead_weight: float = number(0, 1)
    title_weight: float = number(0, 1)
    relevance: float = number(0, 1)
    damping: float = number(0, 1)


@dataclass(frozen=True)
class ReaderSettings:
    enabled: bool = flag()
    path: Path = setting("a folder holding the reader's ONNX file and manifest.json")
    top_k: int = integer(1, 10)
    threshold: float = number(0, 1)
    weight: float = number(0, 1)


@dataclass(frozen=True)
class AbstentionSettings:
    coverage_weight: float = number(0, 2)
    threshold: float = number(0, 2)
    min_coverage: float = number(0, 1)
    dense_strong: float = number(0, 1)
    dense_floor: float = number(0, 1)
    dense_high: float = number(0, 1)
    answer_types: bool = flag()
