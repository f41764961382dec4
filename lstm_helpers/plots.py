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
        "epochs": "에포크 수",
        "batch_size": "배치 크기",
        "seconds_per_epoch": "에포크당 시간(초)",
        "val_accuracy": "검증 정확도",
        "batch_sweep_title": "배치 크기에 따른 시간과 검증 정확도",
        "review_length": "리뷰 길이(단어 수)",
        "review_count": "리뷰 수",
        "lengths_title": "학습 리뷰의 길이",
        "median": "중앙값",
        "word_vectors_title": "단어 임베딩 벡터를 2차원으로 투영(PCA)",
        "pc1": "첫째 주성분",
        "pc2": "둘째 주성분",
        # notebooks 01 and 02: recurrence, long range, gates
        "unrolled_title": "시간 축으로 펼친 순환 신경망",
        "folded": "순환 신경망 한 칸",
        "distance": "거리: 마지막 입력보다 몇 타임 스텝 앞인가",
        "gradient_size": r"그래디언트 크기 $\|\partial h_T / \partial x_t\|$",
        "gradient_title": "마지막 은닉 상태의 그래디언트: 앞쪽 입력일수록",
        "sequence_length": "시퀀스 길이(타임 스텝 수)",
        "test_accuracy": "테스트 정확도",
        "chance": "찍기(0.5)",
        "memory_title": "기억 과제: 시퀀스 길이에 따른 정확도",
        "input": "입력 게이트 i",
        "forget": "망각 게이트 f",
        "candidate": "후보 값 g",
        "output": "출력 게이트 o",
        "cell": "셀 상태 c",
        "hidden": "은닉 상태 h",
        "unit": "유닛",
        "gates_title": "단어마다 본 LSTM의 게이트와 셀 상태",
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
        "epochs": "epochs",
        "batch_size": "batch size",
        "seconds_per_epoch": "seconds per epoch",
        "val_accuracy": "validation accuracy",
        "batch_sweep_title": "Time and validation accuracy against batch size",
        "review_length": "review length (words)",
        "review_count": "reviews",
        "lengths_title": "Lengths of the training reviews",
        "median": "median",
        "word_vectors_title": "Word embedding vectors projected to 2D (PCA)",
        "pc1": "first principal component",
        "pc2": "second principal component",
        # notebooks 01 and 02: recurrence, long range, gates
        "unrolled_title": "A recurrent neural network unrolled in time",
        "folded": "one recurrent cell",
        "distance": "distance: time steps before the last input",
        "gradient_size": r"gradient size $\|\partial h_T / \partial x_t\|$",
        "gradient_title": "Gradient of the last hidden state, further and further back",
        "sequence_length": "sequence length (time steps)",
        "test_accuracy": "test accuracy",
        "chance": "chance (0.5)",
        "memory_title": "Memory task: accuracy against sequence length",
        "input": "input gate i",
        "forget": "forget gate f",
        "candidate": "candidate g",
        "output": "output gate o",
        "cell": "cell state c",
        "hidden": "hidden state h",
        "unit": "unit",
        "gates_title": "The LSTM's gates and cell state, word by word",
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
    ``curves=False`` keeps only the status line (for many runs in one cell).
    Use it with ``fit(..., verbose=0, callbacks=[LiveTrainingPlot()])``.
    """

    def __init__(self, title: str | None = None, refresh_seconds: float = 2.0, curves: bool = True):
        super().__init__()
        self.title = title
        self.curves = curves
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
            if not self.curves:
                return
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
        if self._status is None:
            print(line, flush=True)
            return
        if self._fig is None:
            self._show_status(line)
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
                f"{label('done')}: {label('epochs')} {len(self.epoch_seconds)}, {total:.0f} {label('seconds')} · "
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


# ---------------------------------------------------------------- experiments (03, 04)

def plot_batch_size_sweep(rows, title: str | None = None):
    """Plot a batch-size sweep: seconds per epoch and validation accuracy against batch size.

    ``rows`` are the dicts :func:`lstm_helpers.sweeps.run_batch_size_sweep`
    returns (``batch_size``, ``seconds_per_epoch``, ``val_accuracy``). The x
    axis is logarithmic in base 2, one tick per batch size. Returns the figure.
    """
    if not rows:
        raise ValueError("plot_batch_size_sweep needs the rows of run_batch_size_sweep; got none.")
    sizes = [row["batch_size"] for row in rows]
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    for ax, key, style in ((axes[0], "seconds_per_epoch", "o-"), (axes[1], "val_accuracy", "s-")):
        ax.plot(sizes, [row[key] for row in rows], style)
        ax.set_xscale("log", base=2)
        ax.set_xticks(sizes, [str(s) for s in sizes])
        ax.minorticks_off()
        ax.set_xlabel(label("batch_size"))
        ax.set_ylabel(label(key))
        ax.set_title(label(key))
        ax.grid(alpha=0.3)
    fig.suptitle(title or label("batch_sweep_title"))
    fig.tight_layout()
    return fig


def plot_review_lengths(lengths, maxlen: int, bins: int = 60, clip: int = 1000):
    """Histogram of review lengths (in words), with a line at ``maxlen`` and one at the median.

    Lengths above ``clip`` are counted in the last bin. Returns the figure.
    """
    import numpy as np

    lengths = np.asarray(lengths)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    ax.hist(np.minimum(lengths, clip), bins=bins, color="tab:blue", alpha=0.8)
    ax.axvline(maxlen, color="tab:red", linestyle="--", label=f"maxlen = {maxlen}")
    median = float(np.median(lengths))
    ax.axvline(median, color="tab:green", linestyle=":", label=f"{label('median')} = {median:.0f}")
    ax.set_xlabel(label("review_length"))
    ax.set_ylabel(label("review_count"))
    ax.set_title(label("lengths_title"))
    ax.legend()
    fig.tight_layout()
    return fig


def plot_word_vectors(points, words, groups=None, title: str | None = None):
    """Scatter 2D points (n, 2) with a word label at each; ``groups`` (n labels) colours them.

    Use :func:`lstm_helpers.embeddings.project_to_2d` to get the points from
    embedding vectors. Returns the figure.
    """
    import numpy as np

    points = np.asarray(points)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(words):
        raise ValueError(f"plot_word_vectors needs points of shape ({len(words)}, 2), one per word; "
                         f"got {points.shape}.")
    groups = list(groups) if groups is not None else [""] * len(words)
    fig, ax = plt.subplots(figsize=(7, 5.5))
    for group in dict.fromkeys(groups):
        mine = [i for i, g in enumerate(groups) if g == group]
        ax.scatter(points[mine, 0], points[mine, 1], label=group or None)
    for (x, y), word in zip(points, words):
        ax.annotate(word, (x, y), textcoords="offset points", xytext=(4, 3))
    ax.set_xlabel(label("pc1"))
    ax.set_ylabel(label("pc2"))
    ax.set_title(title or label("word_vectors_title"))
    ax.grid(alpha=0.3)
    if any(groups):
        ax.legend()
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- recurrence and gates (01, 02)

def plot_unrolled_rnn(words=("the", "movie", "was", "great"), title: str | None = None):
    """Draw a recurrent layer folded (one cell with a loop) and unrolled over ``words``.

    Each copy of the cell gets the input ``x_t`` (a word) from below, gives
    ``h_t`` out on top, and hands ``h_t`` to the next copy on the right: the
    output comes back as input. Returns the figure.
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    words = list(words)
    if not words:
        raise ValueError("plot_unrolled_rnn needs at least one word.")
    fig, ax = plt.subplots(figsize=(2.0 + 1.9 * len(words), 3.4))

    def box(x, y, text, color):
        ax.add_patch(FancyBboxPatch((x - 0.45, y - 0.35), 0.9, 0.7, boxstyle="round,pad=0.05",
                                    facecolor=color, edgecolor="black"))
        ax.text(x, y, text, ha="center", va="center", fontsize=11)

    def arrow(a, b, **kw):
        ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=14, color="black", **kw))

    # folded: one cell with its loop
    box(0, 0, "RNN", "#cfe3f7")
    arrow((0, -1.05), (0, -0.42))
    arrow((0, 0.42), (0, 1.05))
    arrow((0.5, 0.2), (0.5, -0.2), connectionstyle="arc3,rad=-2.2")  # h_t goes round into the next step
    ax.text(0, -1.3, "$x_t$", ha="center", va="top", fontsize=12)
    ax.text(0, 1.25, "$h_t$", ha="center", va="bottom", fontsize=12)
    ax.text(0, -1.85, label("folded"), ha="center", va="top", fontsize=9, color="0.3")
    ax.text(1.2, 0, "=", ha="center", va="center", fontsize=22)

    start = 3.1
    ax.text(start - 0.88, 0.12, "$h_0 = 0$", ha="center", va="bottom", fontsize=10)
    for t, word in enumerate(words, start=1):
        x = start + 1.6 * (t - 1)
        box(x, 0, "RNN", "#cfe3f7")
        arrow((x, -1.05), (x, -0.42))
        arrow((x, 0.42), (x, 1.05))
        ax.text(x, -1.3, f"$x_{t}$\n“{word}”", ha="center", va="top", fontsize=11)
        ax.text(x, 1.25, f"$h_{t}$", ha="center", va="bottom", fontsize=12)
        arrow((x - 1.6 + 0.5 if t > 1 else start - 1.1, 0), (x - 0.5, 0))
    ax.set_xlim(-0.8, start + 1.6 * (len(words) - 1) + 0.8)
    ax.set_ylim(-2.3, 1.8)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title or label("unrolled_title"))
    fig.tight_layout()
    return fig


def plot_gradient_by_distance(gradients: dict, title: str | None = None):
    """Plot gradient size against distance, log y, one line per layer.

    ``gradients``: ``{"SimpleRNN": array, "LSTM": array}`` as
    :func:`lstm_helpers.long_range.compare_gradients` returns, element ``d``
    belonging to the input ``d`` steps before the last. Returns the figure.
    """
    import numpy as np

    if not gradients:
        raise ValueError("plot_gradient_by_distance needs {layer name: gradient sizes}; got none.")
    fig, ax = plt.subplots(figsize=(8, 4))
    for (name, values), style in zip(gradients.items(), ("o-", "s-", "^-", "d-")):
        values = np.asarray(values, dtype=float)
        ax.semilogy(np.arange(len(values)), values, style, markersize=3, label=name)
    # powers of ten in mathtext's own font: the Hangul font has no minus sign for 10^-5
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"$10^{{{np.log10(v):.0f}}}$" if v > 0 else ""))
    ax.set_xlabel(label("distance"))
    ax.set_ylabel(label("gradient_size"))
    ax.set_title(title or label("gradient_title"))
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    fig.tight_layout()
    return fig


def plot_memory_task(result, title: str | None = None):
    """Plot test accuracy against sequence length, one line per layer, with chance at 0.5.

    ``result``: the :class:`lstm_helpers.long_range.MemoryResult` of
    ``run_memory_task`` (``lengths`` and ``accuracy`` per layer name). Returns the figure.
    """
    lengths = list(result.lengths)
    fig, ax = plt.subplots(figsize=(8, 4))
    for (name, values), style in zip(result.accuracy.items(), ("o-", "s-", "^-", "d-")):
        ax.plot(lengths, values, style, label=name)
    ax.axhline(0.5, color="gray", linestyle=":", label=label("chance"))
    ax.set_xscale("log")
    ax.set_xticks(lengths, [str(n) for n in lengths])
    ax.minorticks_off()
    ax.set_ylim(0.4, 1.03)
    ax.set_xlabel(label("sequence_length"))
    ax.set_ylabel(label("test_accuracy"))
    ax.set_title(title or label("memory_title"))
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    return fig


def plot_gate_heatmap(words, panels: dict, units=None, title: str | None = None,
                      gate_range: tuple[float, float] | None = None):
    """Heatmaps of LSTM values per word: one panel per quantity, units down, words across.

    ``words``: the words of the review, one per time step; ``panels``:
    ``{"forget": array, "input": ..., "cell": ...}``, each (steps, all units)
    -- keys ``input``, ``forget``, ``candidate``, ``output``, ``cell``,
    ``hidden`` get titles in the notebook's language. ``units``: which units
    to show (default: all). Each gate's colours span the values shown (their
    colour bar gives the numbers), or ``gate_range``, e.g. ``(0, 1)``; the
    others get a colour scale centred on 0. Returns the figure.
    """
    import numpy as np

    words = list(words)
    if not panels:
        raise ValueError("plot_gate_heatmap needs at least one panel, e.g. {'forget': gates.forget}.")
    first = np.asarray(next(iter(panels.values())))
    units = list(range(first.shape[1])) if units is None else list(units)
    fig, axes = plt.subplots(len(panels), 1, figsize=(max(8, 0.28 * len(words) + 2), 1.0 + 0.3 * len(units) * len(panels) + 0.9),
                             sharex=True, squeeze=False)
    for ax, (key, values) in zip(axes[:, 0], panels.items()):
        values = np.asarray(values, dtype=float)
        if values.shape[0] != len(words):
            raise ValueError(f"panel {key!r} has {values.shape[0]} time steps but there are {len(words)} words.")
        shown = values[:, units].T
        if key in ("input", "forget", "output"):
            low, high = gate_range if gate_range is not None else (float(shown.min()), float(shown.max()))
            image = ax.imshow(shown, aspect="auto", cmap="viridis", vmin=low, vmax=high)
        else:
            limit = max(float(np.abs(shown).max()), 1e-6)
            image = ax.imshow(shown, aspect="auto", cmap="coolwarm", vmin=-limit, vmax=limit)
        ax.set_yticks(range(len(units)), [str(u) for u in units], fontsize=7)
        ax.set_ylabel(label("unit"), fontsize=8)
        ax.set_title(label(key) if key in _LABELS["en"] else key, fontsize=10, loc="left")
        fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
    bottom = axes[-1, 0]
    bottom.set_xticks(range(len(words)), words, rotation=90, fontsize=8)
    fig.suptitle(title or label("gates_title"))
    fig.tight_layout()
    return fig


def plot_benchmark(rows, goal: float | None = 0.89):
    """Test accuracy against training seconds, one labelled point per configuration.

    Takes the rows of :func:`lstm_helpers.benchmark.run_benchmark`; draws the
    ``goal`` accuracy as a dashed line. Returns the matplotlib figure.
    """
    from .settings import pick

    if not rows:
        raise ValueError("plot_benchmark needs at least one row from benchmark.run_benchmark.")
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for row in rows:
        ax.scatter(row["total_seconds"], row["test_accuracy"], s=20 + row["parameters"] / 1e5)
        ax.annotate(f"{row['name']} ({row['maxlen']})", (row["total_seconds"], row["test_accuracy"]),
                    textcoords="offset points", xytext=(6, 4), fontsize=9)
    if goal is not None:
        ax.axhline(goal, linestyle="--", color="gray")
        ax.annotate(pick(ko=f"목표 {goal}", en=f"goal {goal}"), (0, goal), xycoords=("axes fraction", "data"),
                    textcoords="offset points", xytext=(4, 4), color="gray")
    ax.set_xscale("log")
    ax.set_xlabel(pick(ko="학습 시간(초, 로그 눈금)", en="training seconds (log scale)"))
    ax.set_ylabel(pick(ko="테스트 정확도", en="test accuracy"))
    ax.set_title(pick(ko="모델별 테스트 정확도와 학습 시간 (점 크기: 파라미터 수)",
                      en="Test accuracy and training time per model (dot size: parameters)"))
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
