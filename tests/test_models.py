"""The classifier builder: the original notebook's model, compiled."""

import keras
import numpy as np
import pytest

import lstm_helpers as h


def test_original_model_has_2_691_713_parameters():
    model = h.build_lstm_classifier()
    assert model.count_params() == 2_691_713
    embedding, lstm, dense = (model.get_layer(n) for n in ("embedding", "lstm", "positive"))
    assert embedding.count_params() == 20000 * 128
    assert lstm.count_params() == 4 * (128 * (128 + 128) + 128) == 131_584
    assert (lstm.units, lstm.dropout, lstm.recurrent_dropout) == (128, 0.2, 0.2)
    assert dense.count_params() == 129 and dense.activation.__name__ == "sigmoid"


def test_model_is_compiled_for_binary_classification():
    model = h.build_lstm_classifier(num_words=50, maxlen=6, embedding_dim=4, units=3)
    assert model.loss == "binary_crossentropy"
    assert type(model.optimizer).__name__ == "Adam"
    ids = np.random.default_rng(0).integers(0, 50, size=(5, 6))
    probabilities = model.predict(ids, verbose=0)
    assert probabilities.shape == (5, 1)
    # P(positive) is the sigmoid of the Dense layer on the LSTM's last hidden state
    last_state = keras.Model(model.inputs, model.get_layer("lstm").output).predict(ids, verbose=0)
    kernel, bias = model.get_layer("positive").get_weights()
    np.testing.assert_allclose(probabilities, 1 / (1 + np.exp(-(last_state @ kernel + bias))), rtol=1e-5)


def test_model_learns_a_simple_rule():
    """Reviews holding id 7 are positive: a few epochs must learn that."""
    rng = np.random.default_rng(0)
    x = rng.integers(3, 30, size=(400, 10))
    y = (x == 7).any(axis=1).astype("int32")
    model = h.build_lstm_classifier(num_words=30, maxlen=10, embedding_dim=8, units=8,
                                    dropout=0.0, recurrent_dropout=0.0, learning_rate=0.01)
    history = model.fit(x, y, epochs=15, batch_size=32, verbose=0)
    assert history.history["accuracy"][-1] > 0.9


def test_predict_sentiment_encodes_like_training():
    word_index = {"good": 1, "bad": 2, "movie": 3}
    model = h.build_lstm_classifier(num_words=10, maxlen=4, embedding_dim=4, units=4)
    by_hand = model.predict(np.array([[0, 1, 4, 6], [0, 0, 1, 5]]), verbose=0)[:, 0]
    np.testing.assert_allclose(h.predict_sentiment(model, ["Good movie", "bad"], num_words=10, maxlen=4,
                                                   word_index=word_index), by_hand, rtol=1e-5)
    one = h.predict_sentiment(model, "bad", num_words=10, maxlen=4, word_index=word_index)
    np.testing.assert_allclose(one, by_hand[1:], rtol=1e-5)


def test_recurrent_classifier_defaults_are_the_original_model():
    """Same layers, sizes, dropout and no pooling as the original notebook, not only the same count."""
    import keras

    model = h.build_recurrent_classifier()
    assert model.count_params() == h.build_lstm_classifier().count_params() == 2_691_713
    kinds = [type(layer).__name__ for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    assert kinds == ["Embedding", "LSTM", "Dense"]  # no pooling, no bidirectional wrapper
    embedding, lstm, dense = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    assert (embedding.input_dim, embedding.output_dim, embedding.mask_zero) == (20000, 128, False)
    assert (lstm.units, lstm.dropout, lstm.recurrent_dropout, lstm.return_sequences) == (128, 0.2, 0.2, False)
    assert dense.units == 1 and dense.activation.__name__ == "sigmoid"
    assert model.input_shape == (None, 80)


def test_recurrent_classifier_variants_have_the_expected_sizes():
    bigru = h.build_recurrent_classifier(num_words=100, maxlen=12, embedding_dim=8, layer="gru", units=4,
                                         bidirectional=True, pooling="max_mean")
    # GRU (reset_after): 3 * (units * (input + units) + 2 * units), twice; then max and mean joined: 16 numbers
    assert bigru.get_layer("bidirectional_gru").count_params() == 2 * 3 * (4 * (8 + 4) + 2 * 4)
    assert bigru.get_layer("positive").count_params() == 16 + 1
    rnn = h.build_recurrent_classifier(num_words=100, maxlen=12, embedding_dim=8, layer="simple_rnn", units=4)
    assert rnn.get_layer("simple_rnn").count_params() == 4 * (8 + 4) + 4


def test_max_over_time_skips_padding():
    import keras

    from lstm_helpers.models import MaskedMaxOverTime

    values = np.array([[[5.0], [-1.0], [-2.0]]], dtype="float32")  # the first step is padding
    mask = np.array([[False, True, True]])
    assert float(MaskedMaxOverTime()(values, mask=mask)[0, 0]) == -1.0
    assert float(MaskedMaxOverTime()(values)[0, 0]) == 5.0

    # Keras' own layer behind an Embedding(mask_zero=True) gets the mask too, and still counts the padding:
    # that is why MaskedMaxOverTime exists. The padding id 0 has the largest vector here.
    def max_after_masking_embedding(pooling):
        model = keras.Sequential([keras.Input((3,)), keras.layers.Embedding(3, 1, mask_zero=True), pooling])
        model.layers[0].set_weights([np.array([[5.0], [-1.0], [-2.0]], dtype="float32")])
        return float(model.predict(np.array([[0, 1, 2]]), verbose=0)[0, 0])

    assert max_after_masking_embedding(keras.layers.GlobalMaxPooling1D()) == 5.0
    assert max_after_masking_embedding(MaskedMaxOverTime()) == -1.0


def test_masking_makes_padding_invisible():
    model = h.build_recurrent_classifier(num_words=30, maxlen=None, embedding_dim=4, layer="gru", units=4,
                                         bidirectional=True, pooling="max_mean", mask_padding=True,
                                         dropout=0.0, recurrent_dropout=0.0)
    review = np.array([[5, 9, 12]])
    padded = np.array([[5, 9, 12, 0, 0, 0, 0]])
    np.testing.assert_allclose(model.predict(review, verbose=0), model.predict(padded, verbose=0), rtol=1e-5)


def test_saved_model_predicts_the_same(tmp_path):
    import keras

    model = h.build_recurrent_classifier(num_words=30, maxlen=6, embedding_dim=4, layer="gru", units=4,
                                         bidirectional=True, pooling="max", mask_padding=True)
    x = np.array([[0, 0, 3, 4, 5, 6], [0, 7, 8, 9, 10, 11]])
    model.save(tmp_path / "m.keras")
    again = keras.models.load_model(tmp_path / "m.keras")
    np.testing.assert_allclose(again.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_unknown_layer_or_pooling_is_refused():
    import pytest

    with pytest.raises(ValueError, match="lstm"):
        h.build_recurrent_classifier(layer="transformer")
    with pytest.raises(ValueError, match="max_mean"):
        h.build_recurrent_classifier(pooling="attention")


def test_builders_take_a_seed_and_leave_the_global_random_state_alone():
    import random

    keras.utils.set_random_seed(5)
    state = random.getstate()
    a = h.build_recurrent_classifier(num_words=20, maxlen=4, embedding_dim=3, units=2, seed=11)
    assert random.getstate() == state
    b = h.build_recurrent_classifier(num_words=20, maxlen=4, embedding_dim=3, units=2, seed=11)
    c = h.build_lstm_classifier(num_words=20, maxlen=4, embedding_dim=3, units=2, seed=12)
    keras.utils.set_random_seed(12)
    d = h.build_lstm_classifier(num_words=20, maxlen=4, embedding_dim=3, units=2)
    for x, y in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(x, y)
    for x, y in zip(c.get_weights(), d.get_weights()):
        np.testing.assert_array_equal(x, y)
    with pytest.raises(TypeError, match="vocab_size"):  # the old second name of num_words is gone
        h.build_lstm_classifier(num_words=30, vocab_size=20)
