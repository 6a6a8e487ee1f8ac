"""Formats bench: our own article files (bench/articles/: web pages, Markdown, one paragraph per line) loaded
as a user would load them, checked against the headline, authors, date and paragraph count we wrote down, and
asked their questions (an answer counts when a cited paragraph holds the expected words; `null` expects a
decline). `python -m bench.article_formats [--json OUT]`."""

from __future__ import annotations

import argparse
import calendar
import json
import re

from .common import ROOT

ARTICLES = ROOT / "bench" / "articles"
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}


def same_date(printed: str | None, iso: str | None) -> bool:
    """Whether a printed timestamp ("Updated 2:12 PM UTC, May 4, 2026", "2026-05-04T14:12") is the ISO date."""
    if iso is None or printed is None:
        return iso is None and printed is None
    if iso in printed:
        return True
    year, month, day = (int(x) for x in iso.split("-"))
    words = re.findall(r"[A-Za-z]+|\d+", printed)
    months = {_MONTHS.get(w.lower().rstrip(".")) for w in words}
    numbers = {int(w) for w in words if w.isdigit()}
    return month in months and day in numbers and year in numbers


def load_article(path):
    from retrieval import article

    return article.load(path, 1_000_000)


def run(quiet: bool = False) -> dict:
    from bot.config import load_settings
    from bot.wiring import build_router
    from retrieval.errors import ArticleError
    from retrieval.qa.dense import load_encoder

    settings = load_settings()
    encoder = load_encoder(settings.model)
    rows = []
    for line in (ARTICLES / "expected.jsonl").read_text().splitlines():
        case = json.loads(line)
        row = {"file": case["file"], "format": case["format"]}
        try:
            art = load_article(ARTICLES / case["file"])
        except ArticleError as exc:
            row["error"] = str(exc)
            rows.append(row)
            continue
        texts = [p.text for p in art.paragraphs]
        row |= {"headline": art.headline == case["headline"],
                "authors": list(art.authors) == case["authors"],
                "date": same_date(art.published, case["date"]),
                "paragraphs": len(texts) == case["paragraphs"], "paragraph_count": len(texts),
                "first_last": texts[0].find(case["first"]) >= 0 and texts[-1].find(case["last"]) >= 0,
                "no_markup": not any(re.search(r"<[a-z/!]|[{}]|\]\(|^#|\*\*", t) for t in [art.headline, *texts])}
        router = build_router(settings, encoder=encoder, article=art)
        hits = []
        for question, expected in case["questions"]:
            response = router.ask(question)
            answer = getattr(response, "answer", None)
            if expected is None:
                hits.append(bool(answer and answer.abstained))
            else:
                cited = [art.paragraph(n).text for n in (answer.citations if answer else ())]
                hits.append(bool(answer and not answer.abstained and any(expected in t for t in cited[:1])))
        row["questions"] = f"{sum(hits)}/{len(hits)}"
        row["_hits"] = hits
        if not quiet:
            print(json.dumps({k: v for k, v in row.items() if k != "_hits"}, ensure_ascii=False), flush=True)
        rows.append(row)
    checks = ("headline", "authors", "date", "paragraphs", "first_last", "no_markup")
    loaded = [r for r in rows if "error" not in r]
    total = {c: f"{sum(bool(r.get(c)) for r in loaded)}/{len(rows)}" for c in checks}
    hits = [h for r in loaded for h in r["_hits"]]
    total["loaded"] = f"{len(loaded)}/{len(rows)}"
    total["questions"] = f"{sum(hits)}/{4 * len(rows)}"
    return {"total": total, "files": [{k: v for k, v in r.items() if k != "_hits"} for r in rows]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", help="write the report here")
    args = ap.parse_args()
    report = run()
    print(json.dumps(report["total"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
