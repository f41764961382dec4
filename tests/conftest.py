"""Shared test set-up.

* ``glyph_warnings``: draws a figure and returns its missing-glyph warnings.
* ``data_dir``: the IMDB folder the tests read, from ``LSTM_HELPERS_DATA_DIR``;
  tests that need it are skipped with the reason when it is not set.
"""

import os
import sys
from pathlib import Path

import warnings

import pytest


@pytest.fixture(scope="session")
def data_dir() -> Path:
    value = os.environ.get("LSTM_HELPERS_DATA_DIR")
    if not value:
        pytest.skip("set LSTM_HELPERS_DATA_DIR to a folder with keras' imdb.npz and imdb_word_index.json")
    return Path(value).resolve()


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English and leaves the language as it found it.

    It does not import ``lstm_helpers`` itself (that imports TensorFlow): the
    tests that only read notebook text stay fast and independent of the package.
    A package not imported yet is in English, its default.
    """
    settings = sys.modules.get("lstm_helpers.settings")
    before = settings.get_language() if settings else "en"
    if settings:
        settings.set_language("en")
    yield
    settings = sys.modules.get("lstm_helpers.settings")
    if settings:
        settings.set_language(before)


def _glyph_warnings(fig) -> list[str]:
    """Draw ``fig`` and return matplotlib's missing-glyph warnings (a Hangul label drawn as boxes)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


@pytest.fixture
def glyph_warnings():
    """A function: ``glyph_warnings(fig) == []`` when every character of the figure has a glyph."""
    return _glyph_warnings
