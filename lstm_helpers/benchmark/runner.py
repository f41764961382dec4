"""Training the benchmark's configurations on the same data, one after another.

Each configuration trains on the training reviews less a validation split (20%,
seeded), keeps the weights of the best validation epoch (``EarlyStopping``; the
original keeps its last epoch), then is measured once on the test set. A row
describes the weights the model holds (:func:`kept_epoch`), and
:func:`choose_by_validation` picks among rows by them.
"""

from __future__ import annotations

import time

import keras
import numpy as np

from .. import settings
from ..callbacks import LiveTrainingPlot
from ..compare import standard_error
from ..data import ImdbData, as_text_ids, load_imdb_raw, pad_reviews, review_texts, split_reviews
from ..models import build_bag_of_ngrams_classifier, build_recurrent_bag_classifier, build_recurrent_classifier
from ..sweeps import measure_configuration
from .configurations import QUICK_SIZES, TEXT_BUILDERS, Configuration


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
        "test_se": standard_error(accuracy, len(data.y_test)),
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
