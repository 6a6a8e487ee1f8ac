"""Peak RSS of a one-shot `article-bot ask` (each backend) and of indexing a 149-paragraph article from
scratch (bounded encoder batches); `run` is measured by the load benchmark."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from retrieval.settings import ENCODER_BACKENDS

from .common import EVAL_DIR, ROOT

WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True, check=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident set of cmd, measured in a fresh wrapper process so nothing else is counted."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    return round(int(out.stdout.strip()) / 1024, 1)


def run() -> dict:
    bot = str(ROOT / ".venv" / "bin" / "article-bot")
    out = {}
    for backend in ENCODER_BACKENDS:
        out[f"ask_{backend}_mb"] = peak_rss_mb([bot, "--set", f"model.backend={backend}", "ask", "Who requested "
                                                "the call?"])
    longest = EVAL_DIR / "squad" / "train-sample" / "07_New_York_City.txt"
    if longest.exists():
        with tempfile.TemporaryDirectory() as cache:
            shutil.copytree(ROOT / ".cache" / "article-bot" / "onnx", Path(cache) / "onnx", dirs_exist_ok=True)
            out["index_long_article_mb"] = peak_rss_mb([bot, "--article", str(longest), "--set",
                                                        f"model.cache_dir={cache}", "ask", "What is the population?"])
    out["self_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out
