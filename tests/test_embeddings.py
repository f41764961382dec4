"""Embedding helpers: word ids, cosine neighbours, the 2D projection."""

import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings

# ranks as in keras' word index: id = rank + 3
WORD_INDEX = {"good": 1, "great": 2, "bad": 3, "awful": 4, "film": 5, "rare": 50}


def toy_weights():
    """Ten ids (0-9): good/great point one way, bad/awful the other, film sideways."""
    w = np.zeros((10, 3))
    w[4] = [1.0, 0.1, 0.0]    # good
    w[5] = [0.9, 0.2, 0.0]    # great
    w[6] = [-1.0, 0.0, 0.1]   # bad
    w[7] = [-0.8, 0.1, 0.2]   # awful
    w[8] = [0.0, 0.0, 1.0]    # film
    w[1] = [1.0, 0.1, 0.0]    # the start id: same as good, must be left out
    return w


def test_word_id_adds_the_offset():
    assert h.embeddings.word_id("good", WORD_INDEX, num_words=10) == 4
    assert h.embeddings.word_id("film", WORD_INDEX, num_words=10) == 8


def test_word_id_explains_missing_and_cut_words():
    with pytest.raises(KeyError, match="not in the word index"):
        h.embeddings.word_id("zzz", WORD_INDEX, num_words=10)
    with pytest.raises(KeyError, match="rank 50, outside num_words=10"):
        h.embeddings.word_id("rare", WORD_INDEX, num_words=10)
    settings.set_language("ko")
    with pytest.raises(KeyError, match="단어 사전에 없습니다"):
        h.embeddings.word_id("zzz", WORD_INDEX, num_words=10)


def test_cosine_similarities():
    vectors = np.array([[1.0, 0.0], [0.0, 2.0], [-3.0, 0.0], [0.0, 0.0]])
    np.testing.assert_allclose(h.embeddings.cosine_similarities(vectors, np.array([2.0, 0.0])), [1.0, 0.0, -1.0, 0.0])


def test_nearest_words_by_cosine():
    neighbours = h.embeddings.nearest_words("good", toy_weights(), WORD_INDEX, k=2)
    assert [w for w, _ in neighbours] == ["great", "film"]
    assert neighbours[0][1] == pytest.approx(np.dot([1, .1, 0], [.9, .2, 0]) / (np.linalg.norm([1, .1, 0]) * np.linalg.norm([.9, .2, 0])))
    assert [w for w, _ in h.embeddings.nearest_words("bad", toy_weights(), WORD_INDEX, k=1)] == ["awful"]


def test_project_to_2d_keeps_the_main_directions():
    rng = np.random.default_rng(0)
    # points spread along x (far) and y (less), almost nothing along z
    vectors = np.column_stack([rng.normal(0, 10, 50), rng.normal(0, 3, 50), rng.normal(0, 0.01, 50)])
    points = h.embeddings.project_to_2d(vectors)
    assert points.shape == (50, 2)
    np.testing.assert_allclose(points.mean(axis=0), 0, atol=1e-9)
    # the distances between points are kept almost exactly (the 3rd direction is tiny)
    d_full = np.linalg.norm(vectors[:, None] - vectors[None], axis=-1)
    d_2d = np.linalg.norm(points[:, None] - points[None], axis=-1)
    np.testing.assert_allclose(d_2d, d_full, atol=0.05)
    assert points[:, 0].var() > points[:, 1].var()
    assert points[np.abs(points[:, 0]).argmax(), 0] > 0  # the sign is fixed


def test_project_to_2d_needs_two_rows():
    with pytest.raises(ValueError, match="at least 2 words"):
        h.embeddings.project_to_2d(np.ones((1, 4)))
    assert h.embeddings.project_to_2d(np.array([[0.0, 1.0], [2.0, 1.0]])).shape == (2, 2)


def test_embedding_weights_is_the_lookup_table():
    model = h.build_lstm_classifier(num_words=12, maxlen=5, embedding_dim=3, units=2)
    weights = h.embeddings.embedding_weights(model)
    assert weights.shape == (12, 3)
    ids = np.array([[0, 4, 7, 11, 4]])
    looked_up = model.get_layer("embedding")(ids).numpy()
    np.testing.assert_allclose(looked_up[0], weights[ids[0]])
    np.testing.assert_allclose(looked_up[0], np.eye(12)[ids[0]] @ weights, rtol=1e-6)


def test_nearest_words_among_the_most_frequent():
    # among=7 keeps ids 4-6 (good, great, bad): awful (7) and film (8) are out
    found = [w for w, _ in h.embeddings.nearest_words("bad", toy_weights(), WORD_INDEX, k=5, among=7)]
    assert set(found) == {"good", "great"} and "awful" not in found
