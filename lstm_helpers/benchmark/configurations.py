"""The configurations of the benchmark: which model, trained how, and the sizes of quick mode."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import settings


@dataclass(frozen=True)
class Configuration:
    """One model and how it is trained.

    ``builder`` says which builder of :mod:`lstm_helpers.models` makes it:
    ``"recurrent"`` (:func:`~lstm_helpers.models.build_recurrent_classifier`, reads ids),
    ``"bag_of_ngrams"`` (:func:`~lstm_helpers.models.build_bag_of_ngrams_classifier`,
    reads text, ignores word order) or ``"recurrent_and_bag"``
    (:func:`~lstm_helpers.models.build_recurrent_bag_classifier`, reads text both ways);
    ``model`` holds its keyword arguments.
    ``text_ids``: the recurrent model trains on the ids a TextVectorization layer
    gives (no start mark, unknown words 1), so it can be wrapped to read raw text
    (:func:`~lstm_helpers.models.build_text_classifier`); it then takes reviews of any length.
    ``padding``: ``"post"`` exactly when ``mask_padding`` is on (a rule the tests check,
    and the side :func:`~lstm_helpers.models.predict_sentiment` pads on).
    """

    name: str
    description: str
    description_ko: str = ""
    builder: str = "recurrent"
    num_words: int | None = 20000
    maxlen: int | None = 80
    batch_size: int = 128
    epochs: int = 6
    patience: int | None = 1  # None: train all epochs, keep the last weights (the original)
    padding: str = "pre"
    text_ids: bool = False
    model: dict = field(default_factory=dict)

    def describe(self) -> str:
        """The description in the notebook's language."""
        return settings.pick(ko=self.description_ko or self.description, en=self.description)


_NO_RECURRENT_DROPOUT = dict(dropout=0.2, recurrent_dropout=0.0)
CONFIGURATIONS = [
    Configuration("original", "the original notebook: LSTM 128, dropout and recurrent dropout 0.2, batch 32, 3 epochs",
                  description_ko="원래 노트북: LSTM 128, 드롭아웃과 순환 드롭아웃 0.2, 배치 32, 3 에포크",
                  batch_size=32, epochs=3, patience=None,
                  model=dict(layer="lstm", units=128, dropout=0.2, recurrent_dropout=0.2)),
    Configuration("lstm_fast", "LSTM 128 without recurrent dropout, batch 128, early stopping",
                  description_ko="순환 드롭아웃 없는 LSTM 128, 배치 128, 조기 종료",
                  model=dict(layer="lstm", units=128, **_NO_RECURRENT_DROPOUT)),
    Configuration("simple_rnn", "SimpleRNN 128, batch 128, early stopping",
                  description_ko="SimpleRNN 128, 배치 128, 조기 종료",
                  model=dict(layer="simple_rnn", units=128, **_NO_RECURRENT_DROPOUT)),
    Configuration("gru", "GRU 128, batch 128, early stopping",
                  description_ko="GRU 128, 배치 128, 조기 종료",
                  model=dict(layer="gru", units=128, **_NO_RECURRENT_DROPOUT)),
    Configuration("lstm_stacked", "two stacked LSTMs of 128, batch 128, early stopping",
                  description_ko="LSTM 128 두 층을 쌓은 모델, 배치 128, 조기 종료",
                  model=dict(layer="lstm", units=128, stacked=2, **_NO_RECURRENT_DROPOUT)),
    Configuration("lstm_200", "LSTM 128 on the last 200 words",
                  description_ko="마지막 200단어를 읽는 LSTM 128",
                  maxlen=200, model=dict(layer="lstm", units=128, **_NO_RECURRENT_DROPOUT)),
    Configuration("bilstm_200", "bidirectional LSTM 2x64 on the last 200 words, masked padding",
                  description_ko="마지막 200단어를 읽는 양방향 LSTM 2x64, 패딩 마스킹",
                  maxlen=200, padding="post",
                  model=dict(layer="lstm", units=64, bidirectional=True, mask_padding=True, **_NO_RECURRENT_DROPOUT)),
    Configuration("bigru_pool_600", "bidirectional GRU 2x64, max+mean over time, a review's last 600 "
                  "words, 30,000-word vocabulary, masked padding; reads raw text",
                  description_ko="양방향 GRU 2x64, 모든 타임 스텝의 최댓값과 평균, 리뷰의 마지막 600단어, "
                                 "어휘 30,000단어, 패딩 마스킹, 글을 그대로 입력",
                  num_words=30000, maxlen=600, padding="post", text_ids=True,
                  model=dict(layer="gru", units=64, bidirectional=True, pooling="max_mean", mask_padding=True,
                             embedding_dropout=0.5, dropout=0.0, recurrent_dropout=0.0)),
    Configuration("bigru_and_bigrams", "bidirectional GRU 2x32 (a review's first 400 words, 30,000-word vocabulary, masked, max+mean) "
                  "joined with a bag of 20,000 words and word pairs -> Dense 16",
                  description_ko="양방향 GRU 2x32(리뷰의 처음 400단어, 어휘 30,000단어, 마스킹, 최댓값과 평균)와 "
                                 "단어·바이그램 20,000개의 바이그램 주머니를 이어 붙이고 Dense 16에 넣은 모델",
                  builder="recurrent_and_bag", num_words=30000, maxlen=400, batch_size=64, epochs=6, patience=1,
                  model=dict(units=32, embedding_dim=64, embedding_dropout=0.5, max_tokens=20000, hidden=16,
                             dropout=0.5)),
    Configuration("bag_of_bigrams", "not recurrent: which of 20,000 words and word pairs a review holds "
                  "(multi-hot) -> Dense 16, batch 32",
                  description_ko="순환 신경망이 아닌 모델: 단어·바이그램 20,000개가 리뷰에 있는지 나타내는 "
                                 "멀티-핫 벡터를 Dense 16에 넣음, 배치 32",
                  builder="bag_of_ngrams", num_words=None, maxlen=None, batch_size=32, epochs=10, patience=2,
                  model=dict(max_tokens=20000, ngrams=2, hidden=16, dropout=0.5)),
]
BY_NAME = {c.name: c for c in CONFIGURATIONS}
TEXT_BUILDERS = ("bag_of_ngrams", "recurrent_and_bag")  # models that take the reviews as text
# The benchmark of notebook 06 (07 trains the original and the text model itself)
NOTEBOOK_06 = ["lstm_fast", "simple_rnn", "gru", "lstm_stacked", "lstm_200", "bilstm_200", "bag_of_bigrams"]


QUICK_SIZES = dict(max_train=600, max_test=300, epochs=1, maxlen_cap=80)
