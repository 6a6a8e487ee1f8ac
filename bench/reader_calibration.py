"""Choose the reader's settings on held-out pool titles; report them on other held-out titles.

    python -m bench.reader_calibration            # sweep on the validation titles, report the test titles
    python -m bench.reader_calibration --export DIR   # also write both splits in ../shared/eval/squad's
                                                      # format, for its scorer (answer_hit, peers)

The pool's titles are split whole (training/examples.py): the model never trained on validation or test
titles; validation chooses reader.top_k, reader.weight and reader.threshold (and whether the rule-based
abstention still earns its place), test is only reported. Each question is run once with the reader
scoring the first stage's top 8 paragraphs and no reader decline; the sweep recombines those readings
offline, so it is the same arithmetic as retrieval.qa.reading.fuse.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import load_settings  # noqa: E402
from bot.wiring import build_index, build_reader  # noqa: E402
from retrieval import reading  # noqa: E402
from retrieval.article.cleaning import parse  # noqa: E402
from retrieval.qa.dense import load_encoder  # noqa: E402
from training.examples import load_pool, split_titles  # noqa: E402

POOL = Path(__file__).resolve().parents[2] / "shared" / "data" / "squad-reader" / "pool.json"
POOL_K = 8


def _key(text: str) -> str:
    return " ".join(text.split())


def article_text(title: dict) -> str:
    return "\n\n".join([title["title"].replace("_", " ")] + [p["context"].strip() for p in title["paragraphs"]])


def collect(titles: list[dict], settings, encoder, reader) -> list[dict]:
    """Per question: first-stage scores, reader probabilities of the top POOL_K, rules' verdict, gold."""
    rows = []
    seen: dict = {}
    original = reading.fuse

    def spy(*args):
        seen["read"] = read = original(*args)
        return read

    reading.fuse = spy  # search calls it through the module: keep what it fused
    loose = settings.override({"reader.top_k": POOL_K, "reader.threshold": 0.0, "reader.weight": 0.0})
    for title in titles:
        print(f"  {title['title']}…", file=sys.stderr, flush=True)
        article = parse(article_text(title), title["title"])
        by_text = {_key(p.text): p.number - 1 for p in article.paragraphs}
        index = build_index(loose, encoder, article, reader)
        for p, para in enumerate(title["paragraphs"]):
            gold = by_text.get(_key(para["context"]))
            for qa in para["qas"]:
                seen.clear()
                answer = index.search(qa["question"])
                read = seen.get("read")
                if read is None:  # answered before ranking (metadata, next steps): skip from the sweep
                    continue
                rows.append({"title": title["title"], "question": qa["question"],
                             "answerable": not qa.get("is_impossible"), "gold": gold, "source_paragraph": p,
                             "first": read.scores.tolist(), "probability": read.probability.tolist(),
                             "rules_declined": answer.abstained})
    reading.fuse = original
    return rows


def sweep_point(rows: list[dict], top_k: int, weight: float, threshold: float, rules: bool) -> dict:
    hit = answered = declined = n_ans = n_un = 0
    for r in rows:
        first, prob = np.array(r["first"]), np.array(r["probability"])
        pool = np.argsort(-first, kind="stable")[:top_k]
        p = np.zeros_like(prob)
        p[pool] = prob[pool]
        score = (1 - weight) * first + weight * p
        decline = p.max() < threshold or (rules and r["rules_declined"])
        if r["answerable"]:
            n_ans += 1
            answered += not decline
            hit += not decline and int(np.argmax(score)) == r["gold"]
        else:
            n_un += 1
            declined += decline
    return {"top_k": top_k, "weight": weight, "threshold": threshold, "rules": rules,
            "recall@1": round(hit / max(1, n_ans), 4), "answered": round(answered / max(1, n_ans), 4),
            "unanswerable_declined": round(declined / max(1, n_un), 4)}


def sweep(rows: list[dict]) -> list[dict]:
    return [sweep_point(rows, k, w, t, rules)
            for k in (3, 5, 8) for w in (0.0, 0.3, 0.5, 0.7, 0.9, 1.0)
            for t in np.round(np.arange(0.0, 0.96, 0.05), 2) for rules in (False, True)]


def choose(points: list[dict], min_answered: float = 0.9) -> dict:
    """Highest unanswerables declined + recall@1 with at least min_answered of answerables answered."""
    ok = [p for p in points if p["answered"] >= min_answered]
    return max(ok, key=lambda p: (round(p["unanswerable_declined"] + p["recall@1"], 3), p["recall@1"]))


def export_split(titles: list[dict], folder: Path) -> None:
    """The titles in ../shared/eval/squad's format (article files + questions.jsonl)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "questions.jsonl").open("w", encoding="utf-8") as out:
        for n, title in enumerate(titles):
            name = f"{n:02d}_{''.join(c if c.isalnum() else '_' for c in title['title'])}.txt"
            (folder / name).write_text(article_text(title) + "\n", encoding="utf-8")
            for p, para in enumerate(title["paragraphs"]):
                for qa in para["qas"]:
                    answerable = not qa.get("is_impossible")
                    out.write(json.dumps({"id": qa["id"], "article": name, "question": qa["question"],
                                          "answerable": answerable, "gold_paragraph": p if answerable else None,
                                          "source_paragraph": p,
                                          "answers": sorted({a["text"] for a in qa["answers"]})}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", type=Path, default=POOL)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "reader_calibration.json")
    ap.add_argument("--export", type=Path, default=None)
    ap.add_argument("--rows", type=Path, default=None, help="reuse collected rows from this file")
    args = ap.parse_args()
    splits = split_titles(load_pool(args.pool))
    if args.export:
        for name in ("validation", "test"):
            export_split(splits[name], args.export / name)
    settings = load_settings()
    if args.rows and args.rows.exists():
        data = json.loads(args.rows.read_text())
    else:
        encoder, reader = load_encoder(settings.model), build_reader(settings)
        if reader is None:
            sys.exit("no reader model: run `make reader` first")
        data = {name: collect(splits[name], settings, encoder, reader) for name in ("validation", "test")}
        if args.rows:
            args.rows.write_text(json.dumps(data))
    points = sweep(data["validation"])
    chosen = choose(points)
    baseline = {name: sweep_point(data[name], POOL_K, 0.0, 0.0, True) for name in ("validation", "test")}
    test = sweep_point(data["test"], chosen["top_k"], chosen["weight"], chosen["threshold"], chosen["rules"])
    shipped = settings.reader
    shipped_points = {name: sweep_point(data[name], shipped.top_k, shipped.weight, shipped.threshold, True)
                      for name in ("validation", "test")}
    report = {"first_stage_with_rules": baseline, "chosen_on_validation": chosen, "test_at_chosen": test,
              "shipped_settings": shipped_points,
              "curve_validation": [p for p in points if p["top_k"] == chosen["top_k"]
                                   and p["weight"] == chosen["weight"] and p["rules"] == chosen["rules"]]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "curve_validation"}, indent=1))


if __name__ == "__main__":
    main()
