"""Plots, with labels in the notebook's language (:func:`lstm_helpers.settings.pick`).

* :mod:`.curves` -- training curves after ``fit`` (the live view is
  :class:`lstm_helpers.callbacks.LiveTrainingPlot`);
* :mod:`.recurrence` -- the figures of notebooks 01-02;
* :mod:`.diagrams` -- a picture of the LSTM cell (notebook 02);
* :mod:`.experiments` -- the figures of notebooks 03-06;
* :mod:`.reading` -- the model's opinion word by word (notebooks 05, 07).

Importing it selects a font with Hangul for matplotlib (koreanize-matplotlib's
NanumGothic, for every figure of the session), so Korean labels do not come
out as empty boxes.
"""

import koreanize_matplotlib  # noqa: F401  (sets a Hangul font for matplotlib)

from .curves import draw_history, plot_history
from .diagrams import draw_lstm_cell
from .experiments import (
    plot_batch_size_sweep,
    plot_benchmark,
    plot_gradient_noise,
    plot_review_lengths,
    plot_word_vectors,
)
from .reading import plot_opinion_by_word
from .recurrence import (
    plot_clipping,
    plot_gate_heatmap,
    plot_gradient_by_distance,
    plot_memory_task,
    plot_unrolled_rnn,
)

__all__ = [
    "draw_history",
    "draw_lstm_cell",
    "plot_batch_size_sweep",
    "plot_clipping",
    "plot_gradient_noise",
    "plot_benchmark",
    "plot_gate_heatmap",
    "plot_gradient_by_distance",
    "plot_history",
    "plot_memory_task",
    "plot_opinion_by_word",
    "plot_review_lengths",
    "plot_unrolled_rnn",
    "plot_word_vectors",
]
