"""Typed settings: config/default.toml, then ARTICLE_BOT_* environment variables, then --set overrides."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.search import SearchSettings

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "default.toml"
ENV_PREFIX = "ARTICLE_BOT_"


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the key, the value and what is allowed."""


@dataclass(frozen=True)
class Key:
    kind: type
    allowed: str
    check: Callable[[Any], bool] = lambda v: True


def _between(lo: float, hi: float) -> Callable[[Any], bool]:
    return lambda v: lo <= v <= hi


SCHEMA: dict[str, Key] = {
    "article.path": Key(str, "a path to a UTF-8 text file", lambda v: bool(v.strip())),
    "model.name": Key(str, "an installed model package name or a model folder", lambda v: bool(v.strip())),
    "model.cache_dir": Key(str, "a folder path, or empty to disable the cache"),
    "model.backend": Key(str, "auto, numpy or sentence-transformers",
                         lambda v: v in {"auto", "numpy", "sentence-transformers"}),
    "model.blas_threads": Key(int, "an integer 1..64", _between(1, 64)),
    "retrieval.passage_window": Key(int, "an integer 0..5", _between(0, 5)),
    "retrieval.fusion": Key(str, "one of convex, rrf, bm25, dense", lambda v: v in {"convex", "rrf", "bm25", "dense"}),
    "retrieval.dense_weight": Key(float, "a number 0..1", _between(0, 1)),
    "retrieval.rrf_k": Key(int, "an integer 1..1000", _between(1, 1000)),
    "retrieval.top_k": Key(int, "an integer 1..10", _between(1, 10)),
    "retrieval.answer_sentences": Key(int, "an integer 1..5", _between(1, 5)),
    "retrieval.answer_ratio": Key(float, "a number 0..1", _between(0, 1)),
    "abstention.dense_high": Key(float, "a number 0..1", _between(0, 1)),
    "abstention.coverage_weight": Key(float, "a number 0..2", _between(0, 2)),
    "abstention.threshold": Key(float, "a number 0..2", _between(0, 2)),
    "abstention.min_coverage": Key(float, "a number 0..1", _between(0, 1)),
    "abstention.dense_strong": Key(float, "a number 0..1", _between(0, 1)),
    "abstention.dense_floor": Key(float, "a number 0..1", _between(0, 1)),
    "limits.max_question_chars": Key(int, "an integer 20..4000", _between(20, 4000)),
    "discord.cooldown_rate": Key(int, "an integer 1..1000", _between(1, 1000)),
    "discord.cooldown_seconds": Key(float, "a number 0..3600 (0 disables the cooldown)", _between(0, 3600)),
    "discord.view_timeout": Key(float, "a number 1..900 seconds", _between(1, 900)),
    "discord.shard_count": Key(int, "an integer 0..10000 (0 = unsharded)", _between(0, 10000)),
    "discord.shard_ids": Key(list, "a list of shard ids below shard_count, e.g. [0, 1]",
                             lambda v: all(isinstance(i, int) and i >= 0 for i in v)),
}


@dataclass(frozen=True)
class Settings:
    article_path: Path
    model_name: str
    model_backend: str
    blas_threads: int
    cache_dir: Path | None
    search: SearchSettings
    max_question_chars: int
    cooldown_rate: int
    cooldown_seconds: float
    view_timeout: float
    shard_count: int
    shard_ids: tuple[int, ...]


def load_settings(path: str | Path | None = None, overrides: Mapping[str, str] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Read the TOML file, apply env and explicit overrides, validate every key, return Settings."""
    path = Path(path) if path else DEFAULT_CONFIG
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    values = _flatten(data)
    unknown = sorted(set(values) - set(SCHEMA))
    if unknown:
        raise ConfigError(f"unknown config key {unknown[0]!r} in {path}; known keys: {', '.join(SCHEMA)}")
    env = os.environ if environ is None else environ
    for key in SCHEMA:
        name = ENV_PREFIX + key.replace(".", "_").upper()
        if name in env:
            values[key] = _parse_text(key, env[name], source=name)
    for key, raw in (overrides or {}).items():
        if key not in SCHEMA:
            raise ConfigError(f"unknown setting {key!r}; known keys: {', '.join(SCHEMA)}")
        values[key] = _parse_text(key, raw, source="--set")
    missing = sorted(set(SCHEMA) - set(values))
    if missing:
        raise ConfigError(f"config file {path} lacks key {missing[0]!r} ({SCHEMA[missing[0]].allowed})")
    for key, value in values.items():
        _check(key, value)
    return _build(values)


def parse_assignment(text: str) -> tuple[str, str]:
    """Split a `section.key=value` command-line override."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set expects section.key=value, got {text!r}")
    return key.strip(), value.strip()


def _flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for section, body in data.items():
        if not isinstance(body, Mapping):
            raise ConfigError(f"config entry {section!r} must be a [section] table")
        for key, value in body.items():
            out[f"{section}.{key}"] = value
    return out


def _parse_text(key: str, raw: str, source: str) -> Any:
    spec = SCHEMA[key]
    try:
        if spec.kind is str:
            return raw
        if spec.kind is list:
            return [int(p) for p in raw.strip("[] ").split(",") if p.strip()]
        return spec.kind(raw)
    except ValueError:
        raise ConfigError(f"{source}: {key} = {raw!r} is not valid; allowed: {spec.allowed}") from None


def _check(key: str, value: Any) -> None:
    spec = SCHEMA[key]
    if spec.kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, spec.kind) or isinstance(value, bool) or not spec.check(value):
        raise ConfigError(f"invalid setting {key} = {value!r}; allowed: {spec.allowed}")


def _resolve(path: str) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


def _build(v: Mapping[str, Any]) -> Settings:
    shard_ids = tuple(v["discord.shard_ids"])
    if shard_ids and any(i >= v["discord.shard_count"] for i in shard_ids):
        raise ConfigError(f"invalid setting discord.shard_ids = {list(shard_ids)!r}; allowed: ids below "
                          f"discord.shard_count ({v['discord.shard_count']})")
    search = SearchSettings(
        passage_window=v["retrieval.passage_window"], fusion=v["retrieval.fusion"],
        dense_weight=float(v["retrieval.dense_weight"]), rrf_k=v["retrieval.rrf_k"], top_k=v["retrieval.top_k"],
        answer_sentences=v["retrieval.answer_sentences"], answer_ratio=float(v["retrieval.answer_ratio"]),
        abstain_dense_high=float(v["abstention.dense_high"]),
        abstain_coverage_weight=float(v["abstention.coverage_weight"]),
        abstain_threshold=float(v["abstention.threshold"]),
        abstain_min_coverage=float(v["abstention.min_coverage"]),
        abstain_dense_strong=float(v["abstention.dense_strong"]),
        abstain_dense_floor=float(v["abstention.dense_floor"]),
    )
    cache = v["model.cache_dir"].strip()
    return Settings(
        article_path=_resolve(v["article.path"]), model_name=v["model.name"], model_backend=v["model.backend"],
        blas_threads=v["model.blas_threads"],
        cache_dir=_resolve(cache) if cache else None, search=search,
        max_question_chars=v["limits.max_question_chars"], cooldown_rate=v["discord.cooldown_rate"],
        cooldown_seconds=float(v["discord.cooldown_seconds"]), view_timeout=float(v["discord.view_timeout"]),
        shard_count=v["discord.shard_count"], shard_ids=shard_ids,
    )
