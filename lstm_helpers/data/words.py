"""Words <-> ids: splitting a review into words as the data set did, encoding typed
text, decoding ids back into words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from ..settings import pick
from .imdb_files import INDEX_FROM, PAD_ID, START_ID, UNKNOWN_ID, _check_num_words, get_word_index

PAD_TOKEN = "<pad>"
START_TOKEN = "<start>"
UNKNOWN_TOKEN = "<unk>"

_WORD = re.compile(r"[\w']+")  # how the data set was tokenized: runs of letters, digits, _ and '


_reverse_cache: dict[int, tuple[Mapping, dict]] = {}


def _id_to_word(word_index: Mapping[str, int]) -> dict[int, str]:
    """id -> word for ``word_index``.

    Kept only for a read-only index (``types.MappingProxyType``, what
    :func:`get_word_index` gives); any other mapping (a learner's own copy,
    maybe edited in place) is read again on every call, so the words always
    agree with :func:`encode_review`."""
    read_only = isinstance(word_index, MappingProxyType)
    cached = _reverse_cache.get(id(word_index)) if read_only else None
    if cached is None or cached[0] is not word_index:
        mapping = {rank + INDEX_FROM: word for word, rank in word_index.items()}
        mapping.update({PAD_ID: PAD_TOKEN, START_ID: START_TOKEN, UNKNOWN_ID: UNKNOWN_TOKEN})
        if not read_only:
            return mapping
        cached = _reverse_cache[id(word_index)] = (word_index, mapping)
    return cached[1]


def decode_review(ids, word_index: dict[str, int] | None = None, skip_padding: bool = True) -> str:
    """Turn a review's ids back into words, minding the offset of 3.

    0 is padding (left out unless ``skip_padding=False``), 1 the start mark,
    2 an unknown word; any other id ``i`` is the word of rank ``i - 3``.
    """
    id_to_word = _id_to_word(get_word_index() if word_index is None else word_index)
    return " ".join(id_to_word.get(int(i), UNKNOWN_TOKEN) for i in ids
                    if not (skip_padding and int(i) == PAD_ID))


def tokenize(text: str) -> list[str]:
    """Split a review into words the way the data set was made: lower case, runs of
    letters, digits, ``_`` and ``'`` (so ``<br />`` becomes the word "br")."""
    return _WORD.findall(text.lower())


def check_review_text(text) -> list[str]:
    """Return the words of a review typed as text (:func:`tokenize`); a clear error when
    ``text`` is not a string or holds no word."""
    if not isinstance(text, str):
        raise TypeError(pick(
            ko=f"리뷰는 문자열이어야 합니다. {type(text).__name__} 이(가) 들어왔습니다. "
               "예: encode_review(\"This movie was great\")",
            en=f"A review must be a string, not {type(text).__name__}. "
               "Example: encode_review(\"This movie was great\")",
        ))
    words = tokenize(text)
    if not words:
        raise ValueError(pick(
            ko=f"리뷰 {text!r}에 단어가 하나도 없습니다. 영어 문장을 한 단어 이상 넣어 주세요.",
            en=f"The review {text!r} has no words in it. Type at least one English word.",
        ))
    return words


def encode_review(text: str, num_words: int | None = 20000, word_index: dict[str, int] | None = None) -> list[int]:
    """Turn a review typed as text into ids as the model saw them in training.

    Start id 1 in front; each word's rank + 3; words not in the index, or with
    an id of ``num_words`` or more, become 2 (unknown). ``num_words=None``
    keeps every word of the index, as ``load_imdb_raw(num_words=None)`` does.
    """
    words = check_review_text(text)
    _check_num_words(num_words)
    word_index = get_word_index() if word_index is None else word_index
    ids = [START_ID]
    for word in words:
        rank = word_index.get(word)
        i = rank + INDEX_FROM if rank is not None else UNKNOWN_ID
        ids.append(i if num_words is None or i < num_words else UNKNOWN_ID)
    return ids
