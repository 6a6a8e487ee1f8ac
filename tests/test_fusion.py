import numpy as np
import pytest

from retrieval.qa import fusion


def test_minmax():
    np.testing.assert_allclose(fusion.minmax(np.array([2.0, 4.0, 3.0])), [0.0, 1.0, 0.5])
    assert fusion.minmax(np.array([5.0, 5.0])).tolist() == [0.0, 0.0]
    assert fusion.minmax(np.array([])).size == 0


def test_convex_combination_weights_normalised_scores():
    lex, dense = np.array([0.0, 10.0, 5.0]), np.array([0.9, 0.1, 0.5])
    np.testing.assert_allclose(fusion.convex(lex, dense, 0.25), 0.25 * np.array([1.0, 0.0, 0.5]) + 0.75 *
                               np.array([0.0, 1.0, 0.5]))
    np.testing.assert_allclose(fusion.convex(lex, dense, 1.0), fusion.minmax(dense))


def test_rrf_matches_formula():
    lex, dense = np.array([3.0, 2.0, 1.0]), np.array([1.0, 3.0, 2.0])
    expected = [1 / 61 + 1 / 63, 1 / 62 + 1 / 61, 1 / 63 + 1 / 62]
    np.testing.assert_allclose(fusion.rrf(lex, dense, 60), expected)
    assert fusion.ranks(np.array([1.0, 1.0, 2.0])).tolist() == [2, 3, 1]


def test_fuse_dispatch_and_unknown_method():
    lex, dense = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert fusion.fuse(lex, dense, "bm25", 0.5, 60).tolist() == [1.0, 0.0]
    assert fusion.fuse(lex, dense, "dense", 0.5, 60).tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match="unknown fusion"):
        fusion.fuse(lex, dense, "magic", 0.5, 60)
