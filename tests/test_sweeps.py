"""Timed training helpers: epoch timing, the batch-size sweep, the side-by-side comparison."""

import keras
import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings


def tiny_data(n=96, seed=0):
    x = np.random.default_rng(seed).integers(3, 30, size=(n, 6)).astype("int32")
    y = (x[:, -1] > 16).astype("int32")
    return x, y


def build_tiny():
    return h.build_lstm_classifier(num_words=30, maxlen=6, embedding_dim=4, units=4, recurrent_dropout=0.0)


@pytest.mark.parametrize("n, batch, steps", [(20000, 32, 625), (20000, 128, 157), (25000, 64, 391), (1, 512, 1), (512, 512, 1)])
def test_updates_per_epoch_rounds_up(n, batch, steps):
    assert h.sweeps.updates_per_epoch(n, batch) == steps


def test_updates_per_epoch_refuses_nonsense():
    with pytest.raises(ValueError, match="batch size"):
        h.sweeps.updates_per_epoch(100, 0)
    settings.set_language("ko")
    with pytest.raises(ValueError, match="배치 크기"):
        h.sweeps.updates_per_epoch(0, 32)


def test_time_fit_counts_steps_and_epochs():
    x, y = tiny_data()
    run = h.sweeps.time_fit(build_tiny(), x, y, epochs=2, batch_size=32, validation_data=(x[:16], y[:16]))
    assert run["epochs_run"] == 2 and run["steps"] == [3, 3]
    assert len(run["epoch_seconds"]) == 2 and all(s > 0 for s in run["epoch_seconds"])
    assert run["seconds"] == pytest.approx(sum(run["epoch_seconds"]))
    # the median of the steps after the first takes less than the whole epoch divided by (steps - 1)
    assert all(0 < step < total / (n - 1)
               for step, total, n in zip(run["step_seconds"], run["epoch_seconds"], run["steps"]))
    assert set(run["history"]) >= {"loss", "accuracy", "val_loss", "val_accuracy"}


def test_time_fit_reads_the_live_plot_s_clock(capsys):
    x, y = tiny_data()
    live = h.LiveTrainingPlot()
    run = h.sweeps.time_fit(build_tiny(), x, y, epochs=2, batch_size=32, callbacks=[live])
    assert run["epoch_seconds"] == live.epoch_seconds  # one stopwatch: the table and the status line agree
    assert capsys.readouterr().out.count("epoch ") == 2


def test_time_fit_sees_early_stopping():
    x, y = tiny_data()
    # a learning rate of 0 cannot improve anything: early stopping ends after patience + 1 epochs
    model = h.build_lstm_classifier(num_words=30, maxlen=6, embedding_dim=4, units=4, learning_rate=0.0)
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, min_delta=1e-3)
    run = h.sweeps.time_fit(model, x, y, epochs=10, batch_size=32, validation_data=(x, y), callbacks=[stop])
    assert run["epochs_run"] == 2 and len(run["history"]["loss"]) == 2


def run_timer_with_clock(ticks):
    """Drive an EpochTimer through one epoch with a fake clock: ticks = begin, step ends..., epoch end."""
    timer = h.callbacks.EpochTimer()
    clock = iter(ticks)
    timer.clock = lambda: next(clock)
    timer.on_train_begin()
    timer.on_epoch_begin(0)
    for batch in range(len(ticks) - 2):
        timer.on_train_batch_end(batch)
    timer.on_epoch_end(0)
    return timer


def test_epoch_timer_leaves_out_the_first_step():
    timer = run_timer_with_clock([0.0, 5.0, 6.0, 7.0, 7.5])  # steps of 5, 1, 1 s
    assert timer.epoch_seconds == [7.5] and timer.steps == [3]
    assert timer.step_seconds == [1.0]  # the 5 s first step is left out


def test_epoch_timer_takes_the_median_step():
    timer = run_timer_with_clock([0.0, 5.0, 6.0, 7.0, 17.0, 18.0, 18.0])  # steps of 5, 1, 1, 10, 1
    assert timer.step_seconds == [1.0]  # the 10 s step (a busy machine) does not count


def test_time_steps_interleaved_gives_each_model_a_step_time():
    x, y = tiny_data(n=64)
    calls = []

    def counted(build):
        def wrapper():
            calls.append(build)
            return build()
        return wrapper

    def slow():
        return h.build_lstm_classifier(num_words=30, maxlen=6, embedding_dim=4, units=64, recurrent_dropout=0.0)

    times = h.sweeps.time_steps_interleaved({"tiny": counted(build_tiny), "wide": counted(slow)}, x, y, 16,
                                            steps=4, repeats=2)
    assert set(times) == {"tiny", "wide"} and all(t > 0 for t in times.values())
    assert len(calls) == 2  # each model is built once and reused across rounds
    with pytest.raises(ValueError, match="Lower steps"):
        h.sweeps.time_steps_interleaved({"tiny": build_tiny}, x, y, 16, steps=10)


def test_batch_size_sweep_rows():
    x, y = tiny_data()
    rows = h.sweeps.run_batch_size_sweep(build_tiny, x, y, x[:32], y[:32], [16, 96], epochs=1, seed=1)
    assert [r["batch_size"] for r in rows] == [16, 96]
    assert [r["updates_per_epoch"] for r in rows] == [6, 1]
    for row in rows:
        assert row["step_seconds_per_epoch"] > 0 and row["wall_seconds"] > 0
        right = row["val_accuracy"] * 32  # after the last epoch, on the 32 validation reviews
        assert abs(right - round(right)) < 1e-4


def test_interleaved_timing_takes_turns_and_keeps_each_models_lowest_round(monkeypatch):
    """A, B, A, B, ...: one fit per model per round; the result is each model's lowest median step time."""
    x, y = tiny_data()
    order, step_times = [], iter([0.5, 2.0, 0.3, 3.0, 0.4, 1.0])

    def fake_time_fit(model, *args, **kwargs):
        order.append(model)
        return {"step_seconds": [next(step_times)]}

    monkeypatch.setattr(h.sweeps, "time_fit", fake_time_fit)
    times = h.sweeps.time_steps_interleaved({"a": lambda: "A", "b": lambda: "B"}, x, y, 16, steps=4, repeats=3)
    assert order == ["A", "B", "A", "B", "A", "B"]
    assert times == {"a": 0.3, "b": 1.0}


def test_batch_size_sweep_formula(monkeypatch):
    """step_seconds_per_epoch = mean over epochs of the median step time x updates per epoch; wall = all of fit."""
    x, y = tiny_data()
    runs = iter([
        {"step_seconds": [0.10, 0.30], "seconds": 9.0, "history": {"val_accuracy": [0.5, 0.75]}},
        {"step_seconds": [0.40, 0.60], "seconds": 4.0, "history": {"val_accuracy": [0.6, 0.70]}},
    ])
    seen = []

    def fake_time_fit(model, x_, y_, *, epochs, batch_size, validation_data):
        seen.append((epochs, batch_size))
        return next(runs)

    monkeypatch.setattr(h.sweeps, "time_fit", fake_time_fit)
    rows = h.sweeps.run_batch_size_sweep(build_tiny, x, y, x[:32], y[:32], [16, 96], epochs=2, seed=1)
    assert seen == [(2, 16), (2, 96)]
    assert rows[0]["step_seconds_per_epoch"] == pytest.approx(0.20 * 6)   # 96 reviews / 16 = 6 updates
    assert rows[1]["step_seconds_per_epoch"] == pytest.approx(0.50 * 1)
    assert [r["wall_seconds"] for r in rows] == [9.0, 4.0]
    assert [r["val_accuracy"] for r in rows] == [0.75, 0.70]  # after the last epoch, not the best


def test_batch_size_sweep_starts_each_run_from_the_same_weights():
    x, y = tiny_data()
    starts = []

    def build_and_note():
        model = build_tiny()
        starts.append(model.get_weights())
        return model

    h.sweeps.run_batch_size_sweep(build_and_note, x, y, x[:32], y[:32], [32, 16], seed=3)
    h.sweeps.run_batch_size_sweep(build_and_note, x, y, x[:32], y[:32], [32], seed=3)
    assert len(starts) == 3
    for later in starts[1:]:
        for a, b in zip(starts[0], later):
            np.testing.assert_array_equal(a, b)
    unseeded = build_tiny().get_weights()   # built without the sweep's reseeding: other weights
    assert any(not np.array_equal(a, b) for a, b in zip(starts[0], unseeded))


def test_batch_size_sweep_needs_batch_sizes():
    x, y = tiny_data()
    with pytest.raises(ValueError, match="batch_sizes is empty"):
        h.sweeps.run_batch_size_sweep(build_tiny, x, y, x, y, [])


def test_measure_configuration_measures_the_test_set_once():
    x, y = tiny_data()
    model = build_tiny()
    row = h.sweeps.measure_configuration("tiny", model, x, y, x[:40], y[:40], epochs=1, batch_size=32)
    assert row["name"] == "tiny" and row["epochs_run"] == 1 and row["batch_size"] == 32
    assert row["test_accuracy"] == pytest.approx(model.evaluate(x[:40], y[:40], verbose=0)[1])
    assert row["seconds"] == pytest.approx(row["run"]["seconds"])


def test_compare_configurations_ratios():
    result = h.sweeps.compare_configurations({"seconds": 240.0, "test_accuracy": 0.83},
                                      {"seconds": 40.0, "test_accuracy": 0.845})
    assert result["speedup"] == pytest.approx(6.0)
    assert result["time_ratio"] == pytest.approx(1 / 6)
    assert result["accuracy_difference"] == pytest.approx(0.015)


def test_compare_configurations_says_what_is_missing():
    with pytest.raises(KeyError, match="test_accuracy"):
        h.sweeps.compare_configurations({"seconds": 1.0}, {"seconds": 1.0, "test_accuracy": 0.5})
    with pytest.raises(ValueError, match="seconds <= 0"):
        h.sweeps.compare_configurations({"seconds": 1.0, "test_accuracy": 0.5}, {"seconds": 0.0, "test_accuracy": 0.5})


def test_gradient_noise_matches_a_direct_computation_and_falls_with_the_batch():
    """A one-weight logistic model, whose gradient numpy computes by hand."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((400, 1)).astype("float32")
    y = (rng.random(400) < 1 / (1 + np.exp(-2 * x[:, 0]))).astype("float32")
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, activation="sigmoid", use_bias=False)])
    model.compile(loss="binary_crossentropy")
    model.layers[0].set_weights([np.array([[0.5]], dtype="float32")])

    def by_hand(xs, ys):          # d/dw of the mean binary cross-entropy: mean((sigmoid(w x) - y) x)
        p = 1 / (1 + np.exp(-0.5 * xs[:, 0]))
        return np.mean((p - ys) * xs[:, 0])

    np.testing.assert_allclose(h.sweeps._flat_gradient(model, x[:37], y[:37]), [by_hand(x[:37], y[:37])], rtol=1e-4)
    rows = h.sweeps.gradient_noise_by_batch_size(model, x, y, [4, 64], draws=30, seed=1, chunk=128)
    reference = by_hand(x, y)
    draw = np.random.default_rng(1)
    direct = np.sqrt(np.mean([(by_hand(x[b], y[b]) - reference) ** 2
                              for b in (draw.choice(400, size=4, replace=False) for _ in range(30))])) / abs(reference)
    assert rows[0]["noise"] == pytest.approx(direct, rel=1e-3)       # the same draws, computed by hand
    assert rows[0]["noise"] > 2.5 * rows[1]["noise"]                  # 16 times the batch: about a quarter the noise
    assert rows[1]["noise_times_sqrt_b"] == pytest.approx(rows[1]["noise"] * 8)
    with pytest.raises(ValueError, match="between 1 and the number of reviews"):
        h.sweeps.gradient_noise_by_batch_size(model, x, y, [401])
