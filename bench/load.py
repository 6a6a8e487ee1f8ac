"""Simultaneous /ask through the loopback Discord emulator against `article-bot run` as a black box
(its own process, as in production): time to answer all, per-interaction latency, heartbeat health,
and the bot process's peak RSS."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from .common import ROOT, dev_cases, summary_ms

HEARTBEAT_MS = 250
PHRASINGS = ("{}", "Quick question: {}", "Can you tell me: {}", "{} Thanks.", "Please answer: {}")


def distinct_questions(n: int) -> list[str]:
    """n different question strings (dev and held-out questions in several phrasings): no answer reuse."""
    base = [c["question"] for c in dev_cases()]
    base += [json.loads(line)["question"] for line in (ROOT / "bench" / "heldout.jsonl").read_text().splitlines()]
    return [PHRASINGS[(i // len(base)) % len(PHRASINGS)].format(base[i % len(base)]) for i in range(n)]


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


async def run_async(sizes=(50, 100, 200), rounds: int = 3, store_dir: str = "", in_dms: bool = False) -> dict:
    from discord_emulator import payloads as p
    from discord_emulator.server import DiscordEmulator

    emulator = DiscordEmulator(heartbeat_interval_ms=HEARTBEAT_MS)
    await emulator.start()
    env = dict(os.environ, DISCORD_TOKEN="bench-token-not-secret", DISCORD_API_BASE=emulator.api_base,
               DISCORD_GATEWAY_URL=emulator.gateway_url, DISCORD_GUILD_ID=str(p.GUILD_ID),
               ARTICLE_BOT_DISCORD_COOLDOWN_RATE="1000",
               ARTICLE_BOT_STORAGE_URL=f"sqlite:///{store_dir}/bench.db")
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "article-bot"), "run"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started = time.monotonic()
    results: dict = {"bursts": []}
    try:
        await emulator.wait_for(lambda: emulator.synced.get(str(p.GUILD_ID)) and any(
            c.session_id for c in emulator.connections), timeout=60)
        results["start_to_ready_s"] = round(time.monotonic() - started, 2)
        await asyncio.sleep(1.0)
        serial = 0
        for size in [s for s in sizes for _ in range(rounds)]:
            questions = distinct_questions(size)
            sent_at, tokens = {}, []
            start = time.monotonic()
            for i, q in enumerate(questions):
                serial += 1
                token = f"bench-{serial}"
                payload = p.interaction(emulator.next_id(), token, 2, {
                    "id": "1", "name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": q}]},
                    p.user(20_000 + i, f"user{i}"), None if in_dms else p.GUILD_ID)
                sent_at[token] = time.monotonic()
                tokens.append(token)
                await emulator.dispatch("INTERACTION_CREATE", payload, None if in_dms else p.GUILD_ID)
            done = await emulator.wait_for(lambda batch=tokens: _answered(emulator, batch), timeout=120)
            beats = [b for c in emulator.connections for b in c.heartbeats if b >= start - 0.3]
            gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
            results["bursts"].append({
                "size": size, "all_answered": len(done) == size,
                "total_s": round(max(done.values()) - start, 3),
                **summary_ms([done[t] - sent_at[t] for t in tokens]),
                "max_heartbeat_gap_ms": round(max(gaps) * 1000, 1) if gaps else None})
            await asyncio.sleep(0.5)
        results["run_peak_rss_mb"] = peak_rss_mb(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        await emulator.stop()
    results["exit_code_after_sigterm"] = proc.returncode
    results["heartbeat_blocked_warnings"] = err.lower().count("heartbeat blocked")
    results["heartbeat_interval_ms"] = HEARTBEAT_MS
    results["unknown_routes"] = emulator.unknown
    return results


def _answered(emulator, tokens: list[str]) -> dict[str, float] | None:
    wanted = set(tokens)
    done = {}
    for rec in emulator.requests:
        followup = re.fullmatch(r"/webhooks/\d+/([^/]+)", rec.path)
        direct = re.fullmatch(r"/interactions/\d+/([^/]+)/callback", rec.path)
        answered = followup or (direct and isinstance(rec.body, dict) and rec.body.get("type") == 4 and direct)
        if rec.method == "POST" and answered and answered.group(1) in wanted and 200 <= rec.status < 300:
            done.setdefault(answered.group(1), rec.at)
    return done if len(done) == len(wanted) else None


def run(sizes=(50, 100, 200), rounds: int = 3, in_dms: bool = False) -> dict:
    """Each burst size `rounds` times against one bot process; the summary keeps the median round by p95.
    in_dms: the questions arrive in a DM channel, one conversation, so every one goes through follow-up
    tracking (history lookup, resolution, recording)."""
    with tempfile.TemporaryDirectory() as store_dir:
        results = asyncio.run(run_async(sizes, rounds, store_dir, in_dms))
    rows = results.pop("bursts")
    results["rounds"] = rows
    results["bursts"] = []
    for size in sizes:
        same = sorted((r for r in rows if r["size"] == size), key=lambda r: r["p95_ms"])
        results["bursts"].append({**same[len(same) // 2], "worst_p95_ms": same[-1]["p95_ms"],
                                  "best_p95_ms": same[0]["p95_ms"]})
    return results
