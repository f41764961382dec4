"""What the notebooks print: results as real tables, and long text in lines.

A table is a pandas DataFrame, which Jupyter shows as an HTML table
(aligned whatever the font, Hangul included) and which writes Markdown with ``to_markdown``.

Importing it sets pandas' ``display.max_colwidth`` to None, so that Jupyter shows a
long cell (a configuration's description) whole instead of cutting it at 50 characters.

Long text (a decoded review) is printed by :func:`print_wrapped` in lines that break
between words, never inside one.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .settings import pick
from .wrapping import wrap_columns

pd.set_option("display.max_colwidth", None)

# Korean words are not broken between two syllables ("테스트 정/확도"): a header or cell wraps at spaces only.
# An inline style, not a <style> block: JupyterLab keeps it in a notebook that is not trusted.
KEEP_WORDS = "word-break: keep-all"


class Table(pd.DataFrame):
    """The DataFrame :func:`show_table` returns: in Jupyter, its rows are not numbered
    (unless it was made with ``index=True``) and no header breaks inside a Korean word.
    Everything else is pandas' DataFrame; what is computed from it is a plain DataFrame."""

    def _numbered(self) -> bool:
        """Whether the row labels are worth showing: anything but pandas' default 0, 1, 2, ..."""
        return not self.index.equals(pd.RangeIndex(len(self)))

    def _repr_html_(self) -> str:
        table = self.to_html(index=self._numbered(), escape=True)
        return (table.replace('<table border="1" class="dataframe">',
                              f'<table border="1" class="dataframe" style="{KEEP_WORDS}">', 1)
                .replace("<th>", f'<th style="{KEEP_WORDS}">'))

    def __repr__(self) -> str:
        return self.to_string(index=self._numbered())


def show_table(rows: Sequence[dict], columns: Sequence[tuple[str, str, str]], index: bool = False) -> Table:
    """Return the rows as a table (a pandas DataFrame) of formatted cells, for a learner to read.

    ``rows``: dicts, one per row. ``columns``: ``(key, header, format)``
    triples, e.g. ``("seconds", "s / epoch", "{:.1f}")``: the column
    ``header`` shows ``format.format(row[key])``. Put the call last in a cell
    (or pass it to ``display``) and Jupyter draws an HTML table. The rows are
    not numbered, so that a column of the table's own (a unit, a time step)
    is the only number at the left; ``index=True`` numbers them 1, 2, 3, ...
    """
    rows = list(rows)
    missing = sorted({key for key, _, _ in columns for row in rows if key not in row})
    if missing:
        raise KeyError(pick(ko=f"표로 만들 행에 열 {missing} 의 값이 없습니다.",
                            en=f"The rows lack the column(s) {missing}."))
    cells = {header: [fmt.format(row[key]) for row in rows] for key, header, fmt in columns}
    return Table(cells, index=range(1, len(rows) + 1) if index else None)



def print_wrapped(*parts, width: int = 100) -> None:
    """Prints ``parts`` like ``print`` does (joined by spaces), broken into lines of at
    most ``width`` columns at spaces (:func:`lstm_helpers.wrapping.wrap_columns`), so
    that a long review never breaks inside a word on the screen. Later lines are
    indented by two spaces."""
    print(wrap_columns(" ".join(str(part) for part in parts), width))
