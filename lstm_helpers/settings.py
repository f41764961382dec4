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
import sys
import warnings

from .wrapping import wrap_columns

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
    """A short text, in the current language, that says which mode is on and what it means,
    in lines of at most 100 columns."""
    return wrap_columns(_mode_text(), indent="")


def _mode_text() -> str:
    if is_quick():
        return pick(
            ko=f"빠른 모드입니다({QUICK_ENV}=1). 설정 코드 셀에서 정한 대로 데이터를 줄여(노트북에 따라 에포크도) "
               "금방 끝납니다. 정확도는 저장소에 든 전체 모드 실행의 결과보다 낮게 나옵니다.",
            en=f"Quick mode is on ({QUICK_ENV}=1): less data (in some notebooks fewer epochs too), as set "
               "in the settings cell, so the notebook ends soon. Expect lower accuracies than the stored full run.",
        )
    return pick(
        ko="전체 모드입니다. 설정 코드 셀의 전체 모드 값으로 실행합니다. 저장된 출력도 이 값으로 만들었습니다.",
        en="Full mode: the full-mode values of the settings cell, the ones the stored outputs were made with.",
    )


# ---------------------------------------------------------------- the helpers' own warnings

class HelperWarning(UserWarning):
    """A warning of this package meant for the learner (for instance: most words of a
    text are unknown to the model). Shown as its message alone, without the file and
    line it came from and without the echoed source line (see :func:`_format_warning`)."""


_python_formatwarning = warnings.formatwarning


def _format_warning(message, category, filename, lineno, line=None):
    """``warnings.formatwarning`` for the session: a :class:`HelperWarning` is shown as
    "Warning: <message>" in the learner's language, with no machine path (in a notebook
    the path is the kernel's temporary file) and no code line; every other warning as
    Python shows it."""
    if isinstance(category, type) and issubclass(category, HelperWarning):
        return wrap_columns(pick(ko="주의: ", en="Warning: ") + f"{message}") + "\n"
    return _python_formatwarning(message, category, filename, lineno, line)


_python_showwarning = warnings.showwarning


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """``warnings.showwarning`` for the session: Python's, then a flush of the stream, so
    that in Jupyter a helper's warning appears before the cell's result, not after it."""
    _python_showwarning(message, category, filename, lineno, file, line)
    stream = file if file is not None else sys.stderr
    if stream is not None:
        stream.flush()


def install_warning_format() -> None:
    """Make :class:`HelperWarning` print as a clean message, broken between words into lines
    of at most 100 columns, and flushed at once (done once, when the package is imported)."""
    global _python_formatwarning, _python_showwarning
    if warnings.formatwarning is not _format_warning:
        _python_formatwarning = warnings.formatwarning
        warnings.formatwarning = _format_warning
    if warnings.showwarning is not _show_warning:
        _python_showwarning = warnings.showwarning
        warnings.showwarning = _show_warning


def warn(message: str, stacklevel: int = 2) -> None:
    """Warn the learner with ``message`` (a :class:`HelperWarning`). ``stacklevel`` as for
    ``warnings.warn``, counted from the caller of this function: point it at the learner's
    code, so that Python's "show once per place" rule counts places in their code."""
    warnings.warn(message, HelperWarning, stacklevel=stacklevel + 1)


install_warning_format()
