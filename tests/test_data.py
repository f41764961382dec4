"""The IMDB loader: equal to keras' own loader, right offsets, clear errors."""

import gzip
import json

import keras
import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import data, settings
from lstm_helpers.data import imdb_files
from lstm_helpers.data.texts import _object_array


def keras_load_data_from(path, **kwargs):
    """keras.datasets.imdb.load_data with its download pointed at a local file."""
    import keras.src.datasets.imdb as keras_imdb

    original = keras_imdb.get_file
    keras_imdb.get_file = lambda *args, **kw: str(path)
    try:
        return keras.datasets.imdb.load_data(**kwargs)
    finally:
        keras_imdb.get_file = original


def assert_same_split(ours, theirs):
    (x_ours, y_ours), (x_theirs, y_theirs) = ours, theirs
    assert x_ours.dtype == x_theirs.dtype == object
    assert len(x_ours) == len(x_theirs)
    assert all(list(a) == list(b) for a, b in zip(x_ours, x_theirs))
    np.testing.assert_array_equal(y_ours, y_theirs)


@pytest.mark.parametrize("num_words, seed", [(20000, 113), (None, 113), (500, 7)])
def test_offline_loader_equals_keras_loader(data_dir, num_words, seed):
    ours = data.load_imdb_raw(num_words=num_words, data_dir=data_dir, shuffle_seed=seed)
    theirs = keras_load_data_from(data_dir / "imdb.npz", num_words=num_words, seed=seed)
    assert_same_split(ours[0], theirs[0])
    assert_same_split(ours[1], theirs[1])


def test_environment_variable_names_the_folder(data_dir, monkeypatch):
    monkeypatch.setenv("LSTM_HELPERS_DATA_DIR", str(data_dir))
    (x_env, _), _ = data.load_imdb_raw(num_words=100)
    (x_arg, _), _ = data.load_imdb_raw(num_words=100, data_dir=data_dir)
    assert list(x_env[0]) == list(x_arg[0])


def test_load_imdb_pads_and_splits(data_dir):
    d = h.load_imdb(num_words=20000, maxlen=80, validation_split=0.2, seed=1, data_dir=data_dir)
    (x_raw, y_raw), (x_test_raw, _) = data.load_imdb_raw(num_words=20000, data_dir=data_dir)
    assert d.x_train.shape[1] == d.x_val.shape[1] == d.x_test.shape[1] == 80
    assert len(d.x_train) + len(d.x_val) == len(x_raw)
    assert len(d.x_val) == round(0.2 * len(x_raw))
    assert d.x_train.dtype == np.int32 and d.x_train.max() < 20000
    # cut keeps the last 80 ids, padding goes in front: keras' pad_sequences
    np.testing.assert_array_equal(d.x_test, keras.utils.pad_sequences(x_test_raw, maxlen=80))
    short = next(r for r in x_test_raw if len(r) < 80)
    padded = h.pad_reviews([short], 80)[0]
    assert (padded[: 80 - len(short)] == 0).all() and list(padded[80 - len(short):]) == list(short)
    # training and validation reviews together are the training set, none twice
    together = np.concatenate([d.x_train, d.x_val])
    assert len(np.unique(together, axis=0)) == len(np.unique(keras.utils.pad_sequences(x_raw, 80), axis=0))
    assert sorted(np.concatenate([d.y_train, d.y_val])) == sorted(y_raw)


def test_validation_split_is_seeded(data_dir):
    a = h.load_imdb(validation_split=0.2, seed=3, max_train=500, data_dir=data_dir)
    b = h.load_imdb(validation_split=0.2, seed=3, max_train=500, data_dir=data_dir)
    c = h.load_imdb(validation_split=0.2, seed=4, max_train=500, data_dir=data_dir)
    np.testing.assert_array_equal(a.x_val, b.x_val)
    assert not np.array_equal(a.x_val, c.x_val)
    # max_train counts the training reviews after the split; validation keeps its 20% share
    assert len(a.x_train) == 500 and len(a.x_val) == 125


def test_no_validation_split_leaves_it_empty(data_dir):
    d = h.load_imdb(max_train=300, max_test=200, data_dir=data_dir)
    assert d.x_train.shape == (300, 80) and d.x_test.shape == (200, 80)
    assert d.x_val.shape == (0, 80) and len(d.y_val) == 0


def raw_reviews_with_text(data_dir, n):
    """The first n training reviews: their raw ranks (no offset) and their text."""
    arrays = imdb_files._read_imdb_npz(data_dir / "imdb.npz")
    text_file = data_dir.parent / "imdb-sample" / "imdb_text.jsonl.gz"
    if not text_file.is_file():
        pytest.skip("the review text (imdb-sample/imdb_text.jsonl.gz) is not beside the data folder")
    with gzip.open(text_file, "rt", encoding="utf-8") as f:
        texts = [json.loads(next(f))["text"] for _ in range(n)]
    return arrays["x_train"][:n], texts


def test_decode_review_gives_the_review_text(data_dir):
    word_index = h.get_word_index(data_dir=data_dir)
    ranks, texts = raw_reviews_with_text(data_dir, 20)
    for review, text in zip(ranks, texts):
        ids = [data.START_ID] + [r + data.INDEX_FROM for r in review]
        decoded = h.decode_review(ids, word_index).split()
        assert decoded[0] == "<start>"
        assert decoded[1:] == [w for w in data.tokenize(text) if w in word_index]
    # forgetting the offset gives word salad: other words than the review's
    right = h.decode_review([r + data.INDEX_FROM for r in ranks[0]], word_index).split()
    salad = h.decode_review(list(ranks[0]), word_index).split()
    assert len(salad) == len(right)
    assert sum(a == b for a, b in zip(salad, right)) < len(right) / 4


def test_encode_review_matches_the_data_set(data_dir):
    word_index = h.get_word_index(data_dir=data_dir)
    ranks, texts = raw_reviews_with_text(data_dir, 20)
    for review, text in zip(ranks, texts):
        ids = h.encode_review(text, num_words=10**9, word_index=word_index)
        known = [i for i in ids if i != data.UNKNOWN_ID]  # the data set drops words not in the index
        assert known == [data.START_ID] + [r + data.INDEX_FROM for r in review]


def test_encode_review_marks_rare_and_unknown_words(data_dir):
    word_index = h.get_word_index(data_dir=data_dir)
    rare = next(w for w, r in word_index.items() if r + 3 >= 20000 and w.isalpha())
    ids = h.encode_review(f"The movie was GREAT <br /> {rare} qzxqzxq", word_index=word_index)
    assert ids[:5] == [1, word_index["the"] + 3, word_index["movie"] + 3, word_index["was"] + 3,
                       word_index["great"] + 3]
    assert ids[5] == word_index["br"] + 3
    assert ids[6:] == [2, 2]
    assert h.decode_review(ids, word_index) == "<start> the movie was great br <unk> <unk>"


def test_decode_review_skips_padding_unless_asked(data_dir):
    word_index = h.get_word_index(data_dir=data_dir)
    ids = [0, 0, 1, word_index["good"] + 3]
    assert h.decode_review(ids, word_index) == "<start> good"
    assert h.decode_review(ids, word_index, skip_padding=False) == "<pad> <pad> <start> good"


def test_the_word_index_cannot_be_edited_behind_encode_reviews_back(data_dir, monkeypatch):
    monkeypatch.setenv("LSTM_HELPERS_DATA_DIR", str(data_dir))
    word_index = h.get_word_index()
    expected = [1, word_index["the"] + 3, word_index["movie"] + 3]
    assert h.encode_review("the movie") == expected
    with pytest.raises(TypeError):
        word_index["movie"] = 1
    with pytest.raises(TypeError):
        del word_index["the"]
    copy = dict(word_index)  # a copy is the learner's to change
    copy["movie"] = 1
    assert h.get_word_index() is word_index  # read once, kept
    assert h.encode_review("the movie") == expected
    assert h.encode_review("the movie", word_index=copy) == [1, expected[1], 4]


# ---------------------------------------------------------------- errors a learner may meet

def test_missing_folder_says_which_variable_and_what_to_put_there(tmp_path, monkeypatch):
    monkeypatch.setenv("LSTM_HELPERS_DATA_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="LSTM_HELPERS_DATA_DIR") as error:
        h.load_imdb()
    assert "imdb.npz" in str(error.value) and "nowhere" in str(error.value)


def test_missing_file_names_the_file(tmp_path):
    (tmp_path / "imdb.npz").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match="imdb_word_index.json"):
        h.load_imdb(data_dir=tmp_path)
    with pytest.raises(FileNotFoundError, match="imdb_word_index.json"):
        h.get_word_index(data_dir=tmp_path)


def test_npz_without_the_four_arrays(tmp_path):
    np.savez(tmp_path / "imdb.npz", x_train=np.zeros(3), y_train=np.zeros(3))
    (tmp_path / "imdb_word_index.json").write_text("{}")
    with pytest.raises(ValueError, match="x_test, y_test"):
        h.load_imdb(data_dir=tmp_path)


def test_file_that_is_no_npz(tmp_path):
    (tmp_path / "imdb.npz").write_text("not a zip")
    (tmp_path / "imdb_word_index.json").write_text("{}")
    with pytest.raises(ValueError, match="cannot be read as an npz"):
        h.load_imdb(data_dir=tmp_path)


def test_npz_that_smuggles_code_is_refused(tmp_path):
    evil = np.empty(1, dtype=object)
    evil[0] = print  # any non-array global
    np.savez(tmp_path / "imdb.npz", x_train=evil, y_train=np.zeros(1), x_test=evil, y_test=np.zeros(1))
    (tmp_path / "imdb_word_index.json").write_text("{}")
    with pytest.raises(ValueError, match="refusing to load builtins.print"):
        h.load_imdb(data_dir=tmp_path)


@pytest.mark.parametrize("num_words", [4, 3, 0, -1, 2.5, True])
def test_num_words_below_five(num_words, tmp_path):
    # no file is read: the arguments are checked first, so this runs without the data folder
    # ids 0-2 are reserved and 3 is never used: num_words=4 would keep no word at all
    with pytest.raises(ValueError, match="5 or more"):
        h.load_imdb(num_words=num_words, data_dir=tmp_path / "no-data")


@pytest.mark.parametrize("maxlen", [0, -5, 1.5])
def test_maxlen_below_one(maxlen, tmp_path):
    # no file is read: the arguments are checked first, so this runs without the data folder
    with pytest.raises(ValueError, match="1 or more"):
        h.load_imdb(maxlen=maxlen, data_dir=tmp_path / "no-data")


@pytest.mark.parametrize("split", [-0.1, 1.0, 2])
def test_validation_split_out_of_range(split, tmp_path):
    # no file is read: the arguments are checked first, so this runs without the data folder
    with pytest.raises(ValueError, match="share"):
        h.load_imdb(validation_split=split, data_dir=tmp_path / "no-data")


@pytest.mark.parametrize("text", ["", "   ", "?!... :)"])
def test_empty_review_text(text):
    with pytest.raises(ValueError, match="no words"):
        h.encode_review(text, word_index={"good": 1})


@pytest.mark.parametrize("text", [None, 42, ["good", "movie"], b"good movie"])
def test_review_that_is_not_text(text):
    with pytest.raises(TypeError, match="must be a string"):
        h.encode_review(text, word_index={"good": 1})


def test_errors_speak_korean_in_a_korean_notebook(tmp_path):
    settings.set_language("ko")
    with pytest.raises(FileNotFoundError, match="폴더"):
        h.load_imdb(data_dir=tmp_path / "nowhere")
    with pytest.raises(ValueError, match="단어가 하나도 없습니다"):
        h.encode_review("", word_index={})


def test_split_and_pad_matches_load_imdb_and_pads_behind_when_asked(data_dir):
    raw = data.load_imdb_raw(num_words=5000, data_dir=data_dir)
    direct = h.load_imdb(num_words=5000, maxlen=50, validation_split=0.1, seed=5, data_dir=data_dir)
    again = data.split_and_pad(raw, 50, validation_split=0.1, seed=5)
    np.testing.assert_array_equal(direct.x_val, again.x_val)
    behind = data.split_and_pad(raw, 500, max_train=50, max_test=50, padding="post")
    short = next(i for i, r in enumerate(raw[1][0][:50]) if len(r) < 500)
    assert behind.x_test[short, 0] == data.START_ID and behind.x_test[short, -1] == 0


def test_split_reviews_picks_the_same_reviews_as_split_and_pad():
    import numpy as np

    from lstm_helpers import data

    rng = np.random.default_rng(0)
    x = _object_array([[1] + list(rng.integers(4, 50, size=n)) for n in rng.integers(1, 12, size=40)])
    raw = ((x, rng.integers(0, 2, size=40)), (x[:10], rng.integers(0, 2, size=10)))
    padded = data.split_and_pad(raw, maxlen=6, validation_split=0.25, seed=3, max_train=24, max_test=7)
    split = data.split_reviews(raw, validation_split=0.25, seed=3, max_train=24, max_test=7)
    for name in ("train", "val", "test"):
        reviews = getattr(split, f"x_{name}")
        np.testing.assert_array_equal(h.pad_reviews(list(reviews), 6), getattr(padded, f"x_{name}"))
        np.testing.assert_array_equal(getattr(split, f"y_{name}"), getattr(padded, f"y_{name}"))
    assert len(split.y_train) == 24 and len(split.y_test) == 7


def test_text_ids_texts_and_last_words():
    from lstm_helpers import data

    index = {"the": 1, "film": 2, "was": 3, "great": 4}
    reviews = _object_array([[1, 4, 5, 2, 7], [1, 2, 2]])     # <start> the film <unk> great / <start> <unk> <unk>
    assert [list(r) for r in data.as_text_ids(reviews)] == [[4, 5, 1, 7], [1, 1]]
    assert data.review_texts(reviews, index) == ["the film _unk_ great", "_unk_ _unk_"]
    assert data.review_texts(reviews, index, unknown=None) == ["the film great", ""]
    assert [list(r) for r in data.last_words(reviews, 2)] == [[2, 7], [2, 2]]
    assert data.as_text_ids(_object_array([[1, 4], [1, 5]])).shape == (2,)  # a list per review, even of equal length


def test_random_crops_are_stretches_of_their_reviews():
    from lstm_helpers import data

    reviews = _object_array([[1] + list(range(10, 110)), [1, 7, 8, 9]])
    crops = data.random_crops(reviews, min_words=5, max_words=20, seed=1)
    long_crop = list(crops[0])
    assert 5 <= len(long_crop) <= 20 and long_crop == list(range(long_crop[0], long_crop[0] + len(long_crop)))
    assert list(crops[1]) == [7, 8, 9]  # shorter than min_words: the whole review, without the start mark
    again = data.random_crops(reviews, min_words=5, max_words=20, seed=1)
    assert [list(c) for c in again] == [list(c) for c in crops]
