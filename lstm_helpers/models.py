"""Model builders: small functions that return a compiled Keras model.

The defaults of :func:`build_lstm_classifier` are the original notebook's
model: Embedding 20000 x 128 -> LSTM 128 (dropout 0.2, recurrent dropout 0.2)
-> Dense 1 with a sigmoid; Adam, binary cross-entropy, accuracy.
"""

from __future__ import annotations

import keras
from keras import layers

from .settings import pick


def build_lstm_classifier(
    vocab_size: int = 20000,
    maxlen: int | None = 80,
    embedding_dim: int = 128,
    units: int = 128,
    dropout: float = 0.2,
    recurrent_dropout: float = 0.2,
    learning_rate: float = 1e-3,
) -> keras.Model:
    """Return a compiled review classifier: ids (batch, maxlen) -> P(positive) (batch, 1).

    ``vocab_size`` must cover every id the data holds (``num_words`` of the
    loader); ``maxlen=None`` accepts reviews of any length.
    """
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


def model_input_size(model: keras.Model) -> tuple[int, int | None]:
    """Return ``(vocab_size, maxlen)`` of a review classifier: the ids its Embedding
    layer accepts (ids ``0 .. vocab_size - 1``) and the review length its input
    takes (None: any length)."""
    embeddings = [layer for layer in model.layers if isinstance(layer, layers.Embedding)]
    if not embeddings:
        raise ValueError(pick(
            ko=f"모델 {model.name!r} 에 Embedding 층이 없습니다. 단어 id를 읽는 리뷰 분류기"
               "(build_lstm_classifier, build_recurrent_classifier로 만든 모델)를 넘기세요.",
            en=f"The model {model.name!r} has no Embedding layer. Pass a review classifier that "
               "reads word ids (one made by build_lstm_classifier or build_recurrent_classifier).",
        ))
    return int(embeddings[0].input_dim), model.inputs[0].shape[1]


def predict_sentiment(model: keras.Model, texts, num_words: int | None = None, maxlen: int | None = None,
                      word_index=None):
    """Return P(positive) for each review typed as text: a float array, one per text.

    ``texts`` is one string or a list of strings. Each is encoded as in
    training (:func:`lstm_helpers.data.encode_review`) and cut/padded to the
    model's length. The vocabulary size and the length are read from the
    model; ``num_words``/``maxlen``, if given, must agree with it (a clear
    error otherwise), so the input can never differ from what the model knows.
    """
    from .data import encode_review, pad_reviews

    vocab_size, model_maxlen = model_input_size(model)
    for name, given, known in (("num_words", num_words, vocab_size), ("maxlen", maxlen, model_maxlen)):
        if given is not None and known is not None and given != known:
            raise ValueError(pick(
                ko=f"{name}={given} 이지만 이 모델은 {name}={known} 으로 만들어졌습니다. "
                   f"{name} 인자를 빼면 모델의 값을 씁니다.",
                en=f"{name}={given}, but this model was built with {name}={known}. "
                   f"Leave {name} out and the model's own value is used.",
            ))
    texts = [texts] if isinstance(texts, str) else list(texts)
    if not texts:
        raise ValueError(pick(ko="예측할 리뷰가 없습니다. 문자열 하나나 문자열 목록을 넘기세요.",
                              en="There is no review to predict: pass a string or a list of strings."))
    ids = [encode_review(text, num_words=vocab_size, word_index=word_index) for text in texts]
    for text, review in zip(texts, ids):
        warn_if_mostly_unknown(text, review)
    length = model_maxlen or max(len(review) for review in ids)
    return model.predict(pad_reviews(ids, length), verbose=0)[:, 0]


def warn_if_mostly_unknown(text: str, ids) -> None:
    """Warn, in the learner's language, when most words of ``text`` are unknown to the model
    (ids 2 after the start mark): a Korean or other non-English text, or a typo-ridden one."""
    import warnings

    from .data import START_ID, UNKNOWN_ID

    words = [i for i in ids if i != START_ID]
    unknown = sum(i == UNKNOWN_ID for i in words)
    if words and unknown / len(words) > 0.5:
        hangul = any("\uac00" <= ch <= "\ud7a3" for ch in text)
        warnings.warn(pick(
            ko=f"{text[:40]!r}: 단어 {len(words)}개 중 {unknown}개를 모델이 모릅니다"
               + ("(한글은 모두 모르는 단어입니다)" if hangul else "")
               + ". 이 모델은 영어 영화 리뷰로 학습해서 영어 단어만 압니다. 이 예측은 믿을 수 없습니다.",
            en=f"{text[:40]!r}: the model knows {len(words) - unknown} of its {len(words)} words"
               + (" (Hangul words are all unknown)" if hangul else "")
               + ". It learned from English movie reviews and knows English words only: do not trust "
               "this prediction.",
        ), UserWarning, stacklevel=3)


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
    vocab_size: int = 20000,
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
    learning_rate: float = 1e-3,
    jit_compile: bool | str = "auto",
) -> keras.Model:
    """Return a compiled review classifier with a choice of recurrent layer and read-out.

    ``layer``: ``"simple_rnn"``, ``"gru"`` or ``"lstm"``; ``bidirectional`` reads
    the review both ways. ``pooling``: ``"last"`` keeps the last hidden state (as
    :func:`build_lstm_classifier`), ``"max"``/``"mean"`` pool the hidden states
    of all time steps, ``"max_mean"`` joins both. ``mask_padding`` makes the
    layers skip the padding ids (0). ``embedding_dropout`` drops whole word
    vectors (SpatialDropout1D). ``jit_compile`` is passed to ``compile`` (XLA).
    Input ids (batch, maxlen) -> P(positive) (batch, 1).
    """
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
    recurrent = RECURRENT_LAYERS[layer](
        units, dropout=dropout, recurrent_dropout=recurrent_dropout,
        return_sequences=pooling != "last", name=layer,
    )
    if bidirectional:
        recurrent = layers.Bidirectional(recurrent, name=f"bidirectional_{layer}")
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
    model = keras.Model(reviews, positive, name=f"{'bi' if bidirectional else ''}{layer}_{pooling}_classifier")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="binary_crossentropy",
        metrics=["accuracy"],
        jit_compile=jit_compile,
    )
    return model


def build_memory_model(layer: str, length: int | None, units: int = 16, learning_rate: float = 3e-3,
                       seed: int = 0) -> keras.Model:
    """Return a compiled model for the memory task of notebook 01:
    (batch, length, 2) -> recurrent layer -> P(label 1) (batch, 1).

    ``layer``: ``"simple_rnn"``, ``"gru"`` or ``"lstm"``; the recurrent layer
    keeps only its last hidden state, so the label must travel to the end.
    ``length=None`` accepts sequences of any length. Seeds Keras with ``seed``
    first, so the same arguments give the same initial weights.
    """
    if layer not in RECURRENT_LAYERS:
        raise ValueError(pick(ko=f"layer={layer!r}: {sorted(RECURRENT_LAYERS)} 중 하나를 쓰세요.",
                              en=f"layer={layer!r}: use one of {sorted(RECURRENT_LAYERS)}."))
    keras.utils.set_random_seed(seed)
    inputs = keras.Input(shape=(length, 2))
    state = RECURRENT_LAYERS[layer](units, name=layer)(inputs)
    output = layers.Dense(1, activation="sigmoid", name="label")(state)
    model = keras.Model(inputs, output, name=f"memory_{layer}_{length or 'any'}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model
