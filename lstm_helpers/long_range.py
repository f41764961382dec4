"""Why plain recurrence fails on long sequences, measured (notebook 01).

Two experiments:

* :func:`gradient_by_distance` -- how strongly the last hidden state of a
  recurrent layer depends on each earlier input: the size of the gradient
  ``d h_T / d x_{T-d}`` for every distance ``d``, taken with ``tf.GradientTape``.
* A toy memory task -- :func:`make_memory_task` hides the label (one bit) in
  one of the first steps of a sequence of noise; :func:`run_memory_task`
  trains a SimpleRNN and an LSTM on it for several sequence lengths and
  returns their test accuracies. 0.5 is guessing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from .settings import pick

#: The recurrent layers the experiments compare, by the name the notebooks use.
LAYER_NAMES = {"simple_rnn": "SimpleRNN", "lstm": "LSTM"}


# ---------------------------------------------------------------- gradient by distance

def gradient_by_distance(layer, inputs: np.ndarray) -> np.ndarray:
    """How much the last hidden state moves when each earlier input moves.

    ``layer``: a Keras recurrent layer (``SimpleRNN``, ``LSTM``, ``GRU``);
    ``inputs``: (steps, features) or (batch, steps, features). For every
    sequence, the Jacobian ``d h_T / d x_t`` (units x features) of the last
    hidden state with respect to the input of step ``t`` is taken with
    ``tf.GradientTape``, and its size (Frobenius norm) averaged over the batch.

    Returns an array of ``steps`` numbers ordered by distance from the end:
    element ``d`` belongs to the input ``d`` steps before the last one
    (element 0: the last input itself; element ``steps - 1``: the first).
    """
    import tensorflow as tf

    x = np.asarray(inputs, dtype="float32")
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3:
        raise ValueError(pick(
            ko=f"inputs의 모양은 (스텝, 특성) 또는 (배치, 스텝, 특성)이어야 합니다. {x.shape} 이(가) 들어왔습니다.",
            en=f"inputs must have shape (steps, features) or (batch, steps, features); got {x.shape}.",
        ))
    x = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = layer(x)
        if isinstance(out, (list, tuple)):  # return_state=True: the output comes first
            out = out[0]
        if len(out.shape) == 3:  # return_sequences=True: keep the last step
            out = out[:, -1, :]
    jacobian = tape.batch_jacobian(out, x).numpy()  # (batch, units, steps, features)
    norms = np.sqrt((jacobian.astype("float64") ** 2).sum(axis=(1, 3)))  # (batch, steps)
    return norms.mean(axis=0)[::-1]


def compare_gradients(units: int = 32, steps: int = 100, features: int = 8, batch: int = 16,
                      seed: int = 42) -> dict[str, np.ndarray]:
    """:func:`gradient_by_distance` for a fresh SimpleRNN and a fresh LSTM on the same random inputs.

    Both layers have ``units`` units and Keras' default initial weights (seeded
    with ``seed``); the inputs are ``batch`` sequences of standard normal
    noise, (batch, steps, features). Returns ``{"SimpleRNN": ..., "LSTM": ...}``,
    each an array of ``steps`` gradient sizes by distance.
    """
    import keras

    keras.utils.set_random_seed(seed)
    x = np.random.default_rng(seed).standard_normal((batch, steps, features)).astype("float32")
    results = {}
    for key, name in LAYER_NAMES.items():
        layer = getattr(keras.layers, name)(units, seed=seed)
        results[name] = gradient_by_distance(layer, x)
    return results


# ---------------------------------------------------------------- the memory task

@dataclass(frozen=True)
class MemoryTask:
    """Sequences for the memory task.

    ``x``: float32 (n, length, 2). Channel 0 holds noise, except at the step
    ``positions[k]`` of sequence ``k``, where it holds the label as +1
    (label 1) or -1 (label 0). Channel 1 is a marker: 1 at that step, 0
    elsewhere. ``y``: the labels, int32 (n,).
    """

    x: np.ndarray
    y: np.ndarray
    positions: np.ndarray


def make_memory_task(n: int, length: int, label_within: int = 5, noise: float = 1.0,
                     seed: int = 0) -> MemoryTask:
    """Make ``n`` sequences of ``length`` steps with the label hidden in one of the first steps.

    The label (0 or 1, at random) is written at a random step among the first
    ``label_within`` (or all of them, if the sequence is shorter), and marked
    in channel 1; every other step of channel 0 is normal noise with standard
    deviation ``noise``. To answer at the end, a model must carry one bit
    across at least ``length - label_within`` steps of noise.
    """
    if length < 1 or n < 1:
        raise ValueError(pick(
            ko=f"n={n}, length={length}: 시퀀스 수와 길이는 1 이상이어야 합니다.",
            en=f"n={n}, length={length}: the number of sequences and their length must be 1 or more.",
        ))
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n).astype("int32")
    positions = rng.integers(0, min(label_within, length), size=n)
    x = np.zeros((n, length, 2), dtype="float32")
    x[:, :, 0] = noise * rng.standard_normal((n, length))
    rows = np.arange(n)
    x[rows, positions, 0] = 2.0 * y - 1.0
    x[rows, positions, 1] = 1.0
    return MemoryTask(x=x, y=y, positions=positions)


def build_memory_model(layer: str, length: int | None, units: int = 16, learning_rate: float = 3e-3,
                       seed: int = 0):
    """A compiled model for the memory task: (batch, length, 2) -> recurrent layer -> P(label 1).

    ``layer``: ``"simple_rnn"`` or ``"lstm"``; the recurrent layer keeps only
    its last hidden state, so the label must travel to the end. ``length=None``
    accepts sequences of any length.
    """
    import keras

    if layer not in LAYER_NAMES:
        raise ValueError(pick(
            ko=f"layer={layer!r}: {sorted(LAYER_NAMES)} 중 하나를 쓰세요.",
            en=f"layer={layer!r}: use one of {sorted(LAYER_NAMES)}.",
        ))
    keras.utils.set_random_seed(seed)
    inputs = keras.Input(shape=(length, 2))
    state = getattr(keras.layers, LAYER_NAMES[layer])(units, name=layer)(inputs)
    output = keras.layers.Dense(1, activation="sigmoid", name="label")(state)
    model = keras.Model(inputs, output, name=f"memory_{layer}_{length or 'any'}")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def _stop_when_learned(target: float):
    import keras

    class StopWhenLearned(keras.callbacks.Callback):
        """Stop once the training accuracy of an epoch reaches ``target``."""

        def on_epoch_end(self, epoch, logs=None):
            if (logs or {}).get("accuracy", 0.0) >= target:
                self.model.stop_training = True

    return StopWhenLearned()


@dataclass
class MemoryResult:
    """What :func:`run_memory_task` measured, one entry per length for each layer name."""

    lengths: list[int]
    accuracy: dict[str, list[float]] = field(default_factory=dict)
    epochs: dict[str, list[int]] = field(default_factory=dict)
    tries: dict[str, list[int]] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def table(self) -> str:
        """A text table: one row per length, test accuracy (and tries) per layer."""
        names = list(self.accuracy)
        head = pick(ko="길이", en="length")
        lines = [f"{head:>6} | " + " | ".join(f"{n:>16}" for n in names)]
        for k, length in enumerate(self.lengths):
            cells = [pick(ko=f"{self.accuracy[n][k]:.3f} (시도 {self.tries[n][k]})",
                          en=f"{self.accuracy[n][k]:.3f} ({self.tries[n][k]} tries)")
                     for n in names]
            lines.append(f"{length:>6} | " + " | ".join(f"{c:>16}" for c in cells))
        return "\n".join(lines)


def run_memory_task(lengths, layers=("simple_rnn", "lstm"), n_train: int = 2000, n_test: int = 1000,
                    units: int = 16, epochs: int = 20, batch_size: int = 64,
                    learning_rate: float | tuple[float, ...] = 3e-3, label_within: int = 5, noise: float = 1.0,
                    seed: int = 0, stop_at: float = 0.99, tries: int = 1, warm_start: bool = False,
                    verbose: bool = True) -> MemoryResult:
    """Train each layer on the memory task at each length; measure test accuracy.

    For every length a fresh training set (``n_train`` sequences) and test set
    (``n_test``, other random numbers) come from :func:`make_memory_task`; each
    model trains for at most ``epochs`` epochs and stops early once its
    training accuracy reaches ``stop_at``. Whether training finds the solution
    depends on luck (the initial weights, the order of the batches), so each
    layer gets up to ``tries`` fresh starts (other seeds; with a tuple of
    ``learning_rate`` values, try ``k`` uses the ``k``-th, cycling); it stops trying once
    a model reaches ``stop_at``, and the model with the best training accuracy
    is the one measured on the test set. Returns a :class:`MemoryResult`
    (accuracies keyed by ``"SimpleRNN"`` / ``"LSTM"``). With ``verbose`` one
    line per model is printed as it finishes. With ``warm_start`` each layer
    keeps one model that goes on training from length to length (in the order
    given), instead of starting fresh at every length.
    """
    result = MemoryResult(lengths=[int(n) for n in lengths])
    rates = tuple(learning_rate) if isinstance(learning_rate, (list, tuple)) else (learning_rate,)
    models = {}
    for layer in layers:
        name = LAYER_NAMES.get(layer, layer)
        for key in ("accuracy", "epochs", "tries", "seconds"):
            getattr(result, key)[name] = []
    for length in result.lengths:
        train = make_memory_task(n_train, length, label_within, noise, seed=seed + 2 * length)
        test = make_memory_task(n_test, length, label_within, noise, seed=seed + 2 * length + 1)
        for layer in layers:
            name = LAYER_NAMES[layer]
            start = time.perf_counter()
            best, best_train, epochs_run, tries_run = None, -1.0, 0, 0
            for attempt in range(1 if warm_start else max(1, tries)):
                if warm_start:
                    if name not in models:
                        models[name] = build_memory_model(layer, None, units, rates[0], seed)
                    model = models[name]
                else:
                    model = build_memory_model(layer, length, units, rates[attempt % len(rates)],
                                               seed + 1000 * attempt)
                history = model.fit(train.x, train.y, epochs=epochs, batch_size=batch_size, verbose=0,
                                    callbacks=[_stop_when_learned(stop_at)])
                tries_run += 1
                epochs_run += len(history.history["loss"])
                train_accuracy = history.history["accuracy"][-1]
                if train_accuracy > best_train:
                    best, best_train = model, train_accuracy
                if train_accuracy >= stop_at:
                    break
            seconds = time.perf_counter() - start
            _, accuracy = best.evaluate(test.x, test.y, batch_size=256, verbose=0)
            result.accuracy[name].append(float(accuracy))
            result.epochs[name].append(epochs_run)
            result.tries[name].append(tries_run)
            result.seconds[name].append(seconds)
            if verbose:
                print(pick(
                    ko=f"길이 {length:>4}, {name:>9}: 테스트 정확도 {accuracy:.3f} "
                       f"(시도 {tries_run}번, 모두 {epochs_run} 에포크, {seconds:.0f}초)",
                    en=f"length {length:>4}, {name:>9}: test accuracy {accuracy:.3f} "
                       f"({tries_run} tries, {epochs_run} epochs in all, {seconds:.0f} s)",
                ), flush=True)
    return result
