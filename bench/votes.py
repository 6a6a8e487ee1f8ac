"""Vote latency off the event loop: each 👍/👎 through the bot's batcher into the store (SQLite by default)."""

from __future__ import annotations

import asyncio
import tempfile
import time

from .common import summary_ms


async def _run(url: str, votes: int, burst: int) -> dict:
    from bot.batcher import Batcher
    from bot.store import Store

    store = Store(url)
    answer = store.record_question("Who requested the call?", False, (3,), user_id=1)
    writer = Batcher(store.record_votes, max_batch=1000)
    single = []
    for user in range(votes):
        start = time.perf_counter()
        await writer.submit((answer, user, user % 2 == 0))
        single.append(time.perf_counter() - start)
    start = time.perf_counter()
    await asyncio.gather(*(writer.submit((answer, votes + u, True)) for u in range(burst)))
    burst_s = time.perf_counter() - start
    counts = store.vote_counts(answer)
    store.close()
    return {"one_at_a_time": summary_ms(single), "burst": burst, "burst_total_s": round(burst_s, 3),
            "counts_exact": counts == (votes // 2 + votes % 2 + burst, votes // 2)}


def run(votes: int = 500, burst: int = 10_000, url: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(_run(url or f"sqlite:///{folder}/votes.db", votes, burst))


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
