"""A side-by-side benchmark of IMDB classifiers, in one process on the same data.

Run it from the repository root::

    python -m lstm_helpers.benchmark                   # every configuration, full data
    python -m lstm_helpers.benchmark --quick           # the same code on a few reviews, under a minute
    python -m lstm_helpers.benchmark --configs original lstm_fast --out results/

For each configuration it trains on the training reviews less a validation
split (20%, seeded), keeps the weights of the best validation epoch
(``EarlyStopping``), then measures the test set once. It prints and writes
``benchmark.json`` and ``benchmark.md``: test accuracy, seconds per epoch,
total seconds, parameters, and the time as a ratio to the original
configuration measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path

import keras
import numpy as np

from . import settings
from .callbacks import LiveTrainingPlot
from .data import ImdbData, as_text_ids, load_imdb_raw, pad_reviews, review_texts, split_reviews
from .models import build_bag_of_ngrams_classifier, build_recurrent_bag_classifier, build_recurrent_classifier
from .settings import pick
from .sweeps import measure_configuration
from .tables import show_table


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
    Configuration("original", "the original notebook: LSTM 128, recurrent dropout 0.2, batch 32, 3 epochs",
                  description_ko="원래 노트북: LSTM 128, 순환 드롭아웃 0.2, 배치 32, 3 에포크",
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
    Configuration("bigru_pool_600", "bidirectional GRU 2x64, max+mean over time, 600 words of 30,000, "
                  "masked padding; reads raw text",
                  description_ko="양방향 GRU 2x64, 전체 타임 스텝에 걸친 최댓값+평균, 리뷰당 600단어, "
                                 "어휘 크기 30,000, 패딩 마스킹, 원문 텍스트를 읽음",
                  num_words=30000, maxlen=600, padding="post", text_ids=True,
                  model=dict(layer="gru", units=64, bidirectional=True, pooling="max_mean", mask_padding=True,
                             embedding_dropout=0.5, dropout=0.0, recurrent_dropout=0.0)),
    Configuration("bigru_and_bigrams", "bidirectional GRU 2x32 (400 words of 30,000, masked, max+mean) "
                  "joined with a bag of 20,000 words and word pairs -> Dense 16",
                  description_ko="양방향 GRU 2x32(리뷰당 400단어, 어휘 크기 30,000, 마스킹, 최댓값+평균)에 "
                                 "단어와 바이그램 20,000개의 바이그램 주머니와 Dense 16을 이어 붙인 모델",
                  builder="recurrent_and_bag", num_words=30000, maxlen=400, batch_size=64, epochs=6, patience=1,
                  model=dict(units=32, embedding_dim=64, embedding_dropout=0.5, max_tokens=20000, hidden=16,
                             dropout=0.5)),
    Configuration("bag_of_bigrams", "not recurrent: which of 20,000 words and word pairs a review holds "
                  "(multi-hot) -> Dense 16, batch 32",
                  description_ko="순환 신경망이 아닌 모델. 단어와 바이그램 20,000개 각각이 리뷰에 있는지를 "
                                 "멀티-핫 벡터로 Dense 16에 넣음, 배치 32",
                  builder="bag_of_ngrams", num_words=None, maxlen=None, batch_size=32, epochs=10, patience=2,
                  model=dict(max_tokens=20000, ngrams=2, hidden=16, dropout=0.5)),
]
BY_NAME = {c.name: c for c in CONFIGURATIONS}
TEXT_BUILDERS = ("bag_of_ngrams", "recurrent_and_bag")  # models that take the reviews as text
# The benchmark of notebook 06 (07 trains the original and the text model itself)
NOTEBOOK_06 = ["lstm_fast", "simple_rnn", "gru", "lstm_stacked", "lstm_200", "bilstm_200", "bag_of_bigrams"]


QUICK_SIZES = dict(max_train=600, max_test=300, epochs=1, maxlen_cap=80)


def prepare_data(config: Configuration, raw, seed: int = 42, quick: bool = False):
    """The data ``config`` trains on, from ``load_imdb_raw``'s output for its ``num_words``:
    an :class:`~lstm_helpers.data.ImdbData` split 80/20 with ``seed`` (the same reviews
    for every configuration): padded ids, or texts for a model that reads text."""
    sizes = dict(max_train=QUICK_SIZES["max_train"], max_test=QUICK_SIZES["max_test"]) if quick else {}
    split = split_reviews(raw, validation_split=0.2, seed=seed, **sizes)
    if config.builder in TEXT_BUILDERS:
        def convert(x):
            return np.array(review_texts(x), dtype=object)
    else:
        maxlen = min(config.maxlen, QUICK_SIZES["maxlen_cap"]) if quick else config.maxlen

        def convert(x):
            return pad_reviews(as_text_ids(x) if config.text_ids else x, maxlen, padding=config.padding)
    return ImdbData(convert(split.x_train), split.y_train, convert(split.x_val), split.y_val,
                    convert(split.x_test), split.y_test)


def build_model(config: Configuration, data, quick: bool = False):
    """Build ``config``'s model, compiled, for ``data`` (from :func:`prepare_data`)."""
    if config.builder == "bag_of_ngrams":
        return build_bag_of_ngrams_classifier(data.x_train, **config.model)
    if config.builder == "recurrent_and_bag":
        maxlen = min(config.maxlen, QUICK_SIZES["maxlen_cap"]) if quick else config.maxlen
        return build_recurrent_bag_classifier(data.x_train, num_words=config.num_words, maxlen=maxlen, **config.model)
    maxlen = None if config.text_ids else data.x_train.shape[1]
    return build_recurrent_classifier(num_words=config.num_words, maxlen=maxlen, **config.model)


def kept_epoch(history: dict, restored: bool) -> int:
    """The epoch (0-based) whose weights a trained model holds: with the best
    validation epoch restored (``EarlyStopping(restore_best_weights=True)``, which
    keeps the first of equal bests) the epoch of the highest ``val_accuracy``,
    otherwise the last epoch."""
    scores = history["val_accuracy"]
    return int(np.argmax(scores)) if restored else len(scores) - 1


def choose_by_validation(rows: list[dict]) -> dict:
    """The row whose trained model has the highest validation accuracy (``val_accuracy``:
    that of the weights the model holds, see :func:`kept_epoch`). Never the test
    accuracy: the test set is measured once, after the choice."""
    return max(rows, key=lambda row: row["val_accuracy"])


def run_configuration(config: Configuration, data, seed: int = 42, quick: bool = False):
    """Train one configuration on ``data`` (from :func:`prepare_data`) and measure it once on the test set.

    Returns ``(row, model)``: the measurements as a dict, and the trained model
    (with the weights of its best validation epoch, unless ``config.patience`` is None:
    then those of its last epoch). ``row["kept_epoch"]`` and ``row["val_accuracy"]``
    describe the weights the model holds (:func:`kept_epoch`).
    ``row["test_se"]`` is the standard error of the test accuracy, sqrt(p(1 - p) / n):
    two rows closer than about two of it are not told apart by this test set.

    Seeding: it first calls ``keras.utils.set_random_seed(seed)``, which seeds
    Python, NumPy and TensorFlow globally (the initial weights, the order of the
    batches, the dropout masks), so the same ``seed`` trains the same model; the
    learner's global random state is changed by this call.
    """
    keras.utils.set_random_seed(seed)
    started = time.perf_counter()
    model = build_model(config, data, quick=quick)  # the bag of n-grams fits its vocabulary here: part of its cost
    build_seconds = time.perf_counter() - started
    epochs = QUICK_SIZES["epochs"] if quick else config.epochs
    progress = LiveTrainingPlot(curves=False)  # a status line in Jupyter, a line per epoch elsewhere
    keep_best = keras.callbacks.EarlyStopping(
        monitor="val_accuracy", patience=config.patience or epochs, restore_best_weights=config.patience is not None)
    measured = measure_configuration(config.name, model, data.x_train, data.y_train, data.x_test, data.y_test,
                                     epochs=epochs, batch_size=config.batch_size,
                                     validation_data=(data.x_val, data.y_val), callbacks=[progress, keep_best])
    history = measured["run"]["history"]
    accuracy = measured["test_accuracy"]
    kept = kept_epoch(history, restored=config.patience is not None)
    row = {
        "name": config.name,
        "description": config.describe(),
        "maxlen": config.maxlen if config.builder != "bag_of_ngrams" else None,
        "num_words": config.num_words,
        "batch_size": config.batch_size,
        "parameters": model.count_params(),
        "epochs_run": measured["epochs_run"],
        "kept_epoch": kept + 1,  # the epoch whose weights the model holds (1-based)
        "val_accuracy": float(history["val_accuracy"][kept]),  # of those weights: what choose_by_validation compares
        "best_val_accuracy": float(max(history["val_accuracy"])),  # the best of any epoch (the original may not keep it)
        "test_accuracy": accuracy,
        "test_se": float(np.sqrt(accuracy * (1 - accuracy) / len(data.y_test))),
        "test_reviews": len(data.y_test),
        "seconds_per_epoch": measured["seconds"] / measured["epochs_run"],
        "total_seconds": build_seconds + measured["seconds"],
    }
    if quick and row["maxlen"] is not None:
        row["maxlen"] = min(row["maxlen"], QUICK_SIZES["maxlen_cap"])
    return row, model


def run_benchmark(configs: list[Configuration], quick: bool = False, seed: int = 42,
                  data_dir: str | None = None, trained: dict | None = None):
    """Run the configurations one after another on the same data; return their rows.

    Each row gains ``time_ratio``: its total seconds over the original
    configuration's, when ``original`` is among the configurations. A dict
    passed as ``trained`` receives every configuration's trained model and
    data: ``trained[name] = (model, data)``; :func:`choose_by_validation`
    picks the row of the best of them (by validation accuracy, never by the test set).
    """
    raw_by_words: dict = {}
    rows = []
    for config in configs:
        if config.num_words not in raw_by_words:
            raw_by_words[config.num_words] = load_imdb_raw(num_words=config.num_words, data_dir=data_dir)
        data = prepare_data(config, raw_by_words[config.num_words], seed=seed, quick=quick)
        print(f"== {config.name}: {config.describe()}", flush=True)
        row, model = run_configuration(config, data, seed=seed, quick=quick)
        rows.append(row)
        if trained is not None:
            trained[config.name] = (model, data)
        print(settings.pick(ko=f"   테스트 정확도 {row['test_accuracy']:.4f}, 학습 {row['total_seconds']:.0f}초",
                            en=f"   test accuracy {row['test_accuracy']:.4f}, {row['total_seconds']:.0f} s of training"),
              flush=True)
    add_time_ratios(rows)
    return rows


def add_time_ratios(rows: list[dict]) -> list[dict]:
    """Give each row ``time_ratio``: its total seconds over those of the row named
    ``original`` (None when there is no such row). Returns the same rows."""
    original = next((r for r in rows if r["name"] == "original"), None)
    for row in rows:
        row["time_ratio"] = row["total_seconds"] / original["total_seconds"] if original else None
    return rows


def results_table(rows: list[dict]):
    """The rows as a pandas DataFrame with headers in the notebook's language (HTML in Jupyter).

    The column "time vs original" is there only when a row has a ``time_ratio``
    (the original configuration ran with them, see :func:`add_time_ratios`)."""
    def ratio(row):
        return f"{row['time_ratio']:.2f}x" if row.get("time_ratio") is not None else "-"

    def words(row):
        return pick(ko="리뷰 전체", en="all") if row.get("maxlen") is None else str(row["maxlen"])

    shown = [dict(row, ratio=ratio(row), model=f"{row['name']}: {row['description']}", words=words(row),
                  epochs=f"{row['epochs_run']} ({row['kept_epoch']})") for row in rows]
    columns = [
        ("model", pick(ko="설정", en="configuration"), "{}"),
        ("words", pick(ko="단어 수", en="words"), "{}"),
        ("test_accuracy", pick(ko="테스트 정확도", en="test accuracy"), "{:.4f}"),
        ("test_se", pick(ko="표준 오차", en="standard error"), "±{:.4f}"),
        ("val_accuracy", pick(ko="검증 정확도", en="val accuracy"), "{:.4f}"),
        ("epochs", pick(ko="학습한 에포크 수(쓴 가중치의 에포크)", en="epochs (weights kept from)"), "{}"),
        ("seconds_per_epoch", pick(ko="에포크당 시간(초)", en="s / epoch"), "{:.1f}"),
        ("total_seconds", pick(ko="총 시간(초)", en="total s"), "{:.0f}"),
        ("ratio", pick(ko="원래 설정 대비 시간", en="time vs original"), "{}"),
        ("parameters", pick(ko="파라미터 수", en="parameters"), "{:,}"),
    ]
    if all(row.get("time_ratio") is None for row in rows):
        columns = [column for column in columns if column[0] != "ratio"]
    return show_table(shown, columns)


def format_markdown(rows: list[dict], machine: str) -> str:
    """The rows as a Markdown table (for benchmark.md), with the machine they ran on."""
    table = results_table(rows)
    table.columns = [str(c).replace("|", "/") for c in table.columns]
    colalign = ("left",) + ("right",) * (len(table.columns) - 1)
    return f"{machine}\n\n" + table.to_markdown(index=False, colalign=colalign) + "\n"


def describe_machine() -> str:
    """A short description of where the benchmark ran: CPU cores or GPU, and versions."""
    try:
        import tensorflow as tf

        gpus = len(tf.config.list_physical_devices("GPU"))
    except ImportError:
        gpus = 0
    cores = os.cpu_count()
    where = (settings.pick(ko=f"GPU {gpus}개", en=f"{gpus} GPU(s)") if gpus
             else settings.pick(ko=f"CPU {cores}코어, GPU 없음", en=f"{cores} CPU cores, no GPU"))
    return settings.pick(
        ko=f"측정 환경: {platform.machine()}, {where}, Keras {keras.__version__}({keras.backend.backend()} 백엔드)",
        en=f"Measured on {platform.machine()} {where}, Keras {keras.__version__} ({keras.backend.backend()} backend)",
    )


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="python -m lstm_helpers.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few reviews and one epoch: checks that it works")
    parser.add_argument("--configs", nargs="+", choices=sorted(BY_NAME), help="which configurations (default all)")
    parser.add_argument("--out", default=".", help="folder for benchmark.json and benchmark.md")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data-dir", default=None, help="folder with imdb.npz (default: LSTM_HELPERS_DATA_DIR or keras)")
    args = parser.parse_args(argv)
    quick = args.quick or settings.is_quick()

    configs = [BY_NAME[n] for n in args.configs] if args.configs else CONFIGURATIONS
    rows = run_benchmark(configs, quick=quick, seed=args.seed, data_dir=args.data_dir)
    machine = describe_machine() + (settings.pick(ko=" (빠른 모드: 리뷰 수백 개, 1 에포크)",
                                                  en=" (quick mode: a few reviews, 1 epoch)") if quick else "")
    table = format_markdown(rows, machine)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmark.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
    (out / "benchmark.md").write_text(table)
    print()
    print(table)
    return rows


if __name__ == "__main__":
    main()
