"""lstm_helpers: the plumbing behind the lstm-tutorial notebooks.

One module per concern:

* :mod:`~lstm_helpers.settings` -- the notebook's language and the quick mode;
* :mod:`~lstm_helpers.data` -- IMDB loading (keras online, a local folder offline),
  padding, words <-> ids;
* :mod:`~lstm_helpers.models` -- builders that return compiled Keras models;
* :mod:`~lstm_helpers.plots` -- training curves, after ``fit`` and live during it.

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
)
from .models import build_lstm_classifier, predict_sentiment  # noqa: E402
from .plots import LiveTrainingPlot, plot_history  # noqa: E402

__all__ = [
    "ImdbData",
    "LiveTrainingPlot",
    "build_lstm_classifier",
    "decode_review",
    "describe_mode",
    "encode_review",
    "get_language",
    "get_word_index",
    "is_quick",
    "load_imdb",
    "load_imdb_raw",
    "pad_reviews",
    "plot_history",
    "predict_sentiment",
    "set_language",
]
