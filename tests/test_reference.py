"""The numpy cells compute what Keras' SimpleRNN, LSTM and GRU layers compute."""

import keras
import numpy as np
import pytest

from lstm_helpers import reference as ref

SHAPES = [(1, 1, 1, 1), (2, 5, 3, 4), (4, 12, 7, 9), (3, 30, 16, 8)]  # batch, steps, features, units


def random_inputs(batch, steps, features, seed):
    return np.random.default_rng(seed).standard_normal((batch, steps, features)).astype("float32")


def randomize(layer, seed, input_shape=None):
    """Give every weight, biases included, random values, so that each gate's block differs.
    With ``input_shape`` (steps, features) the layer is built first."""
    if input_shape is not None:
        layer.build((None, *input_shape))
    rng = np.random.default_rng(seed + 1000)
    layer.set_weights([rng.normal(0.0, 0.5, w.shape).astype("float32") for w in layer.get_weights()])


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("batch,steps,features,units", SHAPES)
def test_numpy_rnn_equals_keras_simple_rnn(batch, steps, features, units, seed):
    keras.utils.set_random_seed(seed)
    x = random_inputs(batch, steps, features, seed)
    layer = keras.layers.SimpleRNN(units, return_sequences=True)
    randomize(layer, seed, (steps, features))
    keras_all = layer(x).numpy()
    weights = ref.simple_rnn_weights(layer)
    numpy_all = ref.rnn_forward(x, weights)
    assert numpy_all.shape == (batch, steps, units)
    np.testing.assert_allclose(numpy_all, keras_all, atol=1e-5, rtol=0)
    last_only = keras.layers.SimpleRNN(units)
    last_only.build((None, steps, features))
    last_only.set_weights(layer.get_weights())
    np.testing.assert_allclose(numpy_all[:, -1], last_only(x).numpy(), atol=1e-5, rtol=0)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("batch,steps,features,units", SHAPES)
def test_numpy_lstm_equals_keras_lstm(batch, steps, features, units, seed):
    keras.utils.set_random_seed(seed)
    x = random_inputs(batch, steps, features, seed)
    layer = keras.layers.LSTM(units, return_sequences=True, return_state=True)
    randomize(layer, seed, (steps, features))
    keras_all, keras_h, keras_c = (t.numpy() for t in layer(x))
    trace = ref.lstm_forward(x, ref.lstm_weights(layer), return_trace=True)
    assert trace.hidden.shape == trace.cell.shape == (batch, steps, units)
    np.testing.assert_allclose(trace.hidden, keras_all, atol=1e-5, rtol=0)
    np.testing.assert_allclose(trace.hidden[:, -1], keras_h, atol=1e-5, rtol=0)
    np.testing.assert_allclose(trace.cell[:, -1], keras_c, atol=1e-5, rtol=0)
    np.testing.assert_array_equal(ref.lstm_forward(x, ref.lstm_weights(layer)), trace.hidden)


def test_lstm_with_keras_default_weights_and_a_single_sequence():
    """Unbatched input (steps, features) and the layer's own initial weights (forget bias 1)."""
    keras.utils.set_random_seed(3)
    x = random_inputs(1, 6, 5, 3)
    layer = keras.layers.LSTM(4)
    keras_last = layer(x).numpy()[0]
    weights = ref.lstm_weights(layer)
    np.testing.assert_array_equal(weights.b_f, np.ones(4))
    np.testing.assert_array_equal(weights.b_i, np.zeros(4))
    hidden = ref.lstm_forward(x[0], weights)
    assert hidden.shape == (6, 4)
    np.testing.assert_allclose(hidden[-1], keras_last, atol=1e-5, rtol=0)


def test_a_wrong_gate_order_is_caught():
    """Reading Keras' columns in another order (i, f swapped) gives numbers far from Keras'."""
    keras.utils.set_random_seed(0)
    x = random_inputs(2, 8, 3, 0)
    layer = keras.layers.LSTM(5, return_sequences=True)
    randomize(layer, 0, (8, 3))
    expected = layer(x).numpy()
    kernel, recurrent, bias = layer.get_weights()
    swap = lambda a: np.concatenate([np.split(a, 4, axis=-1)[k] for k in (1, 0, 2, 3)], axis=-1)  # noqa: E731
    wrong = ref.LstmWeights.from_keras_arrays(swap(kernel), swap(recurrent), swap(bias))
    assert np.abs(ref.lstm_forward(x, wrong) - expected).max() > 1e-2
    right = ref.LstmWeights.from_keras_arrays(kernel, recurrent, bias)
    assert np.abs(ref.lstm_forward(x, right) - expected).max() < 1e-5


def test_lstm_weights_splits_by_keras_gate_order():
    layer = keras.layers.LSTM(3)
    layer.build((None, 4, 2))
    kernel, recurrent, bias = layer.get_weights()
    weights = ref.lstm_weights(layer)
    for k, suffix in enumerate("ifco"):
        np.testing.assert_array_equal(getattr(weights, f"W_{suffix}"), kernel[:, 3 * k:3 * (k + 1)])
        np.testing.assert_array_equal(getattr(weights, f"U_{suffix}"), recurrent[:, 3 * k:3 * (k + 1)])
        np.testing.assert_array_equal(getattr(weights, f"b_{suffix}"), bias[3 * k:3 * (k + 1)])
    assert weights.units == 3 and weights.features == 2
    assert weights.parameter_count() == layer.count_params() == 4 * (3 * (2 + 3) + 3)


def test_parameter_count_of_the_original_lstm():
    layer = keras.layers.LSTM(128)
    layer.build((None, 80, 128))
    assert ref.lstm_weights(layer).parameter_count() == layer.count_params() == 131_584


@pytest.mark.parametrize("seed", [0, 1])
def test_gates_stay_in_their_ranges(seed):
    """Sigmoid gates in (0, 1), candidate in (-1, 1), on inputs that drive them near both ends."""
    keras.utils.set_random_seed(seed)
    x = 2 * random_inputs(3, 20, 6, seed)
    layer = keras.layers.LSTM(8)
    randomize(layer, seed, (20, 6))
    trace = ref.lstm_forward(x, ref.lstm_weights(layer), return_trace=True)
    for name in ("input", "forget", "output"):
        values = getattr(trace.gates, name)
        assert values.shape == (3, 20, 8)
        assert values.min() > 0 and values.max() < 1, name
    assert trace.gates.candidate.min() > -1 and trace.gates.candidate.max() < 1
    assert trace.gates.candidate.min() < 0 < trace.gates.candidate.max()
    np.testing.assert_array_less(np.abs(trace.hidden), 1)


def test_lstm_step_follows_its_equations():
    """One step by hand, with 1 feature and 1 unit."""
    w = ref.LstmWeights(*[np.array([[v]]) for v in (0.5, -0.3, 0.8, 0.1)],
                        *[np.array([[v]]) for v in (0.2, 0.4, -0.6, 0.7)],
                        *[np.array([v]) for v in (0.0, 1.0, 0.1, -0.2)])
    x, h, c = np.array([2.0]), np.array([0.5]), np.array([-1.0])
    h_new, c_new, gates = ref.lstm_step(x, h, c, w)
    s = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    i, f = s(0.5 * 2 + 0.2 * 0.5), s(-0.3 * 2 + 0.4 * 0.5 + 1.0)
    g, o = np.tanh(0.8 * 2 - 0.6 * 0.5 + 0.1), s(0.1 * 2 + 0.7 * 0.5 - 0.2)
    np.testing.assert_allclose([gates.input[0], gates.forget[0], gates.candidate[0], gates.output[0]], [i, f, g, o])
    np.testing.assert_allclose(c_new, [f * -1.0 + i * g])
    np.testing.assert_allclose(h_new, [o * np.tanh(f * -1.0 + i * g)])


def test_rnn_step_follows_its_equation():
    w = ref.RnnWeights(W=np.array([[0.5, -1.0]]), U=np.array([[0.1, 0.2], [0.3, 0.4]]), b=np.array([0.0, 0.5]))
    h = ref.rnn_step(np.array([2.0]), np.array([1.0, -1.0]), w)
    np.testing.assert_allclose(h, np.tanh([1.0 + 0.1 - 0.3, -2.0 + 0.2 - 0.4 + 0.5]))


def test_errors_say_what_is_wrong():
    with pytest.raises(TypeError, match="LSTM"):
        ref.lstm_weights(keras.layers.GRU(3))
    with pytest.raises(ValueError, match="not built"):
        ref.simple_rnn_weights(keras.layers.SimpleRNN(3))
    relu = keras.layers.SimpleRNN(3, activation="relu")
    relu.build((None, 2, 2))
    with pytest.raises(ValueError, match="tanh"):
        ref.simple_rnn_weights(relu)
    layer = keras.layers.SimpleRNN(3)
    layer.build((None, 2, 2))
    with pytest.raises(ValueError, match="shape"):
        ref.rnn_forward(np.zeros((4, 5)), ref.simple_rnn_weights(layer))


@pytest.mark.parametrize("reset_after", [True, False])
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("batch,steps,features,units", SHAPES)
def test_numpy_gru_equals_keras_gru(batch, steps, features, units, seed, reset_after):
    keras.utils.set_random_seed(seed)
    x = random_inputs(batch, steps, features, seed)
    layer = keras.layers.GRU(units, return_sequences=True, return_state=True, reset_after=reset_after)
    randomize(layer, seed, (steps, features))
    keras_all, keras_h = (t.numpy() for t in layer(x))
    weights = ref.gru_weights(layer)
    assert weights.reset_after is reset_after
    trace = ref.gru_forward(x, weights, return_trace=True)
    assert trace.hidden.shape == (batch, steps, units)
    np.testing.assert_allclose(trace.hidden, keras_all, atol=1e-5, rtol=0)
    np.testing.assert_allclose(trace.hidden[:, -1], keras_h, atol=1e-5, rtol=0)
    np.testing.assert_array_equal(ref.gru_forward(x, weights), trace.hidden)
    for name in ("update", "reset"):
        values = getattr(trace.gates, name)
        assert values.shape == (batch, steps, units) and values.min() > 0 and values.max() < 1


def test_reset_after_matters():
    """With the same weights, resetting before the product gives other numbers than after it."""
    keras.utils.set_random_seed(0)
    x = random_inputs(2, 10, 3, 0)
    layer = keras.layers.GRU(4, return_sequences=True)
    randomize(layer, 0, (10, 3))
    after = ref.gru_weights(layer)
    before = ref.GruWeights(**{**after.__dict__, "br_z": 0 * after.br_z, "br_r": 0 * after.br_r,
                               "br_h": 0 * after.br_h, "reset_after": False})
    no_recurrent_bias = ref.GruWeights(**{**before.__dict__, "reset_after": True})
    assert np.abs(ref.gru_forward(x, before) - ref.gru_forward(x, no_recurrent_bias)).max() > 1e-3


def test_gru_weights_split_and_parameter_count():
    for reset_after, biases in ((True, 2), (False, 1)):
        layer = keras.layers.GRU(3, reset_after=reset_after)
        layer.build((None, 4, 2))
        kernel, recurrent, bias = layer.get_weights()
        weights = ref.gru_weights(layer)
        for k, suffix in enumerate("zrh"):
            np.testing.assert_array_equal(getattr(weights, f"W_{suffix}"), kernel[:, 3 * k:3 * (k + 1)])
            np.testing.assert_array_equal(getattr(weights, f"U_{suffix}"), recurrent[:, 3 * k:3 * (k + 1)])
            np.testing.assert_array_equal(getattr(weights, f"b_{suffix}"), bias.reshape(biases, -1)[0, 3 * k:3 * (k + 1)])
        assert weights.units == 3 and weights.features == 2
        assert weights.parameter_count() == layer.count_params() == 3 * (3 * (2 + 3) + biases * 3)


def test_gru_step_follows_its_equations():
    """One step by hand, with 1 feature and 1 unit, both conventions."""
    s = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    one = lambda v: np.array([[v]])  # noqa: E731
    w = ref.GruWeights(one(0.5), one(-0.3), one(0.8), one(0.2), one(0.4), one(-0.6),
                       np.array([0.1]), np.array([0.2]), np.array([-0.1]),
                       np.array([0.05]), np.array([-0.05]), np.array([0.3]), reset_after=True)
    x, h = np.array([2.0]), np.array([0.5])
    h_new, gates = ref.gru_step(x, h, w)
    z = s(0.5 * 2 + 0.1 + 0.2 * 0.5 + 0.05)
    r = s(-0.3 * 2 + 0.2 + 0.4 * 0.5 - 0.05)
    cand = np.tanh(0.8 * 2 - 0.1 + r * (-0.6 * 0.5 + 0.3))
    np.testing.assert_allclose([gates.update[0], gates.reset[0], gates.candidate[0]], [z, r, cand])
    np.testing.assert_allclose(h_new, [z * 0.5 + (1 - z) * cand])
    textbook = ref.GruWeights(**{**w.__dict__, "br_z": np.zeros(1), "br_r": np.zeros(1), "br_h": np.zeros(1),
                                 "reset_after": False})
    h_tb, g_tb = ref.gru_step(x, h, textbook)
    z, r = s(0.5 * 2 + 0.1 + 0.2 * 0.5), s(-0.3 * 2 + 0.2 + 0.4 * 0.5)
    cand = np.tanh(0.8 * 2 - 0.1 + (r * 0.5) * -0.6)
    np.testing.assert_allclose(h_tb, [z * 0.5 + (1 - z) * cand])


def test_gru_errors_say_what_is_wrong():
    with pytest.raises(TypeError, match="GRU"):
        ref.gru_weights(keras.layers.LSTM(3))
    with pytest.raises(ValueError, match="not built"):
        ref.gru_weights(keras.layers.GRU(3))
