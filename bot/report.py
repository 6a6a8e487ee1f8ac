"""`article-bot report`: what readers asked, what the bot declined, which answers they voted down, per day."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from .store import Report


def to_json(report: Report) -> dict[str, Any]:
    out = dataclasses.asdict(report)
    out["most_asked"] = [{"question": q, "count": n} for q, n in report.most_asked]
    out["most_declined"] = [{"question": q, "count": n} for q, n in report.most_declined]
    out["per_day"] = [{"day": d, "questions": n, "declined": x} for d, n, x in report.per_day]
    return out


def to_text(report: Report) -> str:
    if not report.questions:
        return f"No questions were asked in the last {report.since_days:g} days."
    share = 100 * report.declined / report.questions
    lines = [f"Questions in the last {report.since_days:g} days: {report.questions} "
             f"(declined {report.declined}, {share:.0f}%)", "", "Most asked:"]
    lines += [f"  {n:5d}  {q}" for q, n in report.most_asked]
    lines += ["", "Declined (what readers wanted that the article or the bot lacks):"]
    lines += [f"  {n:5d}  {q}" for q, n in report.most_declined] or ["  none"]
    lines += ["", "Answers voted down (score, 👎 count, question, its citations):"]
    lines += [f"  {d['score']:+5d}  {d['down']} 👎  {d['question']}  [{' '.join(f'¶{c}' for c in d['citations'])}]"
              for d in report.downvoted] or ["  none"]
    lines += ["", "Per day:"]
    lines += [f"  {day}  {n} asked, {x} declined" for day, n, x in report.per_day]
    return "\n".join(lines)


def plot(report: Report, path: Path) -> None:
    """Questions and declines per day as a bar chart (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    days = [d for d, _, _ in report.per_day]
    fig, ax = plt.subplots(figsize=(max(6, len(days) * 0.5), 4))
    ax.bar(days, [n for _, n, _ in report.per_day], label="questions", color="#5865F2")
    ax.bar(days, [x for _, _, x in report.per_day], label="declined", color="#ED4245")
    ax.set_title(f"Questions and declines per day (last {report.since_days:g} days)")
    ax.set_ylabel("questions")
    ax.legend()
    fig.autofmt_xdate()
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=100)
    finally:
        plt.close(fig)
