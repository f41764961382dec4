"""Models that read raw text: a TextVectorization layer inside gives the data set's ids
(or a bag of n-grams), so the model takes strings."""

from __future__ import annotations

import keras
import tensorflow as tf
from keras import layers

from ..data import text_vocabulary
from ..settings import pick
from .builders import MaskedMaxOverTime
from .predict import model_input_size, padding_of


@keras.saving.register_keras_serializable(package="lstm_helpers")
def standardize_like_imdb(texts):
    """Lower-case the texts and keep only runs of letters, digits, ``_`` and ``'``,
    the way the IMDB data set was split into words (:func:`lstm_helpers.data.tokenize`):
    ``"Don't miss it!"`` -> ``"don't miss it "``. A TextVectorization ``standardize`` step
    (TensorFlow string ops, so it runs inside the model)."""
    lowered = tf.strings.lower(texts, encoding="utf-8")
    return tf.strings.regex_replace(lowered, r"[^\pL\pN_']+", " ")


def build_text_vectorizer(num_words: int, word_index=None, maxlen: int | None = None) -> layers.TextVectorization:
    """Return a TextVectorization layer that turns review text into the ids of the
    data set: the word of rank r gets id r + 3, a word outside the ``num_words``
    most frequent gets 1 (unknown), padding is 0. Text (batch,) -> ids (batch, longest
    review), or (batch, ``maxlen``): the *first* ``maxlen`` words, zeros behind.
    (``TextVectorization`` can only cut at the end; :func:`lstm_helpers.data.pad_reviews`,
    for the id models, keeps the last words as the original notebook did. A model
    that should read whole reviews takes ``maxlen=None``.)"""
    return layers.TextVectorization(standardize=standardize_like_imdb, split="whitespace",
                                    vocabulary=text_vocabulary(num_words, word_index),
                                    output_sequence_length=maxlen, name="words_to_ids")


def build_text_classifier(classifier: keras.Model, word_index=None) -> keras.Model:
    """Put a TextVectorization layer in front of a trained id classifier, so the
    result reads raw text: strings (batch,) -> P(positive) (batch, 1).

    ``classifier`` must have been trained on the ids that layer gives
    (:func:`lstm_helpers.data.as_text_ids`: no start mark, unknown words 1),
    and must mask its padding and take any length (``maxlen=None``,
    ``mask_padding=True``; a clear error otherwise): texts of a batch are padded
    with zeros behind to the longest one, and only a masked classifier gives
    each text the same probability alone and in any batch. Its vocabulary
    size is read from its Embedding. The text is not cut. Returns a compiled model (``evaluate`` works on strings);
    ``model.save`` keeps the vocabulary in the ``.keras`` file.
    """
    num_words, maxlen = model_input_size(classifier)
    if maxlen is not None:
        raise ValueError(pick(
            ko=f"이 분류기는 길이 {maxlen}의 입력만 받습니다. 길이가 제각각인 텍스트를 읽으려면 "
               "maxlen=None, mask_padding=True 로 만든 분류기를 넘기세요.",
            en=f"This classifier takes inputs of length {maxlen} only. To read texts of any length, "
               "pass one built with maxlen=None and mask_padding=True.",
        ))
    if padding_of(classifier) != "post":
        raise ValueError(pick(
            ko=f"분류기 {classifier.name!r} 는 패딩(id 0)을 마스킹하지 않습니다. 여러 텍스트를 한 배치로 읽으면 "
               "짧은 텍스트 뒤에 0이 붙는데, 마스킹하지 않는 분류기는 이 0까지 읽어서 같은 텍스트라도 함께 "
               "읽는 텍스트에 따라 확률이 달라집니다. mask_padding=True, maxlen=None 으로 만든 분류기를 "
               "lstm_helpers.data.as_text_ids 의 id로 학습해서 넘기세요.",
            en=f"The classifier {classifier.name!r} does not mask its padding (id 0). Texts read in one batch "
               "get zeros behind the shorter ones, and a classifier without a mask reads those zeros too, so "
               "the same text would get another probability next to a longer one. Build the classifier with "
               "mask_padding=True and maxlen=None, train it on the ids of lstm_helpers.data.as_text_ids, "
               "and pass that one.",
        ))
    text = keras.Input(shape=(), dtype="string", name="review_text")
    ids = build_text_vectorizer(num_words, word_index)(text)
    positive = classifier(ids)
    model = keras.Model(text, positive, name=f"text_{classifier.name}")
    model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_bag_of_ngrams_classifier(train_texts, max_tokens: int = 20000, ngrams: int = 2, hidden: int = 16,
                                   dropout: float = 0.5, output_mode: str = "multi_hot",
                                   learning_rate: float = 1e-3) -> keras.Model:
    """Return a compiled classifier that ignores word order: text (batch,) -> P(positive) (batch, 1).

    A TextVectorization layer, fitted here on ``train_texts`` (a list of
    strings), keeps the ``max_tokens`` most frequent words and runs of up to
    ``ngrams`` words (2: word pairs, "not good"), and turns each review into
    one vector with a 1 for every one of them it holds (``"multi_hot"``; or
    ``"tf_idf"``). Then Dense ``hidden`` (relu), dropout, Dense 1 (sigmoid).
    """
    vectorizer = layers.TextVectorization(max_tokens=max_tokens, ngrams=ngrams, output_mode=output_mode,
                                          standardize=standardize_like_imdb, name="bag_of_ngrams")
    vectorizer.adapt(tf.data.Dataset.from_tensor_slices(list(train_texts)).batch(1024))
    text = keras.Input(shape=(), dtype="string", name="review_text")
    x = vectorizer(text)
    x = layers.Dense(hidden, activation="relu", name="hidden")(x)
    x = layers.Dropout(dropout, name="dropout")(x)
    positive = layers.Dense(1, activation="sigmoid", name="positive")(x)
    model = keras.Model(text, positive, name=f"bag_of_{ngrams}grams_classifier")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def build_recurrent_bag_classifier(train_texts, num_words: int = 30000, maxlen: int = 400, units: int = 32,
                                   embedding_dim: int = 64, embedding_dropout: float = 0.5,
                                   max_tokens: int = 20000, ngrams: int = 2, hidden: int = 16,
                                   dropout: float = 0.5, learning_rate: float = 1e-3, word_index=None) -> keras.Model:
    """Return a compiled text classifier with two readers of the same review, joined:
    a bidirectional GRU (masked, max and mean over time) over its first ``maxlen`` words
    (:func:`build_text_vectorizer` cuts at the end),
    and a bag of n-grams (:func:`build_bag_of_ngrams_classifier`'s first layers, its
    vocabulary fitted here on ``train_texts``). Text (batch,) -> P(positive) (batch, 1).
    """
    text = keras.Input(shape=(), dtype="string", name="review_text")
    ids = build_text_vectorizer(num_words, word_index, maxlen=maxlen)(text)
    x = layers.Embedding(num_words, embedding_dim, mask_zero=True, name="embedding")(ids)
    x = layers.SpatialDropout1D(embedding_dropout, name="embedding_dropout")(x)
    x = layers.Bidirectional(layers.GRU(units, return_sequences=True, name="gru"), name="bidirectional_gru")(x)
    in_order = layers.Concatenate(name="max_and_mean")(
        [MaskedMaxOverTime(name="max_over_time")(x), layers.GlobalAveragePooling1D(name="mean_over_time")(x)])
    vectorizer = layers.TextVectorization(max_tokens=max_tokens, ngrams=ngrams, output_mode="multi_hot",
                                          standardize=standardize_like_imdb, name="bag_of_ngrams")
    vectorizer.adapt(tf.data.Dataset.from_tensor_slices(list(train_texts)).batch(1024))
    bag = layers.Dense(hidden, activation="relu", name="bag_hidden")(vectorizer(text))
    joined = layers.Dropout(dropout, name="dropout")(layers.Concatenate(name="both")([in_order, bag]))
    positive = layers.Dense(1, activation="sigmoid", name="positive")(joined)
    model = keras.Model(text, positive, name="bigru_and_bag_classifier")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy", metrics=["accuracy"])
    return model
