"""Typed settings: config/default.toml, then ARTICLE_BOT_* environment variables, then --set overrides.

One frozen dataclass per TOML section (field name = key, validation in the field's metadata, defaults only
in the TOML file); this module only converts and checks values generically.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.settings import (
    AbstentionSettings,
    ModelSettings,
    ReaderSettings,
    RetrievalSettings,
    SummarySettings,
    between,
    integer,
    number,
    setting,
)

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# In a checkout bot/default.toml links to config/default.toml; an installed wheel carries a copy as package data.
DEFAULT_CONFIG = Path(__file__).with_name("default.toml")
# Relative paths in settings resolve against the checkout, or against the current folder when installed.
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "config").is_dir()
ENV_PREFIX = "ARTICLE_BOT_"
# An integer setting from the environment: "-3".
_INT = re.compile(r"[+-]?[0-9]+")
# A float setting from the environment: "0.35", "1e-3".
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the key, the value and what is allowed."""


@dataclass(frozen=True)
class ArticleSettings:
    path: Path | str = setting("a path to an article file (web page, Markdown or text) or an http(s) URL")
    max_bytes: int = integer(1_000, 100_000_000)
    allow_private_hosts: bool = setting("true or false")
    fetch_timeout: float = setting("seconds, 1..120", between(1, 120))
    max_redirects: int = integer(0, 20)


@dataclass(frozen=True)
class ArticlesSettings:
    max_loaded: int = integer(1, 64)


@dataclass(frozen=True)
class LimitsSettings:
    max_question_chars: int = integer(20, 4000)


@dataclass(frozen=True)
class ConversationSettings:
    max_turns: int = integer(0, 50, " (0 = every question stands alone)")
    idle_minutes: float = number(1, 1440)
    max_conversations: int = integer(1, 1_000_000)


@dataclass(frozen=True)
class StorageSettings:
    url: str = setting("empty (SQLite in model.cache_dir) or a SQLAlchemy URL: sqlite:///FILE, "
                       "postgresql+psycopg://USER:PASSWORD@HOST/DB",
                       lambda v: v == "" or v.startswith(("sqlite:///", "postgresql+psycopg://")))
    retention_days: float = number(0, 3650, " (0 keeps everything)")


@dataclass(frozen=True)
class DiscordSettings:
    cooldown_rate: int = integer(1, 1000)
    cooldown_seconds: float = number(0, 3600, " (0 disables the cooldown)")
    view_timeout: float = number(1, 900, " seconds")
    defer_after: float = number(0, 2.5, " seconds (Discord wants a reply within 3)")
    message_content_intent: bool = setting("true or false")
    shard_count: int = integer(0, 10000, " (0 = unsharded)")
    shard_ids: tuple[int, ...] = setting("a list of shard ids below shard_count, e.g. [0, 1]",
                                         lambda v: all(i >= 0 for i in v))

    def __post_init__(self) -> None:
        if any(i >= self.shard_count for i in self.shard_ids):
            raise ConfigError(f"invalid setting discord.shard_ids = {list(self.shard_ids)!r}; allowed: ids below "
                              f"discord.shard_count ({self.shard_count})")


@dataclass(frozen=True)
class Settings:
    article: ArticleSettings
    articles: ArticlesSettings
    model: ModelSettings
    retrieval: RetrievalSettings
    abstention: AbstentionSettings
    reader: ReaderSettings
    summary: SummarySettings
    limits: LimitsSettings
    conversation: ConversationSettings
    storage: StorageSettings
    discord: DiscordSettings

    def override(self, values: Mapping[str, Any]) -> Settings:
        """A copy with `section.key` values replaced, checked like any other setting."""
        flat = {f"{name}.{f.name}": getattr(getattr(self, name), f.name)
                for name, cls in SECTIONS.items() for f in dataclasses.fields(cls)}
        for key, value in values.items():
            if key not in flat:
                raise ConfigError(f"unknown setting {key!r}{_did_you_mean(key, list(flat))}")
            flat[key] = value
        return _build(flat, {key: "override" for key in values})


SECTIONS: dict[str, type] = {f.name: typing.get_type_hints(Settings)[f.name] for f in dataclasses.fields(Settings)}


def known_keys() -> list[str]:
    return [f"{name}.{f.name}" for name, cls in SECTIONS.items() for f in dataclasses.fields(cls)]


def load_settings(path: str | Path | None = None, overrides: Mapping[str, str] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """The defaults (config/default.toml), then the keys a given TOML file sets, then env and explicit
    overrides; every key validated."""
    keys = known_keys()
    values = _read_toml(DEFAULT_CONFIG)
    sources = dict.fromkeys(values, str(DEFAULT_CONFIG))
    if path and Path(path) != DEFAULT_CONFIG:
        path = Path(path)
        overlay = _read_toml(path)
        unknown = sorted(set(overlay) - set(keys))
        if unknown:
            raise ConfigError(f"unknown config key {unknown[0]!r} in {path}{_did_you_mean(unknown[0], keys)}")
        values.update(overlay)
        sources.update(dict.fromkeys(overlay, str(path)))
    env = os.environ if environ is None else environ
    for key in keys:
        name = env_name(key)
        if name in env:
            values[key], sources[key] = _from_text(key, env[name], name), name
    for key, raw in (overrides or {}).items():
        if key not in keys:
            raise ConfigError(f"unknown setting {key!r}{_did_you_mean(key, keys)}")
        values[key], sources[key] = _from_text(key, raw, "--set"), "--set"
    missing = [k for k in keys if k not in values]
    if missing:
        raise ConfigError(f"{DEFAULT_CONFIG} lacks key {missing[0]!r} ({_field(missing[0]).metadata['allowed']})")
    return _build(values, sources)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file {path} is not UTF-8 text (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    return _flatten(data)


def _did_you_mean(key: str, keys: list[str]) -> str:
    near = difflib.get_close_matches(key, keys, 2, 0.8)
    if not near:  # a key without its section ("top_k"), or a section's key misspelt
        names = difflib.get_close_matches(key.rsplit(".", 1)[-1], [k.rsplit(".", 1)[-1] for k in keys], 1, 0.6)
        near = [k for k in keys if names and k.rsplit(".", 1)[-1] == names[0]][:3]
    return f"; did you mean {' or '.join(near)}?" if near else f"; known keys: {', '.join(keys)}"


def unknown_env_names(environ: Mapping[str, str] | None = None) -> list[str]:
    """One warning per ARTICLE_BOT_* variable that names no setting, with the nearest valid name."""
    env = os.environ if environ is None else environ
    valid = [env_name(k) for k in known_keys()]
    out = []
    for name in sorted(n for n in env if n.startswith(ENV_PREFIX) and n not in valid):
        suffixes = {v.removeprefix(ENV_PREFIX): v for v in valid}
        near = [suffixes[m] for m in difflib.get_close_matches(name.removeprefix(ENV_PREFIX), suffixes, 1, 0.6)]
        hint = f"; did you mean {near[0]}?" if near else f"; valid names: {', '.join(valid)}"
        out.append(f"ignoring {name}: no such setting{hint}")
    return out


def is_url(text: str) -> bool:
    return bool(re.match(r"(?i)https?://", text.strip()))


def env_name(key: str) -> str:
    return ENV_PREFIX + key.replace(".", "_").upper()


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


def _field(key: str) -> dataclasses.Field:
    section, name = key.split(".", 1)
    return next(f for f in dataclasses.fields(SECTIONS[section]) if f.name == name)


def _kind(key: str) -> Any:
    section, name = key.split(".", 1)
    return typing.get_type_hints(SECTIONS[section])[name]


def _from_text(key: str, raw: str, source: str) -> Any:
    """Parse a value typed as text (environment, --set) into what the TOML file would hold."""
    kind, text = _kind(key), raw.strip()
    if kind is int and _INT.fullmatch(text):
        return int(text)
    if kind is float and _FLOAT.fullmatch(text):
        return float(text)
    if kind == tuple[int, ...]:
        parts = [p.strip() for p in text.strip("[]").split(",") if p.strip()]
        if all(_INT.fullmatch(p) for p in parts):
            return [int(p) for p in parts]
    if kind is bool and text.lower() in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        return text.lower() in ("true", "1", "yes", "on")
    if kind in (str, Path, Path | None, Path | str):
        return raw
    raise ConfigError(f"{source}: {key} = {raw!r} is not valid; allowed: {_field(key).metadata['allowed']}")


_WRONG = object()


def _convert(key: str, value: Any) -> Any:
    """Check a value's type and turn it into the field's type; _WRONG when the type is wrong."""
    kind = _kind(key)
    if isinstance(value, bool) != (kind is bool):
        return _WRONG
    if kind is int:
        return value if isinstance(value, int) else _WRONG
    if kind is float:
        return float(value) if isinstance(value, int | float) else _WRONG
    if kind is str:
        return value if isinstance(value, str) else _WRONG
    if kind is bool:
        return value
    if kind == Path | str and isinstance(value, str) and is_url(value):
        return value.strip()
    if kind in (Path, Path | None, Path | str):
        if isinstance(value, Path):
            return value
        if not isinstance(value, str):
            return _WRONG
        if not value.strip():
            return None if kind == Path | None else _WRONG
        try:
            p = Path(value.strip()).expanduser()
        except RuntimeError:  # "~nobody/x": no such user's home
            return _WRONG
        return p if p.is_absolute() else (PROJECT_ROOT if IN_CHECKOUT else Path.cwd()) / p
    if kind == tuple[int, ...] and isinstance(value, list | tuple):
        ok = all(isinstance(i, int) and not isinstance(i, bool) for i in value)
        return tuple(value) if ok else _WRONG
    return _WRONG


def _build(values: Mapping[str, Any], sources: Mapping[str, str]) -> Settings:
    sections: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for key, value in values.items():
        meta = _field(key).metadata
        converted = _convert(key, value)
        if converted is _WRONG or not meta["check"](converted):
            where = sources.get(key, "")
            prefix = f"{where}: " if where.startswith(ENV_PREFIX) else ""
            raise ConfigError(f"{prefix}invalid setting {key} = {value!r}; allowed: {meta['allowed']}")
        section, name = key.split(".", 1)
        sections[section][name] = converted
    return Settings(**{name: SECTIONS[name](**body) for name, body in sections.items()})
