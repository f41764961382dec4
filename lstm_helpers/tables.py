"""Results as real tables: a pandas DataFrame, which Jupyter shows as an HTML table
(aligned whatever the font, Hangul included) and which writes Markdown with ``to_markdown``.

Importing it sets pandas' ``display.max_colwidth`` to None, so that Jupyter shows a
long cell (a configuration's description) whole instead of cutting it at 50 characters.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .settings import pick

pd.set_option("display.max_colwidth", None)


def show_table(rows: Sequence[dict], columns: Sequence[tuple[str, str, str]]):
    """Return the rows as a pandas DataFrame of formatted cells, for a learner to read.

    ``rows``: dicts, one per row. ``columns``: ``(key, header, format)``
    triples, e.g. ``("seconds", "s / epoch", "{:.1f}")``: the column
    ``header`` shows ``format.format(row[key])``. Put the call last in a cell
    (or pass it to ``display``) and Jupyter draws an HTML table.
    """
    rows = list(rows)
    missing = sorted({key for key, _, _ in columns for row in rows if key not in row})
    if missing:
        raise KeyError(pick(ko=f"표로 만들 행에 열 {missing} 의 값이 없습니다.",
                            en=f"The rows lack the column(s) {missing}."))
    cells = {header: [fmt.format(row[key]) for row in rows] for key, header, fmt in columns}
    return pd.DataFrame(cells, index=range(1, len(rows) + 1))
