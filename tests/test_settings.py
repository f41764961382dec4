"""Language and quick mode."""

import pytest

from lstm_helpers import settings


@pytest.mark.parametrize("value, quick", [("1", True), ("true", True), ("on", True), ("", False),
                                          ("0", False), ("no", False)])
def test_quick_mode_follows_the_environment(monkeypatch, value, quick):
    monkeypatch.setenv("LSTM_HELPERS_QUICK", value)
    assert settings.is_quick() is quick
    assert ("Quick mode" in settings.describe_mode()) is quick


def test_quick_mode_off_when_unset(monkeypatch):
    monkeypatch.delenv("LSTM_HELPERS_QUICK", raising=False)
    assert not settings.is_quick()


def test_language_switches_the_words(monkeypatch):
    monkeypatch.setenv("LSTM_HELPERS_QUICK", "1")
    settings.set_language("ko")
    assert settings.pick(ko="가", en="a") == "가"
    assert "빠른 모드" in settings.describe_mode()
    settings.set_language("en")
    assert settings.pick(ko="가", en="a") == "a"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="ko"):
        settings.set_language("fr")


def test_plain_pytest_runs_in_quick_mode(request):
    """The root conftest sets LSTM_HELPERS_QUICK=1 when it was not set: plain `pytest` is quick."""
    import os

    given = getattr(request.config, "lstm_helpers_quick_given", "missing")
    assert given != "missing", "the root conftest.py was not loaded"
    if given is None:
        assert os.environ[settings.QUICK_ENV] == "1" and settings.is_quick()
    else:
        assert os.environ[settings.QUICK_ENV] == given  # LSTM_HELPERS_QUICK=0 pytest: full mode, as asked


def test_the_root_conftest_sets_quick_mode_only_when_unset(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    script = "import conftest, os; print(os.environ['LSTM_HELPERS_QUICK'])"
    env = {k: v for k, v in os.environ.items() if k != settings.QUICK_ENV}
    unset = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True)
    assert unset.stdout.strip() == "1", unset.stderr
    env[settings.QUICK_ENV] = "0"
    given = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True)
    assert given.stdout.strip() == "0", given.stderr
