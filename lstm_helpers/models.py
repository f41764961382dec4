"""Model builders: small functions that return a compiled Keras model.

The defaults of :func:`build_lstm_classifier` are the original notebook's
model: Embedding 20000 x 128 -> LSTM 128 (dropout 0.2, recurrent dropout 0.2)
-> Dense 1 with a sigmoid; Adam, binary cross-entropy, accuracy.
"""

from __future__ import annotations

import unicodedata

import keras
import numpy as np
from keras import layers

from .data import START_ID, UNKNOWN_ID, check_review_text, encode_review, pad_reviews, text_vocabulary, tokenize
from .seeding import seeded_build
from .settings import pick, warn


def build_lstm_classifier(
    num_words: int = 20000,
    maxlen: int | None = 80,
    embedding_dim: int = 128,
    units: int = 128,
    dropout: float = 0.2,
    recurrent_dropout: float = 0.2,
    learning_rate: float = 1e-3,
    *,
    vocab_size: int | None = None,
) -> keras.Model:
    """Return a compiled review classifier: ids (batch, maxlen) -> P(positive) (batch, 1).

    ``num_words`` must cover every id the data holds: the same ``num_words`` as
    the loader's (:func:`lstm_helpers.data.load_imdb`), ids ``0 .. num_words - 1``.
    ``vocab_size`` is an older name for it, still accepted. ``maxlen=None``
    accepts reviews of any length.
    """
    vocab_size = _num_words(num_words, vocab_size)
    reviews = keras.Input(shape=(maxlen,), dtype="int32", name="review_ids")
    # each id becomes a learned vector of embedding_dim numbers
    vectors = layers.Embedding(vocab_size, embedding_dim, name="embedding")(reviews)
    # the LSTM reads the vectors in order and keeps its last hidden state
    summary = layers.LSTM(units, dropout=dropout, recurrent_dropout=recurrent_dropout, name="lstm")(vectors)
    # one number between 0 and 1: how sure the model is that the review is positive
    positive = layers.Dense(1, activation="sigmoid", name="positive")(summary)
    model = keras.Model(reviews, positive, name="lstm_classifier")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return model


def _num_words(num_words: int, vocab_size: int | None) -> int:
    """The vocabulary size a builder was given: ``num_words``, or ``vocab_size`` (its older name)."""
    if vocab_size is None:
        return num_words
    if num_words not in (20000, vocab_size):
        raise ValueError(pick(
            ko=f"num_words={num_words}, vocab_size={vocab_size}: 둘은 같은 값의 두 이름입니다. num_words 하나만 주세요.",
            en=f"num_words={num_words}, vocab_size={vocab_size}: two names for one value. Give num_words only.",
        ))
    return vocab_size


def model_input_size(model: keras.Model) -> tuple[int, int | None]:
    """Return ``(num_words, maxlen)`` of a review classifier: the ids its Embedding
    layer accepts (ids ``0 .. num_words - 1``) and the review length its input
    takes (None: any length)."""
    embeddings = [layer for layer in _all_layers(model) if isinstance(layer, layers.Embedding)]
    if not embeddings:
        raise ValueError(pick(
            ko=f"모델 {model.name!r} 에 Embedding 층이 없습니다. 단어 id를 읽는 리뷰 분류기"
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


def _text_vectorizer(model: keras.Model):
    """The TextVectorization layer of a text-reading model (None if it has none)."""
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
        vectorizer = _text_vectorizer(model)
        _check_agrees(model, num_words, maxlen, *_text_input_size(vectorizer))
        if vectorizer is not None:
            for text, row in zip(texts, _known_word_flags(vectorizer, texts)):
                warn_if_mostly_unknown(text, row, unknown_id=False, stacklevel=3)
        return model.predict(np.array(texts, dtype=object), verbose=0)[:, 0]

    vocab_size, model_maxlen = model_input_size(model)
    _check_agrees(model, num_words, maxlen, vocab_size, model_maxlen)
    ids = [encode_review(text, num_words=vocab_size, word_index=word_index) for text in texts]
    for text, review in zip(texts, ids):
        warn_if_mostly_unknown(text, review, stacklevel=3)
    length = model_maxlen or max(len(review) for review in ids)
    return model.predict(pad_reviews(ids, length, padding=padding_of(model)), verbose=0)[:, 0]


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


def _known_word_flags(vectorizer, texts):
    """For each text, one entry per word: True when the text model knows it (is in its vocabulary)."""
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
            ko=f"{text[:40]!r}: 단어 {len(words)}개 중 {unknown}개를 모델이 모릅니다"
               + ("(한글은 모두 모르는 단어입니다)" if hangul else "")
               + ". 이 모델은 영어 영화 리뷰로 학습해서 영어 단어만 압니다. 이 예측은 믿을 수 없습니다.",
            en=f"{text[:40]!r}: the model knows {len(words) - unknown} of its {len(words)} words"
               + (" (Hangul words are all unknown)" if hangul else "")
               + ". It learned from English movie reviews and knows English words only: do not trust "
               "this prediction.",
        )
    else:
        message = pick(
            ko=f"{text[:40]!r}: 단어 {len(words)}개 중 {unknown}개를 모델이 모릅니다. 드물게 쓰이는 단어라서 "
               "모델의 어휘에 없는 단어입니다(또는 철자가 틀린 단어). 이 예측은 모델이 아는 몇 안 되는 단어에만 "
               "기대므로 믿기 어렵습니다.",
            en=f"{text[:40]!r}: the model knows {len(words) - unknown} of its {len(words)} words; the others "
               "are rare words, not in its vocabulary (or misspelled). The prediction rests on the few words "
               "it knows: do not trust it much.",
        )
    warn(message, stacklevel=stacklevel + 1)


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


@keras.saving.register_keras_serializable(package="lstm_helpers")
class MaskedMaxOverTime(layers.Layer):
    """The largest value of each unit over all time steps, skipping padded steps.

    (batch, steps, units) -> (batch, units). Keras' own GlobalMaxPooling1D
    ignores the mask, so padding would take part in the maximum.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        if mask is not None:
            keep = keras.ops.expand_dims(keras.ops.cast(mask, "bool"), -1)
            inputs = keras.ops.where(keep, inputs, keras.ops.full_like(inputs, -1e9))
        return keras.ops.max(inputs, axis=1)

    def compute_mask(self, inputs, mask=None):
        return None


RECURRENT_LAYERS = {"simple_rnn": layers.SimpleRNN, "gru": layers.GRU, "lstm": layers.LSTM}
POOLINGS = ("last", "max", "mean", "max_mean")


def build_recurrent_classifier(
    num_words: int = 20000,
    maxlen: int | None = 80,
    layer: str = "lstm",
    units: int = 128,
    bidirectional: bool = False,
    pooling: str = "last",
    embedding_dim: int = 128,
    embedding_dropout: float = 0.0,
    dropout: float = 0.2,
    recurrent_dropout: float = 0.2,
    mask_padding: bool = False,
    stacked: int = 1,
    learning_rate: float = 1e-3,
    jit_compile: bool | str = "auto",
    *,
    vocab_size: int | None = None,
) -> keras.Model:
    """Return a compiled review classifier with a choice of recurrent layer and read-out.

    ``num_words``: as for :func:`build_lstm_classifier` (``vocab_size``, its older name, is still accepted).

    ``layer``: ``"simple_rnn"``, ``"gru"`` or ``"lstm"``; ``bidirectional`` reads
    the review both ways. ``pooling``: ``"last"`` keeps the last hidden state (as
    :func:`build_lstm_classifier`), ``"max"``/``"mean"`` pool the hidden states
    of all time steps, ``"max_mean"`` joins both. ``mask_padding`` makes the
    layers skip the padding ids (0). ``stacked`` recurrent layers of the same
    kind are put one on top of the other; each but the last hands on its whole
    sequence of hidden states. ``embedding_dropout`` (SpatialDropout1D) switches
    off whole embedding dimensions: the same dimensions at every time step of a review. ``jit_compile`` is passed to ``compile`` (XLA).
    Input ids (batch, maxlen) -> P(positive) (batch, 1).
    """
    vocab_size = _num_words(num_words, vocab_size)
    if layer not in RECURRENT_LAYERS:
        raise ValueError(pick(ko=f"layer={layer!r}: {sorted(RECURRENT_LAYERS)} 중 하나를 쓰세요.",
                              en=f"layer={layer!r}: use one of {sorted(RECURRENT_LAYERS)}."))
    if pooling not in POOLINGS:
        raise ValueError(pick(ko=f"pooling={pooling!r}: {POOLINGS} 중 하나를 쓰세요.",
                              en=f"pooling={pooling!r}: use one of {POOLINGS}."))
    reviews = keras.Input(shape=(maxlen,), dtype="int32", name="review_ids")
    x = layers.Embedding(vocab_size, embedding_dim, mask_zero=mask_padding, name="embedding")(reviews)
    if embedding_dropout:
        x = layers.SpatialDropout1D(embedding_dropout, name="embedding_dropout")(x)
    if stacked < 1:
        raise ValueError(pick(ko=f"stacked={stacked!r}: 순환층은 1개 이상이어야 합니다.",
                              en=f"stacked={stacked!r}: there must be at least one recurrent layer."))
    for level in range(1, stacked + 1):
        name = layer if stacked == 1 else f"{layer}_{level}"
        recurrent = RECURRENT_LAYERS[layer](
            units, dropout=dropout, recurrent_dropout=recurrent_dropout,
            return_sequences=level < stacked or pooling != "last", name=name,
        )
        if bidirectional:
            recurrent = layers.Bidirectional(recurrent, name=f"bidirectional_{name}")
        x = recurrent(x)
    if pooling in ("max", "max_mean"):
        pooled = [MaskedMaxOverTime(name="max_over_time")(x)]
    else:
        pooled = []
    if pooling in ("mean", "max_mean"):
        pooled.append(layers.GlobalAveragePooling1D(name="mean_over_time")(x))
    if pooled:
        x = pooled[0] if len(pooled) == 1 else layers.Concatenate(name="max_and_mean")(pooled)
    positive = layers.Dense(1, activation="sigmoid", name="positive")(x)
    stack = f"{stacked}x" if stacked > 1 else ""
    model = keras.Model(reviews, positive,
                        name=f"{'bi' if bidirectional else ''}{stack}{layer}_{pooling}_classifier")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="binary_crossentropy",
        metrics=["accuracy"],
        jit_compile=jit_compile,
    )
    return model


def build_memory_model(layer: str, length: int | None, units: int = 16, learning_rate: float = 3e-3,
                       seed: int | None = 0) -> keras.Model:
    """Return a compiled model for the memory task of notebook 01:
    (batch, length, 2) -> recurrent layer -> P(label 1) (batch, 1).

    ``layer``: ``"simple_rnn"``, ``"gru"`` or ``"lstm"``; the recurrent layer
    keeps only its last hidden state, so the label must travel to the end.
    ``length=None`` accepts sequences of any length. ``seed``: the initial
    weights of ``keras.utils.set_random_seed(seed)`` followed by the build, so
    the same arguments give the same weights; the learner's global random state
    is left as it was (:func:`lstm_helpers.seeding.seeded_build`). ``None``:
    drawn from the global state.
    """
    if layer not in RECURRENT_LAYERS:
        raise ValueError(pick(ko=f"layer={layer!r}: {sorted(RECURRENT_LAYERS)} 중 하나를 쓰세요.",
                              en=f"layer={layer!r}: use one of {sorted(RECURRENT_LAYERS)}."))
    with seeded_build(seed):
        inputs = keras.Input(shape=(length, 2))
        state = RECURRENT_LAYERS[layer](units, name=layer)(inputs)
        output = layers.Dense(1, activation="sigmoid", name="label")(state)
    model = keras.Model(inputs, output, name=f"memory_{layer}_{length or 'any'}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


# ---------------------------------------------------------------- models that read text

@keras.saving.register_keras_serializable(package="lstm_helpers")
def standardize_like_imdb(texts):
    """Lower-case the texts and keep only runs of letters, digits, ``_`` and ``'``,
    the way the IMDB data set was split into words (:func:`lstm_helpers.data.tokenize`):
    ``"Don't miss it!"`` -> ``"don't miss it "``. A TextVectorization ``standardize`` step
    (TensorFlow string ops, so it runs inside the model)."""
    import tensorflow as tf

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
    vocab_size, maxlen = model_input_size(classifier)
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
    ids = build_text_vectorizer(vocab_size, word_index)(text)
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
    import tensorflow as tf

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
    import tensorflow as tf

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
