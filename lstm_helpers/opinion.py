"""The model's opinion word by word: P(positive) after each word of a review, and a live text box.

:func:`opinion_by_word` runs the classifier on every prefix of the review
(the first word, the first two words, ...), in one batch (one prefix at a time
for an id model that takes any length and does not mask its padding). The
probability after word t is what the model would say if the review ended
there. For a model that keeps its last hidden state and masks padding, that is
the same as reading the hidden state after word t through the output layer; for
a model that pools all time steps (max, mean), or a bag of n-grams that reads no
order at all, only the prefix run gives it, so the prefix run serves every model alike.
"""

from __future__ import annotations

import base64
import html
import io
import warnings
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np

from .data import TEXT_UNKNOWN_ID, UNKNOWN_TOKEN, check_review_text, decode_review, encode_review, pad_reviews
from .models import (
    known_word_flags,
    model_input_size,
    predict_ids,
    reads_text,
    text_vectorizer,
    warn_if_mostly_unknown,
)
from .plots import reading
from .settings import pick


@dataclass(frozen=True)
class Opinion:
    """``words``: the words as the model saw them (``<unk>`` for a word it does not know);
    ``probabilities``: P(positive) after each of them (same length); ``model``: the model's name."""

    text: str
    words: list[str]
    probabilities: np.ndarray
    model: str

    @property
    def final(self) -> float:
        """P(positive) after the last word: the model's verdict on the whole text."""
        return float(self.probabilities[-1])

    def biggest_moves(self, count: int = 3) -> list[int]:
        """Positions of the ``count`` words that moved P(positive) most (up or down), in reading order."""
        moves = np.abs(np.diff(np.concatenate([[0.5], self.probabilities])))
        return sorted(int(i) for i in np.argsort(-moves, kind="stable")[:count])


def _words_and_ids(model, text: str, word_index=None) -> tuple[list[str], list[int]]:
    """The words of ``text`` as an id model sees them (``<unk>`` for the unknown ones), and their ids."""
    model_words, _ = model_input_size(model)
    ids = encode_review(text, num_words=model_words, word_index=word_index)
    warn_if_mostly_unknown(text, ids, stacklevel=4)  # the learner's line that called opinion_by_word
    return decode_review(ids[1:], word_index=word_index).split(" "), ids


def _text_prefixes(text: str, words: list[str]) -> list[str]:
    """The text cut after each of its ``words`` (:func:`lstm_helpers.data.tokenize`), lower case;
    the last one is the whole text, so the model's last answer is its answer on ``text``."""
    lowered, end, prefixes = text.lower(), 0, []
    for word in words[:-1]:
        end = lowered.index(word, end) + len(word)
        prefixes.append(lowered[:end])
    return prefixes + [text]


def opinion_by_word(model, text: str, word_index=None) -> Opinion:
    """Return the :class:`Opinion` of ``model`` on ``text``: P(positive) after each word.

    ``model`` is any review classifier of this package: one that reads ids
    (:func:`lstm_helpers.build_lstm_classifier`, ...) or one that reads text
    (:func:`lstm_helpers.models.build_text_classifier`, a bag of n-grams, a GRU
    joined with a bag). The model runs once on each prefix of the text, each
    prefix encoded and padded exactly as :func:`lstm_helpers.predict_sentiment`
    does, so the last probability equals ``predict_sentiment(model, text)``.
    A model with a fixed length (80 words) sees, at each word, the last 80 words
    up to it. A text model needs no IMDB word index (``word_index`` is for id models).
    """
    tokens = check_review_text(text)
    if not reads_text(model):
        words, ids = _words_and_ids(model, text, word_index)
        prefixes = [ids[:t] for t in range(2, len(ids) + 1)]  # the start mark and at least one word
        return Opinion(text, words, np.asarray(predict_ids(model, prefixes), dtype=float), model.name)

    vectorizer = text_vectorizer(model)
    known = known_word_flags(vectorizer, [text])[0] if vectorizer is not None else [True] * len(tokens)
    warn_if_mostly_unknown(text, known, unknown_id=False, stacklevel=3)
    inner = _inner_id_model(model)
    if inner is not None:  # a text classifier: its id classifier reads the ids of each prefix, padded behind
        ids = [int(i) for i in keras.ops.convert_to_numpy(vectorizer([text]))[0] if i != 0]
        vocabulary = vectorizer.get_vocabulary()
        words = [UNKNOWN_TOKEN if i == TEXT_UNKNOWN_ID else str(vocabulary[i]) for i in ids]
        batch = pad_reviews([ids[:t] for t in range(1, len(ids) + 1)], len(ids), padding="post")
        probabilities = inner.predict(batch, verbose=0)[:, 0]
    else:  # any other text model (a bag of n-grams, ...): the text itself, cut after each word
        words = [word if word_known else UNKNOWN_TOKEN for word, word_known in zip(tokens, known, strict=True)]
        prefixes = np.array(_text_prefixes(text, tokens), dtype=object)
        probabilities = model.predict(prefixes, verbose=0)[:, 0]
    return Opinion(text, words, np.asarray(probabilities, dtype=float), model.name)


def _inner_id_model(model):
    """The id classifier inside a text model of :func:`~lstm_helpers.models.build_text_classifier`
    (None for any other text model)."""
    vectorizer = text_vectorizer(model)
    inner = [layer for layer in model.layers if isinstance(layer, keras.Model)]
    if vectorizer is None or vectorizer.get_config()["output_mode"] != "int" or len(inner) != 1:
        return None
    return inner[0]


def _png_bundle(figure) -> dict:
    """A figure as a plain display bundle: the PNG, and its title as text (GitHub and a kernel-less JupyterLab show the PNG)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"), "text/plain": figure.get_suptitle()}


def _message_bundle(messages: list[str]) -> dict:
    """The messages under the text box, in red; an empty bundle when there are none."""
    if not messages:
        return {"text/plain": ""}
    shown = "<br>".join(html.escape(m) for m in messages)
    return {"text/html": f"<div style='color:#b00'>{shown}</div>", "text/plain": "\n".join(messages)}


# warnings from the libraries themselves (TensorFlow, NumPy) are not for the learner
_LIBRARY_WARNINGS = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)


def opinion_widget(models: dict, text: str, word_index=None):
    """Show a text box and the word-by-word plot of ``models`` (name -> model) for ``text``.

    In JupyterLab with a live kernel the plot redraws for what the learner
    types (on Enter). Every message (no words, mostly unknown words) shows
    under the box, in the notebook's language; when there is no new plot the
    old one is taken away, so that message and plot never disagree.

    The box, the message and the plot are three outputs of the cell. The plot
    is a plain PNG, so that without a kernel (GitHub, a fresh JupyterLab, a
    static export) the cell shows the plot for ``text``; the box's text
    fallback says what it is instead of the widget's Python repr. Returns the box.
    """
    import ipywidgets as widgets  # the widget's libraries load only for the widget
    from IPython.display import display

    def plot_and_messages(review: str) -> tuple[dict | None, list[str]]:
        """The plot's bundle (None when there is none) and the messages to show for ``review``."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                opinions = [opinion_by_word(model, review, word_index) for model in models.values()]
            except (ValueError, TypeError) as error:
                return None, [str(error)]
            figure = reading.plot_opinion_by_word(opinions, labels=list(models))
            plt.close(figure)  # shown through the display handle only, not a second time at the cell's end
            bundle = _png_bundle(figure)
        messages = [str(w.message) for w in caught if not issubclass(w.category, _LIBRARY_WARNINGS)]
        return bundle, list(dict.fromkeys(messages))  # each message once, in order

    box = widgets.Text(value=text, description=pick(ko="리뷰:", en="review:"), continuous_update=False,
                       placeholder=pick(ko="영어 리뷰를 쓰고 Enter", en="type a review in English, then Enter"),
                       layout=widgets.Layout(width="95%"))
    box_bundle = dict(box._repr_mimebundle_())
    box_bundle["text/plain"] = pick(ko="[텍스트 상자: 커널이 실행 중일 때 여기에 리뷰를 쓸 수 있습니다]",
                                    en="[text box: with a running kernel, type a review here]")
    plot, messages = plot_and_messages(text)
    display(box_bundle, raw=True)
    message_handle = display(_message_bundle(messages), raw=True, display_id=True)
    plot_handle = display(plot or {"text/plain": ""}, raw=True, display_id=True)

    def redraw(change):
        try:
            plot, messages = plot_and_messages(change["new"])
        except Exception as error:  # shown under the box: in a widget's callback it would reach only the log console
            plot, messages = None, [f"{type(error).__name__}: {error}"]
        message_handle.update(_message_bundle(messages), raw=True)
        plot_handle.update(plot or {"text/plain": ""}, raw=True)  # no plot: the old one goes too

    box.observe(redraw, names="value")
    return box
