"""Models: builders that return compiled Keras models, prediction, and models that read text.

* :mod:`~lstm_helpers.models.builders` -- classifiers that read ids (the original
  notebook's LSTM, a choice of recurrent layer and read-out), the memory-task model;
* :mod:`~lstm_helpers.models.predict` -- what a model takes, ``predict_sentiment``
  and its warning about unknown words;
* :mod:`~lstm_helpers.models.text` -- models that read raw text (TextVectorization
  inside, the bag of n-grams, a GRU joined with a bag).

Every name is also here: ``lh.models.build_text_classifier`` and so on.
"""

from .builders import (
    POOLINGS,
    RECURRENT_LAYERS,
    MaskedMaxOverTime,
    build_lstm_classifier,
    build_memory_model,
    build_recurrent_classifier,
)
from .predict import (
    known_word_flags,
    model_input_size,
    other_scripts,
    padding_of,
    predict_ids,
    predict_sentiment,
    reads_text,
    text_vectorizer,
    warn_if_mostly_unknown,
)
from .text import (
    build_bag_of_ngrams_classifier,
    build_recurrent_bag_classifier,
    build_text_classifier,
    build_text_vectorizer,
    standardize_like_imdb,
)

__all__ = [
    "POOLINGS", "RECURRENT_LAYERS", "MaskedMaxOverTime", "build_bag_of_ngrams_classifier", "build_lstm_classifier",
    "build_memory_model", "build_recurrent_bag_classifier", "build_recurrent_classifier", "build_text_classifier",
    "build_text_vectorizer", "known_word_flags", "model_input_size", "other_scripts", "padding_of", "predict_ids",
    "predict_sentiment", "reads_text", "standardize_like_imdb", "text_vectorizer", "warn_if_mostly_unknown",
]
