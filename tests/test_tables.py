"""Results tables: pandas DataFrames with formatted cells and headers in the notebook's language."""

import pytest

import lstm_helpers as h
from lstm_helpers import settings


def test_show_table_formats_each_cell_and_keeps_row_order():
    rows = [{"b": 16, "s": 12.345}, {"b": 512, "s": 3.0}]
    table = h.show_table(rows, [("b", "batch", "{}"), ("s", "s/epoch", "{:.1f}")])
    assert list(table.columns) == ["batch", "s/epoch"]
    assert table.values.tolist() == [["16", "12.3"], ["512", "3.0"]]
    assert list(table.index) == [1, 2]
    html = table.to_html()
    assert "<table" in html and "12.3" in html


def test_show_table_headers_can_be_korean():
    settings.set_language("ko")
    rows = [{"name": "원래 설정", "s": 109.0}]
    table = h.show_table(rows, [("name", settings.pick(ko="설정", en="configuration"), "{}"), ("s", "초", "{:.0f}")])
    assert list(table.columns) == ["설정", "초"] and table.iloc[0, 0] == "원래 설정"
    assert "| 원래 설정 |" in table.to_markdown(index=False)


def test_show_table_names_a_missing_column():
    with pytest.raises(KeyError, match="speed"):
        h.show_table([{"b": 1}], [("speed", "speed", "{}")])
