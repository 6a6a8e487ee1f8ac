"""Golden answers: what the bot says, kept in the repository (tests/golden/), so a refactor proves "answers
identical" inside the repo. Covers the seed article (bench/heldout, readers, paraphrases, both conversation
sets, the summary, /about, every /quote), bench/qa* on their articles, bench/articles in every format and the
quote listings of bench/quotes/articles. Scores are rounded to 3 decimals (float noise across machines).

    python -m bench.golden --write     # after a change that is meant to change answers (say why in the commit)
    python -m bench.golden             # compare; exit 1 and print the first differences
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import ROOT

GOLDEN = ROOT / "tests" / "golden"
SEED_SETS = ("heldout.jsonl", "readers.jsonl", "paraphrases.jsonl")
QA_SETS = ("qa", "qa_heldout", "qa_heldout2", "qa_heldout3")
CONVERSATIONS = ("conversations.jsonl", "conversations_offtopic.jsonl")


def _slim(obj: dict) -> dict:
    """The answer as users see it; passage texts dropped (their ¶ numbers stay), scores rounded."""
    out = {k: v for k, v in obj.items() if k not in ("passages", "help")}
    if "passages" in obj:
        out["passages"] = [[p["paragraph"], round(p["score"], 3)] for p in obj["passages"]]
    return out


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def collect() -> dict[str, list[dict]]:
    from bot.config import load_settings
    from bot.render import to_json
    from bot.wiring import build_router
    from retrieval import article as article_mod
    from retrieval.qa.dense import load_encoder

    settings = load_settings()
    encoder = load_encoder(settings.model)
    routers: dict[Path, object] = {}

    def router_for(path: Path):
        if path not in routers:
            routers[path] = build_router(settings, encoder=encoder, article=article_mod.load(path, 2_000_000))
        return routers[path]

    seed = build_router(settings, encoder=encoder)
    out: dict[str, list[dict]] = {"seed": []}
    for name in SEED_SETS:
        out["seed"] += [_slim(to_json(seed.ask(case["question"]))) for case in _lines(ROOT / "bench" / name)]
    out["seed"].append(_slim(to_json(seed.summary())))
    out["seed"].append(to_json(seed.about()))
    for name in CONVERSATIONS:
        fresh = build_router(settings, encoder=encoder, article=seed.article)
        out[name.removesuffix(".jsonl")] = [
            _slim(to_json(fresh.handle(turn["question"], (name, n))))
            for n, conv in enumerate(_lines(ROOT / "bench" / name)) for turn in conv["turns"]]
    for name in QA_SETS:
        folder = ROOT / "bench" / name
        out[name] = [_slim(to_json(router_for((folder / q["article"]).resolve()).ask(q["question"])))
                     for q in _lines(folder / "questions.jsonl")]
    out["formats"] = []
    for case in _lines(ROOT / "bench" / "articles" / "expected.jsonl"):
        router = router_for(ROOT / "bench" / "articles" / case["file"])
        out["formats"].append({"file": case["file"], **to_json(router.about()),
                               "paragraphs_text": [p.text for p in router.article.paragraphs]})
        out["formats"] += [_slim(to_json(router.ask(q))) for q, _ in case["questions"]]
    out["quotes"] = []
    for path in [ROOT / "seeds" / "000_cd38d57a62c20e13.txt",
                 *sorted((ROOT / "bench" / "quotes" / "articles").glob("*.txt"))]:
        router = seed if path.name.startswith("000_") else router_for(path)
        listing = to_json(router.quote(""))
        out["quotes"].append({"article": path.name, **listing})
        out["quotes"] += [to_json(router.quote(name)) for name in listing["speakers"]]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write tests/golden/ from the current code")
    args = ap.parse_args()
    got = collect()
    if args.write:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name, rows in got.items():
            (GOLDEN / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                  encoding="utf-8")
        print(f"wrote {sum(map(len, got.values()))} answers in {len(got)} files to {GOLDEN}")
        return 0
    differences = compare(got)
    for line in differences[:20]:
        print(line)
    print(f"{sum(map(len, got.values()))} answers compared; {len(differences)} differ")
    return 1 if differences else 0


def compare(got: dict[str, list[dict]]) -> list[str]:
    """One line per answer that differs from tests/golden/ (or per set whose length differs)."""
    out = []
    for name, rows in got.items():
        path = GOLDEN / f"{name}.jsonl"
        kept = _lines(path) if path.exists() else []
        if len(kept) != len(rows):
            out.append(f"{name}: {len(rows)} answers, golden has {len(kept)}")
        out += [f"{name}[{i}]: {_short(a)} != golden {_short(b)}"
                for i, (a, b) in enumerate(zip(rows, kept, strict=False)) if a != b]
    return out


def _short(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False)[:200]


if __name__ == "__main__":
    sys.exit(main())
