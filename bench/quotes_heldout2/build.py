"""Write gold.jsonl and lookups.jsonl of bench/quotes_heldout2 from records.py: `python -m bench.quotes_heldout2.build`;
score with `python ../shared/eval/news-quotes/score.py --data bench/quotes_heldout2 --cmd .venv/bin/article-bot` and
`python -m bench.quote_lookups bench/quotes_heldout2`."""

from pathlib import Path

from bench.quotes_heldout2.records import LOOKUPS, RECORDS
from bench.quotes_wire.build import write

if __name__ == "__main__":
    write(Path(__file__).parent, RECORDS, LOOKUPS)
