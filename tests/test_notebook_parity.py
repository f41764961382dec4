"""The Korean and English notebooks are one notebook in two languages.

Same file names, same cells in the same order, same code: code cells must be
equal once comments, string literals and the one line that sets the language
are set aside.
"""

import io
import json
import re
import tokenize
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = sorted(p.name for p in (NOTEBOOKS / "en").glob("*.ipynb"))
LANGUAGE_LINE = re.compile(r"""^\s*(?:\w+\.)*set_language\(\s*["'](?:ko|en)["']\s*\)\s*$""")


def code_without_words(source: str) -> list[tuple[int, str]]:
    """The code's tokens, with comments dropped and every string literal made the same."""
    lines = [line for line in source.splitlines() if not LANGUAGE_LINE.match(line)]
    tokens = []
    string_parts = {"STRING", "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END"}
    for tok in tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline):
        name = tokenize.tok_name[tok.type]
        if name in {"COMMENT", "NL"}:
            continue
        if name in string_parts:
            if tokens and tokens[-1] == ("STR", ""):
                continue  # a run of string parts counts as one string
            tokens.append(("STR", ""))
            continue
        tokens.append((name, tok.string))
    return tokens


def load_cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_both_languages_have_the_same_notebooks():
    korean = sorted(p.name for p in (NOTEBOOKS / "ko").glob("*.ipynb"))
    assert NAMES, "no English notebooks found"
    assert korean == NAMES


def test_the_parity_check_sees_code_changes():
    """The comparison below can fail: changed code is not set aside, words are."""
    a = 'set_language("ko")\nx = load(maxlen=80)  # 한국어\nprint("안녕", x)'
    b = 'set_language("en")\nx = load(maxlen=80)  # English\nprint("hello", x)'
    assert code_without_words(a) == code_without_words(b)
    assert code_without_words(a) != code_without_words(a.replace("80", "81"))
    assert code_without_words(a) != code_without_words(a.replace("print(", "repr("))


@pytest.mark.parametrize("name", NAMES)
def test_same_cells_and_same_code(name):
    korean, english = load_cells(NOTEBOOKS / "ko" / name), load_cells(NOTEBOOKS / "en" / name)
    assert [c["cell_type"] for c in korean] == [c["cell_type"] for c in english]
    for number, (ko, en) in enumerate(zip(korean, english)):
        if ko["cell_type"] != "code":
            continue
        ko_src, en_src = "".join(ko["source"]), "".join(en["source"])
        assert code_without_words(ko_src) == code_without_words(en_src), f"code cell {number} differs"
        markers = [re.findall(r"^# NBVAL_\w+$", src, flags=re.M) for src in (ko_src, en_src)]
        assert markers[0] == markers[1], f"cell {number}: nbval markers differ"


@pytest.mark.parametrize("name", NAMES)
def test_each_notebook_sets_its_own_language(name):
    for language in ("ko", "en"):
        sources = ["".join(c["source"]) for c in load_cells(NOTEBOOKS / language / name)
                   if c["cell_type"] == "code"]
        assert any(f'set_language("{language}")' in s for s in sources)
