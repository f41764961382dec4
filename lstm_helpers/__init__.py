"""lstm_helpers: the plumbing behind the lstm-tutorial notebooks.

One module per concern:

* :mod:`~lstm_helpers.settings` -- the notebook's language and the quick mode;
* :mod:`~lstm_helpers.data` -- IMDB loading (keras online, a local folder offline),
  padding, words <-> ids;
* :mod:`~lstm_helpers.models` -- builders that return compiled Keras models;
* :mod:`~lstm_helpers.plots` -- training curves, after ``fit`` and live during it, and
  each notebook's figures;
* :mod:`~lstm_helpers.reference` -- SimpleRNN and LSTM cells in plain numpy, and the
  weights taken out of Keras layers (notebooks 01, 02);
* :mod:`~lstm_helpers.long_range` -- gradient by distance and the memory task (notebook 01);
* :mod:`~lstm_helpers.sweeps` -- timed training runs and sweeps (notebooks 04, 06);
* :mod:`~lstm_helpers.embeddings` -- learned word vectors and their neighbours (notebook 03);
* :mod:`~lstm_helpers.benchmark` -- the side-by-side benchmark
  (``python -m lstm_helpers.benchmark``; notebook 06).

Import it before TensorFlow or Keras: it quiets TensorFlow's C++ log lines.
"""

import os

# Quiet TensorFlow's start-up chatter; must happen before TensorFlow is imported.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

from .settings import describe_mode, get_language, is_quick, set_language  # noqa: E402
from .data import (  # noqa: E402
    ImdbData,
    decode_review,
    encode_review,
    get_word_index,
    load_imdb,
    load_imdb_raw,
    pad_reviews,
    split_and_pad,
)
from .models import build_lstm_classifier, build_recurrent_classifier, predict_sentiment  # noqa: E402
from .plots import LiveTrainingPlot, plot_benchmark, plot_history  # noqa: E402
from .plots import plot_batch_size_sweep, plot_review_lengths, plot_word_vectors  # noqa: E402
from .plots import (  # noqa: E402
    plot_gate_heatmap,
    plot_gradient_by_distance,
    plot_memory_task,
    plot_unrolled_rnn,
)
from .reference import (  # noqa: E402
    LstmGates,
    LstmTrace,
    LstmWeights,
    RnnWeights,
    lstm_forward,
    lstm_step,
    lstm_weights,
    rnn_forward,
    rnn_step,
    simple_rnn_weights,
)
from .long_range import (  # noqa: E402
    MemoryTask,
    compare_gradients,
    gradient_by_distance,
    make_memory_task,
    run_memory_task,
)
from .sweeps import (  # noqa: E402
    EpochTimer,
    compare_configurations,
    format_table,
    measure_configuration,
    run_batch_size_sweep,
    time_fit,
    time_steps_interleaved,
    updates_per_epoch,
)
from .embeddings import (  # noqa: E402
    cosine_similarities,
    embedding_weights,
    nearest_words,
    project_to_2d,
    word_id,
)

__all__ = [
    "build_lstm_classifier",
    "build_recurrent_classifier",
    "compare_configurations",
    "compare_gradients",
    "cosine_similarities",
    "decode_review",
    "describe_mode",
    "embedding_weights",
    "encode_review",
    "EpochTimer",
    "format_table",
    "get_language",
    "get_word_index",
    "gradient_by_distance",
    "ImdbData",
    "is_quick",
    "LiveTrainingPlot",
    "load_imdb",
    "load_imdb_raw",
    "lstm_forward",
    "lstm_step",
    "lstm_weights",
    "LstmGates",
    "LstmTrace",
    "LstmWeights",
    "make_memory_task",
    "measure_configuration",
    "MemoryTask",
    "nearest_words",
    "pad_reviews",
    "plot_batch_size_sweep",
    "plot_benchmark",
    "plot_gate_heatmap",
    "plot_gradient_by_distance",
    "plot_history",
    "plot_memory_task",
    "plot_review_lengths",
    "plot_unrolled_rnn",
    "plot_word_vectors",
    "predict_sentiment",
    "project_to_2d",
    "rnn_forward",
    "rnn_step",
    "RnnWeights",
    "run_batch_size_sweep",
    "run_memory_task",
    "set_language",
    "simple_rnn_weights",
    "split_and_pad",
    "time_fit",
    "time_steps_interleaved",
    "updates_per_epoch",
    "word_id",
]
