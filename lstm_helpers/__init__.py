"""lstm_helpers: the plumbing behind the lstm-tutorial notebooks.

One module per concern, each reached as ``lh.<module>`` after
``import lstm_helpers as lh``:

* :mod:`~lstm_helpers.settings` -- the notebook's language and the quick mode;
* :mod:`~lstm_helpers.data` -- IMDB loading (keras online, a local folder offline),
  padding, words <-> ids;
* :mod:`~lstm_helpers.models` -- builders that return compiled Keras models;
* :mod:`~lstm_helpers.callbacks` -- what ``fit`` is handed: a stopwatch, the live
  training view, a stop rule;
* :mod:`~lstm_helpers.plots` -- training curves and each notebook's figures;
* :mod:`~lstm_helpers.tables` -- results as pandas tables;
* :mod:`~lstm_helpers.reference` -- recurrent cells in plain numpy, and the weights
  taken out of Keras layers (notebooks 01, 02);
* :mod:`~lstm_helpers.long_range` -- gradients by distance and the memory task (notebook 01);
* :mod:`~lstm_helpers.sweeps` -- timed training runs and sweeps (notebooks 04, 06);
* :mod:`~lstm_helpers.embeddings` -- learned word vectors and their neighbours (notebook 03);
* :mod:`~lstm_helpers.benchmark` -- the side-by-side benchmark
  (``python -m lstm_helpers.benchmark``; notebook 06).

The names a learner uses most are also here at the top: the settings, loading,
words <-> ids, the builders, ``predict_sentiment``, ``LiveTrainingPlot``,
``plot_history`` and ``show_table``.

What importing it does, besides defining these names:

* it sets the environment variables ``TF_CPP_MIN_LOG_LEVEL=2`` (TensorFlow's C++
  log: errors only) and ``TF_ENABLE_ONEDNN_OPTS=0`` unless they are already set,
  so import it before TensorFlow or Keras;
* it imports Keras (and so TensorFlow);
* it selects a font with Hangul for matplotlib (koreanize-matplotlib), for every
  figure of the session;
* it sets pandas' ``display.max_colwidth`` to None, so tables show long cells whole.
"""

import os as _os

# Quiet TensorFlow's start-up chatter; must happen before TensorFlow is imported.
_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
_os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

from . import settings, data, models, callbacks, plots, tables  # noqa: E402
from . import reference, long_range, sweeps, embeddings, benchmark  # noqa: E402
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
from .callbacks import LiveTrainingPlot  # noqa: E402
from .plots import plot_history  # noqa: E402
from .tables import show_table  # noqa: E402

__all__ = [
    # modules
    "benchmark", "callbacks", "data", "embeddings", "long_range", "models", "plots",
    "reference", "settings", "sweeps", "tables",
    # the names used most
    "build_lstm_classifier",
    "build_recurrent_classifier",
    "decode_review",
    "describe_mode",
    "encode_review",
    "get_language",
    "get_word_index",
    "ImdbData",
    "is_quick",
    "LiveTrainingPlot",
    "load_imdb",
    "load_imdb_raw",
    "pad_reviews",
    "plot_history",
    "predict_sentiment",
    "set_language",
    "show_table",
    "split_and_pad",
]
