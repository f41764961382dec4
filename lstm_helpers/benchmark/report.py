"""The benchmark's results as a table (pandas, Markdown) and where they were measured."""

from __future__ import annotations

import os
import platform

import keras
import tensorflow as tf

from .. import settings
from ..settings import pick
from ..tables import show_table


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
        ("epochs", pick(ko="학습한 에포크 수(가중치를 남긴 에포크)", en="epochs (weights kept from)"), "{}"),
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
    """Where the code runs, in one line: the processor, CPU cores or GPUs, and the TensorFlow and Keras versions."""
    gpus = len(tf.config.list_physical_devices("GPU"))
    cores = os.cpu_count()
    where = (settings.pick(ko=f"GPU {gpus}개", en=f"{gpus} GPU(s)") if gpus
             else settings.pick(ko=f"CPU {cores}코어, GPU 없음", en=f"{cores} CPU cores, no GPU"))
    versions = f"TensorFlow {tf.__version__}, Keras {keras.__version__}"
    return settings.pick(
        ko=f"측정 환경: {platform.machine()}, {where}; {versions}({keras.backend.backend()} 백엔드)",
        en=f"Measured on {platform.machine()}, {where}; {versions} ({keras.backend.backend()} backend)",
    )
