"""Compare rankers and settings on the dev questions in-process (recall@1, answer_hit, abstention)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import EVAL_DIR, load_scorer  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.render import answer_json  # noqa: E402
from bot.wiring import build_index  # noqa: E402
from retrieval.settings import FUSION_METHODS  # noqa: E402


def evaluate(index, cases, scorer, method=None):
    outs = [answer_json(index.search(c["question"], method)) for c in cases]
    return scorer.score_questions(cases, outs), outs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", default=str(EVAL_DIR))
    ap.add_argument("--questions", default=None)
    ap.add_argument("--grid", action="store_true", help="sweep fusion settings")
    ap.add_argument("--evidence", action="store_true", help="print raw abstention evidence per question")
    args = ap.parse_args()
    eval_dir = Path(args.eval_dir)
    scorer = load_scorer(eval_dir)
    qfile = Path(args.questions) if args.questions else eval_dir / "questions.jsonl"
    cases = [json.loads(line) for line in qfile.read_text().splitlines() if line.strip()]
    settings = load_settings()
    index = build_index(settings)
    rows = []
    for method in FUSION_METHODS:
        res, outs = evaluate(index, cases, scorer, method)
        rows.append((method, res))
    if args.grid:
        for window in (0, 1, 2):
            for w in (0.3, 0.4, 0.5, 0.6, 0.7):
                variant = settings.override({"retrieval.passage_window": window, "retrieval.dense_weight": w})
                index = build_index(variant, index.encoder, index.article)
                res, _ = evaluate(index, cases, scorer, "convex")
                rows.append((f"convex w={w} window={window}", res))
    for name, res in rows:
        print(f"{name:28s} r@1={res['recall@1']:.3f} r@3={res['recall@3']:.3f} mrr={res['mrr@5']:.3f} "
              f"hit={res['answer_hit']:.3f} answered={res['answered_rate']:.3f} "
              f"declined={res['abstain_rate_off_topic']} acc={res['accuracy']:.3f}")
        for m in res["misses"]:
            print("     ", m)
    if args.evidence:
        for c in cases:
            ans = index.search(c["question"])
            print(f"{str(c['answerable']):5s} {ans.evidence} {c['question']}")


if __name__ == "__main__":
    main()
