"""Predicting with a trained review classifier: what it takes as input, and
P(positive) for reviews typed as text, with a warning when most words are unknown to it."""

from __future__ import annotations

import unicodedata

import keras
import numpy as np
from keras import layers

from ..data import START_ID, UNKNOWN_ID, check_review_text, encode_review, pad_reviews, tokenize
from ..settings import pick, warn


def model_input_size(model: keras.Model) -> tuple[int, int | None]:
    """Return ``(num_words, maxlen)`` of a review classifier: the ids its Embedding
    layer accepts (ids ``0 .. num_words - 1``) and the review length its input
    takes (None: any length)."""
    embeddings = [layer for layer in _all_layers(model) if isinstance(layer, layers.Embedding)]
    if not embeddings:
        raise ValueError(pick(
            ko=f"모델 {model.name!r}에 Embedding 층이 없습니다. 단어 id를 읽는 리뷰 분류기"
               "(build_lstm_classifier, build_recurrent_classifier로 만든 모델)를 넘기세요.",
            en=f"The model {model.name!r} has no Embedding layer. Pass a review classifier that "
               "reads word ids (one made by build_lstm_classifier or build_recurrent_classifier).",
        ))
    return int(embeddings[0].input_dim), model.inputs[0].shape[1]


def reads_text(model: keras.Model) -> bool:
    """True when ``model`` takes review text (strings) as input, as the models of
    :func:`build_text_classifier` and :func:`build_bag_of_ngrams_classifier` do."""
    return model.inputs[0].dtype == "string"


def padding_of(model: keras.Model) -> str:
    """How a review classifier that reads ids wants short reviews padded: ``"post"``
    (zeros behind) when its Embedding masks padding, ``"pre"`` (zeros in front) when not.

    Every configuration of this package trains that way: a model without a mask
    must see the review at the end of its input, right before its last state is
    read; a model with a mask skips the zeros wherever they are, and behind is the
    side cuDNN's fast kernels accept on a GPU."""
    embedding = next(layer for layer in _all_layers(model) if isinstance(layer, layers.Embedding))
    return "post" if embedding.mask_zero else "pre"


def _all_layers(model: keras.Model):
    """Every layer of ``model``, also those inside nested models, in order."""
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            yield from _all_layers(layer)
        else:
            yield layer


def text_vectorizer(model: keras.Model):
    """The (first) TextVectorization layer of a text-reading model (None if it has none)."""
    return next((layer for layer in _all_layers(model) if isinstance(layer, layers.TextVectorization)), None)


def predict_sentiment(model: keras.Model, texts, num_words: int | None = None, maxlen: int | None = None,
                      word_index=None):
    """Return P(positive) for each review typed as text: a float array, one per text.

    ``texts`` is one string or a list of strings. A model that reads text
    (:func:`reads_text`) gets the strings as they are; it needs no IMDB word
    index, since its own TextVectorization layer knows its words. For a model
    that reads ids, each text is encoded as in training
    (:func:`lstm_helpers.data.encode_review`) and cut/padded to the model's
    length, on the side it was trained with (:func:`padding_of`).

    ``num_words``/``maxlen`` are never needed: they are read from the model.
    If given, they must agree with it (a clear error otherwise), so the input
    can never differ from what the model knows. A bag-of-n-grams model has
    neither (it keeps whole words and word pairs, whatever the length), so it
    refuses both. A text whose words are mostly unknown to the model (Korean,
    say, or rare words) gets a warning.
    """
    texts = [texts] if isinstance(texts, str) else list(texts)
    if not texts:
        raise ValueError(pick(ko="예측할 리뷰가 없습니다. 문자열 하나나 문자열 목록을 넘기세요.",
                              en="There is no review to predict: pass a string or a list of strings."))
    for text in texts:
        check_review_text(text)
    if reads_text(model):
        vectorizer = text_vectorizer(model)
        _check_agrees(model, num_words, maxlen, *_text_input_size(vectorizer))
        if vectorizer is not None:
            for text, known in zip(texts, known_word_flags(vectorizer, texts), strict=True):
                warn_if_mostly_unknown(text, known, unknown_id=False, stacklevel=3)
        return model.predict(np.array(texts, dtype=object), verbose=0)[:, 0]

    model_words, model_maxlen = model_input_size(model)
    _check_agrees(model, num_words, maxlen, model_words, model_maxlen)
    ids = [encode_review(text, num_words=model_words, word_index=word_index) for text in texts]
    for text, review in zip(texts, ids, strict=True):
        warn_if_mostly_unknown(text, review, stacklevel=3)
    return predict_ids(model, ids)


def predict_ids(model: keras.Model, reviews) -> np.ndarray:
    """P(positive) of a review classifier that reads ids, for ``reviews`` (one list of keras ids
    each): cut/padded to the model's length, on its side (:func:`padding_of`).

    A model that takes any length (``maxlen=None``) gets them padded to the longest
    one. If it does not mask its padding, a shorter review would read those zeros and
    its answer would depend on the reviews beside it, so then each review is run
    alone (a batch of one has no padding): slower, but the same answer in any company.
    """
    _, maxlen = model_input_size(model)
    padding = padding_of(model)
    if maxlen is None and padding == "pre":
        return np.concatenate([model.predict(pad_reviews([review], len(review), padding=padding), verbose=0)[:, 0]
                               for review in reviews])
    length = maxlen or max(len(review) for review in reviews)
    return model.predict(pad_reviews(reviews, length, padding=padding), verbose=0)[:, 0]


_NOT_IN_MODEL = object()  # a size the model does not have (a bag of n-grams has no num_words, no maxlen)


def _text_input_size(vectorizer):
    """``(num_words, maxlen)`` a text model honours: for ids (``output_mode="int"``) the
    vocabulary size and ``output_sequence_length`` (None: any length); a bag of n-grams has neither."""
    if vectorizer is None or vectorizer.get_config()["output_mode"] != "int":
        return _NOT_IN_MODEL, _NOT_IN_MODEL
    return vectorizer.vocabulary_size(), vectorizer.get_config()["output_sequence_length"]


def _check_agrees(model, num_words, maxlen, known_words, known_maxlen) -> None:
    """Refuse a ``num_words``/``maxlen`` the model cannot honour, with what to do instead."""
    for name, given, known in (("num_words", num_words, known_words), ("maxlen", maxlen, known_maxlen)):
        if given is None:
            continue
        if known is _NOT_IN_MODEL:
            raise ValueError(pick(
                ko=f"{name}={given}: 모델 {model.name!r} 은(는) 단어와 바이그램이 리뷰에 있는지만 보므로 "
                   f"{name} 값이 없습니다. {name} 인자를 빼세요.",
                en=f"{name}={given}: the model {model.name!r} only looks at which words and word pairs a "
                   f"review holds, so it has no {name} to set. Leave {name} out.",
            ))
        if known is not None and given != known:
            raise ValueError(pick(
                ko=f"{name}={given} 이지만 이 모델은 {name}={known} 으로 만들어졌습니다. "
                   f"{name} 인자를 빼면 모델의 값을 씁니다.",
                en=f"{name}={given}, but this model was built with {name}={known}. "
                   f"Leave {name} out and the model's own value is used.",
            ))
        if known is None:
            raise ValueError(pick(
                ko=f"{name}={given}: 이 모델은 길이를 정하지 않고 리뷰 전체를 읽으므로 자를 수 없습니다. "
                   f"{name} 인자를 빼세요.",
                en=f"{name}={given}: this model reads whole reviews of any length and cuts none. "
                   f"Leave {name} out.",
            ))


def known_word_flags(vectorizer, texts: list[str]) -> list[list[bool]]:
    """For each text, one entry per word (:func:`lstm_helpers.data.tokenize`): True when the
    text model's ``vectorizer`` knows it (has it in its vocabulary), False for an unknown word."""
    vocabulary = set(vectorizer.get_vocabulary())
    return [[word in vocabulary for word in tokenize(text)] for text in texts]


def warn_if_mostly_unknown(text: str, ids, unknown_id: int | bool | None = None, stacklevel: int = 2) -> None:
    """Warn, in the learner's language, when most words of ``text`` are unknown to the model.

    ``ids`` holds one entry per word (keras' start mark 1 in front is skipped);
    an entry equal to ``unknown_id`` (by default keras' 2) is an unknown word.
    ``unknown_id=False`` takes entries that say whether each word is known
    (True/False). The advice fits the text: a text in another script (Hangul,
    say) is told that the model knows English words only; an English text with
    rare words is told that those words are not in the model's vocabulary.
    The warning is a :class:`lstm_helpers.settings.HelperWarning`: a message
    without file locations.
    """
    if unknown_id is False:
        words = list(ids)
        unknown = sum(not known for known in words)
    else:
        unknown_id = UNKNOWN_ID if unknown_id is None else unknown_id
        words = [i for i in ids if i != START_ID or unknown_id == START_ID]
        unknown = sum(i == unknown_id for i in words)
    if not words or unknown / len(words) <= 0.5:
        return
    scripts = other_scripts(text)
    if scripts:
        hangul = "HANGUL" in scripts
        message = pick(
            ko=f"{text[:40]!r}: {_unknown_words_ko(len(words), unknown)}"
               + ("(한글 단어는 모두 모르는 단어입니다)" if hangul else "")
               + ". 이 모델은 영어 영화 리뷰로 학습해서 영어 단어만 압니다. 이 예측은 믿을 수 없습니다.",
            en=f"{text[:40]!r}: the model knows {len(words) - unknown} of its {len(words)} words"
               + (" (Hangul words are all unknown)" if hangul else "")
               + ". It learned from English movie reviews and knows English words only: do not trust "
               "this prediction.",
        )
    else:
        message = pick(
            ko=f"{text[:40]!r}: {_unknown_words_ko(len(words), unknown)}. 드물게 쓰여서 모델의 어휘에 들지 "
               "못한 단어입니다(철자가 틀린 단어일 수도 있습니다). 이 예측은 모델이 아는 몇 안 되는 단어에만 "
               "기대므로 믿기 어렵습니다.",
            en=f"{text[:40]!r}: the model knows {len(words) - unknown} of its {len(words)} words; the others "
               "are rare words, not in its vocabulary (or misspelled). The prediction rests on the few words "
               "it knows: do not trust it much.",
        )
    warn(message, stacklevel=stacklevel)


def _unknown_words_ko(total: int, unknown: int) -> str:
    """"모델은 단어 7개를 모두 모릅니다" or "단어 7개 중 5개를 모델이 모릅니다"."""
    if unknown == total:
        return f"모델은 단어 {total}개를 모두 모릅니다"
    return f"단어 {total}개 중 {unknown}개를 모델이 모릅니다"


def other_scripts(text: str) -> set[str]:
    """The writing systems other than Latin that the letters of ``text`` use, as the first
    word of their Unicode names (``{"HANGUL"}`` for Korean, ``{"CJK"}`` for Chinese)."""
    scripts = set()
    for ch in text:
        if ch.isalpha() and not ch.isascii():
            name = unicodedata.name(ch, "")
            if name and not name.startswith("LATIN"):
                scripts.add(name.split()[0])
    return scripts
