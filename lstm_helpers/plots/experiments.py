"""The figures of notebooks 03-06: review lengths, word vectors, batch sizes, the benchmark."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import LogLocator, ScalarFormatter

from ..settings import pick


def plot_batch_size_sweep(rows, title: str | None = None):
    """Plot a batch-size sweep: seconds per epoch and validation accuracy against batch size.

    ``rows`` are the dicts :func:`lstm_helpers.sweeps.run_batch_size_sweep`
    returns (``batch_size``, ``step_seconds_per_epoch``, ``val_accuracy``). The x
    axis is logarithmic in base 2, one tick per batch size. Returns the figure.
    """
    if not rows:
        raise ValueError(pick(ko="plot_batch_size_sweep 에 run_batch_size_sweep 의 결과 행을 넘기세요. 빈 목록이 들어왔습니다.",
                              en="plot_batch_size_sweep needs the rows of run_batch_size_sweep; got none."))
    sizes = [row["batch_size"] for row in rows]
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    names = {"step_seconds_per_epoch": pick(ko="에포크당 시간(초)", en="seconds per epoch"),
             "val_accuracy": pick(ko="검증 정확도", en="validation accuracy")}
    for ax, key, style in ((axes[0], "step_seconds_per_epoch", "o-"), (axes[1], "val_accuracy", "s-")):
        ax.plot(sizes, [row[key] for row in rows], style)
        ax.set_xscale("log", base=2)
        ax.set_xticks(sizes, [str(s) for s in sizes])
        ax.minorticks_off()
        ax.set_xlabel(pick(ko='배치 크기', en='batch size'))
        ax.set_ylabel(names[key])
        ax.set_title(names[key])
        ax.grid(alpha=0.3)
    fig.suptitle(title or pick(ko='배치 크기에 따른 시간과 검증 정확도', en='Time and validation accuracy against batch size'))
    fig.tight_layout()
    return fig


def plot_gradient_noise(rows, title: str | None = None):
    """Plot how far a mini-batch gradient lies from the full gradient, against batch size.

    ``rows`` are the dicts :func:`lstm_helpers.sweeps.gradient_noise_by_batch_size`
    returns (``batch_size``, ``noise``). Both axes are logarithmic; a dashed line
    falling like 1/sqrt(B) starts at the first point, so points on it follow that law.
    Returns the figure.
    """
    if not rows:
        raise ValueError(pick(ko="plot_gradient_noise 에 gradient_noise_by_batch_size 의 결과 행을 넘기세요. 빈 목록이 들어왔습니다.",
                              en="plot_gradient_noise needs the rows of gradient_noise_by_batch_size; got none."))
    sizes = np.array([row["batch_size"] for row in rows], dtype=float)
    noise = np.array([row["noise"] for row in rows])
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(sizes, noise, "o-", label=pick(ko="측정값", en="measured"))
    ax.plot(sizes, noise[0] * np.sqrt(sizes[0] / sizes), "--", color="gray",
            label=pick(ko="1/√B 에 비례", en="proportional to 1/√B"))
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(sizes, [str(int(s)) for s in sizes])
    ax.minorticks_off()
    ax.yaxis.set_major_formatter(ScalarFormatter())
    ax.set_xlabel(pick(ko="배치 크기 B", en="batch size B"))
    ax.set_ylabel(pick(ko="그래디언트 잡음", en="gradient noise") + r" $\|g_B - g\| \,/\, \|g\|$")
    ax.set_title(title or pick(ko="배치가 클수록 배치 그래디언트의 잡음이 작아집니다",
                               en="The bigger the batch, the less noisy its gradient"))
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    fig.tight_layout()
    return fig


def plot_review_lengths(lengths, maxlen: int, bins: int = 60, clip: int = 1000):
    """Histogram of review lengths (in words), with a line at ``maxlen`` and one at the median.

    Lengths above ``clip`` are counted in the last bin. Returns the figure.
    """
    lengths = np.asarray(lengths)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    ax.hist(np.minimum(lengths, clip), bins=bins, color="tab:blue", alpha=0.8)
    ax.axvline(maxlen, color="tab:red", linestyle="--", label=f"maxlen = {maxlen}")
    median = float(np.median(lengths))
    ax.axvline(median, color="tab:green", linestyle=":", label=f"{pick(ko='중앙값', en='median')} = {median:.0f}")
    ax.set_xlabel(pick(ko='리뷰 길이(단어 수)', en='review length (words)'))
    ax.set_ylabel(pick(ko='리뷰 수', en='reviews'))
    ax.set_title(pick(ko='학습 리뷰의 길이', en='Lengths of the training reviews'))
    ax.legend()
    fig.tight_layout()
    return fig


def plot_word_vectors(points, words, groups=None, title: str | None = None):
    """Scatter 2D points (n, 2) with a word label at each; ``groups`` (n labels) colours them.

    Use :func:`lstm_helpers.embeddings.project_to_2d` to get the points from
    embedding vectors. The words are moved apart (adjustText) so that none
    covers another. Returns the figure.
    """
    points = np.asarray(points)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(words):
        raise ValueError(pick(
            ko=f"plot_word_vectors 에는 단어마다 점 하나, 모양 ({len(words)}, 2)의 배열이 필요합니다. "
               f"들어온 모양: {points.shape}",
            en=f"plot_word_vectors needs points of shape ({len(words)}, 2), one per word; got {points.shape}."))
    groups = list(groups) if groups is not None else [""] * len(words)
    fig, ax = plt.subplots(figsize=(7, 5.5))
    for group in dict.fromkeys(groups):
        mine = [i for i, g in enumerate(groups) if g == group]
        ax.scatter(points[mine, 0], points[mine, 1], label=group or None)
    texts = [ax.text(x, y, word, fontsize=10) for (x, y), word in zip(points, words, strict=True)]
    ax.set_xlabel(pick(ko='제1 주성분', en='first principal component'))
    ax.set_ylabel(pick(ko='제2 주성분', en='second principal component'))
    ax.set_title(title or pick(ko='단어 임베딩 벡터의 2차원 투영(PCA)', en='Word embedding vectors projected to 2D (PCA)'))
    ax.grid(alpha=0.3)
    if any(groups):
        ax.legend()
    fig.tight_layout()
    # move the words apart, and off the points, so that none covers another (close words get a thin line to their point)
    from adjustText import adjust_text

    adjust_text(texts, x=points[:, 0], y=points[:, 1], ax=ax, expand=(1.15, 1.4),
                arrowprops=dict(arrowstyle="-", color="gray", lw=0.5))
    return fig


def plot_benchmark(rows, goal: float | None = 0.89):
    """Test accuracy against training seconds, one labelled point per configuration.

    Takes the rows of :func:`lstm_helpers.benchmark.run_benchmark`. Error bars
    show one standard error of the test accuracy (``test_se``) where the rows
    have it; the ``goal`` accuracy is a dashed line. Labels are moved apart
    (adjustText) so none covers another. Returns the matplotlib figure.
    """
    from adjustText import adjust_text

    if not rows:
        raise ValueError(pick(ko="plot_benchmark 에 benchmark.run_benchmark 의 결과 행을 하나 이상 넘기세요.",
                              en="plot_benchmark needs at least one row from benchmark.run_benchmark."))
    fig, ax = plt.subplots(figsize=(9, 5))
    texts = []
    for row in rows:
        x, y = row["total_seconds"], row["test_accuracy"]
        ax.errorbar(x, y, yerr=row.get("test_se"), fmt="o", markersize=7, capsize=3)
        words = pick(ko="전체", en="all") if row.get("maxlen") is None else row["maxlen"]
        texts.append(ax.text(x, y, f"{row['name']} ({words})", fontsize=9))
    accuracies = [row["test_accuracy"] for row in rows]
    top = max(accuracies + ([goal] if goal is not None else []))
    ax.set_ylim(min(accuracies) - 0.01, top + 0.012)
    if goal is not None:
        ax.axhline(goal, linestyle="--", color="gray")
        ax.annotate(pick(ko=f"목표 {goal}", en=f"goal {goal}"), (0, goal), xycoords=("axes fraction", "data"),
                    textcoords="offset points", xytext=(4, -12), color="gray")
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_locator(LogLocator(base=10, subs="auto"))
    ax.xaxis.set_minor_formatter(plt.NullFormatter())
    ax.set_xlabel(pick(ko="학습 시간(초, 로그 눈금)", en="training seconds (log scale)"))
    ax.set_ylabel(pick(ko="테스트 정확도 (오차 막대: ±표준 오차)", en="test accuracy (bars: ± standard error)"))
    ax.set_title(pick(ko="모델별 테스트 정확도와 학습 시간 (괄호: 읽는 단어 수)",
                      en="Test accuracy and training time per model (in brackets: words read)"))
    ax.grid(alpha=0.3, which="major")
    fig.tight_layout()
    # move the labels apart, and off the points, so that none covers another
    adjust_text(texts, x=[row["total_seconds"] for row in rows], y=[row["test_accuracy"] for row in rows], ax=ax,
                expand=(1.3, 1.9), force_text=(0.3, 0.6), arrowprops=dict(arrowstyle="-", color="gray", lw=0.6))
    return fig
