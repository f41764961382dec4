"""Training curves: labels in the notebook's language, Hangul that renders."""

import warnings

import keras
import matplotlib
import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings

HISTORY = {"loss": [0.5, 0.3, 0.2], "accuracy": [0.7, 0.85, 0.9],
           "val_loss": [0.45, 0.4, 0.5], "val_accuracy": [0.8, 0.82, 0.81]}


def plot_and_draw(history):
    """Plot and draw the figure; return it and matplotlib's missing-glyph warnings.

    Matplotlib warns once per text, when it first lays it out (in plot_history's
    tight_layout), so the warnings are caught around both steps.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = h.plots.plot_history(history)
        fig.canvas.draw()
    return fig, [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_korean_labels_render_without_missing_glyphs():
    settings.set_language("ko")
    fig, missing = plot_and_draw(HISTORY)
    loss_ax, acc_ax = fig.axes
    assert loss_ax.get_xlabel() == "에포크" and acc_ax.get_ylabel() == "정확도"
    assert [t.get_text() for t in loss_ax.get_legend().get_texts()] == ["학습", "검증"]
    assert missing == []


def test_the_glyph_check_catches_a_font_without_hangul():
    """The test above can fail: with matplotlib's default font Hangul is missing."""
    settings.set_language("ko")
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        _, missing = plot_and_draw({"loss": [0.4], "accuracy": [0.6]})
    assert any("HANGUL" in m for m in missing)


def test_english_labels_and_curves():
    fig = h.plots.plot_history(HISTORY, title="Run 1")
    loss_ax, acc_ax = fig.axes
    assert fig._suptitle.get_text() == "Run 1"
    assert loss_ax.get_ylabel() == "loss" and acc_ax.get_xlabel() == "epoch"
    train, val = loss_ax.get_lines()
    np.testing.assert_array_equal(train.get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(val.get_ydata(), HISTORY["val_loss"])


def test_plot_history_without_validation():
    fig = h.plots.plot_history({"loss": [1.0, 0.5], "accuracy": [0.5, 0.6]})
    assert len(fig.axes[0].get_lines()) == 1


@pytest.mark.parametrize("bad", [None, {}, [0.1, 0.2]])
def test_plot_history_needs_a_history(bad):
    with pytest.raises(ValueError, match="History"):
        h.plots.plot_history(bad)


def test_live_plot_records_what_fit_records(capsys):
    x = np.random.default_rng(0).integers(0, 20, size=(64, 5))
    y = (x[:, 0] > 10).astype("int32")
    model = h.build_lstm_classifier(num_words=20, maxlen=5, embedding_dim=4, units=4)
    live = h.LiveTrainingPlot()
    history = model.fit(x, y, epochs=3, batch_size=16, validation_split=0.25, verbose=0, callbacks=[live])
    assert len(live.epoch_seconds) == 3 and all(s > 0 for s in live.epoch_seconds)
    for key, values in history.history.items():
        np.testing.assert_allclose(live.history[key], values, rtol=1e-6)
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 3 and printed[0].startswith("epoch 1/3") and "validation: accuracy" in printed[2]


def test_live_plot_speaks_the_notebook_language(capsys):
    settings.set_language("ko")
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(np.zeros((8, 2)), np.zeros(8), epochs=1, verbose=0, callbacks=[h.callbacks.LiveTrainingPlot()])
    assert capsys.readouterr().out.startswith("에포크 1/1")
