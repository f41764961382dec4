"""The long-range experiments of notebook 01: gradient by distance and the memory task."""

import keras
import numpy as np
import pytest

from lstm_helpers import long_range as lr
from lstm_helpers import reference as ref


# ---------------------------------------------------------------- memory task data

def test_memory_task_puts_the_label_where_it_says():
    task = lr.make_memory_task(200, 30, label_within=5, seed=1)
    assert task.x.shape == (200, 30, 2) and task.x.dtype == np.float32
    assert task.y.shape == (200,) and set(np.unique(task.y)) == {0, 1}
    assert task.positions.min() >= 0 and task.positions.max() < 5
    assert len(np.unique(task.positions)) == 5
    rows = np.arange(200)
    np.testing.assert_array_equal(task.x[rows, task.positions, 0], 2.0 * task.y - 1.0)
    marker = task.x[:, :, 1]
    np.testing.assert_array_equal(marker.sum(axis=1), np.ones(200))
    np.testing.assert_array_equal(marker.argmax(axis=1), task.positions)


def test_memory_task_noise_carries_no_label():
    task = lr.make_memory_task(2000, 40, label_within=5, noise=1.0, seed=2)
    noise = task.x[:, 10:, 0]
    assert abs(noise.std() - 1.0) < 0.05
    # the label is not in the noise: its correlation with the mean of the noise is near 0
    assert abs(np.corrcoef(noise.mean(axis=1), task.y)[0, 1]) < 0.1


def test_memory_task_is_reproducible_and_short_sequences_work():
    a, b = lr.make_memory_task(10, 3, label_within=5, seed=7), lr.make_memory_task(10, 3, label_within=5, seed=7)
    np.testing.assert_array_equal(a.x, b.x)
    assert a.positions.max() < 3
    assert not np.array_equal(a.x, lr.make_memory_task(10, 3, seed=8).x)
    with pytest.raises(ValueError, match="length"):
        lr.make_memory_task(10, 0)


# ---------------------------------------------------------------- gradient by distance

def test_gradient_by_distance_matches_a_hand_computation():
    """1 unit, 1 feature, 3 steps: dh_3/dx_t by the chain rule, from numpy."""
    layer = keras.layers.SimpleRNN(1)
    layer.build((None, 3, 1))
    w, u, b = 0.9, 0.7, 0.1
    layer.set_weights([np.array([[w]], "float32"), np.array([[u]], "float32"), np.array([b], "float32")])
    x = np.array([[0.5], [-1.0], [0.3]], dtype="float32")
    h = ref.rnn_forward(x, ref.simple_rnn_weights(layer))[:, 0]  # h_1, h_2, h_3
    d = 1 - h ** 2  # tanh' at each step
    by_hand = [d[2] * w, d[2] * u * d[1] * w, d[2] * u * d[1] * u * d[0] * w]  # distance 0, 1, 2
    got = lr.gradient_by_distance(layer, x)
    assert got.shape == (3,)
    np.testing.assert_allclose(got, np.abs(by_hand), rtol=1e-4)


def test_gradient_by_distance_one_value_per_step_and_batches_average():
    keras.utils.set_random_seed(0)
    layer = keras.layers.LSTM(4)
    x = np.random.default_rng(0).standard_normal((3, 12, 2)).astype("float32")
    together = lr.gradient_by_distance(layer, x)
    assert together.shape == (12,) and np.all(together > 0)
    one_by_one = np.mean([lr.gradient_by_distance(layer, x[k]) for k in range(3)], axis=0)
    np.testing.assert_allclose(together, one_by_one, rtol=1e-5)


def test_gradient_by_distance_accepts_return_sequences():
    keras.utils.set_random_seed(0)
    seq = keras.layers.SimpleRNN(3, return_sequences=True)
    x = np.random.default_rng(1).standard_normal((2, 6, 2)).astype("float32")
    seq(x)
    last = keras.layers.SimpleRNN(3)
    last.build((None, 6, 2))
    last.set_weights(seq.get_weights())
    np.testing.assert_allclose(lr.gradient_by_distance(seq, x), lr.gradient_by_distance(last, x), rtol=1e-5)
    with pytest.raises(ValueError, match="shape"):
        lr.gradient_by_distance(last, np.zeros(5))


def test_simple_rnn_gradient_vanishes_faster_than_lstm():
    grads = lr.compare_gradients(units=8, steps=40, features=3, batch=4, seed=0)
    assert set(grads) == {"SimpleRNN", "LSTM"}
    rnn, lstm = grads["SimpleRNN"], grads["LSTM"]
    assert rnn.shape == lstm.shape == (40,)
    assert rnn[-1] < 1e-3 * rnn[0]  # far inputs barely reach the last state
    assert rnn[-1] / rnn[0] < lstm[-1] / lstm[0]


# ---------------------------------------------------------------- training

def test_run_memory_task_returns_one_accuracy_per_length_and_layer():
    result = lr.run_memory_task([4, 6], n_train=64, n_test=32, units=4, epochs=1, batch_size=32,
                                verbose=False)
    assert result.lengths == [4, 6]
    assert set(result.accuracy) == {"SimpleRNN", "LSTM"}
    for name in result.accuracy:
        assert len(result.accuracy[name]) == 2
        # a test accuracy on 32 sequences: a whole number of them right
        assert all(abs(a * 32 - round(a * 32)) < 1e-4 for a in result.accuracy[name])
        assert result.epochs[name] == [1, 1]
    table = result.table()
    assert list(table.columns) == ["sequence length", "SimpleRNN test accuracy", "SimpleRNN tries",
                                   "SimpleRNN epochs in all", "LSTM test accuracy", "LSTM tries",
                                   "LSTM epochs in all"]
    assert len(table) == 2 and list(table["sequence length"].astype(str)) == ["4", "6"]


def test_run_memory_task_tries_again_until_learned():
    """A target no model can reach (accuracy 1.01) uses every try; an easy one stops after the first."""
    never = lr.run_memory_task([4], layers=("simple_rnn",), n_train=32, n_test=16, units=2, epochs=1,
                               batch_size=32, tries=2, stop_at=1.01, verbose=False)
    assert never.tries["SimpleRNN"] == [2] and never.epochs["SimpleRNN"] == [2]
    always = lr.run_memory_task([4], layers=("simple_rnn",), n_train=32, n_test=16, units=2, epochs=1,
                                batch_size=32, tries=3, stop_at=0.0, verbose=False)
    assert always.tries["SimpleRNN"] == [1]
    assert list(always.table()["SimpleRNN tries"].astype(str)) == ["1"]


def test_each_try_takes_the_next_learning_rate_and_seed(monkeypatch):
    calls = []
    build = lr.build_memory_model

    def spy(layer, length, units, learning_rate, seed):
        calls.append((learning_rate, seed))
        return build(layer, length, units, learning_rate, seed)

    monkeypatch.setattr(lr, "build_memory_model", spy)
    lr.run_memory_task([3], layers=("lstm",), n_train=16, n_test=8, units=2, epochs=1, batch_size=16,
                       learning_rate=(0.01, 0.003), tries=3, stop_at=1.01, seed=5, verbose=False)
    assert calls == [(0.01, 5), (0.003, 1005), (0.01, 2005)]


def test_a_short_memory_task_is_learned():
    """On 5 steps the label is easy to keep: an LSTM learns it well above chance."""
    result = lr.run_memory_task([5], layers=("lstm",), n_train=512, n_test=256, units=8, epochs=15,
                                batch_size=32, learning_rate=1e-2, verbose=False)
    assert result.accuracy["LSTM"][0] > 0.9


def test_builders_and_compare_gradients_leave_the_global_random_state_alone():
    import random

    keras.utils.set_random_seed(123)
    python_before, numpy_before = random.getstate(), np.random.get_state()[1].copy()
    model = lr.build_memory_model("lstm", 5, units=3, seed=7)
    lr.compare_gradients(units=3, steps=4, features=2, batch=2, seed=7)
    assert random.getstate() == python_before
    np.testing.assert_array_equal(np.random.get_state()[1], numpy_before)
    keras.utils.set_random_seed(7)  # what the builder used to do behind the learner's back
    same = lr.build_memory_model("lstm", 5, units=3, seed=None)
    for ours, theirs in zip(model.get_weights(), same.get_weights()):
        np.testing.assert_array_equal(ours, theirs)
    other = lr.build_memory_model("lstm", 5, units=3, seed=8)
    assert not np.array_equal(model.get_weights()[0], other.get_weights()[0])


def test_compare_gradients_is_reproducible():
    first = lr.compare_gradients(units=3, steps=4, features=2, batch=2, seed=7)
    keras.utils.set_random_seed(99)
    again = lr.compare_gradients(units=3, steps=4, features=2, batch=2, seed=7)
    for name in first:
        np.testing.assert_array_equal(first[name], again[name])


def test_unknown_layer_is_an_error():
    with pytest.raises(ValueError, match="simple_rnn"):
        lr.build_memory_model("gru_like", 5)


# ---------------------------------------------------------------- exploding gradients and clipping

def test_linear_rnn_gradient_is_w_times_u_to_the_power_d():
    """No tanh: d h_T / d x_{T-d} = (W U^d)^T, whatever the inputs; Keras' tape agrees with the hand formula."""
    rng = np.random.default_rng(3)
    W = rng.standard_normal((2, 3)).astype("float32")
    U = (0.7 * rng.standard_normal((3, 3))).astype("float32")
    layer = keras.layers.SimpleRNN(3, activation=None)
    layer.build((None, 6, 2))
    layer.set_weights([W, U, np.zeros(3, "float32")])
    x = rng.standard_normal((2, 6, 2)).astype("float32")
    by_hand = [np.linalg.norm(W @ np.linalg.matrix_power(U.astype("float64"), d)) for d in range(6)]
    np.testing.assert_allclose(lr.linear_gradient_by_distance(W, U, 6), by_hand, rtol=1e-12)
    np.testing.assert_allclose(lr.gradient_by_distance(layer, x), by_hand, rtol=1e-4)
    with pytest.raises(ValueError, match="shape"):
        lr.linear_gradient_by_distance(W, U[:2], 3)


def test_scaled_rnn_multiplies_every_singular_value_and_the_gradient_grows_as_scale_to_the_d():
    layer = lr.scaled_rnn(8, 3, scale=1.5, seed=0)
    W, U, _ = layer.get_weights()
    assert layer.activation is keras.activations.linear
    np.testing.assert_allclose(np.linalg.svd(U, compute_uv=False), np.full(8, 1.5), rtol=1e-5)
    x = np.random.default_rng(0).standard_normal((1, 10, 3)).astype("float32")
    got = lr.gradient_by_distance(layer, x)
    np.testing.assert_allclose(got, 1.5 ** np.arange(10) * np.linalg.norm(W), rtol=1e-4)
    assert got[-1] > 30 * got[0]  # 1.5^9 = 38: it explodes
    shrinking = lr.gradient_by_distance(lr.scaled_rnn(8, 3, scale=0.5, seed=0), x)
    assert shrinking[-1] < 0.01 * shrinking[0]  # 0.5^9 = 0.002: it vanishes


def test_clip_by_norm_keeps_the_direction_and_caps_the_norm():
    big = np.array([3.0, 4.0])  # norm 5
    np.testing.assert_allclose(lr.clip_by_norm(big, 1.0), [0.6, 0.8])
    assert np.linalg.norm(lr.clip_by_norm(big * 1e6, 1.0)) <= 1.0 + 1e-12
    small = np.array([0.3, -0.4])  # norm 0.5: untouched
    np.testing.assert_array_equal(lr.clip_by_norm(small, 1.0), small)


def test_clip_by_norm_is_what_keras_clipnorm_does():
    """SGD with learning rate 1 moves a weight by minus its (clipped) gradient."""
    for gradient in (np.array([[3.0, 4.0], [0.0, 12.0]]), np.array([[0.1, 0.2], [0.0, -0.3]])):
        weight = keras.Variable(np.zeros((2, 2), "float32"))
        optimizer = keras.optimizers.SGD(learning_rate=1.0, clipnorm=2.0)
        optimizer.apply_gradients([(keras.ops.convert_to_tensor(gradient.astype("float32")), weight)])
        np.testing.assert_allclose(-np.asarray(weight.numpy()), lr.clip_by_norm(gradient, 2.0), rtol=1e-6)


def _linear_classifier(length, scale=1.3, seed=0):
    keras.utils.set_random_seed(seed)
    return keras.Sequential([
        keras.Input((length, 2)),
        keras.layers.SimpleRNN(4, activation=None,
                               recurrent_initializer=keras.initializers.Orthogonal(gain=scale, seed=seed)),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


def test_train_recording_gradients_records_every_update_and_clipping_caps_it():
    task = lr.make_memory_task(64, 20, seed=0)
    free = lr.train_recording_gradients(_linear_classifier(20), keras.optimizers.SGD(0.01), task.x, task.y,
                                        steps=6, batch_size=16)
    clipped = lr.train_recording_gradients(_linear_classifier(20), keras.optimizers.SGD(0.01, clipnorm=1.0),
                                           task.x, task.y, steps=6, batch_size=16)
    for trace in (free, clipped):
        assert trace.loss.shape == trace.gradient_norm.shape == trace.update_norm.shape == (6,)
    # the same model, the same first batch: the same loss and gradient before any update
    assert free.loss[0] == pytest.approx(clipped.loss[0]) and free.gradient_norm[0] == pytest.approx(clipped.gradient_norm[0])
    assert clipped.gradient_norm[0] > 10  # 1.3^19: it explodes
    # plain SGD moves the weights by learning rate x gradient norm
    assert free.update_norm[0] == pytest.approx(0.01 * free.gradient_norm[0], rel=1e-3)
    # clipnorm=1 caps each of the 5 weights' gradients at norm 1, so one SGD update moves at most 0.01 x sqrt(5)
    assert np.all(clipped.update_norm <= 0.01 * np.sqrt(5) * (1 + 1e-5))
    assert np.all(np.isfinite(clipped.loss))
    with pytest.raises(ValueError, match="steps"):
        lr.train_recording_gradients(_linear_classifier(20), keras.optimizers.SGD(0.01), task.x, task.y, steps=0)
