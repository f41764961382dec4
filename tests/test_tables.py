"""Results tables: pandas DataFrames with formatted cells and headers in the notebook's language."""

import re

import pytest

import lstm_helpers as h
from lstm_helpers import settings


def test_show_table_formats_each_cell_and_keeps_row_order():
    rows = [{"b": 16, "s": 12.345}, {"b": 512, "s": 3.0}]
    table = h.show_table(rows, [("b", "batch", "{}"), ("s", "s/epoch", "{:.1f}")])
    assert list(table.columns) == ["batch", "s/epoch"]
    assert table.values.tolist() == [["16", "12.3"], ["512", "3.0"]]
    html = table._repr_html_()
    assert "<table" in html and "12.3" in html


def headers(html: str) -> int:
    """How many header cells (<th>) the HTML has."""
    return len(re.findall(r"<th[ >]", html))


def test_show_table_has_no_row_numbers_unless_asked():
    rows = [{"unit": 0, "w": 1.5}, {"unit": 1, "w": -0.5}]
    columns = [("unit", "unit", "{}"), ("w", "weight", "{:+.1f}")]
    table = h.show_table(rows, columns)
    html = table._repr_html_()
    assert html.count("<tr") == 3 and headers(html) == 2    # header row: the two columns, no index column
    assert repr(table).splitlines()[1].split() == ["0", "+1.5"]  # the text view too: no 1-based number first
    numbered = h.show_table(rows, columns, index=True)
    assert list(numbered.index) == [1, 2]
    assert headers(numbered._repr_html_()) == 2 + 1 + 2     # the index header and one label per row
    assert repr(numbered).splitlines()[1].split() == ["1", "0", "+1.5"]
    # a table a learner indexes by a column of its own shows that column as its row labels
    assert "<th>unit</th>" in table.set_index("unit")._repr_html_()


def test_korean_headers_do_not_break_inside_a_word():
    settings.set_language("ko")
    table = h.show_table([{"a": 0.9}], [("a", "테스트 정확도", "{:.2f}")])
    html = table._repr_html_()
    # an inline style (kept when JupyterLab sanitizes an untrusted notebook's HTML), on every header
    assert headers(html) == html.count('<th style="word-break: keep-all">') == 1
    assert '<table border="1" class="dataframe" style="word-break: keep-all">' in html


def test_show_table_headers_can_be_korean():
    settings.set_language("ko")
    rows = [{"name": "원래 설정", "s": 109.0}]
    table = h.show_table(rows, [("name", settings.pick(ko="설정", en="configuration"), "{}"), ("s", "초", "{:.0f}")])
    assert list(table.columns) == ["설정", "초"] and table.iloc[0, 0] == "원래 설정"
    assert "| 원래 설정 |" in table.to_markdown(index=False)


def test_show_table_names_a_missing_column():
    with pytest.raises(KeyError, match="speed"):
        h.show_table([{"b": 1}], [("speed", "speed", "{}")])


def test_print_wrapped_breaks_between_words_only(capsys):
    words = [f"word{i}" for i in range(60)] + ["unbreakable" * 12]
    h.print_wrapped("label:", " ".join(words), width=40)
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert len(lines) > 5 and all(len(line) <= 40 for line in lines[:-1])
    assert lines[-1] == "  " + "unbreakable" * 12          # a word longer than a line stays whole
    assert " ".join(line.strip() for line in lines) == "label: " + " ".join(words)  # nothing lost or cut
    assert all(line.startswith("  ") for line in lines[1:]) and not lines[0].startswith(" ")


def test_wrap_columns_counts_hangul_twice_and_keeps_line_breaks():
    from lstm_helpers.wrapping import columns, wrap_columns

    assert columns("모델 ab") == 7
    text = " ".join(["모델은"] * 30) + "\nsecond line"
    lines = wrap_columns(text, width=40).split("\n")
    assert all(columns(line) <= 40 for line in lines) and lines[-1] == "second line"
    assert " ".join(line.strip() for line in lines[:-1]) == " ".join(["모델은"] * 30)
