"""The LSTM cell picture: drawn in both languages, every label readable."""

import matplotlib.pyplot as plt
import pytest

import lstm_helpers as lh
from lstm_helpers import settings


@pytest.mark.parametrize("language, names", [
    ("en", ["forget gate f", "input gate i", "candidate g", "output gate o", "cell state c"]),
    ("ko", ["망각 게이트 f", "입력 게이트 i", "후보 값 g", "출력 게이트 o", "셀 상태 c"]),
])
def test_the_lstm_cell_is_drawn_with_the_glossary_names(language, names, glyph_warnings):
    settings.set_language(language)
    figure = lh.plots.draw_lstm_cell()
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert all(name in texts for name in names)                      # the glossary's terms, in the language set
    assert sum(t == "σ" for t in texts) == 3 and "tanh" in texts    # three gates, and tanh twice (a layer and c_t)
    assert any("c_t = f" in t for t in texts)                       # the update, written under the picture
    assert glyph_warnings(figure) == []                               # no Hangul drawn as boxes
    plt.close(figure)
