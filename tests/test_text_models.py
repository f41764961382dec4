"""Models that read raw text: the vectorizer gives the data set's ids, the text
classifier predicts like its id classifier, the bag of n-grams, and
predict_sentiment's padding and warnings for every kind of model."""

import subprocess
import sys
import warnings

import keras
import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers import data, models, opinion

WORD_INDEX = {"the": 1, "movie": 2, "was": 3, "good": 4, "bad": 5, "not": 6, "don't": 7, "br": 8, "10": 9}


def small_masked_classifier(num_words=20, maxlen=None):
    keras.utils.set_random_seed(0)
    return lh.build_recurrent_classifier(num_words=num_words, maxlen=maxlen, layer="gru", units=4,
                                         embedding_dim=4, bidirectional=True, pooling="max_mean",
                                         mask_padding=True, dropout=0.0, recurrent_dropout=0.0)


def ids_of(vectorizer, texts):
    return keras.ops.convert_to_numpy(vectorizer(texts)).tolist()


@pytest.mark.parametrize("text", [
    "Don't miss it!<br /><br />A well-made movie, 10/10.",
    "THE MOVIE... was   not\tbad (at all)",
    "정말 재미있어요, movie_2 was 'good'",
    "l'été était bon",
])
def test_standardization_splits_words_like_the_data_set(text):
    vectorizer = keras.layers.TextVectorization(standardize=models.standardize_like_imdb, split="whitespace")
    vectorizer.adapt([text])
    tokens = keras.ops.convert_to_numpy(models.standardize_like_imdb(keras.ops.convert_to_tensor([text])))[0]
    assert tokens.decode("utf-8").split() == data.tokenize(text)


def test_vectorizer_gives_the_ids_of_encode_review_without_the_start_mark():
    vectorizer = models.build_text_vectorizer(num_words=10, word_index=WORD_INDEX)
    text = "The movie was good, don't you think?"
    expected = data.as_text_ids([data.encode_review(text, num_words=10, word_index=WORD_INDEX)])[0]
    assert ids_of(vectorizer, [text])[0] == list(expected) == [4, 5, 6, 7, 1, 1, 1]
    assert data.text_vocabulary(10, WORD_INDEX) == ["<unk>", "<unused>", "the", "movie", "was", "good", "bad", "not"]


def test_vectorizer_reads_decoded_reviews_back_to_the_same_ids(data_dir):
    (x_train, _), _ = lh.load_imdb_raw(num_words=30000)
    reviews = x_train[:300]
    texts = data.review_texts(lh.load_imdb_raw(num_words=None)[0][0][:300])
    got = ids_of(models.build_text_vectorizer(30000), texts)
    expected = data.as_text_ids(reviews)
    assert [[i for i in row if i != 0] for row in got] == [list(e) for e in expected]


def test_review_texts_keep_unknown_words_where_the_vectorizer_sees_them_as_unknown(data_dir):
    """A review cut at num_words, turned into text and read by the vectorizer, gives the ids
    as_text_ids gives: its unknown words stay in place, as unknown (1)."""
    (x_train, _), _ = lh.load_imdb_raw(num_words=2000)
    reviews = x_train[:100]
    assert any(data.UNKNOWN_ID in review for review in reviews)
    got = ids_of(models.build_text_vectorizer(2000), data.review_texts(reviews))
    assert [[i for i in row if i != 0] for row in got] == [list(e) for e in data.as_text_ids(reviews)]


def test_text_classifier_predicts_like_its_id_classifier():
    inner = small_masked_classifier(num_words=10)
    reader = models.build_text_classifier(inner, word_index=WORD_INDEX)
    texts = ["the movie was good", "not bad", "the movie was bad, the movie was not good at all"]
    ids = data.as_text_ids([data.encode_review(t, num_words=10, word_index=WORD_INDEX) for t in texts])
    by_ids = inner.predict(lh.pad_reviews(ids, 20, padding="post"), verbose=0)
    np.testing.assert_allclose(reader.predict(np.array(texts, dtype=object), verbose=0), by_ids, rtol=1e-5)
    np.testing.assert_allclose(lh.predict_sentiment(reader, texts, word_index=WORD_INDEX), by_ids[:, 0], rtol=1e-5)


def test_text_classifier_needs_a_classifier_of_any_length():
    with pytest.raises(ValueError, match="maxlen=None"):
        models.build_text_classifier(small_masked_classifier(maxlen=80), word_index=WORD_INDEX)


def test_text_classifier_refuses_a_classifier_that_does_not_mask_its_padding():
    keras.utils.set_random_seed(0)
    unmasked = lh.build_recurrent_classifier(num_words=10, maxlen=None, layer="gru", units=4, embedding_dim=4,
                                             mask_padding=False, dropout=0.0, recurrent_dropout=0.0)
    with pytest.raises(ValueError, match="does not mask its padding.*mask_padding=True and maxlen=None"):
        models.build_text_classifier(unmasked, word_index=WORD_INDEX)
    lh.set_language("ko")
    with pytest.raises(ValueError, match="마스킹하지 않습니다.*mask_padding=True, maxlen=None"):
        models.build_text_classifier(unmasked, word_index=WORD_INDEX)


def test_a_masked_text_classifier_gives_a_text_the_same_probability_alone_and_in_a_batch():
    reader = models.build_text_classifier(small_masked_classifier(num_words=10), word_index=WORD_INDEX)
    alone = lh.predict_sentiment(reader, "good")[0]
    together = lh.predict_sentiment(reader, ["good", "the movie was not good, the movie was bad"])[0]
    assert together == pytest.approx(alone, abs=1e-6)


def test_saved_text_model_loads_with_lstm_helpers_only(tmp_path):
    """The .keras file holds the vocabulary; loading it needs lstm_helpers' two registered parts."""
    reader = models.build_text_classifier(small_masked_classifier(num_words=10), word_index=WORD_INDEX)
    path = tmp_path / "reader.keras"
    reader.save(path)
    expected = float(reader.predict(np.array(["the movie was good"], dtype=object), verbose=0)[0, 0])
    # one fresh process (a TensorFlow start costs seconds): load without lstm_helpers, then with it
    script = ("import sys, numpy as np, keras\n"
              "try:\n"
              "    keras.models.load_model(sys.argv[1])\n"
              "    print('loaded without lstm_helpers')\n"
              "except Exception as error:\n"
              "    print('refused:', 'standardize_like_imdb' in str(error))\n"
              "import lstm_helpers\n"
              "m = keras.models.load_model(sys.argv[1])\n"
              "print(float(m.predict(np.array(['the movie was good'], dtype=object), verbose=0)[0, 0]))\n")
    run = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    refused, probability = run.stdout.strip().splitlines()[-2:]
    assert refused == "refused: True"
    assert float(probability) == pytest.approx(expected, rel=1e-5)


def test_bag_of_bigrams_sees_word_pairs_and_learns_them():
    rng = np.random.default_rng(0)
    filler = ["the", "movie", "plot", "actor", "story", "scene"]
    texts, labels = [], []
    for _ in range(400):
        positive = rng.random() < 0.5
        words = list(rng.choice(filler, 6)) + ["not", "bad" if positive else "good"]  # "not bad" vs "not good"
        rng.shuffle(words[:6])
        texts.append(" ".join(words))
        labels.append(int(positive))
    keras.utils.set_random_seed(0)
    model = models.build_bag_of_ngrams_classifier(texts, max_tokens=100, hidden=8, dropout=0.0, learning_rate=0.02)
    vocabulary = model.get_layer("bag_of_ngrams").get_vocabulary()
    assert "not bad" in vocabulary and "not good" in vocabulary
    model.fit(np.array(texts, dtype=object), np.array(labels), epochs=20, batch_size=32, verbose=0)
    p = model.predict(np.array(["the plot not bad", "the plot not good"], dtype=object), verbose=0)[:, 0]
    assert p[0] > 0.8 and p[1] < 0.2


@pytest.mark.parametrize("mask, side", [(True, "post"), (False, "pre")])
def test_predict_sentiment_pads_on_the_side_the_model_trained_with(mask, side):
    keras.utils.set_random_seed(0)
    model = lh.build_recurrent_classifier(num_words=12, maxlen=8, units=3, embedding_dim=3,
                                          mask_padding=mask, dropout=0.0, recurrent_dropout=0.0)
    assert models.padding_of(model) == side
    ids = data.encode_review("the movie was good", num_words=12, word_index=WORD_INDEX)
    right = model.predict(lh.pad_reviews([ids], 8, padding=side), verbose=0)[0, 0]
    wrong = model.predict(lh.pad_reviews([ids], 8, padding="pre" if side == "post" else "post"), verbose=0)[0, 0]
    got = lh.predict_sentiment(model, "the movie was good", word_index=WORD_INDEX)[0]
    assert got == pytest.approx(right, rel=1e-5)
    if not mask:
        assert abs(got - wrong) > 1e-6  # without a mask the side matters, so the check above can fail


def test_text_model_warns_about_korean_in_the_learners_language():
    reader = models.build_text_classifier(small_masked_classifier(num_words=10), word_index=WORD_INDEX)
    lh.set_language("ko")
    with pytest.warns(UserWarning, match="한글 단어는 모두 모르는 단어") as caught:
        lh.predict_sentiment(reader, "이 영화 정말 좋았어요 movie", word_index=WORD_INDEX)
    assert "단어 5개 중 4개" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lh.predict_sentiment(reader, "the movie was good", word_index=WORD_INDEX)  # no warning


def test_text_models_need_no_imdb_word_index_and_refuse_sizes_they_cannot_honour(tmp_path, monkeypatch):
    reader = models.build_text_classifier(small_masked_classifier(num_words=10), word_index=WORD_INDEX)
    texts = ["the movie was good", "not bad", "bad movie"]
    keras.utils.set_random_seed(0)
    bag = models.build_bag_of_ngrams_classifier(texts, max_tokens=20, hidden=2)
    monkeypatch.setenv("LSTM_HELPERS_DATA_DIR", str(tmp_path / "no-imdb-here"))  # any use of the index fails
    with pytest.raises(FileNotFoundError):
        lh.get_word_index()
    for model in (reader, bag):
        p = lh.predict_sentiment(model, texts)
        np.testing.assert_allclose(p, model.predict(np.array(texts, dtype=object), verbose=0)[:, 0], rtol=1e-6)
        assert opinion.opinion_by_word(model, texts[0]).final == pytest.approx(float(p[0]), rel=1e-6)
    for size in ("num_words", "maxlen"):
        with pytest.raises(ValueError, match=f"{size}=5: the model 'bag_of_2grams_classifier' only looks at which"):
            lh.predict_sentiment(bag, texts, **{size: 5})
    with pytest.raises(ValueError, match="num_words=20000, but this model was built with num_words=10"):
        lh.predict_sentiment(reader, texts, num_words=20000)
    with pytest.raises(ValueError, match="maxlen=80: this model reads whole reviews of any length"):
        lh.predict_sentiment(reader, texts, maxlen=80)
    assert lh.predict_sentiment(reader, texts, num_words=10).shape == (3,)


def test_text_model_refuses_empty_text_clearly():
    reader = models.build_text_classifier(small_masked_classifier(num_words=10), word_index=WORD_INDEX)
    with pytest.raises(ValueError, match="no words"):
        lh.predict_sentiment(reader, "?!", word_index=WORD_INDEX)
    with pytest.raises(ValueError, match="no review"):
        lh.predict_sentiment(reader, [], word_index=WORD_INDEX)


def test_recurrent_and_bag_model_reads_text_both_ways():
    texts = ["the movie was good", "the movie was not good", "not bad", "bad movie"]
    keras.utils.set_random_seed(0)
    model = models.build_recurrent_bag_classifier(texts, num_words=10, maxlen=6, units=2, embedding_dim=3,
                                                  max_tokens=12, hidden=2, word_index=WORD_INDEX)
    kinds = {type(layer).__name__ for layer in model.layers}
    assert {"Bidirectional", "MaskedMaxOverTime", "GlobalAveragePooling1D", "Dense"} <= kinds
    assert "not good" in model.get_layer("bag_of_ngrams").get_vocabulary()
    assert keras.ops.convert_to_numpy(model.get_layer("words_to_ids")(["the movie was good"])).shape == (1, 6)
    probabilities = lh.predict_sentiment(model, texts, word_index=WORD_INDEX)
    np.testing.assert_allclose(probabilities, model.predict(np.array(texts, dtype=object), verbose=0)[:, 0], rtol=1e-6)
    assert models.reads_text(model) and models.padding_of(model) == "post"  # masked: zeros behind
