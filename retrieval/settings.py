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


@dataclass(frozen=True)
class ModelSettings:
    name: str = setting("an installed model package name or a model folder", lambda v: bool(v.strip()))
    backend: str = setting("onnx or sentence-transformers", one_of(ENCODER_BACKENDS))
    threads: int = setting("an integer 0..64 (0 = one per core)", between(0, 64))
    batch_size: int = setting("an integer 1..256", between(1, 256))
    cache_dir: Path | None = setting("a folder path, or empty to disable the cache")


@dataclass(frozen=True)
class RetrievalSettings:
    passage_window: int = setting("an integer 0..5", between(0, 5))
    fusion: str = setting("one of " + ", ".join(FUSION_METHODS), one_of(FUSION_METHODS))
    dense_weight: float = setting("a number 0..1", between(0, 1))
    rrf_k: int = setting("an integer 1..1000", between(1, 1000))
    top_k: int = setting("an integer 1..10", between(1, 10))
    answer_sentences: int = setting("an integer 1..5", between(1, 5))
    answer_ratio: float = setting("a number 0..1", between(0, 1))
    recent_bonus: float = setting("a number 0..1", between(0, 1))
    followup_own_weight: float = setting("a number 0..1", between(0, 1))
    followup_sentence_own_weight: float = setting("a number 0..1", between(0, 1))
    bm25_k1: float = setting("a number 0..5", between(0, 5))
    bm25_b: float = setting("a number 0..1", between(0, 1))
    phrase_weight: float = setting("a number 0..1", between(0, 1))
    typed_pool: int = setting("an integer 1..10", between(1, 10))
    typed_bonus: float = setting("a number 0..1", between(0, 1))
    typed_bonus_strict: float = setting("a number 0..1", between(0, 1))
    typed_sentence_bonus: float = setting("a number 0..1", between(0, 1))
    metadata_intent: float = setting("a number 0..1", between(0, 1))
    metadata_intent_strong: float = setting("a number 0..1", between(0, 1))
    metadata_floor: float = setting("a number 0..1", between(0, 1))
    metadata_margin: float = setting("a number 0..1", between(0, 1))
    metadata_kind_bonus: float = setting("a number 0..1", between(0, 1))


@dataclass(frozen=True)
class SummarySettings:
    sentences: int = setting("an integer 3..5", between(3, 5))
    lead_weight: float = setting("a number 0..1", between(0, 1))
    title_weight: float = setting("a number 0..1", between(0, 1))
    relevance: float = setting("a number 0..1", between(0, 1))
    damping: float = setting("a number 0..1", between(0, 1))


@dataclass(frozen=True)
class ReaderSettings:
    enabled: bool = setting("true or false", lambda v: isinstance(v, bool))
    path: Path = setting("a folder holding the reader's ONNX file and manifest.json")
    top_k: int = setting("an integer 1..10", between(1, 10))
    threshold: float = setting("a number 0..1", between(0, 1))
    weight: float = setting("a number 0..1", between(0, 1))


@dataclass(frozen=True)
class AbstentionSettings:
    coverage_weight: float = setting("a number 0..2", between(0, 2))
    threshold: float = setting("a number 0..2", between(0, 2))
    min_coverage: float = setting("a number 0..1", between(0, 1))
    dense_strong: float = setting("a number 0..1", between(0, 1))
    dense_floor: float = setting("a number 0..1", between(0, 1))
    dense_high: float = setting("a number 0..1", between(0, 1))
    answer_types: bool = setting("true or false", lambda v: isinstance(v, bool))
