"""The Korean and English notebooks are one notebook in two languages.

Same file names, same cells in the same order, same code: code cells must be
equal once comments, the one line that sets the language and the *words* of
string literals are set aside.

What counts as words and what counts as code in a string literal:

* A literal that is an ASCII identifier-like word (``^\\w+$`` in ASCII:
  ``"gru"``, ``"val_accuracy"``, ``"post"``) is code: a keyword value, a dict
  key, a subscript. It must be identical in both languages...
* ...unless the other language's literal holds a non-ASCII character: then the
  pair is a label and its translation (``"epochs"`` / ``"에포크"``).
* Any other literal is text (``"test accuracy"`` / ``"테스트 정확도"``) and may
  differ.
* An f-string is text around code: its text may differ, its replacement fields
  (expression, conversion and format spec, taken with :mod:`ast`) must be the
  same in both languages, in any order (Korean puts words in another order).
  Adjacent literals (``"a" "b"``) count as one.

The check reads each literal's source text and parses it with :mod:`ast`, so
it does not depend on how the Python version tokenizes f-strings (one STRING
token up to 3.11, FSTRING_START ... FSTRING_END from 3.12 on).
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = sorted(p.name for p in (NOTEBOOKS / "en").glob("*.ipynb"))
LANGUAGE_LINE = re.compile(r"""^\s*(?:\w+\.)*set_language\(\s*["'](?:ko|en)["']\s*\)\s*$""")
ASCII_WORD = re.compile(r"\w+", flags=re.ASCII)
FSTRING_START = getattr(tokenize, "FSTRING_START", None)  # Python >= 3.12
FSTRING_END = getattr(tokenize, "FSTRING_END", None)


class Literal:
    """One string literal (or a run of adjacent ones), as the parity check sees it."""

    def __init__(self, sources: list[str]):
        self.value = ""  # the text of the plain parts
        self.fields: list = []  # the f-strings' replacement fields, as code (see code_without_words)
        self.is_fstring = False
        for source in sources:
            node = ast.parse(source.strip(), mode="eval").body
            if isinstance(node, ast.JoinedStr):
                self.is_fstring = True
                for part in node.values:
                    if isinstance(part, ast.FormattedValue):
                        spec = ast.unparse(part.format_spec) if part.format_spec else ""
                        self.fields.append((code_without_words(ast.unparse(part.value)),
                                            part.conversion, spec))
                    else:
                        self.value += str(part.value)
            else:
                self.value += str(node.value)
        # Korean may put the fields in another order: compare them sorted, words set aside
        self.fields.sort(key=lambda field: repr([t if isinstance(t, tuple) else "STR" for t in field[0]])
                         + repr(field[1:]))

    @property
    def is_word(self) -> bool:
        return not self.is_fstring and ASCII_WORD.fullmatch(self.value) is not None

    @property
    def is_text(self) -> bool:
        return not self.value.isascii()

    def __repr__(self) -> str:
        fields = ["".join(t[1] if isinstance(t, tuple) else "S" for t in code) + f"!{c}:{spec}"
                  for code, c, spec in self.fields]
        return f"Literal({self.value!r}, fields={fields})"


def same_literal(a: Literal, b: Literal) -> bool:
    """True when two literals in the same place may stand for each other."""
    if len(a.fields) != len(b.fields):
        return False
    for (code_a, *format_a), (code_b, *format_b) in zip(a.fields, b.fields):
        if format_a != format_b or same_code(code_a, code_b) is not None:
            return False
    if a.value == b.value:
        return True
    if a.is_text or b.is_text:
        return True  # a label and its translation
    return not (a.is_word or b.is_word)


def _source_between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    (row0, col0), (row1, col1) = start, end
    if row0 == row1:
        return lines[row0 - 1][col0:col1]
    return lines[row0 - 1][col0:] + "".join(lines[row0:row1 - 1]) + lines[row1 - 1][:col1]


def code_without_words(source: str) -> list:
    """The code's tokens, with comments dropped and each string literal as a :class:`Literal`.

    Compare two results with :func:`same_code`, not with ``==``.
    """
    kept = [line for line in source.splitlines() if not LANGUAGE_LINE.match(line)]
    text = "\n".join(kept) + "\n"
    lines = text.splitlines(keepends=True)
    tokens: list = []
    pending: list[str] = []  # source of adjacent literals

    def flush():
        if pending:
            tokens.append(Literal(list(pending)))
            pending.clear()

    stream = tokenize.generate_tokens(io.StringIO(text).readline)
    for tok in stream:
        if tok.type == tokenize.STRING:
            pending.append(tok.string)
            continue
        if FSTRING_START is not None and tok.type == FSTRING_START:
            depth, start, end = 1, tok.start, tok.end
            while depth:
                inner = next(stream)
                depth += {FSTRING_START: 1, FSTRING_END: -1}.get(inner.type, 0)
                end = inner.end
            pending.append(_source_between(lines, start, end))
            continue
        if tok.type in (tokenize.COMMENT, tokenize.NL):
            continue  # a comment or a blank line between adjacent literals keeps the run
        flush()
        tokens.append((tokenize.tok_name[tok.type], tok.string))
    flush()
    return tokens


def same_code(a: list, b: list) -> str | None:
    """None when two token lists are the same code; else what differs first."""
    for number, (x, y) in enumerate(zip(a, b)):
        if isinstance(x, Literal) and isinstance(y, Literal):
            if not same_literal(x, y):
                return f"token {number}: {x!r} vs {y!r}"
        elif x != y:
            return f"token {number}: {x!r} vs {y!r}"
    if len(a) != len(b):
        return f"{len(a)} vs {len(b)} tokens"
    return None


def differs(a: str, b: str) -> str | None:
    return same_code(code_without_words(a), code_without_words(b))


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
    assert differs(a, b) is None
    assert differs(a, a.replace("80", "81"))
    assert differs(a, a.replace("print(", "repr("))


def test_the_parity_check_sees_keyword_values_and_keys():
    """An identifier-like literal is code: "gru" is not "lstm", a key is a key."""
    assert differs('build(layer="gru")', 'build(layer="lstm")')
    assert differs("build(layer='gru')", 'build(layer="gru")') is None  # quotes are not code
    assert differs('h["val_accuracy"]', 'h["accuracy"]')
    assert differs('pad(x, padding="pre")', 'pad(x, padding="post")')
    assert differs('{"name": "x"}', '{"title": "x"}')
    assert differs('fit(x, layer="gru")', 'fit(x, layer="gr" "u")') is None  # one run, one value
    # a word and a sentence, both ASCII: not a translation, so code that changed
    assert differs('h["val_accuracy"]', 'h["val accuracy"]')


def test_the_parity_check_lets_labels_be_translated():
    assert differs('label("epochs")', 'label("에포크")') is None
    assert differs('label("test accuracy")', 'label("테스트 정확도")') is None
    assert differs('groups = ["positive"] * 3', 'groups = ["긍정"] * 3') is None
    assert differs('print("Done:", x)', 'print("Finished:", x)') is None  # English text, not a word


def test_the_parity_check_reads_fstrings_the_same_on_every_python():
    """f-strings: the words may differ and move, the replacement fields may not."""
    en = 'print(f"{n:,} reviews, {share:.1%} positive, {d[\'k\']!r}")'
    ko = 'print(f"긍정 {share:.1%}, 리뷰 {n:,}개, {d[\'k\']!r}")'
    assert differs(en, ko) is None
    assert differs(en, en.replace(":.1%", ":.2%"))
    assert differs(en, en.replace("{n:,}", "{m:,}"))
    assert differs(en, en.replace("!r", "!s"))
    nested = 'print(f"{x:{width}.3f} and {f"{y}"}")' if FSTRING_START else 'print(f"{x:{width}.3f} and {y}")'
    assert differs(nested, nested.replace("width", "w"))
    assert differs('print(f"{a}" "b")', 'print(f"{a}" "c")') is None
    # a field may hold a translated label, but not other code
    en = 'print(f"{\'positive\' if p >= 0.5 else \'negative\'}: {p:.3f}")'
    ko = 'print(f"{\'긍정\' if p >= 0.5 else \'부정\'}: {p:.3f}")'
    assert differs(en, ko) is None
    assert differs(en, en.replace("0.5", "0.6"))
    assert differs('f"{h[\'loss\']}"', 'f"{h[\'val_loss\']}"')


@pytest.mark.parametrize("name", NAMES)
def test_same_cells_and_same_code(name):
    korean, english = load_cells(NOTEBOOKS / "ko" / name), load_cells(NOTEBOOKS / "en" / name)
    assert [c["cell_type"] for c in korean] == [c["cell_type"] for c in english]
    problems = []
    for number, (ko, en) in enumerate(zip(korean, english)):
        if ko["cell_type"] != "code":
            continue
        ko_src, en_src = "".join(ko["source"]), "".join(en["source"])
        difference = differs(ko_src, en_src)
        if difference:
            problems.append(f"code cell {number} differs: {difference}")
        markers = [re.findall(r"^# NBVAL_\w+$", src, flags=re.M) for src in (ko_src, en_src)]
        if markers[0] != markers[1]:
            problems.append(f"cell {number}: nbval markers differ")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_each_notebook_sets_its_own_language(name):
    for language in ("ko", "en"):
        sources = ["".join(c["source"]) for c in load_cells(NOTEBOOKS / language / name)
                   if c["cell_type"] == "code"]
        assert any(f'set_language("{language}")' in s for s in sources)
