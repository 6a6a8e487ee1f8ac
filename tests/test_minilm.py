"""The NumPy fast path must match sentence-transformers: same embeddings, same rankings, same answers."""

import json
from pathlib import Path

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from retrieval.dense import ModelError, model_folder
from retrieval.minilm import NumpyMiniLMEncoder, _erf
from retrieval.search import ArticleIndex

OWN = [json.loads(line)["question"] for line in (PROJECT_ROOT / "bench" / "heldout.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def numpy_encoder(settings):
    return NumpyMiniLMEncoder(model_folder(settings.model_name))


def test_embeddings_match_reference(numpy_encoder, reference_encoder, article):
    texts = [p.text for p in article.paragraphs] + ["", "a", "Who requested the call?", "word " * 400]
    np.testing.assert_allclose(numpy_encoder.encode(texts), reference_encoder.encode(texts), atol=2e-5)
    assert numpy_encoder.model_id == reference_encoder.model_id
    assert numpy_encoder.encode([]).shape == (0, 384)


def test_rankings_and_answers_identical(numpy_encoder, reference_encoder, article, settings):
    fast = ArticleIndex(article, numpy_encoder, settings.search)
    ref = ArticleIndex(article, reference_encoder, settings.search)
    for question in OWN:
        for method in ("dense", "convex", "rrf"):
            a, b = fast.search(question, method), ref.search(question, method)
            assert [p.paragraph for p in a.passages] == [p.paragraph for p in b.passages], (question, method)
            assert a.text == b.text and a.abstained == b.abstained


def test_erf_accuracy():
    import math

    xs = np.linspace(-6, 6, 2001, dtype=np.float32)
    error = np.abs(_erf(xs) - np.array([math.erf(x) for x in xs])).max()
    assert error < 5e-7  # A&S 7.1.26 bound 1.5e-7 plus float32 rounding


def test_unsupported_folder_is_refused(tmp_path: Path):
    with pytest.raises(ModelError, match="cannot load"):
        NumpyMiniLMEncoder(tmp_path)
