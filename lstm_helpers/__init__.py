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
* :mod:`~lstm_helpers.tables` -- results as pandas tables, long text printed in lines;
* :mod:`~lstm_helpers.wrapping` -- long text broken into screen lines between words;
* :mod:`~lstm_helpers.reference` -- recurrent cells in plain numpy, and the weights
  taken out of Keras layers (notebooks 01, 02);
* :mod:`~lstm_helpers.long_range` -- gradients by distance and the memory task (notebook 01);
* :mod:`~lstm_helpers.sweeps` -- timed training runs and sweeps (notebooks 04, 06);
* :mod:`~lstm_helpers.embeddings` -- learned word vectors and their neighbours (notebook 03);
* :mod:`~lstm_helpers.compare` -- two models on the same test reviews (paired
  standard error, McNemar's test) and the spread over seeds;
* :mod:`~lstm_helpers.benchmark` -- the side-by-side benchmark
  (``python -m lstm_helpers.benchmark``; notebooks 06, 07);
* :mod:`~lstm_helpers.opinion` -- the model's opinion word by word, and a live
  text box for it (notebooks 05, 07);
* :mod:`~lstm_helpers.seeding` -- building with a seed without changing the
  learner's global random state.

The names a learner types most are also here at the top: the settings, loading,
words <-> ids, the builders, ``predict_sentiment``, ``LiveTrainingPlot`` and
``show_table``. Everything else is reached through its module
(``lh.plots.plot_history``, ``lh.data.split_and_pad``, ``lh.settings.get_language``).

What importing it does, besides defining these names:

* it sets TensorFlow's log level, here and nowhere else: the environment variable
  ``TF_CPP_MIN_LOG_LEVEL=3`` unless it is already set (TensorFlow's C++ log stays
  silent: on a machine without a GPU it would print "failed call to cuInit" and a
  oneDNN note as errors at the first operation; Python errors still raise), so
  import it before TensorFlow or Keras; and TensorFlow's Python logger at ERROR
  (no "retracing" notes, no "Using MirroredStrategy" lines);
* it makes the helpers' own warnings (:class:`~lstm_helpers.settings.HelperWarning`)
  print as a clean message, without a file location or the echoed code line;
* it imports Keras (and so TensorFlow), with the native standard error silenced
  during that import only: TensorFlow writes its start-up notes there (oneDNN is
  on, no CUDA driver) before any log level applies. oneDNN stays on: measured
  side by side with ``tools/measure_onednn.py``, it was as fast or faster here;
* it selects a font with Hangul for matplotlib (koreanize-matplotlib), for every
  figure of the session;
* it sets pandas' ``display.max_colwidth`` to None, so tables show long cells whole.
"""

import os as _os

# TensorFlow's log level is set here and nowhere else in the project.
# The C++ log: read when TensorFlow starts, so it must be set before TensorFlow is imported.
_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def _import_keras_quietly():
    """Import Keras (and TensorFlow) with file descriptor 2 pointed at /dev/null meanwhile,
    so TensorFlow's native start-up lines do not reach the notebook. Python errors still raise."""
    import sys

    if "tensorflow" in sys.modules:
        return
    saved = _os.dup(2)
    try:
        with open(_os.devnull, "w") as devnull:
            _os.dup2(devnull.fileno(), 2)
            import keras  # noqa: F401
    finally:
        _os.dup2(saved, 2)
        _os.close(saved)


_import_keras_quietly()


def _quiet_tensorflow_logger():
    """TensorFlow's Python logger at ERROR: its warnings ("5 out of the last 5 calls ...
    triggered tf.function retracing", from ``GradientTape.batch_jacobian``) and notes
    ("Using MirroredStrategy with devices ...") are not for a learner; errors still show."""
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")


_quiet_tensorflow_logger()

from . import settings, data, models, callbacks, plots, tables  # noqa: E402
from . import reference, long_range, sweeps, embeddings, benchmark, opinion, seeding, compare, wrapping  # noqa: E402
from .settings import describe_mode, is_quick, set_language  # noqa: E402
from .data import (  # noqa: E402
    decode_review,
    encode_review,
    get_word_index,
    load_imdb,
    load_imdb_raw,
    pad_reviews,
)
from .models import build_lstm_classifier, build_recurrent_classifier, predict_sentiment  # noqa: E402
from .callbacks import LiveTrainingPlot  # noqa: E402
from .tables import print_wrapped, show_table  # noqa: E402

__all__ = [
    # modules
    "benchmark", "callbacks", "compare", "data", "embeddings", "long_range", "models", "opinion", "plots",
    "reference", "seeding", "settings", "sweeps", "tables", "wrapping",
    # the names a learner types
    "build_lstm_classifier",
    "build_recurrent_classifier",
    "decode_review",
    "describe_mode",
    "encode_review",
    "get_word_index",
    "is_quick",
    "LiveTrainingPlot",
    "load_imdb",
    "load_imdb_raw",
    "pad_reviews",
    "predict_sentiment",
    "print_wrapped",
    "set_language",
    "show_table",
]
