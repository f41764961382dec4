"""Plots of notebooks 03 and 04: batch-size sweep, review lengths, word vectors."""

import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings

ROWS = [{"batch_size": b, "step_seconds_per_epoch": s, "val_accuracy": a}
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


def overlapping_pairs(fig, texts):
    """Pairs of texts whose drawn boxes overlap."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    return [(texts[i].get_text(), texts[j].get_text()) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].overlaps(boxes[j])]


# the points of 03's picture (read off the stored figure), where the old labels covered each other
WORD_POINTS = {"amazing": (-0.82, 0.14), "wonderful": (-0.9, 0.127), "excellent": (-1.09, 0.035),
               "perfect": (-1.11, -0.008), "great": (-0.64, 0.007), "loved": (-0.57, -0.025), "best": (-0.51, -0.037),
               "brilliant": (-0.72, -0.125), "film": (-0.19, 0.05), "movie": (-0.02, 0.013), "actor": (0.08, 0.003),
               "plot": (0.14, 0.003), "character": (-0.1, -0.02), "scene": (-0.11, -0.043), "story": (-0.13, -0.102),
               "worst": (1.05, 0.487), "horrible": (0.7, 0.036), "waste": (1.36, 0.006), "boring": (0.71, -0.063),
               "poorly": (0.61, -0.072), "terrible": (0.58, -0.112), "bad": (0.58, -0.143), "awful": (1.03, -0.165)}


def test_word_vector_labels_do_not_cover_each_other():
    """03's picture: "actor"/"plot" and "poorly"/"boring" sat on top of each other (six pairs overlapped)."""
    words = list(WORD_POINTS)
    fig = h.plots.plot_word_vectors(np.array(list(WORD_POINTS.values())), words)
    texts = [t for t in fig.axes[0].texts if t.get_text() in words]
    assert sorted(t.get_text() for t in texts) == sorted(words)
    assert overlapping_pairs(fig, texts) == []


def test_benchmark_labels_do_not_cover_each_other():
    """06 (ko): lstm_fast and lstm_stacked, at almost the same point, had overlapping labels."""
    settings.set_language("ko")
    rows = [dict(name=n, maxlen=m, test_accuracy=a, test_se=0.0023, total_seconds=t) for n, m, a, t in [
        ("lstm_fast", 80, 0.8393, 67), ("simple_rnn", 80, 0.8212, 45), ("gru", 80, 0.8352, 39),
        ("lstm_stacked", 80, 0.8393, 68), ("lstm_200", 200, 0.8576, 118), ("bag_of_bigrams", None, 0.9005, 36)]]
    fig = h.plots.plot_benchmark(rows, goal=None)
    texts = [t for t in fig.axes[0].texts if "(" in t.get_text()]
    assert len(texts) == 6 and "bag_of_bigrams (전체)" in [t.get_text() for t in texts]
    assert overlapping_pairs(fig, texts) == []


def test_gradient_noise_plot_has_the_points_and_the_law_line(glyph_warnings):
    import matplotlib.pyplot as plt

    rows = [{"batch_size": b, "noise": 2.0 / b ** 0.5} for b in (16, 64, 256)]
    for language in ("en", "ko"):
        settings.set_language(language)
        figure = h.plots.plot_gradient_noise(rows)
        measured, law = figure.axes[0].get_lines()
        assert list(measured.get_ydata()) == [r["noise"] for r in rows]
        assert list(law.get_ydata()) == pytest.approx([0.5, 0.25, 0.125])   # 1/sqrt(B) from the first point
        assert glyph_warnings(figure) == []
        plt.close(figure)
    with pytest.raises(ValueError, match="gradient_noise_by_batch_size"):
        h.plots.plot_gradient_noise([])
