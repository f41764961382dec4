"""Training curves: loss and accuracy per epoch, training against validation."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..settings import pick


def _history_dict(history) -> dict[str, list[float]]:
    """Accept a keras ``History`` or its ``.history`` dict; return the dict."""
    values = getattr(history, "history", history)
    if not isinstance(values, dict) or not values:
        raise ValueError(pick(
            ko="plot_history 에는 model.fit 이 돌려준 History(또는 그 .history 딕셔너리)를 넘기세요. "
               f"에포크가 하나 이상 있어야 합니다. 들어온 것: {type(history).__name__}",
            en="plot_history needs the History that model.fit returns (or its .history dict) "
               f"with at least one epoch; got {type(history).__name__}.",
        ))
    return values


def _words() -> dict[str, str]:
    return {"loss": pick(ko="손실", en="loss"), "accuracy": pick(ko="정확도", en="accuracy"),
            "train": pick(ko="학습", en="training"), "val": pick(ko="검증", en="validation")}


def draw_history(history, axes) -> None:
    """Draw loss and accuracy per epoch, training against validation, on two axes."""
    values = _history_dict(history)
    words = _words()
    for ax, metric in zip(axes, ("loss", "accuracy"), strict=True):
        ax.clear()
        for prefix, key, style in (("", "train", "o-"), ("val_", "val", "s--")):
            series = values.get(prefix + metric)
            if series:
                epochs = range(1, len(series) + 1)
                ax.plot(epochs, series, style, label=words[key])
        ax.set_xlabel(pick(ko='에포크', en='epoch'))
        ax.set_ylabel(words[metric])
        ax.set_title(words[metric])
        ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
        ax.legend()


def plot_history(history, title: str | None = None):
    """Plot a finished training run: loss and accuracy per epoch, training against
    validation. Takes what ``model.fit`` returns; returns the matplotlib figure."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    draw_history(history, axes)
    fig.suptitle(title or pick(ko='학습 곡선', en='Training curves'))
    fig.tight_layout()
    return fig


