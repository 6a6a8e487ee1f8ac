"""In-process /ask latency and dev-set quality for BM25-only, dense-only, RRF and convex fusion."""

from __future__ import annotations

import time

from retrieval.settings import FUSION_METHODS

from .common import dev_cases, load_scorer, summary_ms


def run(repeats: int = 20) -> tuple[dict, dict[str, list[float]]]:
    from bot.config import load_settings
    from bot.render import answer_json
    from bot.wiring import build_router

    settings = load_settings()
    router = build_router(settings)
    index = router.index
    cases = dev_cases()
    scorer = load_scorer()
    questions = [c["question"] for c in cases]
    results, samples = {}, {}
    for method in FUSION_METHODS:
        for q in questions[:3]:
            index.search(q, method)
        times = []
        for _ in range(repeats):
            for q in questions:
                start = time.perf_counter()
                index.search(q, method)
                times.append(time.perf_counter() - start)
        quality = scorer.score_questions(cases, [answer_json(index.search(q, method)) for q in questions]) \
            if scorer else {}
        results[method] = {**summary_ms(times), **{k: quality.get(k) for k in
                                                  ("recall@1", "recall@3", "mrr@5", "answer_hit", "answered_rate",
                                                   "abstain_rate_off_topic", "accuracy")}}
        samples[method] = times
    results["router_ask"] = _router_latency(router, questions, repeats)
    router.summary()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        router.summary()
        times.append(time.perf_counter() - start)
    results["summary"] = summary_ms(times)
    return results, samples


def _router_latency(router, questions: list[str], repeats: int) -> dict:
    for q in questions[:3]:
        router.ask(q)
    times = []
    for _ in range(repeats):
        for q in questions:
            start = time.perf_counter()
            router.ask(q)
            times.append(time.perf_counter() - start)
    return summary_ms(times)
