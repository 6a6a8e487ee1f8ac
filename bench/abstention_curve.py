"""Answered-vs-declined curve: the share of answerable questions answered against the share of near-misses /
unanswerable questions declined, as the abstention threshold moves, with and without the answer-type checks.

Sets: SQuAD 2.0 articles (../shared/eval/squad/train-sample), our reader questions on other news articles
(bench/qa, bench/qa_heldout; bench/qa_heldout2 is reported, never chosen on) and on the seed article
(bench/readers.jsonl), and the seed article's dev, paraphrase and held-out questions.
Run: `python -m bench.abstention_curve`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from bench.common import EVAL_DIR, ROOT
from bot.config import load_settings
from bot.wiring import build_index
from retrieval import article as article_mod
from retrieval.qa.dense import load_encoder

THRESHOLDS = (0.34, 0.38, 0.42, 0.46, 0.50, 0.54, 0.58)


def squad_like(folder: Path) -> list[tuple[Path, str, bool]]:
    rows = [json.loads(line) for line in (folder / "questions.jsonl").read_text().splitlines() if line.strip()]
    return [((folder / r["article"]).resolve(), r["question"], r["answerable"]) for r in rows]


def seed_like(path: Path, article: Path) -> list[tuple[Path, str, bool]]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [(article, r["question"], r["answerable"]) for r in rows if not r.get("overview")]


def rates(indexes, cases, threshold: float, typed: bool) -> tuple[float, float]:
    answered = declined = n_pos = n_neg = 0
    for path, question, answerable in cases:
        index = indexes[path]
        index.abstention = dataclasses.replace(index.abstention, threshold=threshold, answer_types=typed)
        abstained = index.search(question).abstained
        if answerable:
            n_pos += 1
            answered += not abstained
        else:
            n_neg += 1
            declined += abstained
    return answered / max(n_pos, 1), declined / max(n_neg, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.parse_args()
    settings = load_settings()
    encoder = load_encoder(settings.model)
    sets = {"squad": squad_like(EVAL_DIR / "squad" / "train-sample"), "bench/qa": squad_like(ROOT / "bench" / "qa"),
            "bench/qa_heldout": squad_like(ROOT / "bench" / "qa_heldout"),
            "bench/qa_heldout2 (report only)": squad_like(ROOT / "bench" / "qa_heldout2"),
            "readers": seed_like(ROOT / "bench" / "readers.jsonl", Path(settings.article.path).resolve()),
            "seed dev + paraphrases + held-out": [
                case for name in (EVAL_DIR / "questions.jsonl", ROOT / "bench" / "paraphrases.jsonl",
                                  ROOT / "bench" / "heldout.jsonl") if name.exists()
                for case in seed_like(name, Path(settings.article.path).resolve())]}
    indexes = {}
    for cases in sets.values():
        for path, _, _ in cases:
            if path not in indexes:
                indexes[path] = build_index(settings, encoder, article_mod.load(path, settings.article.max_bytes))
    shipped = settings.abstention.threshold
    print("| threshold | types | " + " | ".join(f"{name} answered / declined" for name in sets) + " |")
    print("|---|---|" + "---|" * len(sets))
    for threshold in sorted({*THRESHOLDS, shipped}):
        for typed in (False, True):
            cells = [rates(indexes, cases, threshold, typed) for cases in sets.values()]
            mark = " (shipped)" if threshold == shipped and typed else ""
            print(f"| {threshold:.2f}{mark} | {'on' if typed else 'off'} | "
                  + " | ".join(f"{a:.3f} / {d:.3f}" for a, d in cells) + " |")


if __name__ == "__main__":
    main()
