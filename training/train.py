"""Fine-tune the reader with fixed seeds, checkpoints that survive being killed, and validation curves.

A checkpoint (model, optimiser, schedule, step) is written atomically every `save_minutes`; the previous
one is kept, so a run killed mid-write resumes from the last whole one, and a lost or unreadable checkpoint
folder only means starting over. The batch order of every epoch is a function of the seed and the epoch,
so a resumed run sees the same batches as an uninterrupted one.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch

from .examples import Pair, read_pairs
from .metrics import evaluate
from .model import Reader, base_encoder, encode, span_labels

_log = logging.getLogger(__name__)


@dataclass
class Hyper:
    layers: int = 6
    epochs: float = 2.0
    batch_size: int = 32
    lr: float = 5e-5
    head_lr: float = 5e-4
    warmup: float = 0.06
    weight_decay: float = 0.01
    max_len: int = 128
    seed: int = 13
    bf16: bool = True
    save_minutes: float = 8.0
    evals_per_epoch: int = 3


def batches(pairs: list[Pair], hyper: Hyper, epoch: int, tokenizer) -> list[list[int]]:
    """Index batches for one epoch: shuffled, then grouped by length within blocks (less padding)."""
    rng = random.Random(hyper.seed * 1000 + epoch)
    order = list(range(len(pairs)))
    rng.shuffle(order)
    block = hyper.batch_size * 50
    out = []
    for i in range(0, len(order), block):
        chunk = sorted(order[i:i + block], key=lambda j: len(pairs[j].question) + len(pairs[j].context))
        out += [chunk[k:k + hyper.batch_size] for k in range(0, len(chunk), hyper.batch_size)]
    rng.shuffle(out)
    return out


def _save(state: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "latest.pt.tmp"
    torch.save(state, tmp)
    latest = folder / "latest.pt"
    if latest.exists():
        os.replace(latest, folder / "previous.pt")
    os.replace(tmp, latest)


def _load(folder: Path) -> dict | None:
    for name in ("latest.pt", "previous.pt"):
        path = folder / name
        if not path.exists():
            continue
        try:
            return torch.load(path, map_location="cpu", weights_only=False)
        except Exception as exc:  # a half-written or damaged file: try the older one
            _log.warning("checkpoint %s unreadable (%s); trying an older one", path, exc)
    return None


def loss_of(model: Reader, tokenizer, pairs: list[Pair], max_len: int) -> torch.Tensor:
    batch = encode(tokenizer, [p.question for p in pairs], [p.context for p in pairs], max_len)
    s_lab, e_lab = span_labels(batch, [p.answer_start for p in pairs], [p.answer_text for p in pairs])
    start, end, answer = model(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
    s_lab, e_lab = torch.tensor(s_lab), torch.tensor(e_lab)
    has = (s_lab > 0).float()
    ce = torch.nn.functional.cross_entropy
    span = (ce(start.float(), s_lab) + ce(end.float(), e_lab)) / 2
    return span + torch.nn.functional.binary_cross_entropy_with_logits(answer.float(), has)


def _optimiser(model: torch.nn.Module, hyper: Hyper, total: int):
    """AdamW with the heads' own learning rate, linear warm-up then linear decay over total steps."""
    heads = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    body = [p for n, p in model.named_parameters() if n.startswith("encoder.")]
    optimiser = torch.optim.AdamW([{"params": body, "lr": hyper.lr}, {"params": heads, "lr": hyper.head_lr}],
                                  weight_decay=hyper.weight_decay)
    warm = max(1, int(total * hyper.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    return optimiser, schedule


def _resume(ckpt_dir: Path, model, optimiser, schedule, hyper: Hyper, total: int, fresh: dict) -> tuple[int, dict]:
    """The step and history to go on from: the checkpoint's when it is for these settings, else (0, fresh)."""
    state = _load(ckpt_dir)
    if state and state.get("hyper") == asdict(hyper) and state.get("total") == total:
        model.load_state_dict(state["model"])
        optimiser.load_state_dict(state["optimiser"])
        schedule.load_state_dict(state["schedule"])
        torch.set_rng_state(state["torch_rng"])
        _log.info("resumed at step %d of %d", state["step"], total)
        return state["step"], state["history"]
    if state:
        _log.warning("checkpoint in %s is for other settings; starting over", ckpt_dir)
    return 0, fresh


def train(data_dir: Path, model_folder: Path, run_dir: Path, hyper: Hyper, max_steps: int | None = None) -> dict:
    """Train (or resume) and return the history; the final weights go to run_dir/final.pt."""
    from transformers import AutoTokenizer

    torch.manual_seed(hyper.seed)
    random.seed(hyper.seed)
    np.random.seed(hyper.seed)
    tokenizer = AutoTokenizer.from_pretrained(str(model_folder))
    pairs = read_pairs(data_dir / "train.jsonl")
    validation = read_pairs(data_dir / "validation.jsonl")
    model = Reader(base_encoder(model_folder, hyper.layers))
    per_epoch = math.ceil(len(pairs) / hyper.batch_size)
    total = max_steps or int(per_epoch * hyper.epochs)
    optimiser, schedule = _optimiser(model, hyper, total)
    ckpt_dir = run_dir / "checkpoints"
    step, history = _resume(ckpt_dir, model, optimiser, schedule, hyper, total,
                            {"hyper": asdict(hyper), "train_pairs": len(pairs), "loss": [], "validation": []})
    eval_every = max(1, per_epoch // hyper.evals_per_epoch)
    last_save, started, seen = time.monotonic(), time.monotonic(), 0
    model.train()
    while step < total:
        epoch, offset = divmod(step, per_epoch)
        for idx in batches(pairs, hyper, epoch, tokenizer)[offset:]:
            if step >= total:
                break
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=hyper.bf16):
                loss = loss_of(model, tokenizer, [pairs[i] for i in idx], hyper.max_len)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad(set_to_none=True)
            step += 1
            seen += len(idx)
            history["loss"].append([step, round(loss.item(), 4)])
            if step % 20 == 0:
                rate = seen / (time.monotonic() - started)
                _log.info("step %d/%d loss %.4f  %.1f pairs/s", step, total, loss.item(), rate)
            if step % eval_every == 0 or step == total:
                model.eval()
                figures = evaluate(model, tokenizer, validation, hyper.max_len, bf16=hyper.bf16)
                model.train()
                history["validation"].append({"step": step, "epoch": round(step / per_epoch, 3), **figures})
                _log.info("validation at step %d: %s", step, json.dumps(figures))
                write_curves(history, run_dir / "curves.png")
            if time.monotonic() - last_save > hyper.save_minutes * 60 or step == total:
                _save({"model": model.state_dict(), "optimiser": optimiser.state_dict(),
                       "schedule": schedule.state_dict(), "step": step, "total": total, "hyper": asdict(hyper),
                       "history": history, "torch_rng": torch.get_rng_state()}, ckpt_dir)
                last_save = time.monotonic()
    torch.save({"model": model.state_dict(), "config": model.encoder.config.to_dict(), "hyper": asdict(hyper)},
               run_dir / "final.pt")
    (run_dir / "history.json").write_text(json.dumps(history), encoding="utf-8")
    write_curves(history, run_dir / "curves.png")
    return history


def write_curves(history: dict, path: Path) -> None:
    """Training loss (smoothed) and validation figures against the step, as one PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    if history["loss"]:
        steps, losses = zip(*history["loss"], strict=True)
        window = max(1, len(losses) // 50)
        smooth = np.convolve(losses, np.ones(window) / window, mode="valid")
        left.plot(steps[window - 1:], smooth)
    left.set(title="training loss", xlabel="step")
    for key in ("auc_answer", "auc_near_miss", "span_f1"):
        points = [(v["step"], v[key]) for v in history["validation"] if key in v]
        if points:
            right.plot(*zip(*points, strict=True), marker="o", label=key)
    right.set(title="validation (held-out titles)", xlabel="step", ylim=(0, 1))
    right.legend(loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
