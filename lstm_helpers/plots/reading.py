"""The model's opinion as it reads: P(positive) after each word (notebooks 05, 07)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ..settings import pick

MAX_WORD_TICKS = 45  # above this many words, only the words that move the opinion most are named


def plot_opinion_by_word(opinions, labels=None, moves: int = 3, title: str | None = None):
    """Plot P(positive) after each word, for one or more :class:`~lstm_helpers.opinion.Opinion`
    of the same text (one line per model).

    Words run along the x axis in reading order (as the first model saw them;
    ``<unk>`` where it did not know the word), the probability up the y axis,
    0.5 dashed. The ``moves`` words where each line moves most are labelled on
    it. ``labels`` names the lines (default: the models' names). Returns the figure.
    """
    opinions = list(opinions)
    if not opinions:
        raise ValueError(pick(ko="plot_opinion_by_word 에 opinion_by_word 의 결과를 하나 이상 넘기세요.",
                              en="plot_opinion_by_word needs at least one result of opinion_by_word."))
    labels = list(labels) if labels is not None else [o.model for o in opinions]
    if len(labels) != len(opinions):
        raise ValueError(pick(ko=f"labels 는 결과마다 하나씩 있어야 합니다: 결과 {len(opinions)}개, labels {len(labels)}개.",
                              en=f"labels needs one label per result: {len(opinions)} results, {len(labels)} labels."))
    words = opinions[0].words
    # at most a notebook's width (10 in), so that the figure is never shrunk and its 9 pt labels stay readable
    fig, ax = plt.subplots(figsize=(min(10, max(8, 0.2 * len(words) + 2.5)), 4.4))
    ax.axhspan(0.5, 1, color="tab:green", alpha=0.06)
    ax.axhspan(0, 0.5, color="tab:red", alpha=0.06)
    ax.axhline(0.5, color="gray", linestyle="--", linewidth=1)
    labels_drawn, points, line_points = [], [], []
    palette = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    colours = [palette[i % len(palette)] for i in range(len(opinions))]
    for opinion, label, colour in zip(opinions, labels, colours, strict=True):
        x = np.arange(len(opinion.probabilities))
        ax.plot(x, opinion.probabilities, "o-", markersize=3.5, color=colour,
                label=f"{label}: {opinion.final:.2f}")
        # points along the whole line (between the markers too), for the labels to keep off
        dense = np.linspace(0, len(x) - 1, max(2, 4 * len(x)))
        line_points += list(zip(dense, np.interp(dense, x, opinion.probabilities)))
    for opinion, colour in zip(opinions, colours, strict=True):
        before = np.concatenate([[0.5], opinion.probabilities[:-1]])
        for i in opinion.biggest_moves(moves):
            p = float(opinion.probabilities[i])
            here = [float(o.probabilities[i]) for o in opinions if i < len(o.probabilities)]
            # start next to the point, off the line: above a rise, below a fall, and towards the middle near
            # the top or the bottom edge; past another line that runs close by on that side
            up = p < 0.15 or (p >= before[i] and p <= 0.85)
            close = [q for q in here if (p < q < p + 0.15) if up] or [q for q in here if (p - 0.15 < q < p) if not up]
            y = (max(close + [p]) + 0.08) if up else (min(close + [p]) - 0.08)
            y = min(0.95, max(0.05, y))
            labels_drawn.append(ax.text(i, y, opinion.words[i], ha="center", va="bottom" if up else "top",
                                        fontsize=9, color=colour, fontweight="bold"))
            points.append((i, p))
    if len(words) <= MAX_WORD_TICKS:
        ax.set_xticks(range(len(words)), words, rotation=60, ha="right", fontsize=9)
    else:
        ax.set_xlabel(pick(ko=f"단어 위치 (단어 {len(words)}개)", en=f"word position ({len(words)} words)"))
    ax.set_ylim(-0.03, 1.03)
    ax.set_ylabel(pick(ko="P(긍정)", en="P(positive)"))
    # the two halves named outside the axes, on the right, where no line or word label can run into them
    ax.text(1.01, 0.75, pick(ko="긍정", en="positive"), transform=ax.transAxes, ha="left", va="center",
            fontsize=9, color="tab:green")
    ax.text(1.01, 0.25, pick(ko="부정", en="negative"), transform=ax.transAxes, ha="left", va="center",
            fontsize=9, color="tab:red")
    fig.suptitle(title or pick(ko="단어를 하나씩 읽을 때마다 바뀌는 모델의 판단",
                               en="The model's opinion after each word it reads"))
    # the legend goes above the plot, so it covers no point and no word
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=len(opinions), fontsize=9, frameon=False,
              title=pick(ko="모델: 마지막 P(긍정)", en="model: final P(positive)"), title_fontsize=9, alignment="left")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    if labels_drawn:  # move the word labels off the lines and off each other, inside the axes
        from adjustText import adjust_text

        xs, ys = zip(*line_points)
        targets_x, targets_y = zip(*points)
        adjust_text(labels_drawn, x=list(xs), y=list(ys), target_x=list(targets_x), target_y=list(targets_y),
                    ax=ax, expand=(1.1, 1.3), ensure_inside_axes=True, max_move=(5, 5),
                    arrowprops=dict(arrowstyle="-", color="gray", lw=0.5))
    return fig
