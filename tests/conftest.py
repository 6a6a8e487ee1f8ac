"""Shared fixtures: one real model per session, a deterministic fake encoder, the seed article."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from helpers import SEED  # noqa: E402

from bot.config import load_settings  # noqa: E402
from bot.wiring import build_router  # noqa: E402
from retrieval import article as article_mod  # noqa: E402
from retrieval.qa.lexical import tokenize  # noqa: E402
from retrieval.quotes.quotebook import QuoteBook  # noqa: E402


class FakeEncoder:
    """Hashing bag-of-words vectors: deterministic, instant, and counts its calls."""

    model_id = "fake-hash-256"

    def __init__(self):
        self.calls = 0
        self.dictionary = frozenset()

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in tokenize(text) or ["empty"]:
                out[row, int(hashlib.md5(tok.encode()).hexdigest(), 16) % 256] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(scope="session")
def settings():
    return load_settings(environ={})


@pytest.fixture(scope="session")
def article():
    return article_mod.load(SEED)


@pytest.fixture(scope="session")
def reference_encoder(settings):
    """sentence-transformers on torch: the reference implementation."""
    from retrieval.qa.dense import SentenceTransformerEncoder
    from retrieval.qa.model_files import model_folder

    return SentenceTransformerEncoder(model_folder(settings.model.name), settings.model.cache_dir)


@pytest.fixture(scope="session")
def real_encoder(settings):
    """The encoder the product ships with (config default: ONNX Runtime on an export of the same weights)."""
    from retrieval.qa.dense import load_encoder

    return load_encoder(settings.model)


@pytest.fixture(scope="session")
def index(router):
    return router.index


@pytest.fixture(scope="session")
def quotebook(article):
    return QuoteBook(article)


@pytest.fixture(scope="session")
def router(article, real_encoder, settings):
    """Built by the same builder as the CLI and the bot, over the shared article and encoder."""
    return build_router(settings, encoder=real_encoder, article=article)


@pytest.fixture()
def fake_encoder():
    return FakeEncoder()


@pytest.fixture()
def cache_dir(tmp_path, real_encoder, settings) -> Path:
    """A fresh cache folder that already holds the ONNX export (linked), so a subprocess skips the export."""
    (tmp_path / "onnx").symlink_to(settings.model.cache_dir / "onnx", target_is_directory=True)
    return tmp_path


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


class PgCluster:
    """A throw-away PostgreSQL cluster on 127.0.0.1 and a free port, run as the postgres user (the server
    refuses root); each test gets its own database."""

    def __init__(self, root: Path, bin_dir: Path):
        import socket

        self.root, self.bin, self.data = root, bin_dir, root / "data"
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self._databases = 0

    def _ctl(self, *args: str) -> None:
        import subprocess

        subprocess.run([*self.as_pg, str(self.bin / "pg_ctl"), "-D", str(self.data), *args], check=True,
                       capture_output=True, timeout=60)

    def init(self) -> None:
        import shutil
        import subprocess

        shutil.chown(self.root, "postgres")
        subprocess.run([*self.as_pg, str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "bot"],
                       check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._ctl("-o", f"-F -p {self.port} -k {self.root} -h 127.0.0.1", "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        self._ctl("-m", "immediate", "-w", "stop")

    def new_database(self) -> str:
        import psycopg

        self._databases += 1
        name = f"test_{self._databases}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=bot dbname=postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://bot@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def pg_cluster():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL server binaries are missing; .ci/run installs Debian's postgresql")
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="article-bot-pg-"))  # pytest's own tmp dirs are closed to other users
    cluster = PgCluster(root, found[-1].parent)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(Exception):
            cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Each store test runs on a SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture()
def tmp_cache_env(cache_dir):
    return dict(os.environ, ARTICLE_BOT_MODEL_CACHE_DIR=str(cache_dir))


@pytest.fixture()
def store_at(tmp_path) -> str:
    """A SQLite store of the test's own."""
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture()
def site():
    """http://127.0.0.1:PORT serving bench/articles and some bad responses (tests/pages.py)."""
    from pages import serve

    with serve() as base:
        yield base


# Test tiers: `make test` runs everything; `make test-fast` leaves out these markers, given here by what a test
# uses so no test can forget its own.
E2E_MODULES = {"test_discord_e2e", "test_discord_conversations", "test_discord_articles", "test_discord_run"}
SLOW_MODULES = {"test_cli", "test_packaging", "test_reader_training", "test_quote_bench", "test_golden"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        module = item.module.__name__.rsplit(".", 1)[-1]
        params = getattr(getattr(item, "callspec", None), "params", {})
        named = {v for v in params.values() if isinstance(v, str)}  # fixtures a test asks for by name
        if (names | named) & {"real_encoder", "reference_encoder"}:
            item.add_marker(pytest.mark.model)
        if "pg_cluster" in names or params.get("store_url") == "postgresql":
            item.add_marker(pytest.mark.postgres)
        if module in E2E_MODULES:
            item.add_marker(pytest.mark.e2e)
        if module in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
