"""The reading model at answer time: ONNX Runtime on the shipped int8 reader, checked against its manifest.

`Reader.read(question, windows)` gives, per window, the probability that it answers the question and the
answer span (character offsets in the window). The model was trained in this project (training/); its
manifest names the file's sha256, the tokenizer's and the settings it was trained with. A missing or
damaged file raises ModelError with one line naming it and `make reader`; the caller answers without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.errors import ModelError
from retrieval.qa.reader_spans import best_spans

_log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
BATCH = 32  # pairs per ONNX Runtime call: larger batches gain little and pad more


@dataclass(frozen=True)
class Reading:
    probability: float  # the window answers the question (the "answers it" head)
    margin: float  # best span score minus the no-answer score
    span: tuple[int, int]  # [start, end) of the best span in the window's text


class Reader:
    def __init__(self, folder: Path, tokenizer_file: Path, threads: int = 0):
        manifest_path = folder / MANIFEST
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            model_path = folder / manifest["file"]
            digest = hashlib.sha256(model_path.read_bytes()).hexdigest()
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"reader model missing or unreadable in {folder} ({exc}); run `make reader`") from exc
        if digest != manifest.get("sha256"):
            raise ModelError(f"reader model {model_path} does not match its manifest (damaged?); run `make reader`")
        start = time.perf_counter()
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
            self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        except Exception as exc:
            raise ModelError(f"cannot load the reader {model_path} ({exc}); run `make reader`") from exc
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        self.max_len = int(manifest["max_len"])
        self.max_question_tokens = int(manifest["max_question_tokens"])
        self.manifest = manifest
        _log.info("reader %s loaded in %.2fs", model_path.name, time.perf_counter() - start)

    def _question_ids(self, question: str) -> list[int]:
        ids = self._tokenizer.encode(question, add_special_tokens=False).ids
        return ids[: self.max_question_tokens]

    def read(self, question: str, windows: Sequence[str]) -> list[Reading]:
        """Score every window against the question."""
        return self.read_many([(question, list(windows))])[0]

    def read_many(self, asks: Sequence[tuple[str, Sequence[str]]]) -> list[list[Reading]]:
        """Score the windows of several questions, in batches of similar length (one padding each)."""
        cls, sep = self._tokenizer.token_to_id("[CLS]"), self._tokenizer.token_to_id("[SEP]")
        rows, offsets, owner = [], [], []
        for n, (question, windows) in enumerate(asks):
            q = self._question_ids(question)
            room = max(1, self.max_len - len(q) - 3)
            for enc in self._tokenizer.encode_batch(list(windows), add_special_tokens=False) if windows else []:
                rows.append(([cls, *q, sep], [*enc.ids[:room], sep]))
                offsets.append(enc.offsets[:room])
                owner.append(n)
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]) + len(rows[i][1]))
        readings: list[Reading | None] = [None] * len(rows)
        for k in range(0, len(order), BATCH):
            chunk = order[k:k + BATCH]
            for i, reading in zip(chunk, self._run([rows[i] for i in chunk], [offsets[i] for i in chunk]),
                                  strict=True):
                readings[i] = reading
        out: list[list[Reading]] = [[] for _ in asks]
        for i, n in enumerate(owner):
            out[n].append(readings[i])
        return out

    def _run(self, rows: list[tuple[list[int], list[int]]], offsets: list) -> list[Reading]:
        length = max(len(a) + len(b) for a, b in rows)
        n = len(rows)
        input_ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros_like(input_ids)
        types = np.zeros_like(input_ids)
        for i, (a, b) in enumerate(rows):
            input_ids[i, :len(a) + len(b)] = a + b
            mask[i, :len(a) + len(b)] = 1
            types[i, len(a):len(a) + len(b)] = 1
        start, end, answer = self._session.run(None, {"input_ids": input_ids, "attention_mask": mask,
                                                      "token_type_ids": types})
        allowed = (types == 1) & (mask == 1)
        for i, (a, b) in enumerate(rows):  # the closing [SEP] is no answer token
            allowed[i, len(a) + len(b) - 1] = False
        s, e, margin = best_spans(start, end, allowed)
        out = []
        for i, (a, _) in enumerate(rows):
            if not allowed[i].any():  # an empty window: nothing to point at
                out.append(Reading(float(1 / (1 + np.exp(-answer[i]))), float("-inf"), (0, 0)))
                continue
            first, last = offsets[i][s[i] - len(a)], offsets[i][e[i] - len(a)]
            out.append(Reading(float(1 / (1 + np.exp(-answer[i]))), float(margin[i]), (first[0], last[1])))
        return out


def load_reader(folder: Path, tokenizer_file: Path, threads: int = 0) -> Reader | None:
    """The reader, or None (with one warning line in the log) when it cannot be loaded."""
    try:
        return Reader(folder, tokenizer_file, threads)
    except ModelError as exc:
        _log.warning("%s; answering with the first stage alone", exc)
        return None
