"""The model's opinion word by word: its last value is the model's prediction on the whole text."""

import inspect
import warnings

import keras
import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers import models, opinion, settings

WORD_INDEX = {"the": 1, "movie": 2, "was": 3, "good": 4, "bad": 5, "not": 6, "at": 7, "all": 8}


def id_model(maxlen=6):
    keras.utils.set_random_seed(1)
    return lh.build_lstm_classifier(num_words=12, maxlen=maxlen, embedding_dim=4, units=4)


def text_model():
    keras.utils.set_random_seed(2)
    inner = lh.build_recurrent_classifier(num_words=12, maxlen=None, layer="gru", units=4, embedding_dim=4,
                                          bidirectional=True, pooling="max_mean", mask_padding=True,
                                          dropout=0.0, recurrent_dropout=0.0)
    return models.build_text_classifier(inner, word_index=WORD_INDEX)


@pytest.mark.parametrize("build", [id_model, text_model])
def test_last_probability_is_the_prediction_on_the_whole_text(build):
    model = build()
    text = "The movie was not bad at all, zorblax!"
    seen = opinion.opinion_by_word(model, text, word_index=WORD_INDEX)
    assert seen.words == ["the", "movie", "was", "not", "bad", "at", "all", "<unk>"]
    assert len(seen.probabilities) == len(seen.words)
    assert seen.final == pytest.approx(float(lh.predict_sentiment(model, text, word_index=WORD_INDEX)[0]), rel=1e-5)
    # each earlier value is the prediction on the text cut after that word
    assert seen.probabilities[3] == pytest.approx(
        float(lh.predict_sentiment(model, "the movie was not", word_index=WORD_INDEX)[0]), rel=1e-5)


def test_a_one_word_text_has_one_probability():
    seen = opinion.opinion_by_word(text_model(), "good", word_index=WORD_INDEX)
    assert seen.words == ["good"] and seen.probabilities.shape == (1,)
    assert seen.biggest_moves(3) == [0]


def test_biggest_moves_are_the_largest_steps_in_reading_order():
    seen = opinion.Opinion("a b c d", ["a", "b", "c", "d"], np.array([0.55, 0.2, 0.25, 0.9]), "m")
    assert seen.biggest_moves(2) == [1, 3]  # -0.35 at "b", +0.65 at "d"; "a" moved 0.05 from 0.5


def test_empty_and_korean_texts_get_the_same_messages_as_elsewhere():
    for model in (id_model(), text_model()):
        with pytest.raises(ValueError, match="no words"):
            opinion.opinion_by_word(model, "...", word_index=WORD_INDEX)
        with pytest.raises(TypeError, match="must be a string"):
            opinion.opinion_by_word(model, 42, word_index=WORD_INDEX)
        with pytest.warns(UserWarning, match="Hangul"):
            opinion.opinion_by_word(model, "정말 좋은 영화 movie", word_index=WORD_INDEX)


def bag_model():
    keras.utils.set_random_seed(3)
    return models.build_bag_of_ngrams_classifier(["the movie was good", "the movie was not bad"], max_tokens=20)


def recurrent_and_bag_model():
    keras.utils.set_random_seed(4)
    return models.build_recurrent_bag_classifier(["the movie was good", "the movie was not bad"], num_words=12,
                                                 maxlen=6, units=2, embedding_dim=3, max_tokens=20, hidden=2,
                                                 word_index=WORD_INDEX)


@pytest.mark.parametrize("build", [bag_model, recurrent_and_bag_model])
def test_any_text_model_gets_an_opinion_by_word_from_its_prefixes(build, tmp_path, monkeypatch):
    model = build()
    monkeypatch.setenv("LSTM_HELPERS_DATA_DIR", str(tmp_path / "no-imdb-here"))  # no word index needed
    text = "The movie was NOT bad, zorblax!"
    seen = opinion.opinion_by_word(model, text)
    assert seen.words == ["the", "movie", "was", "not", "bad", "<unk>"]
    assert seen.final == pytest.approx(float(lh.predict_sentiment(model, text)[0]), rel=1e-6)
    for t, prefix in enumerate(["the", "the movie", "the movie was", "the movie was not", "the movie was not bad"]):
        assert seen.probabilities[t] == pytest.approx(float(lh.predict_sentiment(model, prefix)[0]), rel=1e-6)
    assert len(set(np.round(seen.probabilities, 7))) > 1  # the prefixes really differ for the model


def test_an_unmasked_model_of_any_length_answers_each_text_as_if_alone():
    model = id_model(maxlen=None)
    assert models.padding_of(model) == "pre"
    texts = ["good", "the movie was not bad at all"]
    alone = [float(lh.predict_sentiment(model, text, word_index=WORD_INDEX)[0]) for text in texts]
    together = lh.predict_sentiment(model, texts, word_index=WORD_INDEX)
    np.testing.assert_allclose(together, alone, rtol=1e-6)
    # padded into one batch, "good" would read the zeros in front of it and answer otherwise
    ids = [lh.encode_review(text, num_words=12, word_index=WORD_INDEX) for text in texts]
    padded = model.predict(lh.pad_reviews(ids, len(ids[1]), padding="pre"), verbose=0)[:, 0]
    assert abs(padded[0] - alone[0]) > 1e-6
    seen = opinion.opinion_by_word(model, texts[1], word_index=WORD_INDEX)
    for t in (1, 4, 6):
        prefix = " ".join(texts[1].split()[:t + 1])
        assert seen.probabilities[t] == pytest.approx(
            float(lh.predict_sentiment(model, prefix, word_index=WORD_INDEX)[0]), rel=1e-6)


def test_unknown_word_warnings_point_at_the_learners_line():
    korean = "정말 좋은 영화 movie"
    id_reader, text_reader, bag = id_model(), text_model(), bag_model()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = inspect.currentframe().f_lineno + 1
        lh.predict_sentiment(id_reader, korean, word_index=WORD_INDEX)
        lh.predict_sentiment(text_reader, korean)
        opinion.opinion_by_word(id_reader, korean, word_index=WORD_INDEX)
        opinion.opinion_by_word(text_reader, korean)
        opinion.opinion_by_word(bag, korean)
        models.warn_if_mostly_unknown(korean, [1, 2, 2, 2, 4])
    places = [(w.filename, w.lineno) for w in caught if issubclass(w.category, settings.HelperWarning)]
    assert places == [(__file__, first + i) for i in range(6)]


def test_plot_draws_one_line_per_model_with_the_words_as_ticks():
    import matplotlib.pyplot as plt

    text = "the movie was not bad"
    seen = [opinion.opinion_by_word(m, text, word_index=WORD_INDEX) for m in (id_model(), text_model())]
    figure = lh.plots.plot_opinion_by_word(seen, labels=["05", "07"])
    ax = figure.axes[0]
    lines = [line for line in ax.get_lines() if len(line.get_xdata()) == 5]
    assert len(lines) == 2
    np.testing.assert_allclose(lines[1].get_ydata(), seen[1].probabilities)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["the", "movie", "was", "not", "bad"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [f"05: {seen[0].final:.2f}", f"07: {seen[1].final:.2f}"]
    plt.close(figure)
    with pytest.raises(ValueError, match="one label per result: 2 results, 1 labels"):
        lh.plots.plot_opinion_by_word(seen, labels=["05"])   # a label short: said, not a line dropped


class FakeDisplay:
    """Stands in for IPython's ``display``: records each output (a raw bundle) and each update of it."""

    def __init__(self):
        self.outputs = []   # one list of bundles per output: what it first showed, then each update

    def __call__(self, *objects, raw=False, display_id=None, **kwargs):
        assert raw, "the widget shows raw bundles only, so that each output's mimetypes are known"
        for bundle in objects:
            self.outputs.append([bundle])
        history = self.outputs[-1]

        class Handle:
            def update(self, bundle, raw=False):
                assert raw
                history.append(bundle)

        return Handle() if display_id else None

    def now(self):
        """What each output shows now."""
        return [history[-1] for history in self.outputs]


def png_signature(bundle):
    """The first bytes of a bundle's PNG (base64 in the bundle, as Jupyter stores it)."""
    import base64

    return base64.b64decode(bundle["image/png"])[:8]


@pytest.fixture
def shown(monkeypatch):
    import IPython.display

    fake = FakeDisplay()
    monkeypatch.setattr(IPython.display, "display", fake)
    return fake


def test_widget_without_a_kernel_shows_the_plot_and_no_widget_repr(shown):
    opinion.opinion_widget({"07": text_model()}, "the movie was good", word_index=WORD_INDEX)
    box, message, plot = shown.now()
    # the box: the live widget for JupyterLab, and a plain sentence (not "Text(value=...") for everything else
    assert "application/vnd.jupyter.widget-view+json" in box
    assert box["text/plain"].startswith("[text box") and "Text(" not in box["text/plain"]
    assert message == {"text/plain": ""}
    # the plot: a plain PNG, which GitHub and a JupyterLab without a kernel show
    assert set(plot) == {"image/png", "text/plain"} and png_signature(plot) == b"\x89PNG\r\n\x1a\n"
    for bundle in shown.now():
        assert not bundle["text/plain"].startswith(("Text(", "HTML(", "VBox(", "Output("))


def test_widget_redraws_for_new_text(shown, monkeypatch):
    drawn = []
    real = lh.plots.reading.plot_opinion_by_word
    monkeypatch.setattr(lh.plots.reading, "plot_opinion_by_word",
                        lambda opinions, **kw: drawn.append([o.words for o in opinions]) or real(opinions, **kw))
    box = opinion.opinion_widget({"05": id_model(), "07": text_model()}, "the movie was good", word_index=WORD_INDEX)
    first_png = shown.now()[2]["image/png"]
    box.value = "not bad at all"
    assert drawn[-1] == [["not", "bad", "at", "all"]] * 2
    _, message, plot = shown.now()
    assert message == {"text/plain": ""} and plot["image/png"] != first_png


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("typed", ["", "?!"])
def test_a_text_without_words_shows_its_message_under_the_box_and_takes_the_plot_away(shown, typed, language):
    from lstm_helpers import settings

    settings.set_language(language)
    box = opinion.opinion_widget({"07": text_model()}, "the movie was good", word_index=WORD_INDEX)
    box.value = typed
    _, message, plot = shown.now()
    expected = {"en": "has no words", "ko": "단어가 하나도 없습니다"}[language]
    assert expected in message["text/plain"] and expected in message["text/html"]
    assert plot == {"text/plain": ""}   # no plot left over from the sentence before
    box.value = "the movie was bad"    # a sentence again: the message goes, a plot comes back
    _, message, plot = shown.now()
    assert message == {"text/plain": ""} and "image/png" in plot


@pytest.mark.parametrize("language, expected", [("en", "Hangul"), ("ko", "한글")])
def test_a_korean_text_shows_the_unknown_word_warning_under_the_box(shown, language, expected):
    from lstm_helpers import settings

    settings.set_language(language)
    box = opinion.opinion_widget({"05": id_model(), "07": text_model()}, "the movie was good", word_index=WORD_INDEX)
    box.value = "정말 좋은 영화였다"
    _, message, plot = shown.now()
    assert expected in message["text/html"]
    assert message["text/plain"].count("\n") == 0   # the same warning from both models is shown once
    assert "image/png" in plot   # the plot of <unk>s stays, with the warning above it
    box.value = "the movie was good"
    assert shown.now()[1] == {"text/plain": ""}


def test_plot_fits_a_notebook_and_keeps_its_labels_inside_and_apart():
    """A long text is not drawn wider than a notebook (10 in), so it is not shrunk; in quick mode the lines run
    near the top, and the word labels must still stay inside the axes and apart from each other."""
    words = [f"w{i}" for i in range(121)]
    rng = np.random.default_rng(0)
    crowded = [opinion.Opinion("", words, np.clip(0.96 + rng.normal(0, 0.02, 121), 0, 0.999), m) for m in "ab"]
    figure = lh.plots.plot_opinion_by_word(crowded)
    assert figure.get_size_inches()[0] <= 10
    ax = figure.axes[0]
    labels = [t for t in ax.texts if t.get_text() in words]
    assert len(labels) == 6
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert all(inside.x0 <= b.x0 and b.x1 <= inside.x1 and inside.y0 <= b.y0 and b.y1 <= inside.y1 for b in boxes)
    assert not any(boxes[i].overlaps(boxes[j]) for i in range(6) for j in range(i + 1, 6))
