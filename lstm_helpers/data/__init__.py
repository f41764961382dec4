"""The IMDB movie-review data: loading, padding, and turning ids into words and back.

One module per job (every name is also here, ``lh.data.X``):

* :mod:`~lstm_helpers.data.imdb_files` -- reading keras' files, keras' id conventions;
* :mod:`~lstm_helpers.data.splits` -- training/validation/test splits and padding;
* :mod:`~lstm_helpers.data.words` -- words <-> ids;
* :mod:`~lstm_helpers.data.texts` -- reviews as text for models that read text, short inputs.

Where the data comes from:

* Online (the default): ``keras.datasets.imdb`` downloads it on first use.
* Offline: when ``data_dir=`` or the environment variable
  ``LSTM_HELPERS_DATA_DIR`` names a folder that holds ``imdb.npz`` and
  ``imdb_word_index.json`` (the two files keras downloads), they are read from
  there, and :func:`load_imdb_raw` does exactly what
  ``keras.datasets.imdb.load_data`` does after its download.

The ids of a review (keras' convention): 0 is padding, 1 marks the start of a
review, 2 stands for an unknown word (rare, or cut by ``num_words``), and the
word of frequency rank ``r`` (1 = "the") has id ``r + 3``.
"""

from .imdb_files import (
    DATA_DIR_ENV,
    INDEX_FROM,
    KERAS_SEED,
    NPZ_FILE,
    PAD_ID,
    START_ID,
    UNKNOWN_ID,
    WORD_INDEX_FILE,
    get_word_index,
    load_imdb_raw,
    resolve_data_dir,
)
from .splits import ImdbData, load_imdb, pad_reviews, split_and_pad, split_reviews
from .texts import (
    TEXT_UNKNOWN_ID,
    UNKNOWN_WORD,
    as_text_ids,
    last_words,
    random_crops,
    review_texts,
    text_vocabulary,
)
from .words import (
    PAD_TOKEN,
    START_TOKEN,
    UNKNOWN_TOKEN,
    check_review_text,
    decode_review,
    encode_review,
    tokenize,
)

__all__ = [
    "DATA_DIR_ENV", "INDEX_FROM", "KERAS_SEED", "NPZ_FILE", "PAD_ID", "PAD_TOKEN", "START_ID", "START_TOKEN",
    "TEXT_UNKNOWN_ID", "UNKNOWN_ID", "UNKNOWN_TOKEN", "UNKNOWN_WORD", "WORD_INDEX_FILE", "ImdbData",
    "as_text_ids", "check_review_text", "decode_review", "encode_review", "get_word_index", "last_words",
    "load_imdb", "load_imdb_raw", "pad_reviews", "random_crops", "resolve_data_dir", "review_texts",
    "split_and_pad", "split_reviews", "text_vocabulary", "tokenize",
]
