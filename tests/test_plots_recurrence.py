"""Plots of notebooks 01 and 02: labels in the notebook's language, the data they are given."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers import settings
from lstm_helpers.long_range import MemoryResult


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_gradient_plot_is_log_scale_with_one_line_per_layer():
    grads = {"SimpleRNN": 0.5 ** np.arange(10), "LSTM": 0.9 ** np.arange(10)}
    fig = lh.plots.plot_gradient_by_distance(grads)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["SimpleRNN", "LSTM"]
    np.testing.assert_array_equal(lines[0].get_xdata(), np.arange(10))
    np.testing.assert_allclose(lines[1].get_ydata(), 0.9 ** np.arange(10))
    assert ax.get_xlabel().startswith("distance")


def test_memory_plot_in_korean_shows_chance_and_accuracies(glyph_warnings):
    settings.set_language("ko")
    result = MemoryResult(lengths=[10, 20, 40], accuracy={"SimpleRNN": [1.0, 0.6, 0.5], "LSTM": [1.0, 1.0, 0.99]})
    fig = lh.plots.plot_memory_task(result)
    ax = fig.axes[0]
    assert ax.get_ylabel() == "테스트 정확도" and ax.get_xlabel().startswith("시퀀스 길이")
    lines = ax.get_lines()
    np.testing.assert_array_equal(lines[0].get_ydata(), [1.0, 0.6, 0.5])
    assert "무작위 추측(0.5)" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert glyph_warnings(fig) == []


def test_gate_heatmap_puts_the_words_on_the_axis(glyph_warnings):
    settings.set_language("ko")
    words = ["this", "film", "was", "great"]
    rng = np.random.default_rng(0)
    panels = {"forget": rng.uniform(size=(4, 6)), "cell": rng.normal(size=(4, 6))}
    fig = lh.plots.plot_gate_heatmap(words, panels, units=[5, 0, 2])
    heat_axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"][:2]
    assert [t.get_text() for t in heat_axes[-1].get_xticklabels()] == words
    assert [t.get_text() for t in heat_axes[0].get_yticklabels()] == ["5", "0", "2"]
    assert heat_axes[0].get_title(loc="left") == "망각 게이트 f"
    image = heat_axes[0].get_images()[0]
    np.testing.assert_array_equal(image.get_array(), panels["forget"][:, [5, 0, 2]].T)
    assert image.get_clim() == (panels["forget"][:, [5, 0, 2]].min(), panels["forget"][:, [5, 0, 2]].max())
    fixed = lh.plots.plot_gate_heatmap(words, panels, units=[5, 0, 2], gate_range=(0, 1))
    assert fixed.axes[0].get_images()[0].get_clim() == (0, 1)
    assert glyph_warnings(fig) == []
    with pytest.raises(ValueError, match="타임 스텝은 4개인데"):
        lh.plots.plot_gate_heatmap(words[:3], panels)


def test_unrolled_picture_has_one_copy_per_word():
    fig = lh.plots.plot_unrolled_rnn(["a", "b", "c"])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert sum(t == "RNN" for t in texts) == 4  # the folded cell and three copies
    assert any("“b”" in t for t in texts)
    assert fig.axes[0].get_title() == "A recurrent neural network unrolled in time"


def test_clipping_plot_has_three_log_panels_and_marks_nan(glyph_warnings):
    from lstm_helpers.long_range import TrainingTrace
    from lstm_helpers.plots.recurrence import plot_clipping

    steady = TrainingTrace(loss=np.array([2.0, 1.0, 0.5]), gradient_norm=np.array([100.0, 10.0, 1.0]),
                           update_norm=np.array([0.01, 0.01, 0.005]))
    broken = TrainingTrace(loss=np.array([2.0, np.nan, np.nan]), gradient_norm=np.array([100.0, np.inf, np.nan]),
                           update_norm=np.array([1.0, np.nan, np.nan]))
    fig = plot_clipping({"SGD, clipnorm=1.0": steady, "SGD": broken})
    assert len(fig.axes) == 3 and all(ax.get_yscale() == "log" for ax in fig.axes)
    labels = [line.get_label() for line in fig.axes[0].get_lines()]
    assert labels == ["SGD, clipnorm=1.0", "SGD (NaN from update 2)"]
    np.testing.assert_allclose(fig.axes[1].get_lines()[0].get_ydata(), [100.0, 10.0, 1.0])
    assert glyph_warnings(fig) == []
    with pytest.raises(ValueError):
        plot_clipping({})


def test_memory_plot_lines_that_coincide_both_show():
    """Both layers at 1.0 everywhere: the second line must not hide the first (another style, hollow markers)."""
    result = MemoryResult(lengths=[10, 20], accuracy={"SimpleRNN": [1.0, 1.0], "LSTM": [1.0, 1.0]})
    first, second = lh.plots.plot_memory_task(result).axes[0].get_lines()[:2]
    assert first.get_linestyle() != second.get_linestyle() and first.get_marker() != second.get_marker()
    assert second.get_markerfacecolor() == "none"          # the first line's markers show through
    assert first.get_linewidth() > second.get_linewidth()  # and the first line shows on both sides of the second


@pytest.mark.parametrize("count, rows", [(44, 1), (80, 2)])
def test_gate_heatmap_fits_a_notebook_with_readable_words(count, rows):
    """A notebook shows a figure at most about 10 in (1000 px) wide without shrinking it: the word labels
    stay 9 pt (12.5 px); a review longer than 45 words wraps into rows."""
    words = [f"w{i}" for i in range(count)]
    rng = np.random.default_rng(0)
    panels = {"forget": rng.uniform(size=(count, 8)), "cell": rng.normal(size=(count, 8))}
    fig = lh.plots.plot_gate_heatmap(words, panels, units=range(4))
    assert fig.get_size_inches()[0] <= 10
    heat_axes = [ax for ax in fig.axes if ax.get_images() and ax.get_label() != "<colorbar>"]
    assert len(heat_axes) == 2 * rows
    labelled = [ax for ax in heat_axes if any(t.get_text() for t in ax.get_xticklabels())]
    shown = [t.get_text() for ax in labelled for t in ax.get_xticklabels()]
    assert shown == words and len(labelled) == rows
    assert all(t.get_fontsize() >= 9 for ax in labelled for t in ax.get_xticklabels())
