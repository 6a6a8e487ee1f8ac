"""Cold start-up broken down, each stage timed in a fresh interpreter: a cache miss (for ONNX this includes
the one-time export) and a hit, per encoder backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from retrieval.settings import ENCODER_BACKENDS

from .common import ROOT

STAGES = r"""
import json, sys, time
t0 = time.perf_counter()
backend, cache = sys.argv[1], sys.argv[2]
from bot.config import load_settings
from bot.wiring import build_index
from retrieval import article as article_mod
from retrieval.qa.dense import load_encoder
t1 = time.perf_counter()
settings = load_settings(overrides={"model.backend": backend, "model.cache_dir": cache})
encoder = load_encoder(settings.model)
t2 = time.perf_counter()
art = article_mod.load(settings.article.path)
t3 = time.perf_counter()
index = build_index(settings, encoder, art)
t4 = time.perf_counter()
index.search("Who requested the call?")
t5 = time.perf_counter()
print(json.dumps({"imports_s": t1 - t0, "model_load_s": t2 - t1, "article_load_s": t3 - t2,
                  "index_build_s": t4 - t3, "first_query_s": t5 - t4, "total_s": t5 - t0}))
"""


def stage_times(backend: str, cache_dir: str) -> dict:
    out = subprocess.run([sys.executable, "-c", STAGES, backend, cache_dir], capture_output=True, text=True,
                         cwd=ROOT, check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return {k: round(v, 3) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def cold_cli(backend: str, cache_dir: str, runs: int = 3) -> dict:
    """Wall time of a one-shot `article-bot ask` (process start to answer), best and median of runs."""
    cmd = [str(ROOT / ".venv" / "bin" / "article-bot"), "--set", f"model.cache_dir={cache_dir}", "--set",
           f"model.backend={backend}", "ask",
           "Who requested the call?"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    times.sort()
    return {"best_s": round(times[0], 3), "median_s": round(times[len(times) // 2], 3)}


def run() -> dict:
    results = {}
    for backend in ENCODER_BACKENDS:
        with tempfile.TemporaryDirectory() as cache:
            miss = stage_times(backend, cache)
            hit = stage_times(backend, cache)
            results[backend] = {"cache_miss": miss, "cache_hit": hit}
            results[backend]["cli_ask_warm_cache"] = cold_cli(backend, cache)
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
