"""The callbacks: the stopwatch's arithmetic, and LiveTrainingPlot's notebook path (faked)."""

import re
import numpy as np
import pytest

import lstm_helpers as h
from lstm_helpers import settings


class FakeHandle:
    """Stands in for IPython's display handle: records every update."""

    def __init__(self, store, content):
        self.store, self.updates = store, [content]
        store.append(self)

    def update(self, content, raw=False):
        self.updates.append(content)


@pytest.fixture
def fake_notebook(monkeypatch):
    """Make LiveTrainingPlot believe it runs in Jupyter; return the display handles it opens."""
    import IPython.display

    handles = []
    monkeypatch.setattr(h.callbacks.LiveTrainingPlot, "in_notebook", staticmethod(lambda: True))
    monkeypatch.setattr(IPython.display, "display",
                        lambda content, raw=False, display_id=False: FakeHandle(handles, content))
    return handles


def fit_tiny(live, epochs=2, metrics=("accuracy",)):
    import keras

    keras.utils.set_random_seed(0)
    x = np.random.default_rng(0).integers(0, 20, size=(64, 5))
    y = (x[:, 0] > 10).astype("int32")
    model = keras.Sequential([keras.Input((5,)), keras.layers.Embedding(20, 4), keras.layers.Flatten(),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(loss="binary_crossentropy", metrics=list(metrics))
    return model.fit(x, y, epochs=epochs, batch_size=16, validation_split=0.25, verbose=0, callbacks=[live])


def test_in_a_notebook_the_status_line_and_the_figure_are_updated(fake_notebook, capsys):
    live = h.LiveTrainingPlot(refresh_seconds=0.0)
    history = fit_tiny(live)
    status, figure = fake_notebook
    lines = [u["text/plain"] for u in status.updates[1:]]
    assert lines[-1].startswith("training done: 2 epochs")
    assert any(line.startswith("epoch 2/2 · step 3/3") for line in lines)  # refreshed during the epoch
    done, metrics = lines[-1].split("\n")  # the summary on its own line, the metrics under it
    assert done == f"training done: 2 epochs, {sum(live.epoch_seconds):.0f} s"
    assert re.fullmatch(r"last epoch · training: accuracy [\d.]+, loss [\d.]+ · validation: accuracy [\d.]+, loss [\d.]+",
                        metrics)
    assert len(figure.updates) == 1 + 2  # the empty placeholder, then one figure per epoch
    assert capsys.readouterr().out == ""   # nothing printed: it all went to the display
    np.testing.assert_allclose(live.history["val_loss"], history.history["val_loss"], rtol=1e-6)


def test_curves_false_keeps_only_the_status_line(fake_notebook):
    fit_tiny(h.LiveTrainingPlot(curves=False), epochs=1)
    assert len(fake_notebook) == 1


def test_every_metric_is_shown_not_only_loss_and_accuracy(capsys):
    fit_tiny(h.LiveTrainingPlot(), epochs=1, metrics=("accuracy", "auc"))
    line = capsys.readouterr().out.splitlines()[0]
    assert re.search(r"training: accuracy [\d.]+, auc [\d.]+, loss [\d.]+ · validation: accuracy [\d.]+, auc", line)


def test_the_live_plot_is_a_stopwatch_too(capsys):
    live = h.LiveTrainingPlot()
    fit_tiny(live, epochs=2)
    assert len(live.epoch_seconds) == 2 and live.steps == [3, 3] and len(live.step_seconds) == 2


def test_korean_status_line(fake_notebook):
    settings.set_language("ko")
    fit_tiny(h.LiveTrainingPlot(), epochs=1)
    line = fake_notebook[0].updates[-1]["text/plain"]
    assert line.startswith("학습 완료: 1 에포크")
    assert re.search(r"\n마지막 에포크 · 학습: 정확도 [\d.]+, 손실 [\d.]+ · 검증: 정확도 [\d.]+, 손실 [\d.]+$", line)


def test_stop_when_learned_stops_at_the_target():
    class Model:
        stop_training = False

    stop = h.callbacks.StopWhenLearned(0.9)
    stop.set_model(Model())
    stop.on_epoch_end(0, {"accuracy": 0.89})
    assert not stop.model.stop_training
    stop.on_epoch_end(1, {"accuracy": 0.9})
    assert stop.model.stop_training
