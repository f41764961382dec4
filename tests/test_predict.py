"""predict_sentiment reads the vocabulary size and the length from the model, so it cannot
feed a model ids it does not know; bad calls get a clear message."""

import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings

INDEX = {"the": 1, "movie": 2, "great": 3, "boring": 4, "zebra": 30}


@pytest.fixture(scope="module")
def small_model():
    import keras

    keras.utils.set_random_seed(0)
    return h.build_lstm_classifier(num_words=10, maxlen=6, embedding_dim=4, units=3)


def test_it_uses_the_models_vocabulary_and_length(small_model):
    p = h.predict_sentiment(small_model, ["the zebra movie", "great"], word_index=INDEX)
    ids = h.pad_reviews([[1, 4, 2, 5], [1, 6]], 6)  # "zebra" (id 33) is past the model's 10 ids: unknown
    np.testing.assert_allclose(p, small_model.predict(ids, verbose=0)[:, 0], rtol=1e-6)


def test_a_disagreeing_num_words_or_maxlen_is_refused(small_model):
    with pytest.raises(ValueError, match="num_words=20000, but this model was built with num_words=10"):
        h.predict_sentiment(small_model, "the movie", num_words=20000, word_index=INDEX)
    with pytest.raises(ValueError, match="maxlen=80"):
        h.predict_sentiment(small_model, "the movie", maxlen=80, word_index=INDEX)
    assert h.predict_sentiment(small_model, "the movie", num_words=10, maxlen=6, word_index=INDEX).shape == (1,)


def test_no_text_is_refused(small_model):
    with pytest.raises(ValueError, match="no review to predict"):
        h.predict_sentiment(small_model, [], word_index=INDEX)


def test_a_model_without_embedding_is_refused():
    import keras

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="no Embedding layer"):
        h.predict_sentiment(model, "the movie", word_index=INDEX)


def test_a_text_of_mostly_unknown_words_is_warned_about(small_model):
    from lstm_helpers import settings

    settings.set_language("ko")
    with pytest.warns(UserWarning, match="영어 단어만"):
        h.predict_sentiment(small_model, "영화가 정말 재미있었다", word_index=INDEX)
    settings.set_language("en")
    with pytest.warns(UserWarning, match="knows 0 of its 2 words"):
        h.predict_sentiment(small_model, "qwerty asdf", word_index=INDEX)


def test_the_advice_fits_the_text(small_model):
    """Rare English words are "not in the vocabulary"; only a text in another script is told
    that the model knows English words only."""
    with pytest.warns(settings.HelperWarning) as rare:
        h.predict_sentiment(small_model, "lull loll zebra the", word_index=INDEX)
    message = str(rare[0].message)
    assert "rare words, not in its vocabulary" in message and "English words only" not in message
    with pytest.warns(settings.HelperWarning) as greek:
        h.predict_sentiment(small_model, "καλή ταινία movie", word_index=INDEX)
    assert "English words only" in str(greek[0].message) and "Hangul" not in str(greek[0].message)
    settings.set_language("ko")
    with pytest.warns(settings.HelperWarning) as rare_ko:
        h.predict_sentiment(small_model, "lull loll zebra the", word_index=INDEX)
    assert "어휘에 들지 못한 단어" in str(rare_ko[0].message) and "영어 단어만" not in str(rare_ko[0].message)


def test_a_helper_warning_shows_its_message_alone():
    """No file location (in a notebook: the kernel's temporary file) and no echoed code line."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        settings.warn("most words are unknown")
    w = caught[0]
    shown = warnings.formatwarning(w.message, w.category, "/tmp/ipykernel_1/123.py", 4, "p = f(x)")
    assert shown == "Warning: most words are unknown\n"
    settings.set_language("ko")
    assert warnings.formatwarning(w.message, w.category, "/tmp/x.py", 4, "p = f(x)") == "주의: most words are unknown\n"
    other = warnings.formatwarning("plain", UserWarning, "/tmp/x.py", 4, "p = f(x)")
    assert "/tmp/x.py:4: UserWarning: plain" in other  # other warnings keep Python's format


def test_a_helper_warning_prints_clean_in_a_fresh_process():
    import subprocess
    import sys

    script = ("import lstm_helpers as lh\n"
              "lh.settings.warn('most words are unknown')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "Warning: most words are unknown"
    assert ".py" not in done.stderr and "lh.settings" not in done.stderr


def test_an_english_text_is_not_warned_about(small_model, recwarn):
    h.predict_sentiment(small_model, "the great movie", word_index=INDEX)
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]
