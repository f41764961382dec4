"""Every decimal figure the prose quotes is one the notebook printed.

"Every number in a notebook is one it measured" (README). A figure typed into a
markdown cell goes stale the moment a run changes; this test finds it. It reads
the committed outputs, so it holds after the full run that makes them
(``python tools/execute_notebooks.py``) and not before.

What counts as a quoted figure
    A number with a decimal point (``0.832``, ``12.9``, ``2.76%``), or in
    scientific notation (``1.7e-6``, ``1e-3``, LaTeX ``$1.7 \\times 10^{-6}$``),
    anywhere in a markdown cell's text, ``<details>`` solutions and ``$...$``
    math included. Code in the prose (inline code spans, fenced or indented code
    blocks) is code, not a quoted result, and is not read. Signs are ignored
    (``−0.78`` is the figure 0.78). Dotted versions (``3.10.2``) are not figures.

Where it may come from
    1. The notebook's own stored outputs: ``text/plain``, ``text/html``,
       ``text/markdown``, ``text/latex`` and stream text of the same notebook
       (ko figures from ko outputs, en from en). A figure matches an output
       number that is equal as a decimal (``0.832`` = ``0.8320``, ``1.7e-6`` =
       ``1.7e-06``), or that rounds to it when the figure has at least two
       significant digits (``0.72`` for ``0.7213``; ``0.5`` must be printed as
       such). Percent is read both ways: ``2.6%`` or ``2.6%p`` matches ``0.026``
       and ``2.6``, an output ``2.76%`` matches ``0.0276`` and ``2.76``.
    2. A number in the notebook's code cells, equal as a decimal: settings the
       learner sees in the code, like ``dropout=0.2``, ``learning_rate=1e-3`` or
       the ``0.5`` threshold, may be named in the prose.
    3. The short allow-list below: figures quoted from elsewhere, each with its
       source.
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*/*.ipynb"))

#: Figures quoted from outside the notebook's own runs: (notebook stem or "*", figure) -> source.
ALLOWED = {
    ("*", "0.833"): "the original notebook's test accuracy, a fixed fact quoted in 05 and 07",
    ("07_your_own_reviews", "0.865"): "Dai & Le (2015), quoted as a published result",
    ("07_your_own_reviews", "0.919"): "Johnson & Zhang (2016), quoted as a published result",
    ("07_your_own_reviews", "0.87"): "Chollet, Deep Learning with Python, 2nd ed., quoted result",
    ("07_your_own_reviews", "0.88"): "Chollet, Deep Learning with Python, 1st/2nd ed., quoted result",
}

TIMES_TEN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:\\times|\\cdot|×)\s*10\^\{?\s*([-−–]?\d+)\s*\}?")
PROSE_FIGURE = re.compile(
    r"(?<![A-Za-z0-9_.])"  # not inside a word or a longer number (Hangul may touch it)
    r"(\d+\.\d+(?:[eE][-+−]?\d+)?|\d+[eE][-+−]?\d+)"
    r"(?!\.?\d)"  # not a dotted version
    r"(%?)"
)
# an "x" right before a number is a multiplication sign ("x0.82 per time step"), not part of a word
OUTPUT_NUMBER = re.compile(r"(?<![A-WYZa-wyz_])(\d+(?:\.\d+)?(?:[eE][-+−]?\d+)?)(%?)")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
PARSER = MarkdownIt("commonmark").enable("table")


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace("−", "-"))


def prose_text(markdown: str) -> str:
    """The text of a markdown cell that a reader reads as prose: code spans and blocks left out."""
    parts = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            parts.extend(child.content for child in token.children or []
                         if child.type not in {"code_inline"})
        elif token.type == "html_block":
            parts.append(re.sub(r"<[^>]+>", " ", token.content))
        parts.append("\n")
    return " ".join(parts)


def quoted_figures(markdown: str) -> list[str]:
    """The decimal figures a markdown cell quotes, as written (LaTeX powers of ten as e-notation)."""
    text = TIMES_TEN.sub(lambda m: f"{m.group(1)}e{m.group(2).replace('−', '-').replace('–', '-')}",
                         prose_text(markdown))
    return [number + percent for number, percent in PROSE_FIGURE.findall(text)]


def output_numbers(texts: list[str]) -> set[Decimal]:
    """Every number in some output text; a percentage also as a fraction."""
    numbers = set()
    for text in texts:
        for number, percent in OUTPUT_NUMBER.findall(THOUSANDS.sub("", text)):
            try:
                value = _decimal(number)
            except InvalidOperation:
                continue
            numbers.add(value)
            if percent:
                numbers.add(value / 100)
    return numbers


def significant_digits(figure: str) -> int:
    mantissa = re.split(r"[eE]", figure.rstrip("%"))[0]
    return len(mantissa.replace(".", "").lstrip("0")) or 1


def _round(value: Decimal, digits: int, like: Decimal, rounding) -> Decimal:
    """``value`` rounded to ``digits`` significant digits (at ``like``'s exponent)."""
    return value.quantize(Decimal(1).scaleb(like.adjusted() - digits + 1), rounding=rounding)


def figure_is_shown(figure: str, shown: set[Decimal], code: set[Decimal]) -> bool:
    number = _decimal(figure.rstrip("%"))
    candidates = [number] + ([number / 100] if figure.endswith("%") else [])
    if any(c in code or c in shown for c in candidates):
        return True
    digits = significant_digits(figure)
    if digits < 2:
        return False
    for candidate in candidates:
        if candidate == 0:
            continue
        for value in shown:
            if value == 0 or abs(value.adjusted() - candidate.adjusted()) > 1:
                continue
            for rounding in (ROUND_HALF_EVEN, ROUND_HALF_UP):
                try:
                    if _round(value, digits, candidate, rounding) == candidate:
                        return True
                except InvalidOperation:
                    pass
    return False


def _output_texts(cell: dict) -> list[str]:
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append("".join(output.get("text", "")))
        for kind, value in output.get("data", {}).items():
            if kind in {"text/plain", "text/html", "text/markdown", "text/latex"}:
                texts.append("".join(value) if isinstance(value, list) else value)
    return texts


SECTION_HEADING = re.compile(r"^#{2,6}\s+(\d+\.\d+)\b", flags=re.MULTILINE)


def section_numbers(cells) -> set[str]:
    """The numbers of the notebook's subsections ("### 1.2 Bidirectional" -> "1.2"): a
    "(1.2)" in the prose refers to one of them and is not a measured figure."""
    return {match for cell in cells if cell["cell_type"] == "markdown"
            for match in SECTION_HEADING.findall("".join(cell["source"]))}


def test_section_numbers_are_read_from_headings_only():
    cells = [{"cell_type": "markdown", "source": "### 1.2 Bidirectional\nthe gain was 1.3 points"},
             {"cell_type": "markdown", "source": "## 2. Results\n#### 3.4 Pooling"}]
    assert section_numbers(cells) == {"1.2", "3.4"}


def unshown_figures(path: Path) -> list[str]:
    """The figures a notebook's prose quotes that it does not show: 'cell N: figure'."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    shown = output_numbers([t for cell in cells if cell["cell_type"] == "code" for t in _output_texts(cell)])
    code = output_numbers(["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"])
    sections = section_numbers(cells)
    missing = []
    for number, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        for figure in quoted_figures("".join(cell["source"])):
            plain = figure.rstrip("%")
            if ("*", plain) in ALLOWED or (path.stem, plain) in ALLOWED or plain in sections:
                continue
            if not figure_is_shown(figure, shown, code):
                missing.append(f"cell {number}: {figure}")
    return missing


def test_notebooks_found():
    assert len(NOTEBOOK_PATHS) >= 14


def test_every_allowed_figure_has_a_source():
    assert all(source.strip() for source in ALLOWED.values())
    assert len(ALLOWED) <= 10, "the allow-list is for figures quoted from elsewhere: keep it short"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_quoted_figure_is_printed_by_the_notebook(path):
    missing = unshown_figures(path)
    assert not missing, (f"{len(missing)} figure(s) in the prose that no output of this notebook "
                         "shows:\n" + "\n".join(missing))


# Self-tests: what is read, and that a figure no output shows is caught.

def test_figures_are_read_from_prose_math_and_solutions_not_code():
    text = ("Accuracy 0.832 (2.76% unknown, −0.78 apart), $\\sigma(1) = 0.73$, "
            "$1.7 \\times 10^{-6}$ and 1e-3; TensorFlow 2.21.0; `dropout=0.2`\n\n"
            "```python\nfit(learning_rate=0.004)\n```\n\n"
            "<details><summary>Solution</summary>\n\n약 0.94배입니다.\n\n</details>")
    assert quoted_figures(text) == ["0.832", "2.76%", "0.78", "0.73", "1.7e-6", "1e-3", "0.94"]


def test_a_figure_matches_the_same_number_however_printed():
    shown = output_numbers(["acc 0.8320, grad 1.7e-06, 2.76% unknown, 12.93 s, share 0.026",
                            "<td>1,234.5</td> 0.9996"])
    for figure in ["0.832", "0.8320", "1.7e-6", "2.76%", "0.0276", "12.9", "2.6%", "1234.5", "1.000"]:
        assert figure_is_shown(figure, shown, set()), figure


def test_a_figure_no_output_shows_is_caught():
    shown = output_numbers(["acc 0.8320, 0.72 per step, 0.46"])
    assert not figure_is_shown("0.835", shown, set())
    assert figure_is_shown("0.83", shown, set())  # 0.8320 rounded to two digits: shown
    assert not figure_is_shown("0.5", shown, set())  # one significant digit: printed as such, or not at all
    assert not figure_is_shown("0.7", shown, set())
    assert figure_is_shown("0.5", shown, output_numbers(["if p >= 0.5:"]))  # the code shows it


def test_the_whole_check_fails_on_a_notebook_with_a_stale_figure(tmp_path):
    notebook = {"cells": [
        {"cell_type": "code", "source": ["print(acc)"], "metadata": {},
         "outputs": [{"output_type": "stream", "name": "stdout", "text": ["0.8320\n"]}]},
        {"cell_type": "markdown", "source": ["Test accuracy 0.832; two seeds gave 0.819 and 0.835."],
         "metadata": {}},
    ]}
    path = tmp_path / "99_example.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert unshown_figures(path) == ["cell 1: 0.819", "cell 1: 0.835"]
