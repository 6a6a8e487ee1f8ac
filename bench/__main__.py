"""`make bench`: run every benchmark and write bench/results/{results.json,results.md,latency.png}."""

from __future__ import annotations

import argparse
import json
import platform
import time

from . import article_formats, big_article, conversations, latency, load, memory, quote_index, startup, votes
from .common import RESULTS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeats", type=int, default=20, help="passes over the dev questions per ranker")
    ap.add_argument("--sizes", default="50,100,200", help="burst sizes for the Discord load test")
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report: dict = {"when": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": f"{platform.machine()}, "
                    f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}"}
    print("start-up…", flush=True)
    report["startup"] = startup.run()
    print("latency and quality per ranker…", flush=True)
    report["latency"], samples = latency.run(args.repeats)
    print("Discord load through the emulator…", flush=True)
    report["discord_load"] = load.run(tuple(int(s) for s in args.sizes.split(",")))
    report["discord_load_conversation"] = load.run((200,), in_dms=True)
    print("votes…", flush=True)
    report["votes"] = votes.run()
    print("conversations…", flush=True)
    report["conversations"] = {name: {k: v for k, v in row.items()}
                               for name, row in conversations.run().items()}
    print("memory…", flush=True)
    report["memory"] = memory.run()
    print("quote index against article size…", flush=True)
    report["quote_index"] = quote_index.run()
    print("a 1 MB article, and our article files in every format…", flush=True)
    report["big_article"] = big_article.run(1.0)
    report["article_formats"] = article_formats.run(quiet=True)["total"]
    (RESULTS / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / "results.md").write_text(markdown(report))
    plotted = plot(samples, RESULTS / "latency.png")
    print((RESULTS / "results.md").read_text())
    print("wrote", RESULTS / "results.json", RESULTS / "results.md", "and latency.png" if plotted else "(no plot)")


def markdown(rep: dict) -> str:
    lines = [f"# Benchmarks ({rep['when']}; {rep['machine']})", "", "## Start-up (fresh interpreter, seconds)", "",
             "| backend | cache | imports | model load | article load | index build | first query | total |",
             "|---|---|---|---|---|---|---|---|"]
    for backend, runs in rep["startup"].items():
        for cache in ("cache_miss", "cache_hit"):
            t = runs[cache]
            lines.append(f"| {backend} | {cache.split('_')[1]} | {t['imports_s']} | {t['model_load_s']} | "
                         f"{t['article_load_s']} | {t['index_build_s']} | {t['first_query_s']} | {t['total_s']} |")
    lines += ["", "One-shot `article-bot ask` wall time, warm embedding cache: "
              + ", ".join(f"{b}: {r['cli_ask_warm_cache']['median_s']} s" for b, r in rep["startup"].items()), "",
              "## In-process /ask latency and dev-set quality", "",
              "| ranker | p50 ms | p95 ms | p99 ms | recall@1 | recall@3 | MRR@5 | answer_hit | answered | declined |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for method, row in rep["latency"].items():
        if "recall@1" not in row:
            continue
        lines.append(f"| {method} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | {_f(row['recall@1'])} | "
                     f"{_f(row['recall@3'])} | {_f(row['mrr@5'])} | {_f(row['answer_hit'])} | "
                     f"{_f(row['answered_rate'])} | {_f(row['abstain_rate_off_topic'])} |")
    return "\n".join(lines + _markdown_load_and_more(rep)) + "\n"


def _markdown_load_and_more(rep: dict) -> list[str]:
    """The Discord load, votes, follow-ups, memory, quote index, big article and formats sections."""
    lines: list[str] = []
    ask = rep["latency"]["router_ask"]
    lines += ["", f"Router `/ask` with the shipped settings (ONNX encoder, the same in CLI, chat and bot), one "
              f"question at a time: p50 {ask['p50_ms']} ms, p95 {ask['p95_ms']} ms, p99 {ask['p99_ms']} ms.",
              "", "## Simultaneous /ask through the Discord emulator (`article-bot run`)",
              "",
              "Each burst size ran 3 times against one bot process; the row is the median round by p95.", "",
              "| burst | all answered | time to answer all s | p50 ms | p95 ms (best–worst) | max heartbeat gap ms |",
              "|---|---|---|---|---|---|"]
    dl = rep["discord_load"]
    for b in dl["bursts"]:
        lines.append(f"| {b['size']} | {all(r['all_answered'] for r in dl['rounds'])} | {b['total_s']} | "
                     f"{b['p50_ms']} | {b['p95_ms']} ({b['best_p95_ms']}–{b['worst_p95_ms']}) | "
                     f"{max(r['max_heartbeat_gap_ms'] or 0 for r in dl['rounds'])} |")
    conv = rep["discord_load_conversation"]["bursts"][0]
    lines += ["", f"200 simultaneous `/ask` in one DM conversation (every question through follow-up tracking and "
              f"the question log): all answered {conv['all_answered']}, p50 {conv['p50_ms']} ms, p95 {conv['p95_ms']} "
              f"ms ({conv['best_p95_ms']}–{conv['worst_p95_ms']})."]
    v = rep["votes"]
    lines += ["", f"Votes through the batcher into SQLite, one at a time: p50 {v['one_at_a_time']['p50_ms']} ms, "
              f"p95 {v['one_at_a_time']['p95_ms']} ms; {v['burst']} in a burst: {v['burst_total_s']} s, counts exact: "
              f"{v['counts_exact']}.", "", "## Follow-ups (in process)", "",
              "| set | first turns r@1 | follow-ups | follow-up r@1 | follow-up answer_hit | off-topic declined |",
              "|---|---|---|---|---|---|"]
    for name, row in rep["conversations"].items():
        f, u = row["first"], row["followup"]
        lines.append(f"| {name} | {_f(f['recall@1'])} | {u['answerable']} | {_f(u['recall@1'])} | "
                     f"{_f(u['answer_hit'])} | {row['off_topic_declined']} |")
    lines += ["", f"Heartbeat interval {dl['heartbeat_interval_ms']} ms; 'heartbeat blocked' warnings: "
              f"{dl['heartbeat_blocked_warnings']}; start to ready {dl['start_to_ready_s']} s; exit code after "
              f"SIGTERM {dl['exit_code_after_sigterm']}.", "", "## Peak RSS (MB)", "",
              f"- `article-bot run` (after the bursts): {dl['run_peak_rss_mb']}"]
    lines += [f"- one-shot `article-bot ask` ({k.removeprefix('ask_').removesuffix('_mb')}): {v}"
              for k, v in rep["memory"].items() if k.startswith("ask_")]
    if "index_long_article_mb" in rep["memory"]:
        lines.append(f"- indexing a 149-paragraph SQuAD article from scratch: {rep['memory']['index_long_article_mb']}")
    lines += ["", "## Quote index build (the first `/quote`; fresh interpreter)", "", "| article MB | paragraphs | "
              "build s |", "|---|---|---|"]
    lines += [f"| {r['mb']} | {r['paragraphs']} | {r['build_s']} |" for r in rep.get("quote_index", [])]
    if "big_article" in rep:
        big = rep["big_article"]
        lines += ["", f"## A {big['mb']} MB article (one-shot `ask`, ONNX export cached)", "",
                  f"- first answer, nothing else cached: {big['first_answer']['seconds']} s, peak RSS "
                  f"{big['first_answer']['peak_rss_mb']} MB (targets 60 s, 500 MB)",
                  f"- with its embeddings cached: {big['embeddings_cached']['seconds']} s, peak RSS "
                  f"{big['embeddings_cached']['peak_rss_mb']} MB"]
    if "article_formats" in rep:
        lines += ["", "## Our article files in every format (`bench/articles/`)", "",
                  " · ".join(f"{k} {v}" for k, v in rep["article_formats"].items())]
    return lines


def _f(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def plot(samples: dict[str, list[float]], path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for method, times in samples.items():
        ms = sorted(t * 1000 for t in times)
        ax.plot(ms, [i / len(ms) for i in range(1, len(ms) + 1)], label=method)
    ax.set_xlabel("latency per question (ms)")
    ax.set_ylabel("fraction of questions")
    ax.set_title("In-process /ask latency (CDF) per ranker")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


if __name__ == "__main__":
    main()
