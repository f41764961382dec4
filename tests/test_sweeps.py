"""Timed training helpers: epoch timing, the batch-size sweep, the side-by-side comparison."""

import keras
import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings, sweeps


def tiny_data(n=96, seed=0):
    x = np.random.default_rng(seed).integers(3, 30, size=(n, 6)).astype("int32")
    y = (x[:, -1] > 16).astype("int32")
    return x, y


def build_tiny():
    return h.build_lstm_classifier(vocab_size=30, maxlen=6, embedding_dim=4, units=4, recurrent_dropout=0.0)


@pytest.mark.parametrize("n, batch, steps", [(20000, 32, 625), (20000, 128, 157), (25000, 64, 391), (1, 512, 1), (512, 512, 1)])
def test_updates_per_epoch_rounds_up(n, batch, steps):
    assert h.updates_per_epoch(n, batch) == steps


def test_updates_per_epoch_refuses_nonsense():
    with pytest.raises(ValueError, match="batch size"):
        h.updates_per_epoch(100, 0)
    settings.set_language("ko")
    with pytest.raises(ValueError, match="배치 크기"):
        h.updates_per_epoch(0, 32)


def test_time_fit_counts_steps_and_epochs():
    x, y = tiny_data()
    run = h.time_fit(build_tiny(), x, y, epochs=2, batch_size=32, validation_data=(x[:16], y[:16]))
    assert run["epochs_run"] == 2 and run["steps"] == [3, 3]
    assert len(run["epoch_seconds"]) == 2 and all(s > 0 for s in run["epoch_seconds"])
    assert run["seconds"] == pytest.approx(sum(run["epoch_seconds"]))
    # steps after the first take less than the whole epoch divided by (steps - 1)
    assert all(0 < step < total for step, total in zip(run["step_seconds"], run["epoch_seconds"]))
    assert set(run["history"]) >= {"loss", "accuracy", "val_loss", "val_accuracy"}


def test_time_fit_sees_early_stopping():
    x, y = tiny_data()
    # a learning rate of 0 cannot improve anything: early stopping ends after patience + 1 epochs
    model = h.build_lstm_classifier(vocab_size=30, maxlen=6, embedding_dim=4, units=4, learning_rate=0.0)
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, min_delta=1e-3)
    run = h.time_fit(model, x, y, epochs=10, batch_size=32, validation_data=(x, y), callbacks=[stop])
    assert run["epochs_run"] == 2 and len(run["history"]["loss"]) == 2


def run_timer_with_clock(ticks):
    """Drive an EpochTimer through one epoch with a fake clock: ticks = begin, step ends..., epoch end."""
    timer = sweeps.EpochTimer()
    clock = iter(ticks)
    real = sweeps.time.perf_counter
    sweeps.time.perf_counter = lambda: next(clock)
    try:
        timer.on_train_begin()
        timer.on_epoch_begin(0)
        for batch in range(len(ticks) - 2):
            timer.on_train_batch_end(batch)
        timer.on_epoch_end(0)
    finally:
        sweeps.time.perf_counter = real
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

    slow = lambda: h.build_lstm_classifier(vocab_size=30, maxlen=6, embedding_dim=4, units=64, recurrent_dropout=0.0)
    times = h.time_steps_interleaved({"tiny": counted(build_tiny), "wide": counted(slow)}, x, y, 16, steps=4, repeats=2)
    assert set(times) == {"tiny", "wide"} and all(0 < t < 5 for t in times.values())
    assert len(calls) == 2  # each model is built once and reused across rounds
    with pytest.raises(ValueError, match="Lower steps"):
        h.time_steps_interleaved({"tiny": build_tiny}, x, y, 16, steps=10)


def test_batch_size_sweep_rows():
    x, y = tiny_data()
    rows = h.run_batch_size_sweep(build_tiny, x, y, x[:32], y[:32], [16, 96], epochs=1, seed=1)
    assert [r["batch_size"] for r in rows] == [16, 96]
    assert [r["updates_per_epoch"] for r in rows] == [6, 1]
    for row in rows:
        assert row["seconds_per_epoch"] > 0 and row["wall_seconds"] >= row["seconds_per_epoch"] * 0
        assert 0.0 <= row["val_accuracy"] <= 1.0


def test_batch_size_sweep_starts_each_run_from_the_same_weights():
    x, y = tiny_data()
    first = h.run_batch_size_sweep(build_tiny, x, y, x[:32], y[:32], [32], seed=3)
    again = h.run_batch_size_sweep(build_tiny, x, y, x[:32], y[:32], [32], seed=3)
    assert first[0]["val_accuracy"] == again[0]["val_accuracy"]


def test_batch_size_sweep_needs_batch_sizes():
    x, y = tiny_data()
    with pytest.raises(ValueError, match="batch_sizes is empty"):
        h.run_batch_size_sweep(build_tiny, x, y, x, y, [])


def test_measure_configuration_measures_the_test_set_once():
    x, y = tiny_data()
    model = build_tiny()
    row = h.measure_configuration("tiny", model, x, y, x[:40], y[:40], epochs=1, batch_size=32)
    assert row["name"] == "tiny" and row["epochs_run"] == 1 and row["batch_size"] == 32
    assert row["test_accuracy"] == pytest.approx(model.evaluate(x[:40], y[:40], verbose=0)[1])
    assert row["seconds"] == pytest.approx(row["run"]["seconds"])


def test_compare_configurations_ratios():
    result = h.compare_configurations({"seconds": 240.0, "test_accuracy": 0.83},
                                      {"seconds": 40.0, "test_accuracy": 0.845})
    assert result["speedup"] == pytest.approx(6.0)
    assert result["time_ratio"] == pytest.approx(1 / 6)
    assert result["accuracy_difference"] == pytest.approx(0.015)


def test_compare_configurations_says_what_is_missing():
    with pytest.raises(KeyError, match="test_accuracy"):
        h.compare_configurations({"seconds": 1.0}, {"seconds": 1.0, "test_accuracy": 0.5})
    with pytest.raises(ValueError, match="seconds <= 0"):
        h.compare_configurations({"seconds": 1.0, "test_accuracy": 0.5}, {"seconds": 0.0, "test_accuracy": 0.5})


def test_format_table_aligns_columns():
    rows = [{"b": 16, "s": 12.345}, {"b": 512, "s": 3.0}]
    table = h.format_table(rows, [("b", "batch", "{}"), ("s", "s/epoch", "{:.1f}")])
    assert table.splitlines() == ["batch  s/epoch", "   16     12.3", "  512      3.0"]


def test_format_table_counts_hangul_two_columns_wide():
    rows = [{"name": "원래 설정", "s": 109.0}, {"name": "faster", "s": 33.0}]
    table = h.format_table(rows, [("name", "설정", "{}"), ("s", "초", "{:.0f}")])
    assert table.splitlines() == ["     설정   초", "원래 설정  109", "   faster   33"]
    assert sweeps.display_width("원래 설정") == 9 and sweeps.display_width("abc") == 3
