"""Follow-up quality in process: every conversation set through one Router, first turns and follow-ups apart.

    python -m bench.conversations [--set conversation.max_turns=0] [--verbose] FILE...
(`score.py conversations` measures the same through `article-bot chat --json`, one process per conversation.)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import EVAL_DIR, ROOT, load_scorer

DEFAULT_SETS = (EVAL_DIR / "conversations.jsonl", ROOT / "bench" / "conversations.jsonl")


def run(files=DEFAULT_SETS, overrides: dict | None = None, verbose: bool = False) -> dict:
    from bot.config import load_settings
    from bot.render import to_json
    from bot.wiring import build_router

    scorer = load_scorer()
    settings = load_settings(overrides=overrides or {})
    router = build_router(settings)
    out = {}
    for path in (Path(f) for f in files):
        if not path.exists():
            continue
        convs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        first, follow, off = [], [], []
        for number, conv in enumerate(convs):
            for i, turn in enumerate(conv["turns"]):
                got = to_json(router.handle(turn["question"], (str(path), number)))
                (off if not turn["answerable"] else follow if i else first).append((turn, got))
                if verbose and turn["answerable"] and i:
                    cites = got.get("citations")
                    print(f"  {'ctx' if got.get('context_used') else '   '} {cites} {turn['question']}")
        row = {}
        for name, pairs in (("first", first), ("followup", follow)):
            if not pairs:  # a set of off-topic follow-ups only
                row[name] = {"answerable": 0, "recall@1": float("nan"), "answer_hit": float("nan"),
                             "answered_rate": float("nan"), "misses": []}
                continue
            res = scorer.score_questions([t for t, _ in pairs], [o for _, o in pairs])
            row[name] = {k: res[k] for k in ("answerable", "recall@1", "answer_hit", "answered_rate")}
            row[name]["misses"] = res["misses"]
        row["off_topic_declined"] = f"{sum(bool(o.get('abstained')) for _, o in off)}/{len(off)}"
        out[f"{path.parent.name}/{path.name}"] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*", default=[str(f) for f in DEFAULT_SETS])
    ap.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    overrides = dict(a.split("=", 1) for a in args.set)
    for name, row in run(args.files, overrides, args.verbose).items():
        f, u = row["first"], row["followup"]
        print(f"{name}: first r@1 {f['recall@1']:.3f} hit {f['answer_hit']:.3f} | follow-ups ({u['answerable']}) "
              f"r@1 {u['recall@1']:.3f} hit {u['answer_hit']:.3f} answered {u['answered_rate']:.3f} | "
              f"off-topic declined {row['off_topic_declined']}")
        for miss in u["misses"]:
            print("    ", miss)


if __name__ == "__main__":
    main()
