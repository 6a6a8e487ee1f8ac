"""Found by what a reader types: `/quote TYPED` for each line of a lookups.jsonl (article, typed, speaker) must
find that speaker's quotations. `python -m bench.quote_lookups [bench/quotes_wire]`."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from .common import ROOT


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).replace("'", "").split())


def run(folder: Path) -> dict:
    from retrieval import article
    from retrieval.quotes.quotebook import QuoteBook

    books: dict[str, QuoteBook] = {}
    rows = []
    for line in (folder / "lookups.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["article"] not in books:
            books[case["article"]] = QuoteBook(article.load(folder / case["article"]))
        found = books[case["article"]].lookup(case["typed"])
        got = found.speaker if found.status == "found" else None
        ok = got is not None and (fold(case["speaker"]) in fold(got) or fold(got) in fold(case["speaker"]))
        rows.append({**case, "status": found.status, "got": got, "ok": ok})
    return {"lookup": round(sum(r["ok"] for r in rows) / len(rows), 3), "n": len(rows),
            "misses": [f"{r['article'].split('/')[-1]}: {r['typed']!r} -> {r['status']} {r['got']!r}"
                       for r in rows if not r["ok"]]}


if __name__ == "__main__":
    report = run(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "quotes_wire")
    print(json.dumps(report, indent=1, ensure_ascii=False))
