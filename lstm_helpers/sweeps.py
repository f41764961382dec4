"""Timed training runs: how long an epoch takes, a sweep over batch sizes, and
two configurations side by side.

Everything returns plain python: lists of dicts (one dict per row), so a
notebook can show them with :func:`lstm_helpers.tables.show_table` or plot them.
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

import keras
import numpy as np

from .callbacks import EpochTimer
from .settings import pick


def updates_per_epoch(n_samples: int, batch_size: int) -> int:
    """How many weight updates (steps) one epoch makes: ``ceil(n_samples / batch_size)``."""
    if n_samples < 1 or batch_size < 1:
        raise ValueError(pick(
            ko=f"리뷰 수({n_samples})와 배치 크기({batch_size})는 1 이상이어야 합니다.",
            en=f"The number of reviews ({n_samples}) and the batch size ({batch_size}) must be 1 or more.",
        ))
    return math.ceil(n_samples / batch_size)


def time_fit(model: keras.Model, x, y, *, epochs: int = 1, batch_size: int = 32,
             validation_data=None, callbacks: Sequence[keras.callbacks.Callback] = (),
             verbose: int = 0) -> dict:
    """Train ``model`` with ``fit`` and time it.

    Takes what ``fit`` takes (``x``, ``y``, ``epochs``, ``batch_size``,
    ``validation_data``, ``callbacks``). Returns a dict: ``history`` (the
    ``History.history`` dict), ``epoch_seconds`` (wall time per epoch),
    ``seconds`` (all epochs together), ``step_seconds`` (median time per
    step after the first, per epoch), ``steps`` (steps per epoch) and
    ``epochs_run`` (fewer than ``epochs`` when early stopping ended it).
    """
    # A LiveTrainingPlot among the callbacks is a stopwatch already: reading the same clock,
    # the seconds returned here are the seconds its status line prints.
    callbacks = list(callbacks)
    timer = next((c for c in callbacks if isinstance(c, EpochTimer)), None)
    if timer is None:
        timer = EpochTimer()
        callbacks.insert(0, timer)
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, validation_data=validation_data,
                        callbacks=callbacks, verbose=verbose)
    return {
        "history": history.history,
        "epoch_seconds": list(timer.epoch_seconds),
        "seconds": float(sum(timer.epoch_seconds)),
        "step_seconds": list(timer.step_seconds),
        "steps": list(timer.steps),
        "epochs_run": len(timer.epoch_seconds),
    }


def run_batch_size_sweep(build_model: Callable[[], keras.Model], x_train, y_train, x_val, y_val,
                         batch_sizes: Sequence[int], *, epochs: int = 1, seed: int = 42) -> list[dict]:
    """Train a fresh model for each batch size and measure it.

    ``build_model()`` must return a new compiled model with an ``accuracy``
    metric; it is called once per batch size after
    ``keras.utils.set_random_seed(seed)``, so every run starts from the same
    weights and draws the same batches. That call seeds Python, NumPy and
    TensorFlow globally: the learner's random state is changed by this function. Returns one dict per batch size:
    ``batch_size``, ``updates_per_epoch``, ``step_seconds_per_epoch`` (the time of
    the training steps, without the one-off graph building of the first
    step: median step time × steps, averaged over epochs), ``wall_seconds`` (all
    of ``fit``, start-up and validation included) and ``val_accuracy`` (after
    the last epoch).
    """
    if not batch_sizes:
        raise ValueError(pick(ko="batch_sizes 가 비어 있습니다. 예: [16, 32, 64, 128, 256, 512]",
                              en="batch_sizes is empty. Example: [16, 32, 64, 128, 256, 512]"))
    rows = []
    for batch_size in batch_sizes:
        keras.utils.set_random_seed(seed)
        model = build_model()
        run = time_fit(model, x_train, y_train, epochs=epochs, batch_size=batch_size,
                       validation_data=(x_val, y_val))
        steps = updates_per_epoch(len(x_train), batch_size)
        rows.append({
            "batch_size": int(batch_size),
            "updates_per_epoch": steps,
            "step_seconds_per_epoch": float(np.mean(run["step_seconds"]) * steps),
            "wall_seconds": run["seconds"],
            "val_accuracy": float(run["history"]["val_accuracy"][-1]),
        })
    return rows


def time_steps_interleaved(builders: dict[str, Callable[[], keras.Model]], x, y, batch_size: int, *,
                           steps: int = 50, repeats: int = 3, seed: int = 42) -> dict[str, float]:
    """Time one training step of several models fairly on a busy machine.

    ``builders`` maps a name to a function that returns a new compiled
    model. Each model is built once, after ``keras.utils.set_random_seed(seed)``
    (global: Python, NumPy and TensorFlow; the learner's random state is changed), and then
    trained for ``steps`` steps of ``batch_size`` on the first
    ``steps * batch_size`` of ``x``/``y``, in turns: A, B, A, B, ... for
    ``repeats`` rounds, so that a slow spell of the machine hits all models
    alike. Returns name -> seconds per step: the lowest of the rounds' median
    step times (the least disturbed measurement).
    """
    n = steps * batch_size
    if len(x) < n:
        raise ValueError(pick(
            ko=f"리뷰가 {len(x)}편뿐입니다. steps={steps} × batch_size={batch_size} = {n}편이 필요합니다. "
               "steps를 줄이세요.",
            en=f"Only {len(x)} reviews: steps={steps} × batch_size={batch_size} needs {n}. Lower steps.",
        ))
    # Training several models in turns makes TensorFlow warn that it "retraces" its functions:
    # expected here; the package keeps TensorFlow's Python logger at ERROR (lstm_helpers/__init__.py).
    return _time_in_turns(builders, x[:n], y[:n], batch_size, repeats, seed)


def _time_in_turns(builders, x, y, batch_size: int, repeats: int, seed: int) -> dict[str, float]:
    models = {}
    for name, build in builders.items():
        keras.utils.set_random_seed(seed)
        models[name] = build()
    best = {name: math.inf for name in builders}
    for _ in range(repeats):
        for name, model in models.items():
            run = time_fit(model, x, y, epochs=1, batch_size=batch_size)
            best[name] = min(best[name], run["step_seconds"][0])
    return best


def measure_configuration(name: str, model: keras.Model, x_train, y_train, x_test, y_test, *,
                          epochs: int, batch_size: int, validation_data=None,
                          callbacks: Sequence[keras.callbacks.Callback] = ()) -> dict:
    """Train one configuration, then measure it once on the test set.

    Returns a dict: ``name``, ``epochs_run``, ``batch_size``, ``seconds``
    (training wall time, validation included), ``test_accuracy`` and the
    timed run itself under ``run`` (see :func:`time_fit`).
    """
    run = time_fit(model, x_train, y_train, epochs=epochs, batch_size=batch_size,
                   validation_data=validation_data, callbacks=callbacks)
    _, test_accuracy = model.evaluate(x_test, y_test, batch_size=256, verbose=0)
    return {"name": name, "epochs_run": run["epochs_run"], "batch_size": int(batch_size),
            "seconds": run["seconds"], "test_accuracy": float(test_accuracy), "run": run}


def compare_configurations(baseline: dict, other: dict) -> dict:
    """Put two measured configurations side by side.

    Each of ``baseline`` and ``other`` is a dict with ``seconds`` and
    ``test_accuracy`` (as :func:`measure_configuration` returns). Returns a
    dict: ``speedup`` (baseline seconds / other seconds: how many times
    faster ``other`` trained), ``time_ratio`` (other / baseline) and
    ``accuracy_difference`` (other - baseline).
    """
    for which, row in (("baseline", baseline), ("other", other)):
        missing = [k for k in ("seconds", "test_accuracy") if k not in row]
        if missing:
            raise KeyError(pick(
                ko=f"{which} 에 {missing} 값이 없습니다. measure_configuration 이 돌려준 dict를 넘기세요.",
                en=f"{which} lacks {missing}. Pass the dicts that measure_configuration returns.",
            ))
        if row["seconds"] <= 0:
            raise ValueError(pick(ko=f"{which} 의 seconds 가 0 이하입니다: {row['seconds']}",
                                  en=f"{which} has seconds <= 0: {row['seconds']}"))
    return {
        "speedup": baseline["seconds"] / other["seconds"],
        "time_ratio": other["seconds"] / baseline["seconds"],
        "accuracy_difference": other["test_accuracy"] - baseline["test_accuracy"],
    }


def _flat_gradient(model: keras.Model, x, y) -> np.ndarray:
    """The gradient of ``model``'s mean loss on (x, y) with respect to all its trainable
    weights, as one flat numpy vector (an embedding's sparse gradient made dense)."""
    import tensorflow as tf   # the TensorFlow backend is the one this package runs on

    with tf.GradientTape() as tape:
        loss = model.compute_loss(x=x, y=y, y_pred=model(x, training=False))
    grads = tape.gradient(loss, model.trainable_weights)
    return np.concatenate([tf.reshape(tf.convert_to_tensor(g), [-1]).numpy() for g in grads])


def gradient_noise_by_batch_size(model: keras.Model, x, y, batch_sizes: Sequence[int], *,
                                 draws: int = 20, seed: int = 0, chunk: int = 512) -> list[dict]:
    """How noisy a mini-batch gradient is, at the model's current weights, for each batch size.

    The reference is the gradient of the mean loss over all of ``x`` (computed in chunks
    of ``chunk`` reviews). For each batch size B, ``draws`` batches of B reviews are
    drawn at random from ``x`` (without replacement inside a batch); each batch's
    gradient g_B is compared with the reference g. Dropout is off (``training=False``),
    so the only randomness is which reviews a batch holds. Returns one dict per batch
    size: ``batch_size``, ``noise`` (the root mean square of ||g_B - g|| over the draws,
    divided by ||g||) and ``noise_times_sqrt_b`` (noise x sqrt(B)). Theory: the mean
    square distance is the reviews' gradient variance divided by B, so the noise falls
    like 1/sqrt(B) and noise x sqrt(B) stays about constant (it dips a little as B nears
    ``len(x)``, since the batches then share more reviews with the reference).
    """
    x, y = np.asarray(x), np.asarray(y)
    n = len(x)
    if not batch_sizes or min(batch_sizes) < 1 or max(batch_sizes) > n or draws < 2:
        raise ValueError(pick(
            ko=f"배치 크기는 1부터 리뷰 수({n:,})까지, draws는 2 이상이어야 합니다.",
            en=f"Batch sizes must lie between 1 and the number of reviews ({n:,}), and draws must be 2 or more."))
    starts = range(0, n, chunk)
    reference = sum(_flat_gradient(model, x[s:s + chunk], y[s:s + chunk]) * len(x[s:s + chunk]) for s in starts) / n
    reference_norm = float(np.linalg.norm(reference))
    rng = np.random.default_rng(seed)
    rows = []
    for batch_size in batch_sizes:
        distances = []
        for _ in range(draws):
            batch = rng.choice(n, size=batch_size, replace=False)
            distances.append(float(np.linalg.norm(_flat_gradient(model, x[batch], y[batch]) - reference)))
        noise = float(np.sqrt(np.mean(np.square(distances)))) / reference_norm
        rows.append({"batch_size": int(batch_size), "noise": noise, "noise_times_sqrt_b": noise * math.sqrt(batch_size)})
    return rows
