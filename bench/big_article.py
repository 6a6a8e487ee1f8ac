"""A 1 MB article: wall time to the first answer of a one-shot `article-bot ask` and its peak RSS, with the
ONNX model export cached but no embeddings cached (the first question about a newly set article), then again
with the embeddings cached. `python -m bench.big_article [MB]`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import ROOT
from .memory import WRAPPER

POOL = ROOT.parent / "shared" / "data" / "squad-reader" / "pool.json"


def big_text(size: int) -> str:
    """size bytes of distinct paragraphs: the SQuAD pool's contexts when ../shared is there (text nothing repeats,
    the hard case), else our own articles (the seed and bench/quotes) copied with a different surname per copy."""
    if POOL.exists():
        data = json.loads(POOL.read_text(encoding="utf-8"))["data"]
        contexts = list(dict.fromkeys(p["context"] for a in data for p in a["paragraphs"]))
        parts, total = [], 0
        for context in contexts:
            if total >= size:
                break
            parts.append(" ".join(context.split()))
            total += len(parts[-1].encode()) + 2
        return "Big article\n\n" + "\n\n".join(parts)
    texts = [p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted((ROOT / "seeds").glob("*.txt"))
             + sorted((ROOT / "bench" / "quotes" / "articles").glob("*.txt"))]
    parts, total, copy = [], 0, 0
    while total < size:
        for text in texts:
            body = re.sub(r"\b([A-Z][a-z]{3,})\b", lambda m, c=copy: m.group(1) + "abcdefghij"[c % 10], text)
            parts.append(body)
            total += len(body.encode())
        copy += 1
    return "Big article\n\n" + "\n\n".join(parts)


def timed(cmd: list[str]) -> dict:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True, cwd=ROOT)
    return {"seconds": round(time.perf_counter() - start, 1), "peak_rss_mb": round(int(out.stdout.strip()) / 1024, 1)}


def run(mb: float = 1.0) -> dict:
    bot = str(ROOT / ".venv" / "bin" / "article-bot")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "big.txt"
        article.write_text(big_text(int(mb * 1_000_000)), encoding="utf-8")
        cache = Path(tmp) / "cache"
        shutil.copytree(ROOT / ".cache" / "article-bot" / "onnx", cache / "onnx", dirs_exist_ok=True)
        cmd = [bot, "--article", str(article), "--set", f"model.cache_dir={cache}", "--set",
               f"article.max_bytes={int(mb * 1_100_000)}", "ask", "When did the Black Death reach Europe?"]
        first = timed(cmd)
        return {"mb": round(article.stat().st_size / 1e6, 2), "first_answer": first, "embeddings_cached": timed(cmd)}


if __name__ == "__main__":
    print(json.dumps(run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)))
