"""Shared test set-up.

* ``data_dir``: the IMDB folder the tests read, from ``LSTM_HELPERS_DATA_DIR``;
  tests that need it are skipped with the reason when it is not set.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    value = os.environ.get("LSTM_HELPERS_DATA_DIR")
    if not value:
        pytest.skip("set LSTM_HELPERS_DATA_DIR to a folder with keras' imdb.npz and imdb_word_index.json")
    return Path(value).resolve()


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English and leaves the language as it found it."""
    from lstm_helpers import settings

    before = settings.get_language()
    settings.set_language("en")
    yield
    settings.set_language(before)
