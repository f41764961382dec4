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
