"""Long text broken into screen lines between words, never inside one.

JupyterLab breaks an output line that is wider than the pane at any character
("sett|ings", "모|델은"). These functions break it at spaces before it gets there,
counting a Hangul syllable (any wide East Asian character) as two columns, as a
monospaced font draws it. The settings (the mode line, the helpers' warnings) and
the tables module (:func:`lstm_helpers.tables.print_wrapped`) use them.
"""

from __future__ import annotations

import unicodedata


def columns(text: str) -> int:
    """How many columns ``text`` takes in a monospaced font: a Hangul syllable (any wide
    East Asian character) takes two, other characters one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_columns(text: str, width: int = 100, indent: str = "  ") -> str:
    """``text`` broken into lines of at most ``width`` columns (:func:`columns`: Hangul
    counts twice), at spaces only: a word longer than a line stays whole on its own line.
    Line breaks already in ``text`` are kept; later lines of a broken line start with
    ``indent``. Returns the new text."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and columns(candidate) > width:
                out.append(line)
                line = indent + word
            else:
                line = candidate
        out.append(line)
    return "\n".join(out)
