"""A picture of one time step of an LSTM cell (notebook 02), drawn with matplotlib,
labels in the notebook's language.

The LSTM is drawn the way Colah's "Understanding LSTM Networks" made familiar: the
cell state runs along the top like a conveyor belt and is changed in two places
only (a product with the forget gate, a sum with what the input gate lets in); the
three gates and the candidate are computed from the previous hidden state and the
input, drawn along the bottom.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from ..settings import pick

_GATE = "#f6d7a7"        # sigmoid layers (gates)
_TANH = "#cfe3f7"        # tanh layers (candidates)
_CELL = "#f4f4f4"


class _Canvas:
    """One axes with the drawing primitives of a cell diagram (data units, equal aspect)."""

    def __init__(self, width: float, height: float, figsize=(10, 5.0)):
        self.fig, self.ax = plt.subplots(figsize=figsize)
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(0, height)
        self.ax.set_aspect("equal")
        self.ax.axis("off")

    def arrow(self, *points, color="black", head=True):
        """A polyline through ``points``, with an arrow head at the end when ``head``."""
        for a, b in zip(points[:-2], points[1:-1]):
            self.ax.plot([a[0], b[0]], [a[1], b[1]], color=color, linewidth=1.6, solid_capstyle="round")
        self.ax.add_patch(FancyArrowPatch(points[-2], points[-1], arrowstyle="-|>" if head else "-",
                                          mutation_scale=14, color=color, linewidth=1.6, shrinkA=0, shrinkB=0))

    def layer(self, x, y, symbol, name, colour, width=1.5, height=0.95):
        """A neural-network layer: a box with its function (sigma, tanh) and its name under it."""
        self.ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                         boxstyle="round,pad=0.04", facecolor=colour, edgecolor="black"))
        self.ax.text(x, y + 0.16, symbol, ha="center", va="center", fontsize=13)
        self.ax.text(x, y - 0.24, name, ha="center", va="center", fontsize=9)

    def node(self, x, y, symbol):
        """A point-wise operation: a small circle with × or +."""
        self.ax.add_patch(Circle((x, y), 0.3, facecolor="white", edgecolor="black", linewidth=1.4, zorder=3))
        self.ax.text(x, y, symbol, ha="center", va="center", fontsize=12, zorder=4)

    def label(self, x, y, text, **kw):
        self.ax.text(x, y, text, fontsize=kw.pop("fontsize", 11), **kw)


def draw_lstm_cell(title: str | None = None):
    """One time step of an LSTM cell: the cell state c along the top (changed only by
    the forget gate's product and the input gate's sum), the gates f, i, o and the
    candidate g computed from h(t-1) and x(t) along the bottom, and h(t) = o * tanh(c(t)).
    The two equations are written under the picture. Returns the figure."""
    canvas = _Canvas(13.6, 6.7)
    ax = canvas.ax
    ax.add_patch(FancyBboxPatch((1.4, 0.9), 10.2, 5.4, boxstyle="round,pad=0.1", facecolor=_CELL, edgecolor="0.5"))
    top, bottom, row = 5.5, 1.5, 2.9                      # heights: cell state, [h, x] line, the layers
    f_x, i_x, g_x, o_x, out_x = 3.2, 4.9, 6.6, 8.3, 10.0

    # the cell state: the conveyor belt
    canvas.arrow((0.2, top), (f_x - 0.3, top))
    canvas.node(f_x, top, "×")
    canvas.arrow((f_x + 0.3, top), (g_x - 0.3, top))
    canvas.node(g_x, top, "+")
    canvas.arrow((g_x + 0.3, top), (13.4, top))
    canvas.label(0.2, top + 0.25, "$c_{t-1}$", ha="left", va="bottom")
    canvas.label(13.4, top + 0.25, "$c_t$", ha="right", va="bottom")
    canvas.label((f_x + g_x) / 2, top + 0.3, pick(ko="셀 상태 c", en="cell state c"), ha="center", va="bottom",
                 fontsize=10, color="0.25")

    # h(t-1) and x(t) reach every layer
    canvas.arrow((0.2, bottom), (o_x, bottom), head=False)
    canvas.arrow((2.2, 0.1), (2.2, bottom), head=False)
    canvas.label(0.2, bottom - 0.2, "$h_{t-1}$", ha="left", va="top")
    canvas.label(2.35, 0.15, "$x_t$", ha="left", va="bottom")
    for x in (f_x, i_x, g_x, o_x):
        canvas.arrow((x, bottom), (x, row - 0.5))
    canvas.layer(f_x, row, "σ", pick(ko="망각 게이트 f", en="forget gate f"), _GATE)
    canvas.layer(i_x, row, "σ", pick(ko="입력 게이트 i", en="input gate i"), _GATE)
    canvas.layer(g_x, row, "tanh", pick(ko="후보 값 g", en="candidate g"), _TANH)
    canvas.layer(o_x, row, "σ", pick(ko="출력 게이트 o", en="output gate o"), _GATE)

    # forget: c(t-1) x f; write: + i x g
    canvas.arrow((f_x, row + 0.5), (f_x, top - 0.3))
    write_y = 4.25
    canvas.arrow((i_x, row + 0.5), (i_x, write_y), (g_x - 0.3, write_y))
    canvas.node(g_x, write_y, "×")
    canvas.arrow((g_x, row + 0.5), (g_x, write_y - 0.3))
    canvas.arrow((g_x, write_y + 0.3), (g_x, top - 0.3))

    # output: h(t) = o x tanh(c(t))
    tanh_y, out_y = 4.45, 3.55
    canvas.arrow((out_x, top), (out_x, tanh_y + 0.25))
    ax.add_patch(FancyBboxPatch((out_x - 0.42, tanh_y - 0.22), 0.84, 0.44, boxstyle="round,pad=0.04",
                                facecolor="white", edgecolor="black"))
    canvas.label(out_x, tanh_y, "tanh", ha="center", va="center", fontsize=10)
    canvas.arrow((out_x, tanh_y - 0.22), (out_x, out_y + 0.3))
    canvas.node(out_x, out_y, "×")
    canvas.arrow((o_x, row + 0.5), (o_x, out_y), (out_x - 0.3, out_y))
    canvas.arrow((out_x + 0.3, out_y), (13.4, out_y))
    canvas.label(13.4, out_y - 0.2, "$h_t$", ha="right", va="top")

    ax.text(6.8, 0.35, "$c_t = f \\cdot c_{t-1} + i \\cdot g$        $h_t = o \\cdot \\tanh(c_t)$",
            ha="center", va="center", fontsize=12)
    ax.set_title(title or pick(ko="LSTM 셀의 타임 스텝 하나", en="One time step of an LSTM cell"))
    canvas.fig.tight_layout()
    return canvas.fig
