"""Write gold.jsonl (the news-quotes scorer's format: `python ../shared/eval/news-quotes/score.py --data
bench/quotes_wire --cmd .venv/bin/article-bot`) and lookups.jsonl from records.py:
`python -m bench.quotes_wire.build`."""

import json
from pathlib import Path

from bench.quotes.build import build as build_gold
from bench.quotes_wire.records import LOOKUPS, RECORDS

HERE = Path(__file__).parent


def write(folder: Path, records: list, lookups: list) -> None:
    """gold.jsonl and lookups.jsonl of a quote set in `folder` (its articles/ beside them)."""
    named = {source for _, _, _, source, speaker in records if source == speaker and " " not in source}
    build_gold(folder, records, named)
    with open(folder / "lookups.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"article": f"articles/{a}.txt", "typed": typed, "speaker": speaker},
                                ensure_ascii=False) + "\n" for a, typed, speaker in lookups)


if __name__ == "__main__":
    write(HERE, RECORDS, LOOKUPS)
