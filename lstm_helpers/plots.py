"""Training curves: a plot of a finished ``fit`` and a live one while it runs.

Labels follow the language of :mod:`lstm_helpers.settings`. Importing this
module sets a font with Hangul (koreanize-matplotlib's NanumGothic), so Korean
labels render instead of empty boxes.
"""

from __future__ import annotations

import time

import keras
import koreanize_matplotlib  # noqa: F401  (sets a Hangul font for matplotlib)
import matplotlib.pyplot as plt

from .settings import get_language

_LABELS = {
    "ko": {
        "epoch": "에포크",
        "loss": "손실",
        "accuracy": "정확도",
        "train": "학습",
        "val": "검증",
        "title": "학습 곡선",
        "batch": "배치",
        "seconds": "초",
        "done": "학습 끝",
    },
    "en": {
        "epoch": "epoch",
        "loss": "loss",
        "accuracy": "accuracy",
        "train": "training",
        "val": "validation",
        "title": "Training curves",
        "batch": "batch",
        "seconds": "s",
        "done": "training done",
    },
}


def label(key: str) -> str:
    """The word for ``key`` (``"loss"``, ``"epoch"``, ...) in the current language."""
    return _LABELS[get_language()][key]


def _history_dict(history) -> dict[str, list[float]]:
    """Accept a keras ``History`` or its ``.history`` dict; return the dict."""
    values = getattr(history, "history", history)
    if not isinstance(values, dict) or not values:
        raise ValueError(
            "plot_history needs the History that model.fit returns (or its .history dict) "
            f"with at least one epoch; got {type(history).__name__}."
        )
    return values


def draw_history(history, axes) -> None:
    """Draw loss and accuracy per epoch, training against validation, on two axes."""
    values = _history_dict(history)
    for ax, metric in zip(axes, ("loss", "accuracy")):
        ax.clear()
        for prefix, key, style in (("", "train", "o-"), ("val_", "val", "s--")):
            series = values.get(prefix + metric)
            if series:
                epochs = range(1, len(series) + 1)
                ax.plot(epochs, series, style, label=label(key))
        ax.set_xlabel(label("epoch"))
        ax.set_ylabel(label(metric))
        ax.set_title(label(metric))
        ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
        ax.legend()


def plot_history(history, title: str | None = None):
    """Plot a finished training run: loss and accuracy per epoch, training against
    validation. Takes what ``model.fit`` returns; returns the matplotlib figure."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    draw_history(history, axes)
    fig.suptitle(title or label("title"))
    fig.tight_layout()
    return fig


class LiveTrainingPlot(keras.callbacks.Callback):
    """Draws the training curves while ``fit`` runs, instead of a progress bar.

    In Jupyter: one status line (epoch, batch, loss, accuracy, seconds),
    refreshed every ``refresh_seconds``, and a figure redrawn at the end of each
    epoch; the final figure stays in the cell's output. Elsewhere it prints one
    line per epoch. After ``fit``, ``epoch_seconds`` holds each epoch's time.
    Use it with ``fit(..., verbose=0, callbacks=[LiveTrainingPlot()])``.
    """

    def __init__(self, title: str | None = None, refresh_seconds: float = 2.0):
        super().__init__()
        self.title = title
        self.refresh_seconds = refresh_seconds
        self.history: dict[str, list[float]] = {}
        self.epoch_seconds: list[float] = []

    # -- where the output goes
    def _in_notebook(self) -> bool:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
        return shell is not None and hasattr(shell, "kernel")

    def _show_status(self, text: str, final: bool = False) -> None:
        if self._status is not None:
            self._status.update({"text/plain": text}, raw=True)
        elif final:
            print(text, flush=True)

    # -- keras hooks
    def on_train_begin(self, logs=None):
        self.history, self.epoch_seconds = {}, []
        self._epochs = self.params.get("epochs", 0)
        self._steps = self.params.get("steps")
        self._status = self._figure_handle = None
        self._fig = None
        if self._in_notebook():
            from IPython.display import display

            self._status = display({"text/plain": ""}, raw=True, display_id=True)
            self._fig, self._axes = plt.subplots(1, 2, figsize=(10, 3.8))
            plt.close(self._fig)  # shown through the display handle only, not again at cell end
            self._figure_handle = display({"text/plain": ""}, raw=True, display_id=True)

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch
        self._epoch_start = self._last_refresh = time.perf_counter()

    def on_train_batch_end(self, batch, logs=None):
        now = time.perf_counter()
        if self._status is None or now - self._last_refresh < self.refresh_seconds:
            return
        self._last_refresh = now
        self._show_status(self._line(self._epoch, logs, now - self._epoch_start, batch + 1))

    def on_epoch_end(self, epoch, logs=None):
        seconds = time.perf_counter() - self._epoch_start
        self.epoch_seconds.append(seconds)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(float(value))
        line = self._line(epoch, logs, seconds)
        if self._fig is None:
            print(line, flush=True)
            return
        self._show_status(line)
        draw_history(self.history, self._axes)
        self._fig.suptitle(self.title or label("title"))
        self._fig.tight_layout()
        self._figure_handle.update(self._fig)

    def on_train_end(self, logs=None):
        if self._status is not None and self.epoch_seconds:
            total = sum(self.epoch_seconds)
            self._show_status(
                f"{label('done')}: {len(self.epoch_seconds)} {label('epoch')}, {total:.0f} {label('seconds')} · "
                + self._metrics({k: v[-1] for k, v in self.history.items()})
            )

    # -- text
    def _metrics(self, logs) -> str:
        names = {"loss": label("loss"), "accuracy": label("accuracy"),
                 "val_loss": f"{label('val')} {label('loss')}",
                 "val_accuracy": f"{label('val')} {label('accuracy')}"}
        return " · ".join(f"{names[k]} {float(logs[k]):.4f}" for k in names if k in (logs or {}))

    def _line(self, epoch, logs, seconds, batch=None) -> str:
        where = f"{label('epoch')} {epoch + 1}/{self._epochs}"
        if batch is not None and self._steps:
            where += f" · {label('batch')} {batch}/{self._steps}"
        return f"{where} · {seconds:.0f} {label('seconds')} · {self._metrics(logs)}"
