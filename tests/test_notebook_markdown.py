"""Every markdown cell renders in JupyterLab as it was written.

Three slips this project made (issue 8), each invisible in the notebook's JSON
and visible to every learner:

* a control character in the text (``"\\approx"`` written in a normal Python
  string became a BEL: ``pprox`` and a "Math input error" box);
* a bold span that does not close: CommonMark closes ``**`` only when it is
  right-flanking, so ``**주성분 분석(PCA)**으로`` (``)`` before, a letter after)
  shows the two ``**`` literally. Write ``**주성분 분석**(PCA)으로``;
* two unescaped ``~`` in one paragraph, list item or table cell: JupyterLab's
  markdown (GFM) strikes the text between them through ("약 6~10분, 빠른 모드
  약 30~50초"). Write ``6\\~10분`` or "6분에서 10분".

The cells are parsed with markdown-it-py (CommonMark, plus GFM tables), the
parser pinned in requirements.txt. Code spans and ``$...$`` math are set aside
(JupyterLab takes math out before the markdown is rendered). The glossary,
a markdown file rendered on GitHub the same way, is checked too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*/*.ipynb"))
GLOSSARY = NOTEBOOKS / "glossary.md"
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", flags=re.S)
PARSER = MarkdownIt("commonmark").enable("table").disable("text_join")


def markdown_problems(text: str) -> list[str]:
    """What would not render as written; an empty list when all is well."""
    problems = []
    for char in sorted({c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"}):
        problems.append(f"control character {unicodedata.name(char, hex(ord(char)))} ({char!r})")
    for token in PARSER.parse(text):
        if token.type != "inline":
            continue
        visible = []  # what the reader sees, code spans and escapes masked
        for child in token.children or []:
            if child.type == "text":
                visible.append(child.content)
            elif child.type == "text_special":
                visible.append("\0")  # an escaped character, written on purpose
            else:
                visible.append(" ")  # code span, html, a line break, emphasis markers
        shown = MATH.sub(" ", "".join(visible))
        where = token.content.replace("\n", " ")
        where = where if len(where) <= 80 else where[:77] + "..."
        if "**" in shown:
            problems.append(f"literal ** (a bold span that does not close): {where!r}")
        if shown.count("~") >= 2:
            problems.append(f"two unescaped ~ strike text through (write \\~): {where!r}")
    return problems


def markdown_cells(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(number, "".join(cell["source"])) for number, cell in enumerate(cells)
            if cell["cell_type"] == "markdown"]


def test_notebooks_found():
    assert len(NOTEBOOK_PATHS) >= 12


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_markdown_cells_render_as_written(path):
    found = [f"cell {number}: {problem}"
             for number, text in markdown_cells(path)
             for problem in markdown_problems(text)]
    assert not found, "\n".join(found)


def test_glossary_renders_as_written():
    assert not markdown_problems(GLOSSARY.read_text(encoding="utf-8"))


# Self-tests: each check fails on the mistake it is there for, and passes its fix.

def test_control_characters_are_caught():
    assert markdown_problems("$x \approx y$")  # "\a" in a normal string: BEL
    assert markdown_problems("a\x1bb")
    assert not markdown_problems("line one\nline two\twith a tab")


def test_a_bold_span_that_does_not_close_is_caught():
    assert markdown_problems("그래서 **주성분 분석(PCA)**으로 줄입니다.")
    assert markdown_problems("**앞쪽에 0(패딩)**을 채웁니다.")
    assert markdown_problems("- 목록 안의 **시간(절반)**만")
    assert markdown_problems("| 표 | **셀(가)**나 |\n| --- | --- |\n| a | b |")
    assert not markdown_problems("그래서 **주성분 분석**(PCA)으로 줄입니다.")
    assert not markdown_problems("Reduce with **principal component analysis (PCA)** to two.")
    assert not markdown_problems("Call `f(**kwargs)` or `a ** 2`; $x^{**}$ is math.")
    assert not markdown_problems(r"An escaped \*\* star pair is written on purpose.")


def test_two_tildes_in_one_paragraph_item_or_cell_are_caught():
    assert markdown_problems("약 6~10분, 빠른 모드 약 30~50초가 걸립니다.")
    assert markdown_problems("약 6~10분,\n빠른 모드 약 30~50초")  # a soft break keeps the paragraph
    assert markdown_problems("- 첫째 6~10분과 30~50초\n- 둘째")
    assert markdown_problems("| a |\n| --- |\n| 6~10, 30~50 |")
    assert not markdown_problems(r"약 6\~10분, 빠른 모드 약 30\~50초가 걸립니다.")
    assert not markdown_problems("약 6~10분입니다.\n\n빠른 모드는 약 30~50초입니다.")
    assert not markdown_problems("- 첫째 6~10분\n- 둘째 30~50초")
    assert not markdown_problems("| a | b |\n| --- | --- |\n| 6~10 | 30~50 |")
    assert not markdown_problems("`~/.keras` and `~/data` are paths; $a \\sim b$, ~ once.")
