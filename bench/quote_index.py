"""Quote index build time against article size: the seed article and bench/quotes' articles, each copy's
names made distinct, repeated up to 1, 10 and 20 MB; built in a fresh interpreter so memory is its own."""

from __future__ import annotations

import json
import subprocess
import sys

from .common import ROOT

SIZES_MB = (1, 10, 20)
BUILD = r"""
import json, re, sys, time
from pathlib import Path
from retrieval.article.cleaning import parse
from retrieval.quotes.quotebook import QuoteBook
root, size = Path(sys.argv[1]), int(float(sys.argv[2]) * 1_000_000)
texts = [p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted((root / "seeds").glob("*.txt"))
         + sorted((root / "bench" / "quotes" / "articles").glob("*.txt"))]
parts, total, copy = [], 0, 0
while total < size:
    for text in texts:
        # a different surname per copy, so people don't merge across copies
        body = re.sub(r"\b([A-Z][a-z]{3,})\b", lambda m: m.group(1) + "abcdefghij"[copy % 10], text)
        parts.append(body)
        total += len(body.encode())
    copy += 1
article = parse("Big article\n\n" + "\n\n".join(parts))
t0 = time.perf_counter()
book = QuoteBook(article)
print(json.dumps({"mb": round(total / 1e6, 1), "paragraphs": len(article.paragraphs),
                  "quotes": len(book.quotes), "build_s": round(time.perf_counter() - t0, 2)}))
"""


def run(sizes: tuple[int, ...] = SIZES_MB) -> list[dict]:
    out = []
    for mb in sizes:
        done = subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(mb)], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        out.append(json.loads(done.stdout))
    return out


if __name__ == "__main__":
    for row in run():
        print(row)
