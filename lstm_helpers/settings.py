"""Run settings shared by every notebook: the language and the quick mode.

* Language: ``"ko"`` or ``"en"``. It decides the labels of plots and the
  wording of the helpers' messages. A notebook sets it once, in its first
  code cell, with :func:`set_language`.
* Quick mode: on when the environment variable ``LSTM_HELPERS_QUICK`` is
  ``1`` (CI sets it; a teacher with five minutes of class time can too). The
  notebooks read :func:`is_quick` in their parameters cell and shrink the data
  and the epochs openly, so the learner sees what runs.
"""

from __future__ import annotations

import os

LANGUAGES = ("ko", "en")
QUICK_ENV = "LSTM_HELPERS_QUICK"

_language = "en"


def set_language(language: str) -> None:
    """Set the language of plot labels and messages: ``"ko"`` or ``"en"``."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(
            f"Unknown language {language!r}: use one of {LANGUAGES} "
            f"(알 수 없는 언어입니다: {LANGUAGES} 중 하나를 쓰세요)."
        )
    _language = language


def get_language() -> str:
    """Return the current language, ``"ko"`` or ``"en"``."""
    return _language


def pick(*, ko: str, en: str) -> str:
    """Return the Korean or the English text, whichever the language is."""
    return ko if _language == "ko" else en


def is_quick() -> bool:
    """True when ``LSTM_HELPERS_QUICK`` is set to 1, true, yes or on."""
    return os.environ.get(QUICK_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def describe_mode() -> str:
    """One line, in the current language, that says which mode is on."""
    if is_quick():
        return pick(
            ko=f"빠른 모드입니다({QUICK_ENV}=1): 데이터와 에포크를 줄여서 몇 분 안에 끝납니다. "
            "숫자는 전체 실행보다 낮게 나옵니다.",
            en=f"Quick mode is on ({QUICK_ENV}=1): less data and fewer epochs, so it "
            "ends in minutes. Expect lower numbers than a full run.",
        )
    return pick(
        ko="전체 모드입니다: 데이터 전체로 원래 설정 그대로 학습합니다.",
        en="Full mode: the whole data set and the original settings.",
    )
