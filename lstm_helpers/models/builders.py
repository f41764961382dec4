"""Model builders: small functions that return a compiled Keras model that reads ids.

The defaults of :func:`build_lstm_classifier` are the original notebook's
model: Embedding 20000 x 128 -> LSTM 128 (dropout 0.2, recurrent dropout 0.2)
-> Dense 1 with a sigmoid; Adam, binary cross-entropy, accuracy.
"""

from __future__ import annotations

import functools

import keras
from keras import layers

from ..seeding import seeded_build
from ..settings import pick


def _takes_seed(builder):
    """Give ``builder`` a keyword ``seed``: an int builds the model with the initial weights
    of ``keras.utils.set_random_seed(seed)`` without changing the global random state
    (:func:`lstm_helpers.seeding.seeded_build`); None (the default) draws them from the
    global state, as Keras does."""
    @functools.wraps(builder)
    def with_seed(*args, seed: int | None = None, **kwargs):
        with seeded_build(seed):
            return builder(*args, **kwargs)

    return with_seed


@_takes_seed
def build_lstm_classifier(
    num_words: int = 20000,
    maxlen: int | None = 80,
    embedding_dim: int = 128,
    units: int = 128,
    dropout: float = 0.2,
    recurrent_dropout: float = 0.2,
    learning_rate: float = 1e-3,
) -> keras.Model:
    """Return a compiled review classifier: ids (batch, maxlen) -> P(positive) (batch, 1).

    ``num_words`` must cover every id the data holds: the same ``num_words`` as
    the loader's (:func:`lstm_helpers.data.load_imdb`), ids ``0 .. num_words - 1``.
    ``maxlen=None``
    accepts reviews of any length. ``seed=`` (keyword): the initial weights of
    ``keras.utils.set_random_seed(seed)``, the global random state left alone;
    without it they come from the global state.
    """
    reviews = keras.Input(shape=(maxlen,), dtype="int32", name="review_ids")
    # each id becomes a learned vector of embedding_dim numbers
    vectors = layers.Embedding(num_words, embedding_dim, name="embedding")(reviews)
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


@_takes_seed
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
) -> keras.Model:
    """Return a compiled review classifier with a choice of recurrent layer and read-out.

    ``num_words`` and ``seed=``: as for :func:`build_lstm_classifier`.

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
    if layer not in RECURRENT_LAYERS:
        raise ValueError(pick(ko=f"layer={layer!r}: {sorted(RECURRENT_LAYERS)} 중 하나를 쓰세요.",
                              en=f"layer={layer!r}: use one of {sorted(RECURRENT_LAYERS)}."))
    if pooling not in POOLINGS:
        raise ValueError(pick(ko=f"pooling={pooling!r}: {POOLINGS} 중 하나를 쓰세요.",
                              en=f"pooling={pooling!r}: use one of {POOLINGS}."))
    reviews = keras.Input(shape=(maxlen,), dtype="int32", name="review_ids")
    x = layers.Embedding(num_words, embedding_dim, mask_zero=mask_padding, name="embedding")(reviews)
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
