"""Model builders: small functions that return a compiled Keras model.

The defaults of :func:`build_lstm_classifier` are the original notebook's
model: Embedding 20000 x 128 -> LSTM 128 (dropout 0.2, recurrent dropout 0.2)
-> Dense 1 with a sigmoid; Adam, binary cross-entropy, accuracy.
"""

from __future__ import annotations

import keras
from keras import layers


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


def predict_sentiment(model: keras.Model, texts, num_words: int = 20000, maxlen: int = 80, word_index=None):
    """Return P(positive) for each review typed as text: a float array, one per text.

    Each text is encoded as in training (:func:`lstm_helpers.data.encode_review`)
    and cut/padded to ``maxlen`` ids. ``texts`` may be one string or a list.
    """
    from .data import encode_review, pad_reviews

    texts = [texts] if isinstance(texts, str) else list(texts)
    ids = [encode_review(text, num_words=num_words, word_index=word_index) for text in texts]
    return model.predict(pad_reviews(ids, maxlen), verbose=0)[:, 0]


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
        raise ValueError(f"layer={layer!r}: use one of {sorted(RECURRENT_LAYERS)}.")
    if pooling not in POOLINGS:
        raise ValueError(f"pooling={pooling!r}: use one of {POOLINGS}.")
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
