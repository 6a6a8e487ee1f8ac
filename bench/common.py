"""Shared helpers for the benchmarks: paths, percentiles, the dev-set scorer."""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
EVAL_DIR = ROOT.parent / "shared" / "eval"
TESTS = ROOT / "tests"
for extra in (ROOT, TESTS):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 2), "p95_ms": round(percentile(ms, 95), 2),
            "p99_ms": round(percentile(ms, 99), 2), "mean_ms": round(statistics.fmean(ms), 2) if ms else None}


def load_scorer(eval_dir: Path = EVAL_DIR):
    path = eval_dir / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_cases(name: str = "questions.jsonl") -> list[dict]:
    path = EVAL_DIR / name
    if not path.exists():
        path = ROOT / "bench" / "heldout.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
