"""Splitting the reviews (training, validation, test) and padding them to one length."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import keras
import numpy as np

from ..settings import pick
from .imdb_files import load_imdb_raw


@dataclass(frozen=True)
class ImdbData:
    """Padded reviews and labels, split three ways.

    ``x_*`` are int32 arrays of shape (reviews, maxlen); ``y_*`` are 0/1
    labels (1 = positive). ``x_val``/``y_val`` are carved out of the training
    reviews (empty when no validation split was asked for); the test set is
    left for one measurement at the very end.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    def describe(self) -> str:
        """One line per split: how many reviews, and the share of positive ones."""
        lines = []
        for name, y in (("train", self.y_train), ("val", self.y_val), ("test", self.y_test)):
            label = {"train": pick(ko="학습", en="train"),
                     "val": pick(ko="검증", en="validation"),
                     "test": pick(ko="테스트", en="test")}[name]
            share = float(np.mean(y)) if len(y) else float("nan")
            lines.append(pick(ko=f"{label}: 리뷰 {len(y):,}편, 긍정 {share:.1%}",
                              en=f"{label}: {len(y):,} reviews, {share:.1%} positive"))
        return "\n".join(lines)


def pad_reviews(reviews, maxlen: int, padding: str = "pre", truncating: str = "pre") -> np.ndarray:
    """Cut or pad every review to ``maxlen`` ids: an int32 array (reviews, maxlen).

    Like ``keras.utils.pad_sequences`` with its defaults: a long review keeps
    its *last* ``maxlen`` words (``truncating="post"`` keeps the first), a short
    one gets zeros in front (``padding="post"``: behind). The last words, because
    the original notebook cut that way and a model that reads the last hidden
    state remembers the end of a review best; the text pipeline
    (:func:`lstm_helpers.models.build_text_vectorizer` with a ``maxlen``) keeps
    the *first* words instead, because ``TextVectorization`` can only cut at the end.
    """
    _check_maxlen(maxlen)
    return keras.utils.pad_sequences(reviews, maxlen=maxlen, padding=padding,
                                     truncating=truncating).astype("int32")


def _check_maxlen(maxlen: int) -> None:
    if not isinstance(maxlen, (int, np.integer)) or maxlen < 1:
        raise ValueError(pick(
            ko=f"maxlen={maxlen!r} 는 쓸 수 없습니다. 리뷰를 몇 단어로 자를지 1 이상의 정수로 주세요"
               "(원래 노트북은 80).",
            en=f"maxlen={maxlen!r} cannot work: give the number of words to keep per review, an "
               "integer of 1 or more (the original uses 80).",
        ))


def _check_validation_split(validation_split: float) -> None:
    if isinstance(validation_split, bool) or not isinstance(validation_split, (int, float, np.floating)) \
            or not 0.0 <= validation_split < 1.0:
        raise ValueError(pick(
            ko=f"validation_split={validation_split!r}: 0 이상 1 미만의 비율을 주세요(예: 0.2).",
            en=f"validation_split={validation_split!r}: give a share from 0 up to, not including, 1 (e.g. 0.2).",
        ))


def _check_max(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1):
        raise ValueError(pick(
            ko=f"{name}={value!r}: 리뷰를 몇 편까지 쓸지 1 이상의 정수로 주세요. None이면 전부 씁니다.",
            en=f"{name}={value!r}: give the number of reviews to keep, an integer of 1 or more, "
               "or None to keep them all.",
        ))


def load_imdb(
    num_words: int = 20000,
    maxlen: int = 80,
    validation_split: float = 0.0,
    seed: int = 42,
    max_train: int | None = None,
    max_test: int | None = None,
    data_dir: str | os.PathLike | None = None,
) -> ImdbData:
    """Load IMDB, keep the ``num_words`` most frequent words, cut/pad to ``maxlen``.

    ``validation_split`` (0 to <1) carves that share of the training reviews
    out as a validation set, chosen at random with ``seed``; the test set stays
    untouched. ``max_train`` caps the number of *training* reviews (after the
    split; the validation set keeps its share of them), ``max_test`` the test
    reviews, for quick runs. Returns an :class:`ImdbData`.
    """
    # checked here too, before the data is read: a wrong argument fails at once, not after the loading
    _check_maxlen(maxlen)
    _check_validation_split(validation_split)
    _check_max("max_train", max_train)
    _check_max("max_test", max_test)
    raw = load_imdb_raw(num_words=num_words, data_dir=data_dir)
    return split_and_pad(raw, maxlen, validation_split, seed, max_train, max_test)


def split_and_pad(
    raw,
    maxlen: int,
    validation_split: float = 0.0,
    seed: int = 42,
    max_train: int | None = None,
    max_test: int | None = None,
    padding: str = "pre",
) -> ImdbData:
    """Turn ``load_imdb_raw``'s ``(x_train, y_train), (x_test, y_test)`` into an :class:`ImdbData`.

    The step of :func:`load_imdb` after loading, for code that pads the same raw
    reviews to several lengths. ``max_train`` training reviews remain after the
    validation split: it takes ``max_train / (1 - validation_split)`` reviews
    and splits them. With ``validation_split=0`` keras' order is kept.
    ``padding="post"`` puts the zeros after the review instead of before it
    (reviews are still cut at the front).
    """
    _check_maxlen(maxlen)     # the split's own arguments are checked by split_reviews
    split = split_reviews(raw, validation_split, seed, max_train, max_test)
    pad = functools.partial(pad_reviews, maxlen=maxlen, padding=padding)
    return ImdbData(pad(split.x_train), split.y_train, pad(split.x_val), split.y_val,
                    pad(split.x_test), split.y_test)


def split_reviews(
    raw,
    validation_split: float = 0.0,
    seed: int = 42,
    max_train: int | None = None,
    max_test: int | None = None,
) -> ImdbData:
    """The split of :func:`split_and_pad` without the padding: an :class:`ImdbData`
    whose ``x_*`` are object arrays of reviews of any length (ids, or anything
    else one per review, such as texts). The same arguments pick the same reviews
    as :func:`split_and_pad`."""
    _check_validation_split(validation_split)
    _check_max("max_train", max_train)
    _check_max("max_test", max_test)
    (x_train, y_train), (x_test, y_test) = raw
    x_train, x_test = np.asarray(x_train, dtype="object"), np.asarray(x_test, dtype="object")
    if max_train is not None:
        keep = int(round(max_train / (1 - validation_split)))
        x_train, y_train = x_train[:keep], y_train[:keep]
    y_train = np.asarray(y_train, dtype="int32")
    x_test, y_test = x_test[:max_test], np.asarray(y_test[:max_test], dtype="int32")
    if validation_split == 0:
        empty = np.arange(0)
        return ImdbData(x_train, y_train, x_train[empty], y_train[empty], x_test, y_test)
    order = np.random.default_rng(seed).permutation(len(x_train))
    n_val = int(round(len(x_train) * validation_split))
    val, train = order[:n_val], order[n_val:]
    return ImdbData(x_train[train], y_train[train], x_train[val], y_train[val], x_test, y_test)
