"""The model's opinion word by word: P(positive) after each word of a review, and a live text box.

:func:`opinion_by_word` runs the classifier on every prefix of the review
(the first word, the first two words, ...) in one batch. The probability
after word t is what the model would say if the review ended there. For a
model that keeps its last hidden state and masks padding, that is the same as
reading the hidden state after word t through the output layer; for a model
that pools all time steps (max, mean) only the prefix run gives it, so the
prefix run serves every model alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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


def _words_and_ids(model, text: str, word_index=None) -> tuple[list[str], list[int], str]:
    """The words of ``text`` as ``model`` sees them, their ids, and the padding side."""
    from .data import UNKNOWN_TOKEN, TEXT_UNKNOWN_ID, decode_review, encode_review
    from .models import _text_vectorizer, model_input_size, padding_of, reads_text, warn_if_mostly_unknown

    if not isinstance(text, str):
        encode_review(text)  # the clear TypeError of the other helpers
    if reads_text(model):
        vectorizer = _text_vectorizer(model)
        if vectorizer is None or vectorizer.get_config()["output_mode"] != "int":
            raise ValueError(pick(
                ko=f"모델 {model.name!r} 은 단어의 순서를 읽지 않습니다(단어 주머니). 단어마다 바뀌는 모델의 판단은 "
                   "단어를 차례로 읽는 모델에서만 볼 수 있습니다.",
                en=f"The model {model.name!r} does not read words in order (a bag of words); an opinion "
                   "word by word means something only for a model that reads the words in order.",
            ))
        encode_review(text, num_words=None, word_index=word_index)  # an empty text gets its clear message
        import keras

        ids = [int(i) for i in keras.ops.convert_to_numpy(vectorizer([text]))[0] if i != 0]
        vocabulary = vectorizer.get_vocabulary()
        words = [UNKNOWN_TOKEN if i == TEXT_UNKNOWN_ID else str(vocabulary[i]) for i in ids]
        warn_if_mostly_unknown(text, ids, unknown_id=TEXT_UNKNOWN_ID)
        return words, ids, "post"
    vocab_size, maxlen = model_input_size(model)
    ids = encode_review(text, num_words=vocab_size, word_index=word_index)
    warn_if_mostly_unknown(text, ids)
    words = decode_review(ids[1:], word_index=word_index).split(" ")
    return words, ids, padding_of(model)


def opinion_by_word(model, text: str, word_index=None) -> Opinion:
    """Return the :class:`Opinion` of ``model`` on ``text``: P(positive) after each word.

    ``model`` is a review classifier that reads text (:func:`lstm_helpers.models.build_text_classifier`)
    or ids (:func:`lstm_helpers.build_lstm_classifier`, ...). The prefixes are
    encoded and padded exactly as :func:`lstm_helpers.predict_sentiment` does,
    so the last probability equals ``predict_sentiment(model, text)``. A model
    with a fixed length (80 words) sees, at each word, the last 80 words up to it.
    """
    from .data import pad_reviews
    from .models import model_input_size, reads_text

    words, ids, padding = _words_and_ids(model, text, word_index)
    if reads_text(model):
        inner = _inner_id_model(model)
        prefixes = [ids[:t] for t in range(1, len(ids) + 1)]
        batch = pad_reviews(prefixes, len(ids), padding="post")
        probabilities = inner.predict(batch, verbose=0)[:, 0]
    else:
        _, maxlen = model_input_size(model)
        prefixes = [ids[:t] for t in range(2, len(ids) + 1)]  # the start mark and at least one word
        batch = pad_reviews(prefixes, maxlen or len(ids), padding=padding)
        probabilities = model.predict(batch, verbose=0)[:, 0]
    return Opinion(text, words, np.asarray(probabilities, dtype=float), model.name)


def _inner_id_model(model):
    """The id classifier inside a text model of :func:`~lstm_helpers.models.build_text_classifier`."""
    import keras

    inner = [layer for layer in model.layers if isinstance(layer, keras.Model)]
    if len(inner) != 1:
        raise ValueError(pick(
            ko=f"모델 {model.name!r} 에서 단어 id를 읽는 분류기를 찾지 못했습니다. "
               "build_text_classifier 로 만든 모델을 넘기세요.",
            en=f"Found no id classifier inside the model {model.name!r}. Pass a model made by build_text_classifier.",
        ))
    return inner[0]


def _png_bundle(figure) -> dict:
    """A figure as a plain display bundle: the PNG, and its title as text (GitHub and a kernel-less JupyterLab show the PNG)."""
    import base64
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"), "text/plain": figure.get_suptitle()}


def _message_bundle(messages: list[str]) -> dict:
    """The messages under the text box, in red; an empty bundle when there are none."""
    import html

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
    import warnings

    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    from .plots.reading import plot_opinion_by_word

    def plot_and_messages(review: str) -> tuple[dict | None, list[str]]:
        """The plot's bundle (None when there is none) and the messages to show for ``review``."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                opinions = [opinion_by_word(model, review, word_index) for model in models.values()]
            except (ValueError, TypeError) as error:
                return None, [str(error)]
            figure = plot_opinion_by_word(opinions, labels=list(models))
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
