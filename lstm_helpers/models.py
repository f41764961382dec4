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
