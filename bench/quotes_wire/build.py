"""Write gold.jsonl (the news-quotes scorer's format: `python ../shared/eval/news-quotes/score.py --data
bench/quotes_wire --cmd .venv/bin/article-bot`) and lookups.jsonl from records.py:
`python -m bench.quotes_wire.build`."""

import json
from pathlib import Path

from bench.quotes.build import build as build_gold
from bench.quotes_wire.records import LOOKUPS, RECORDS

HERE = Path(__file__).parent


def main() -> None:
    named = {source for _, _, _, source, speaker in RECORDS if source == speaker and " " not in source}
    build_gold(HERE, RECORDS, named)
    with open(HERE / "lookups.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"article": f"articles/{a}.txt", "typed": typed, "speaker": speaker},
                                ensure_ascii=False) + "\n" for a, typed, speaker in LOOKUPS)


if __name__ == "__main__":
    main()
