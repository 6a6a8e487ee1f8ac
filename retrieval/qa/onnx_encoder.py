"""The packaged sentence-transformers model run by ONNX Runtime: same embeddings, a fraction of the start-up.

The graph is exported once from the sentence-transformers model (mean pooling and L2 normalisation inside
it) with torch's TorchScript exporter and cached as `minilm-<content hash>.onnx`; later starts only load it.
Texts are encoded in length-sorted batches of at most `batch_size`, so memory stays bounded on long articles.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from retrieval.errors import ModelError
from retrieval.qa.model_files import dictionary_words, file_stat, hash_file, model_fingerprint

_log = logging.getLogger(__name__)
# Padded tokens in one run of the graph: 3 texts of 256 tokens or ~25 sentences. Measured on a 1 MB article on 2
# cores (bench/big_article.py): 4,096 took 81 s and 593 MB, 2,048 63 s / 399 MB, 768 55 s / 283 MB, 512 57 s.
PADDED_TOKENS_PER_RUN = 768
EXPORT_VERSION = "2"
OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
GRAPH, WEIGHTS, PROBE = "model.onnx", "model.onnx.data", "probe.json"
PROBE_TEXT = "Who said what, and when? ¶3 — “quoted” words."
PROBE_TOLERANCE = 1e-4
STALE_SECONDS = 3600


def export_dir(cache_dir: Path, model_id: str) -> Path:
    return cache_dir / "onnx" / f"minilm-{model_id}-v{EXPORT_VERSION}"


def export(folder: Path, target: Path) -> None:
    """Write the model (transformer, mean pooling, normalisation) as an ONNX graph whose weights sit in a
    separate file that ONNX Runtime maps instead of copying (loads in ~0.06 s instead of ~0.2 s), plus the
    reference embedding of a probe sentence; the folder appears whole or not at all."""
    _check_mean_pooled(folder)
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                        ("HF_HUB_DISABLE_PROGRESS_BARS", "1")):
        os.environ.setdefault(name, value)
    start = time.perf_counter()
    import onnx
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu", model_kwargs={"attn_implementation": "eager"})
    graph = _pooled_module()(model[0].auto_model).eval()
    sample = torch.ones((2, 8), dtype=torch.long)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob("*.tmp"):  # left by an export that was killed
        if time.time() - stale.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=target.name + ".", suffix=".tmp"))
    try:
        inline = tmp / "inline.onnx"
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(graph, (sample, sample, torch.zeros_like(sample)), str(inline),
                              input_names=list(INPUTS), output_names=["embedding"], opset_version=OPSET,
                              dynamo=False, dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in INPUTS},
                                                          "embedding": {0: "batch"}})
        onnx.save_model(onnx.load(str(inline)), str(tmp / GRAPH), save_as_external_data=True,
                        all_tensors_to_one_file=True, location=WEIGHTS, size_threshold=1024)
        inline.unlink()
        probe = model.encode([PROBE_TEXT], normalize_embeddings=True, convert_to_numpy=True)[0]
        (tmp / PROBE).write_text(json.dumps({"text": PROBE_TEXT, "embedding": probe.tolist(),
                                             "weights_sha256": hash_file(tmp / WEIGHTS).hexdigest(),
                                             "weights_stat": file_stat(tmp / WEIGHTS)}), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _log.info("exported %s to ONNX in %.1fs", folder, time.perf_counter() - start)


def _check_mean_pooled(folder: Path) -> None:
    try:
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{folder} is not a sentence-transformers model folder: {exc}") from exc
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    if not pooling.get("pooling_mode_mean_tokens") or kinds != ["Transformer", "Pooling", "Normalize"]:
        raise ModelError(f"the ONNX export supports mean-pooled, normalised models only, not {folder}")


def _pooled_module():
    import torch

    class Pooled(torch.nn.Module):
        """Transformer → mean over real tokens → unit length, as sentence-transformers computes it."""

        def __init__(self, transformer: torch.nn.Module):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                      token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return Pooled


class OnnxEncoder:
    """Mean-pooled, L2-normalised embeddings from the exported graph and the model's own tokenizer."""

    def __init__(self, graph: Path, folder: Path, model_id: str, threads: int = 0, batch_size: int = 16):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            options = ort.SessionOptions()
            # One thread per run: many texts are encoded by `workers` runs side by side on one session (a third
            # faster on 2 cores than one run using both); a single query runs alone.
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
            self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            st_config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        except Exception as exc:  # onnxruntime raises its own exception types for corrupt graphs
            raise ModelError(f"cannot load the ONNX graph {graph}: {exc}") from exc
        self._tokenizer.enable_truncation(int(st_config.get("max_seq_length", 256)))
        self._tokenizer.no_padding()
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.dim = int(self._session.get_outputs()[0].shape[-1])
        self.batch_size = batch_size
        self.max_tokens = PADDED_TOKENS_PER_RUN
        self.workers = threads or os.cpu_count() or 1
        self._pool = ThreadPoolExecutor(self.workers, "encoder") if self.workers > 1 else None
        self.model_id = model_id
        self.dictionary = dictionary_words(folder)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        batches: list[list[int]] = [[]]
        for i in order:  # shortest first; a batch holds at most max_tokens padded tokens
            if batches[-1] and (len(batches[-1]) + 1) * len(encodings[i].ids) > self.max_tokens:
                batches.append([])
            batches[-1].append(i)
        def run(batch: list[int]) -> np.ndarray:
            return self._run([encodings[i].ids for i in batch])

        results = self._pool.map(run, batches) if self._pool and len(batches) > 1 else map(run, batches)
        for batch, vecs in zip(batches, results, strict=True):
            out[batch] = vecs
        return out

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        ids = np.zeros((len(batch), max(len(b) for b in batch)), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, seq in enumerate(batch):
            ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self._session.run(["embedding"], {k: v for k, v in feed.items() if k in self._inputs})[0]


def load(folder: Path, cache_dir: Path | None, threads: int = 0, batch_size: int = 16) -> OnnxEncoder:
    """The cached export of the model in folder: exported now when missing, and again (once) when the cached
    one cannot be loaded or no longer reproduces the reference embedding of the probe sentence."""
    model_id = model_fingerprint(folder, cache_dir)
    with contextlib.ExitStack() as stack:
        base = cache_dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="article-bot-onnx-")))
        target = export_dir(base, model_id)
        if not target.exists():
            export(folder, target)
            return _verified(target, folder, model_id, threads, batch_size)
        try:
            return _verified(target, folder, model_id, threads, batch_size)
        except ModelError as exc:
            _log.warning("cached ONNX export %s is unusable (%s); exporting it again", target, exc)
            export(folder, target)
            return _verified(target, folder, model_id, threads, batch_size)


def _verified(target: Path, folder: Path, model_id: str, threads: int, batch_size: int) -> OnnxEncoder:
    """Load an export after checking its weights (hashed again only when their size, mtime or inode moved,
    as git's index does) and that it reproduces the reference embedding of the probe sentence."""
    try:
        probe = json.loads((target / PROBE).read_text(encoding="utf-8"))
        if (probe["weights_stat"] != file_stat(target / WEIGHTS)
                and probe["weights_sha256"] != hash_file(target / WEIGHTS).hexdigest()):
            raise ModelError("its weights file changed after the export")
        expected = np.asarray(probe["embedding"], dtype=np.float32)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"its probe file is unreadable ({exc})") from exc
    encoder = OnnxEncoder(target / GRAPH, folder, model_id, threads, batch_size)
    error = float(np.abs(encoder.encode([probe["text"]])[0] - expected).max())
    if not error <= PROBE_TOLERANCE:
        raise ModelError(f"its probe embedding is off by {error:.2g}")
    return encoder
