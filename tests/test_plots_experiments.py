"""Plots of notebooks 03 and 04: batch-size sweep, review lengths, word vectors."""

import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings

ROWS = [{"batch_size": b, "seconds_per_epoch": s, "val_accuracy": a}
        for b, s, a in [(16, 40.0, 0.80), (64, 15.0, 0.79), (512, 6.0, 0.62)]]


def test_batch_size_plot_log2_axis_and_values():
    fig = h.plots.plot_batch_size_sweep(ROWS)
    seconds_ax, accuracy_ax = fig.axes
    assert seconds_ax.get_xscale() == "log" and seconds_ax.xaxis.get_transform().base == 2
    assert [t.get_text() for t in seconds_ax.get_xticklabels()] == ["16", "64", "512"]
    np.testing.assert_array_equal(seconds_ax.get_lines()[0].get_ydata(), [40.0, 15.0, 6.0])
    np.testing.assert_array_equal(accuracy_ax.get_lines()[0].get_ydata(), [0.80, 0.79, 0.62])
    assert seconds_ax.get_xlabel() == "batch size" and accuracy_ax.get_ylabel() == "validation accuracy"


def test_batch_size_plot_in_korean_renders(glyph_warnings):
    settings.set_language("ko")
    fig = h.plots.plot_batch_size_sweep(ROWS)
    assert fig.axes[0].get_xlabel() == "배치 크기"
    assert glyph_warnings(fig) == []


def test_batch_size_plot_needs_rows():
    with pytest.raises(ValueError, match="run_batch_size_sweep"):
        h.plots.plot_batch_size_sweep([])


def test_review_length_histogram(glyph_warnings):
    settings.set_language("ko")
    lengths = np.array([10, 50, 80, 200, 5000])
    fig = h.plots.plot_review_lengths(lengths, maxlen=80, bins=10, clip=1000)
    ax = fig.axes[0]
    counts = [p.get_height() for p in ax.patches]
    assert sum(counts) == 5  # the 5000-word review is counted in the last bin
    assert counts[-1] == 1
    assert ax.get_lines()[0].get_xdata()[0] == 80
    assert ax.get_xlabel() == "리뷰 길이(단어 수)"
    assert glyph_warnings(fig) == []


def test_word_vector_plot_labels_each_point():
    points = np.array([[1.0, 0.5], [-1.0, 0.2], [0.0, -1.0]])
    fig = h.plots.plot_word_vectors(points, ["great", "awful", "film"], groups=["+", "-", "+"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["great", "awful", "film"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["+", "-"]
    np.testing.assert_array_equal(ax.collections[0].get_offsets(), [[1.0, 0.5], [0.0, -1.0]])


def test_word_vector_plot_checks_shapes():
    with pytest.raises(ValueError, match="one per word"):
        h.plots.plot_word_vectors(np.zeros((3, 2)), ["a", "b"])
