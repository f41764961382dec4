"""The figures of notebooks 01-02: the unrolled RNN, gradients by distance, the memory task, LSTM gates."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..settings import pick


def plot_unrolled_rnn(words=("the", "movie", "was", "great"), title: str | None = None):
    """Draw a recurrent layer folded (one cell with a loop) and unrolled over ``words``.

    Each copy of the cell gets the input ``x_t`` (a word) from below, gives
    ``h_t`` out on top, and hands ``h_t`` to the next copy on the right: the
    output comes back as input. Returns the figure.
    """
    words = list(words)
    if not words:
        raise ValueError(pick(ko="plot_unrolled_rnn 에는 단어가 하나 이상 필요합니다.",
                              en="plot_unrolled_rnn needs at least one word."))
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
    ax.text(0, -1.85, pick(ko='RNN 셀 하나', en='one recurrent cell'), ha="center", va="top", fontsize=9, color="0.3")
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
    ax.set_title(title or pick(ko='시간 축으로 펼친 순환 신경망', en='A recurrent neural network unrolled in time'))
    fig.tight_layout()
    return fig


def plot_gradient_by_distance(gradients: dict, title: str | None = None):
    """Plot gradient size against distance, log y, one line per layer.

    ``gradients``: ``{"SimpleRNN": array, "LSTM": array}`` as
    :func:`lstm_helpers.long_range.compare_gradients` returns, element ``d``
    belonging to the input ``d`` steps before the last. Returns the figure.
    """
    if not gradients:
        raise ValueError(pick(ko="plot_gradient_by_distance 에는 {층 이름: 그래디언트 크기} 딕셔너리가 필요합니다. 빈 값이 들어왔습니다.",
                              en="plot_gradient_by_distance needs {layer name: gradient sizes}; got none."))
    fig, ax = plt.subplots(figsize=(8, 4))
    for (name, values), style in zip(gradients.items(), ("o-", "s-", "^-", "d-")):
        values = np.asarray(values, dtype=float)
        ax.semilogy(np.arange(len(values)), values, style, markersize=3, label=name)
    # powers of ten in mathtext's own font: the Hangul font has no minus sign for 10^-5
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"$10^{{{np.log10(v):.0f}}}$" if v > 0 else ""))
    ax.set_xlabel(pick(ko='마지막 입력에서 앞쪽으로 센 타임 스텝 수', en='distance: time steps before the last input'))
    ax.set_ylabel(pick(ko='그래디언트 크기 $\\|\\partial h_T / \\partial x_t\\|$', en='gradient size $\\|\\partial h_T / \\partial x_t\\|$'))
    ax.set_title(title or pick(ko='마지막 은닉 상태를 각 타임 스텝의 입력으로 미분한 그래디언트의 크기',
                                 en='Gradient of the last hidden state with respect to the input at each time step'))
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
    # lines that coincide (both at 1.0) must both show: the first thick and solid with small filled markers,
    # the later ones thinner, dashed, with larger hollow markers drawn over it
    styles = (dict(marker="o", linestyle="-", linewidth=3, markersize=6),
              dict(marker="s", linestyle="--", linewidth=1.5, markersize=10, markerfacecolor="none", markeredgewidth=1.5),
              dict(marker="^", linestyle=":", linewidth=1.5, markersize=11, markerfacecolor="none", markeredgewidth=1.5),
              dict(marker="d", linestyle="-.", linewidth=1.5, markersize=12, markerfacecolor="none", markeredgewidth=1.5))
    for (name, values), style in zip(result.accuracy.items(), styles):
        ax.plot(lengths, values, label=name, **style)
    ax.axhline(0.5, color="gray", linestyle=":", label=pick(ko='무작위 추측(0.5)', en='chance (0.5)'))
    ax.set_xscale("log")
    ax.set_xticks(lengths, [str(n) for n in lengths])
    ax.minorticks_off()
    ax.set_ylim(0.4, 1.03)
    ax.set_xlabel(pick(ko='시퀀스 길이(타임 스텝 수)', en='sequence length (time steps)'))
    ax.set_ylabel(pick(ko='테스트 정확도', en='test accuracy'))
    ax.set_title(title or pick(ko='기억 과제: 시퀀스 길이에 따른 정확도', en='Memory task: accuracy against sequence length'))
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    return fig


WORDS_PER_ROW = 45  # plot_gate_heatmap: more words than this wrap into a second row


def _panel_titles() -> dict[str, str]:
    return {"input": pick(ko="입력 게이트 i", en="input gate i"),
            "forget": pick(ko="망각 게이트 f", en="forget gate f"),
            "candidate": pick(ko="후보 값 g", en="candidate g"),
            "output": pick(ko="출력 게이트 o", en="output gate o"),
            "cell": pick(ko="셀 상태 c", en="cell state c"),
            "hidden": pick(ko="은닉 상태 h", en="hidden state h")}


def plot_gate_heatmap(words, panels: dict, units=None, title: str | None = None,
                      gate_range: tuple[float, float] | None = None):
    """Heatmaps of LSTM values per word: one panel per quantity, units down, words across.

    ``words``: the words of the review, one per time step; ``panels``:
    ``{"forget": array, "input": ..., "cell": ...}``, each (steps, all units)
    -- keys ``input``, ``forget``, ``candidate``, ``output``, ``cell``,
    ``hidden`` get titles in the notebook's language. ``units``: which units
    to show (default: all). More than 45 words wrap into rows, so that the
    figure keeps a notebook's width and readable labels. Each gate's colours span the values shown (their
    colour bar gives the numbers), or ``gate_range``, e.g. ``(0, 1)``; the
    others get a colour scale centred on 0. Returns the figure.
    """
    words = list(words)
    if not panels:
        raise ValueError(pick(ko="plot_gate_heatmap 에는 패널이 하나 이상 필요합니다. 예: {'forget': gates.forget}",
                              en="plot_gate_heatmap needs at least one panel, e.g. {'forget': gates.forget}."))
    first = np.asarray(next(iter(panels.values())))
    units = list(range(first.shape[1])) if units is None else list(units)
    # at most WORDS_PER_ROW words side by side, so that the figure fits a notebook's width (10 in) without being
    # shrunk and its word labels stay 9 pt; a longer review wraps into rows, each with every panel
    rows = max(1, -(-len(words) // WORDS_PER_ROW))
    per_row = -(-len(words) // rows)
    width = min(10.0, max(7.0, 0.18 * per_row + 2.2))
    panel_height = 0.22 * len(units) + 0.5
    fig = plt.figure(layout="constrained",
                     figsize=(width, rows * (len(panels) * panel_height + 0.9) + 0.4))
    blocks = fig.subfigures(rows, 1, squeeze=False)[:, 0] if rows > 1 else [fig]
    axes = [block.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0] for block in blocks]
    scales = {}
    for key, values in panels.items():
        values = np.asarray(values, dtype=float)
        if values.shape[0] != len(words):
            raise ValueError(pick(ko=f"패널 {key!r} 의 타임 스텝은 {values.shape[0]}개인데 단어는 {len(words)}개입니다.",
                                  en=f"panel {key!r} has {values.shape[0]} time steps but there are {len(words)} words."))
        shown = values[:, units].T
        if key in ("input", "forget", "output"):
            low, high = gate_range if gate_range is not None else (float(shown.min()), float(shown.max()))
            scales[key] = (shown, dict(cmap="viridis", vmin=low, vmax=high))
        else:
            limit = max(float(np.abs(shown).max()), 1e-6)
            scales[key] = (shown, dict(cmap="coolwarm", vmin=-limit, vmax=limit))
    for row in range(rows):
        start = row * per_row
        these = words[start:start + per_row]
        for k, key in enumerate(panels):
            ax = axes[row][k]
            shown, scale = scales[key]
            image = ax.imshow(shown[:, start:start + per_row], aspect="auto", **scale)
            ax.set_xlim(-0.5, per_row - 0.5)   # the same column width in every row, the last one included
            ax.set_yticks(range(len(units)), [str(u) for u in units], fontsize=8)
            ax.set_ylabel(pick(ko='유닛', en='unit'), fontsize=9)
            ax.set_title(_panel_titles().get(key, key), fontsize=10, loc="left")
            fig.colorbar(image, ax=ax, pad=0.01, fraction=0.03)
        axes[row][-1].set_xticks(range(len(these)), these, rotation=90, fontsize=9)
    fig.suptitle(title or pick(ko='단어별 LSTM 게이트와 셀 상태', en="The LSTM's gates and cell state, word by word"))
    return fig




def plot_clipping(traces: dict, title: str | None = None):
    """Three panels stacked (one row each, readable at a notebook's width), one line per run, against the
    update (step): loss, gradient norm before clipping, update size.

    ``traces``: ``{run name: TrainingTrace}`` as
    :func:`lstm_helpers.long_range.train_recording_gradients` returns (``loss``,
    ``gradient_norm``, ``update_norm``, one number per update). All three
    panels have a log y axis. A run whose loss became NaN stops there; its
    legend says at which update. Returns the figure.
    """
    if not traces:
        raise ValueError(pick(ko="plot_clipping 에는 {실행 이름: TrainingTrace} 딕셔너리가 필요합니다. 빈 값이 들어왔습니다.",
                              en="plot_clipping needs {run name: TrainingTrace}; got none."))
    fig, axes = plt.subplots(3, 1, figsize=(9, 9.5), sharex=True)
    panels = [
        ("loss", pick(ko="손실", en="loss")),
        ("gradient_norm", pick(ko="클리핑 전 그래디언트 노름", en="gradient norm before clipping")),
        ("update_norm", pick(ko="스텝 한 번에 가중치가 움직인 거리", en="how far one update moved the weights")),
    ]
    styles = ("-", "--", "-.", ":")
    for (name, trace), style in zip(traces.items(), styles * 4):
        loss = np.asarray(trace.loss, dtype=float)
        bad = np.flatnonzero(~np.isfinite(loss))
        label = name if not len(bad) else name + pick(ko=f" (스텝 {bad[0] + 1}부터 NaN)", en=f" (NaN from update {bad[0] + 1})")
        for ax, (key, _) in zip(axes, panels, strict=True):
            values = np.asarray(getattr(trace, key), dtype=float)
            values = np.where(np.isfinite(values) & (values > 0), values, np.nan)
            ax.semilogy(np.arange(1, len(values) + 1), values, style, marker="o", markersize=2, label=label)
    axes[-1].set_xlabel(pick(ko="스텝(가중치 갱신)", en="update (step)"))
    for ax, (_, ylabel) in zip(axes, panels, strict=True):
        ax.set_title(ylabel, fontsize=11)
        # powers of ten in mathtext's own font: the Hangul font has no minus sign
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"$10^{{{np.log10(v):.0f}}}$" if v > 0 else ""))
        ax.grid(alpha=0.3, which="both")
    axes[0].legend(fontsize=10, loc="upper right")
    fig.suptitle(title or pick(ko="그래디언트 클리핑이 있을 때와 없을 때의 학습",
                               en="Training with and without gradient clipping"))
    fig.tight_layout()
    return fig
