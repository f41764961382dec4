"""Reviews as text and as the ids of a TextVectorization layer, for models that read
raw text; short inputs cut from reviews."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .imdb_files import INDEX_FROM, START_ID, UNKNOWN_ID, _check_num_words, get_word_index
from .words import _id_to_word


# ---------------------------------------------------------------- raw text

TEXT_UNKNOWN_ID = 1  # TextVectorization's id for a word outside its vocabulary ("out of vocabulary")


def text_vocabulary(num_words: int, word_index: dict[str, int] | None = None) -> list[str]:
    """The vocabulary to give ``keras.layers.TextVectorization`` so that every word
    gets the same id as in the data set (rank + 3).

    TextVectorization keeps id 0 for padding and id 1 for unknown words, and
    gives the i-th entry of its vocabulary the id i + 2. So the list starts
    with two place-holders that no text can produce (ids 2 and 3, which keras
    keeps for "unknown" and an unused mark), then the words by rank up to id
    ``num_words - 1``. Returns ``num_words - 2`` strings.
    """
    _check_num_words(num_words)
    word_index = get_word_index() if word_index is None else word_index
    by_id = _id_to_word(word_index)
    words = ["<unk>", "<unused>"]  # ids 2 and 3: the "<" never survives the standardization
    words += [by_id.get(i, f"<missing-{i}>") for i in range(INDEX_FROM + 1, num_words)]
    return words


def as_text_ids(reviews) -> np.ndarray:
    """Turn reviews in keras' ids into the ids a TextVectorization layer with
    :func:`text_vocabulary` gives for the same words: the start mark (1) goes,
    and unknown words (2) become TextVectorization's unknown id (1). Words keep
    their ids. Takes and returns an object array of lists (``load_imdb_raw``'s ``x``)."""
    return _object_array([[TEXT_UNKNOWN_ID if i == UNKNOWN_ID else i for i in review if i != START_ID]
                          for review in reviews])


def _object_array(lists) -> np.ndarray:
    """A 1-D object array of lists (``np.array`` would make a 2-D array of lists of equal length)."""
    out = np.empty(len(lists), dtype="object")
    out[:] = lists
    return out


UNKNOWN_WORD = "_unk_"  # review_texts' word for an unknown word: survives the standardization, in no IMDB vocabulary


def review_texts(reviews, word_index: Mapping[str, int] | None = None, unknown: str | None = UNKNOWN_WORD) -> list[str]:
    """The words of each review (keras ids, one list per review) as one string
    each, for models that read text. Padding and the start mark are left out.

    An unknown word (id 2: rare, or cut by ``num_words``) becomes ``unknown``,
    by default ``"_unk_"``: a word that the text standardization keeps as it is
    and that no vocabulary built from the IMDB word index holds, so a
    TextVectorization layer of :func:`lstm_helpers.models.build_text_vectorizer`
    maps it to its unknown id, exactly as :func:`as_text_ids` does for the
    same review, and a bag of n-grams sees it where the word was (its word pairs
    stay the review's real neighbours). ``unknown=None`` leaves unknown words out.
    """
    id_to_word = _id_to_word(get_word_index() if word_index is None else word_index)
    texts = []
    for review in reviews:
        words = []
        for i in review:
            if i == UNKNOWN_ID or (i > UNKNOWN_ID and i not in id_to_word):
                if unknown is not None:
                    words.append(unknown)
            elif i > UNKNOWN_ID:
                words.append(id_to_word[i])
        texts.append(" ".join(words))
    return texts


def last_words(reviews, count: int) -> np.ndarray:
    """The last ``count`` ids of each review (keras ids; the start mark left out):
    short inputs cut from real reviews. Returns an object array of lists."""
    return _object_array([[i for i in review if i != START_ID][-count:] for review in reviews])


def random_crops(reviews, min_words: int = 10, max_words: int = 60, seed: int = 0) -> np.ndarray:
    """One random stretch of consecutive words from each review, of a random length
    between ``min_words`` and ``max_words`` (the whole review when it is shorter):
    short training inputs cut from long reviews, each keeping its review's label.
    Takes and returns an object array of id lists (a leading start mark is left out)."""
    rng = np.random.default_rng(seed)
    crops = []
    for review in reviews:
        words = [i for i in review if i != START_ID]
        length = min(len(words), int(rng.integers(min_words, max_words + 1)))
        start = int(rng.integers(0, len(words) - length + 1))
        crops.append(words[start:start + length])
    return _object_array(crops)
