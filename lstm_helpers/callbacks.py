"""Keras callbacks the notebooks hand to ``fit``: a stopwatch, a live view, a stop rule.

* :class:`EpochTimer` -- the one stopwatch: seconds per epoch and per step.
* :class:`LiveTrainingPlot` -- an :class:`EpochTimer` that also shows training
  as it runs: a status line and the curves, redrawn after each epoch.
* :class:`StopWhenLearned` -- stop once the training accuracy reaches a target.
"""

from __future__ import annotations

import time

import keras
import matplotlib.pyplot as plt
import numpy as np

from .plots.curves import draw_history
from .settings import pick


class EpochTimer(keras.callbacks.Callback):
    """Measures each epoch of ``fit``.

    After ``fit``: ``epoch_seconds`` holds each epoch's wall time (training
    steps and validation, as a stopwatch would see it); ``step_seconds`` each
    epoch's *median* time per training step, the first step left out (it also
    builds the computation graph, a one-off cost of a few seconds; the median
    shrugs off steps slowed down by other programs); ``steps`` the number of
    steps per epoch.
    """

    clock = staticmethod(time.perf_counter)  # tests replace it with a fake clock

    def __init__(self) -> None:
        super().__init__()
        self.epoch_seconds: list[float] = []
        self.step_seconds: list[float] = []
        self.steps: list[int] = []
        self._epoch_start = self._last_step = 0.0
        self._durations: list[float] = []

    def on_train_begin(self, logs=None):
        self.epoch_seconds, self.step_seconds, self.steps = [], [], []

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch_start = self._last_step = self.clock()
        self._durations = []

    def on_train_batch_end(self, batch, logs=None):
        now = self.clock()
        self._durations.append(now - self._last_step)
        self._last_step = now

    def on_epoch_end(self, epoch, logs=None):
        self.epoch_seconds.append(self.clock() - self._epoch_start)
        self.steps.append(len(self._durations))
        later = self._durations[1:] or self._durations  # one step only: nothing to leave out
        self.step_seconds.append(float(np.median(later)) if later else 0.0)

    def seconds_so_far(self) -> float:
        """Seconds since the current epoch began."""
        return self.clock() - self._epoch_start


def _metric_words(logs) -> str:
    """Every metric in ``logs``, grouped by the data it was measured on, training first:
    "training: accuracy 0.8010, loss 0.4123 · validation: accuracy 0.8310, loss 0.3950"."""
    names = {"loss": pick(ko="손실", en="loss"), "accuracy": pick(ko="정확도", en="accuracy")}
    groups = []
    for where, validation in ((pick(ko="학습", en="training"), False), (pick(ko="검증", en="validation"), True)):
        keys = sorted(k for k in (logs or {}) if k.startswith("val_") == validation)
        if keys:
            values = ", ".join(f"{names.get(k.removeprefix('val_'), k.removeprefix('val_'))} {float(logs[k]):.4f}"
                               for k in keys)
            groups.append(f"{where}: {values}")
    return " · ".join(groups)


class LiveTrainingPlot(EpochTimer):
    """Shows training while ``fit`` runs, instead of a progress bar.

    In Jupyter: one status line (epoch, step, every metric the model reports,
    seconds), refreshed every ``refresh_seconds``, and the training curves
    redrawn at the end of each epoch; the last figure stays in the cell's
    output. Elsewhere it prints one line per epoch. ``curves=False`` keeps only
    the status line (for many runs in one cell). Being an :class:`EpochTimer`,
    it holds ``epoch_seconds``, ``step_seconds`` and ``steps`` after ``fit``;
    ``history`` holds every metric per epoch.
    Use it with ``fit(..., verbose=0, callbacks=[LiveTrainingPlot()])``.
    """

    def __init__(self, title: str | None = None, refresh_seconds: float = 2.0, curves: bool = True):
        super().__init__()
        self.title = title
        self.curves = curves
        self.refresh_seconds = refresh_seconds
        self.history: dict[str, list[float]] = {}
        self._epoch = 0
        self._last_refresh = 0.0
        self._status = None   # the display handle of the status line (Jupyter only)
        self._figure = None   # (figure, axes, display handle) of the curves (Jupyter only)

    @staticmethod
    def in_notebook() -> bool:
        """True inside a Jupyter kernel."""
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
        return shell is not None and hasattr(shell, "kernel")

    def on_train_begin(self, logs=None):
        super().on_train_begin(logs)
        self.history = {}
        self._status = self._figure = None
        if not self.in_notebook():
            return
        from IPython.display import display  # looked up here: the test's stand-in, or the notebook's

        self._status = display({"text/plain": ""}, raw=True, display_id=True)
        if self.curves:
            fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
            plt.close(fig)  # shown through the display handle only, not again at the cell's end
            self._figure = (fig, axes, display({"text/plain": ""}, raw=True, display_id=True))

    def on_epoch_begin(self, epoch, logs=None):
        super().on_epoch_begin(epoch, logs)
        self._epoch = epoch
        self._last_refresh = self._epoch_start

    def on_train_batch_end(self, batch, logs=None):
        super().on_train_batch_end(batch, logs)
        if self._status is None or self._last_step - self._last_refresh < self.refresh_seconds:
            return
        self._last_refresh = self._last_step
        self._status.update({"text/plain": self._line(logs, self.seconds_so_far(), batch + 1)}, raw=True)

    def on_epoch_end(self, epoch, logs=None):
        super().on_epoch_end(epoch, logs)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(float(value))
        line = self._line(logs, self.epoch_seconds[-1])
        if self._status is None:
            print(line, flush=True)
            return
        self._status.update({"text/plain": line}, raw=True)
        if self._figure is not None:
            fig, axes, handle = self._figure
            draw_history(self.history, axes)
            fig.suptitle(self.title or pick(ko="학습 곡선", en="Training curves"))
            fig.tight_layout()
            handle.update(fig)

    def on_train_end(self, logs=None):
        if self._status is not None and self.epoch_seconds:
            epochs, total = len(self.epoch_seconds), sum(self.epoch_seconds)
            done = pick(ko=f"학습 완료: {epochs} 에포크, {total:.0f}초",
                        en=f"training done: {epochs} epoch{'s' if epochs != 1 else ''}, {total:.0f} s")
            last = {key: values[-1] for key, values in self.history.items()}
            where = pick(ko="마지막 에포크", en="last epoch")   # what the model holds may be an earlier, restored epoch
            self._status.update({"text/plain": f"{done}\n{where} · {_metric_words(last)}"}, raw=True)

    def _line(self, logs, seconds, step=None) -> str:
        where = f"{pick(ko='에포크', en='epoch')} {self._epoch + 1}/{self.params.get('epochs', '?')}"
        if step is not None and self.params.get("steps"):
            where += f" · {pick(ko='스텝', en='step')} {step}/{self.params['steps']}"
        seconds_text = pick(ko=f"{seconds:.0f}초", en=f"{seconds:.0f} s")
        return " · ".join(part for part in (where, seconds_text, _metric_words(logs)) if part)


class StopWhenLearned(keras.callbacks.Callback):
    """Stops ``fit`` once an epoch's training accuracy reaches ``target`` (0 to 1)."""

    def __init__(self, target: float) -> None:
        super().__init__()
        self.target = target

    def on_epoch_end(self, epoch, logs=None):
        if (logs or {}).get("accuracy", 0.0) >= self.target:
            self.model.stop_training = True
