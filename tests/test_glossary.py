"""One term per idea: the notebooks' prose uses no variant the glossary rejects.

``notebooks/glossary.md`` holds one table: for each idea its English and Korean
term, and in the "not (en)" and "not (ko)" columns the variants the notebooks
do not use (comma separated; ``/.../`` is a regular expression, ``\\|`` a pipe).

The check reads each notebook's markdown prose (code spans and code blocks are
code, not prose). A variant found inside an occurrence of an approved term is
not counted (a variant "갱신" would not count inside "에포크당 갱신 수"). Korean variants are
searched as substrings (Korean attaches particles), English ones as whole words,
ignoring case. Only unambiguous variants belong in the glossary: bare "스텝" for
time cannot be told from "스텝" for an update by a machine, so the glossary
lists patterns such as "20스텝 앞" instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
GLOSSARY = NOTEBOOKS / "glossary.md"
PARSER = MarkdownIt("commonmark").enable("table")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass
class Term:
    english: str
    korean: str
    not_english: list[str] = field(default_factory=list)
    not_korean: list[str] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [part.strip().replace("\\|", "|") for part in parts]


def _variants(cell: str) -> list[str]:
    found, rest = re.findall(r"/[^/]+/", cell), re.sub(r"/[^/]+/", "", cell)
    return found + [v.strip() for v in rest.split(",") if v.strip()]


def parse_glossary(text: str) -> list[Term]:
    """The glossary's rows, from its one table with the columns named below."""
    terms, header = [], None
    for line in text.splitlines():
        if not line.startswith("|"):
            header = None if not terms else header
            continue
        cells = _cells(line)
        if header is None:
            header = cells
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        row = dict(zip(header, cells))
        terms.append(Term(row["English"], row["한국어"],
                          _variants(row.get("not (en)", "")), _variants(row.get("not (ko)", ""))))
    return terms


def _forms(term: str) -> list[str]:
    """An approved term as it may appear: whole, each side of " / ", without its "(...)"."""
    forms = []
    for part in term.split(" / "):
        forms += [part, re.sub(r"\s*\([^)]*\)", "", part).strip()]
        forms += re.findall(r"\(([^)]*)\)", part)
    return sorted({f.strip("` ") for f in forms if f.strip("` ")}, key=len, reverse=True)


def _pattern(variant: str, korean: bool) -> re.Pattern:
    if variant.startswith("/") and variant.endswith("/"):
        return re.compile(variant[1:-1])
    if korean:
        return re.compile(re.escape(variant))
    return re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w-])", flags=re.I)


def prose(markdown: str) -> str:
    parts = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            parts.extend(c.content for c in token.children or [] if c.type != "code_inline")
        elif token.type == "html_block":
            parts.append(re.sub(r"<[^>]+>", " ", token.content))
        parts.append("\n")
    return "".join(parts)


def violations(text: str, terms: list[Term], korean: bool) -> list[str]:
    """'variant (use: term): ...context...' for each rejected variant in the text."""
    approved = {f for t in terms for f in _forms(t.korean if korean else t.english)}
    inside = [m.span() for form in approved for m in _pattern(form, korean).finditer(text)]
    found = []
    for term in terms:
        for variant in term.not_korean if korean else term.not_english:
            for match in _pattern(variant, korean).finditer(text):
                if any(a <= match.start() and match.end() <= b for a, b in inside):
                    continue  # part of an approved term
                context = text[max(0, match.start() - 15):match.end() + 15].replace("\n", " ")
                found.append(f"{match.group()!r} (use: {term.korean if korean else term.english}): "
                             f"...{context}...")
    return found


TERMS = parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_parses():
    assert len(TERMS) >= 80
    assert all(t.english and t.korean for t in TERMS)
    by_korean = [t.korean for t in TERMS]
    assert len(by_korean) == len(set(by_korean)), "one Korean term per idea"
    by_english = [t.english for t in TERMS]
    assert len(by_english) == len(set(by_english)), "one English term per idea"


def test_no_variant_is_an_approved_term():
    """A word cannot be both the term for one idea and rejected for another."""
    korean = {f for t in TERMS for f in _forms(t.korean)}
    english = {f.lower() for t in TERMS for f in _forms(t.english)}
    assert not [v for t in TERMS for v in t.not_korean if v in korean]
    assert not [v for t in TERMS for v in t.not_english if v.lower() in english]


def test_the_glossary_has_the_terms_of_issue_9():
    korean = {f for t in TERMS for f in _forms(t.korean)}
    needed = ["특성", "출력층", "밀집층", "손실 함수", "지표", "초기 가중치", "시작 표시", "빈도 순위",
              "원래 설정", "임베딩 드롭아웃", "어절", "형태소", "말뭉치", "행 벡터", "전치", "원소별 곱",
              "주성분", "로그 눈금", "계산 그래프", "시드", "타임 스텝", "스텝", "그래디언트", "후보 값",
              "비교할 모델", "드롭아웃 마스크", "마스킹", "업데이트 게이트", "리셋 게이트",
              "그래디언트 폭주", "그래디언트 클리핑", "시간 역전파", "층 쌓기", "에포크당 스텝 수",
              "인내 에포크", "감성 분류", "무작위 추측"]
    assert [n for n in needed if n not in korean] == []


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("name", sorted(p.name for p in (NOTEBOOKS / "en").glob("*.ipynb")))
def test_notebook_prose_uses_the_glossary_terms(language, name):
    cells = json.loads((NOTEBOOKS / language / name).read_text(encoding="utf-8"))["cells"]
    found = [f"cell {number}: {v}" for number, cell in enumerate(cells) if cell["cell_type"] == "markdown"
             for v in violations(prose("".join(cell["source"])), TERMS, korean=language == "ko")]
    assert not found, f"{len(found)} rejected variant(s):\n" + "\n".join(found)


PACKAGE = NOTEBOOKS.parent / "lstm_helpers"


def korean_strings(source: str) -> list[str]:
    """The string literals of a Python source that hold Hangul (the parts of f-strings
    outside their ``{...}``), each as it is written."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and HANGUL.search(node.value):
            found.append(node.value)
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_helpers_korean_strings_use_the_glossary_terms(path):
    """What the helpers print in Korean (messages, labels, table headers) follows the glossary too."""
    found = [v for text in korean_strings(path.read_text(encoding="utf-8"))
             for v in violations(text, TERMS, korean=True)]
    assert not found, f"{len(found)} rejected variant(s):\n" + "\n".join(found)


def test_korean_strings_are_found_in_code_and_f_strings():
    source = 'x = pick(ko=f"순환 층이 {n}개", en="layers")\ny = "단어 가방"\n# 주석은 코드가 아님\n'
    assert sorted(korean_strings(source)) == sorted(["순환 층이 ", "개", "단어 가방"])
    assert violations(" ".join(korean_strings(source)),
                      parse_glossary("| English | not (en) | 한국어 | not (ko) | 뜻 |\n| --- | --- | --- | --- | --- |\n"
                                     "| recurrent layer | | 순환층 | 순환 층 | a |\n"), korean=True)


# Self-tests: the check fails on a rejected variant and passes the approved term.

SAMPLE = parse_glossary(
    "| English | not (en) | 한국어 | not (ko) | 뜻 |\n| --- | --- | --- | --- | --- |\n"
    "| time step | timestep | 타임 스텝 | 타임스텝, /\\d ?스텝 (앞\\|동안)/ | a |\n"
    "| step | | 스텝 | | b |\n"
    "| gradient | | 그래디언트 | 기울기 | c |\n"
    "| initial weights | starting weights | 초기 가중치 | 처음 가중치 | d |\n"
    "| update gate | | 업데이트 게이트 | 갱신 게이트 | e |\n"
    "| updates per epoch | | 에포크당 갱신 수 | 갱신 횟수 | f |\n"
)


def test_the_sample_glossary_parses_regex_and_pipes():
    assert SAMPLE[0].not_korean == ["/\\d ?스텝 (앞|동안)/", "타임스텝"]
    assert [t.korean for t in SAMPLE][:2] == ["타임 스텝", "스텝"]


def test_a_rejected_variant_is_caught():
    assert violations("20스텝 앞의 입력은", SAMPLE, korean=True)
    assert violations("한 비트를 80 스텝 동안 유지합니다", SAMPLE, korean=True)
    assert violations("tanh의 기울기는 1 이하입니다", SAMPLE, korean=True)
    assert violations("처음 가중치 그대로인 모델", SAMPLE, korean=True)
    assert violations("타임스텝마다", SAMPLE, korean=True)
    assert violations("the starting weights and each timestep", SAMPLE, korean=False)
    assert violations("Starting weights", SAMPLE, korean=False)


def test_an_approved_term_is_not_caught():
    assert not violations("20 타임 스텝 앞의 입력은 그래디언트가 작습니다", SAMPLE, korean=True)
    assert not violations("초기 가중치에서 스텝마다 갱신합니다. 업데이트 게이트", SAMPLE, korean=True)
    assert not violations("the initial weights, one time step", SAMPLE, korean=False)
    assert not violations("starting weightsless", SAMPLE, korean=False)  # whole words only
    inner = SAMPLE + parse_glossary("| English | not (en) | 한국어 | not (ko) | 뜻 |\n| --- | --- | --- | --- | --- |\n"
                                    "| weight | | 가중치 | 초기 가중 | g |\n")
    assert not violations("초기 가중치", inner, korean=True)  # inside an approved term
    assert violations("초기 가중을", inner, korean=True)


def test_code_is_not_prose():
    text = prose("The argument `timestep=3`:\n\n```python\n# 처음 가중치\n```\n\nthen 타임 스텝.")
    assert "timestep" not in text and "처음 가중치" not in text and "타임 스텝" in text
