"""Bad input to the data helpers gets a clear message in the learner's language; none of
these tests reads the data folder, so they run everywhere."""

import json
import types

import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import data, settings
from lstm_helpers.data import imdb_files, words

RAW = ((np.array([[1, 5, 6], [1, 7], [1, 8, 9, 10], [1, 11]], dtype=object), np.array([1, 0, 1, 0])),
       (np.array([[1, 12], [1, 13, 14]], dtype=object), np.array([0, 1])))


@pytest.mark.parametrize("split", ["0.2", None, True, 1.0, -0.1])
def test_validation_split_must_be_a_share(split):
    with pytest.raises(ValueError, match="validation_split"):
        h.data.split_and_pad(RAW, 5, validation_split=split)


@pytest.mark.parametrize("bad", [0, -5, 2.5, "10"])
def test_max_train_and_max_test_must_be_positive_integers(bad):
    with pytest.raises(ValueError, match="max_train"):
        h.data.split_and_pad(RAW, 5, max_train=bad)
    with pytest.raises(ValueError, match="max_test"):
        h.data.split_and_pad(RAW, 5, max_test=bad)


def test_max_train_counts_training_reviews_after_the_split():
    d = h.data.split_and_pad(RAW, 5, validation_split=0.5, max_train=1)
    assert len(d.x_train) == 1 and len(d.x_val) == 1


def test_no_validation_split_keeps_keras_order():
    d = h.data.split_and_pad(RAW, 5)
    assert d.x_val.shape == (0, 5)
    np.testing.assert_array_equal(d.y_train, RAW[0][1])
    assert list(d.x_train[1]) == [0, 0, 0, 1, 7]


def test_encode_review_without_a_cut_keeps_every_word():
    index = {"the": 1, "rare": 50000}
    assert h.encode_review("the rare", num_words=None, word_index=index) == [1, 4, 50003]
    assert h.encode_review("the rare", num_words=20000, word_index=index) == [1, 4, 2]


def test_decode_review_reuses_the_reverse_of_a_read_only_index_only():
    index = {"the": 1, "movie": 2}
    assert h.decode_review([1, 4, 5, 2], index) == "<start> the movie <unk>"
    read_only = types.MappingProxyType(index)
    assert words._id_to_word(read_only) is words._id_to_word(read_only)
    assert words._id_to_word(index) is not words._id_to_word(index)


def test_an_index_edited_in_place_is_read_again():
    index = {"good": 1, "bad": 2, "movie": 3}
    assert h.decode_review([1, 4, 5], index) == "<start> good bad"
    assert data.text_vocabulary(7, index)[2:4] == ["good", "bad"]
    index["good"], index["bad"] = 2, 1  # same length, other words: a cache by length would not see it
    assert h.encode_review("good bad", word_index=index) == [1, 5, 4]
    assert h.decode_review([1, 4, 5], index) == "<start> bad good"
    assert data.text_vocabulary(7, index)[2:4] == ["bad", "good"]
    assert data.review_texts([[1, 4, 5]], index) == ["bad good"]


def test_a_broken_word_index_is_explained(tmp_path):
    np.savez(tmp_path / "imdb.npz", x_train=np.zeros(1), y_train=np.zeros(1), x_test=np.zeros(1), y_test=np.zeros(1))
    (tmp_path / "imdb_word_index.json").write_text('{"the": 1,')
    with pytest.raises(ValueError, match="JSON word index"):
        h.get_word_index(tmp_path)
    (tmp_path / "imdb_word_index.json").write_text(json.dumps(["the"]))
    imdb_files._read_word_index.cache_clear()
    with pytest.raises(ValueError, match="word -> rank"):
        h.get_word_index(tmp_path)


def test_offline_without_a_data_folder_says_what_to_do(monkeypatch):
    import keras

    def no_network(*args, **kwargs):
        raise Exception("URL fetch failure on https://storage.googleapis.com/...: None -- [Errno -2] "
                        "Name or service not known")

    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(keras.datasets.imdb, "load_data", no_network)
    settings.set_language("ko")
    with pytest.raises(ConnectionError, match="LSTM_HELPERS_DATA_DIR") as caught:
        h.load_imdb_raw()
    assert "imdb.npz" in str(caught.value) and "인터넷" in str(caught.value)


def test_other_keras_errors_pass_through(monkeypatch):
    import keras

    def broken(*args, **kwargs):
        raise KeyError("something else")

    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(keras.datasets.imdb, "load_data", broken)
    with pytest.raises(KeyError, match="something else"):
        h.load_imdb_raw()
