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
from dataclasses import dataclass, field
from pathlib import Path

from . import settings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@dataclass(frozen=True)
class Configuration:
    """One model and how it is trained. ``model`` holds keyword arguments of
    :func:`lstm_helpers.models.build_recurrent_classifier`."""

    name: str
    description: str
    description_ko: str = ""
    num_words: int = 20000
    maxlen: int = 80
    batch_size: int = 128
    epochs: int = 6
    patience: int | None = 1  # None: train all epochs, keep the last weights (the original)
    padding: str = "pre"
    model: dict = field(default_factory=dict)

    def describe(self) -> str:
        """The description in the notebook's language."""
        return settings.pick(ko=self.description_ko or self.description, en=self.description)


CONFIGURATIONS = [
    Configuration("original", "the original notebook: LSTM 128, recurrent dropout 0.2, batch 32, 3 epochs",
                  description_ko="원래 노트북: LSTM 128, 순환 드롭아웃 0.2, 배치 32, 3 에포크",
                  batch_size=32, epochs=3, patience=None,
                  model=dict(layer="lstm", units=128, dropout=0.2, recurrent_dropout=0.2)),
    Configuration("lstm_fast", "LSTM 128 without recurrent dropout, batch 128, early stopping",
                  description_ko="순환 드롭아웃 없는 LSTM 128, 배치 128, 조기 종료",
                  model=dict(layer="lstm", units=128, dropout=0.2, recurrent_dropout=0.0)),
    Configuration("simple_rnn", "SimpleRNN 128, batch 128, early stopping",
                  description_ko="SimpleRNN 128, 배치 128, 조기 종료",
                  model=dict(layer="simple_rnn", units=128, dropout=0.2, recurrent_dropout=0.0)),
    Configuration("gru", "GRU 128, batch 128, early stopping",
                  description_ko="GRU 128, 배치 128, 조기 종료",
                  model=dict(layer="gru", units=128, dropout=0.2, recurrent_dropout=0.0)),
    Configuration("lstm_200", "LSTM 128 on the last 200 words",
                  description_ko="마지막 200단어를 읽는 LSTM 128",
                  maxlen=200, model=dict(layer="lstm", units=128, dropout=0.2, recurrent_dropout=0.0)),
    Configuration("bilstm_200", "bidirectional LSTM 2x64 on the last 200 words",
                  description_ko="마지막 200단어를 읽는 양방향 LSTM 2x64",
                  maxlen=200, model=dict(layer="lstm", units=64, bidirectional=True, dropout=0.2,
                                         recurrent_dropout=0.0)),
    Configuration("bigru_pool_600", "bidirectional GRU 2x64, max+mean over time, 600 words of 30,000, masked padding",
                  description_ko="양방향 GRU 2x64, 타임 스텝 전체의 최댓값+평균, 어휘 30,000개 중 600단어, 패딩 마스킹",
                  num_words=30000, maxlen=600, padding="post",
                  model=dict(layer="gru", units=64, bidirectional=True, pooling="max_mean", mask_padding=True,
                             embedding_dropout=0.5, dropout=0.0, recurrent_dropout=0.0)),
]
BY_NAME = {c.name: c for c in CONFIGURATIONS}


@dataclass(frozen=True)
class BestModel:
    """The configuration that won on validation accuracy: its row, trained model and data."""

    row: dict
    model: object
    data: object
QUICK_SIZES = dict(max_train=600, max_test=300, epochs=1, maxlen_cap=80)


def run_configuration(config: Configuration, data, seed: int = 42, quick: bool = False):
    """Train one configuration on ``data`` (an ImdbData) and measure it once on the test set.

    Returns ``(row, model)``: the measurements as a dict, and the trained model
    (with the weights of its best validation epoch, unless ``config.patience`` is None).
    """
    import keras

    from .callbacks import LiveTrainingPlot
    from .models import build_recurrent_classifier
    from .sweeps import measure_configuration

    keras.utils.set_random_seed(seed)
    model = build_recurrent_classifier(vocab_size=config.num_words, maxlen=data.x_train.shape[1], **config.model)
    epochs = QUICK_SIZES["epochs"] if quick else config.epochs
    progress = LiveTrainingPlot(curves=False)  # a status line in Jupyter, a line per epoch elsewhere
    keep_best = keras.callbacks.EarlyStopping(
        monitor="val_accuracy", patience=config.patience or epochs, restore_best_weights=config.patience is not None)
    measured = measure_configuration(config.name, model, data.x_train, data.y_train, data.x_test, data.y_test,
                                     epochs=epochs, batch_size=config.batch_size,
                                     validation_data=(data.x_val, data.y_val), callbacks=[progress, keep_best])
    history = measured["run"]["history"]
    row = {
        "name": config.name,
        "description": config.describe(),
        "maxlen": data.x_train.shape[1],
        "num_words": config.num_words,
        "batch_size": config.batch_size,
        "parameters": model.count_params(),
        "epochs_run": measured["epochs_run"],
        "best_epoch": (keep_best.best_epoch + 1) if config.patience is not None else measured["epochs_run"],
        "best_val_accuracy": max(history["val_accuracy"]),
        "test_accuracy": measured["test_accuracy"],
        "seconds_per_epoch": measured["seconds"] / measured["epochs_run"],
        "total_seconds": measured["seconds"],
    }
    return row, model


def run_benchmark(configs: list[Configuration], quick: bool = False, seed: int = 42,
                  data_dir: str | None = None, keep_best_model: bool = False):
    """Run the configurations one after another on the same data; return their rows.

    Each row gains ``time_ratio``: its total seconds over the original
    configuration's, when ``original`` is among the configurations. With
    ``keep_best_model=True`` it returns ``(rows, best)``: ``best`` is a
    :class:`BestModel` with the row, the trained model and the data of the
    configuration with the best *validation* accuracy (never chosen by the test set).
    """
    from .data import load_imdb_raw, split_and_pad

    raw_by_words: dict[int, tuple] = {}
    rows, best = [], None
    for config in configs:
        if config.num_words not in raw_by_words:
            raw_by_words[config.num_words] = load_imdb_raw(num_words=config.num_words, data_dir=data_dir)
        maxlen = min(config.maxlen, QUICK_SIZES["maxlen_cap"]) if quick else config.maxlen
        data = split_and_pad(raw_by_words[config.num_words], maxlen, validation_split=0.2, seed=seed,
                             max_train=QUICK_SIZES["max_train"] if quick else None,
                             max_test=QUICK_SIZES["max_test"] if quick else None, padding=config.padding)
        print(f"== {config.name}: {config.describe()}", flush=True)
        row, model = run_configuration(config, data, seed=seed, quick=quick)
        rows.append(row)
        if keep_best_model and (best is None or row["best_val_accuracy"] > best.row["best_val_accuracy"]):
            best = BestModel(row, model, data)
        print(settings.pick(ko=f"   테스트 정확도 {row['test_accuracy']:.4f}, 학습 {row['total_seconds']:.0f}초",
                            en=f"   test accuracy {row['test_accuracy']:.4f}, {row['total_seconds']:.0f} s of training"),
              flush=True)
    original = next((r for r in rows if r["name"] == "original"), None)
    for row in rows:
        row["time_ratio"] = row["total_seconds"] / original["total_seconds"] if original else None
    return (rows, best) if keep_best_model else rows


def results_table(rows: list[dict]):
    """The rows as a pandas DataFrame with headers in the notebook's language (HTML in Jupyter)."""
    from .settings import pick
    from .tables import show_table

    def ratio(row):
        return f"{row['time_ratio']:.2f}x" if row.get("time_ratio") is not None else "-"

    shown = [dict(row, ratio=ratio(row), model=f"{row['name']}: {row['description']}",
                  epochs=f"{row['epochs_run']} ({row['best_epoch']})") for row in rows]
    return show_table(shown, [
        ("model", pick(ko="설정", en="configuration"), "{}"),
        ("maxlen", pick(ko="단어 수", en="words"), "{}"),
        ("test_accuracy", pick(ko="테스트 정확도", en="test accuracy"), "{:.4f}"),
        ("best_val_accuracy", pick(ko="최고 검증 정확도", en="best val accuracy"), "{:.4f}"),
        ("epochs", pick(ko="에포크 (최고)", en="epochs (best)"), "{}"),
        ("seconds_per_epoch", pick(ko="에포크당 초", en="s / epoch"), "{:.1f}"),
        ("total_seconds", pick(ko="총 초", en="total s"), "{:.0f}"),
        ("ratio", pick(ko="원래 설정 대비 시간", en="time vs original"), "{}"),
        ("parameters", pick(ko="파라미터 수", en="parameters"), "{:,}"),
    ])


def format_markdown(rows: list[dict], machine: str) -> str:
    """The rows as a Markdown table (for benchmark.md), with the machine they ran on."""
    table = results_table(rows)
    table.columns = [str(c).replace("|", "/") for c in table.columns]
    return f"{machine}\n\n" + table.to_markdown(index=False, colalign=("left",) + ("right",) * 8) + "\n"


def describe_machine() -> str:
    """A short description of where the benchmark ran: CPU cores or GPU, and versions."""
    import keras

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
