"""Why plain recurrence fails on long sequences, measured (notebook 01).

Two experiments:

* :func:`gradient_by_distance` -- how strongly the last hidden state of a
  recurrent layer depends on each earlier input: the size of the gradient
  ``d h_T / d x_{T-d}`` for every distance ``d``, taken with ``tf.GradientTape``.
* A toy memory task -- :func:`make_memory_task` hides the label (one bit) in
  one of the first steps of a sequence of noise; :func:`run_memory_task`
  trains a SimpleRNN and an LSTM on it for several sequence lengths and
  returns their test accuracies. 0.5 is guessing.
* Exploding gradients and clipping -- :func:`scaled_rnn` builds a SimpleRNN
  whose recurrent matrix is an orthogonal matrix times a scale; for a linear
  one (no tanh) :func:`linear_gradient_by_distance` gives the gradient sizes
  by hand, ``||W U^d||``. :func:`train_recording_gradients` trains with a
  visible loop and records, per update, the loss, the gradient's norm before
  clipping and how far the update moved the weights; :func:`clip_by_norm` is
  what ``clipnorm`` does, in numpy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

import keras
import tensorflow as tf

from .callbacks import StopWhenLearned
from .models import RECURRENT_LAYERS, build_memory_model
from .seeding import seeded_build
from .settings import pick
from .tables import show_table


def layer_name(layer: str) -> str:
    """The Keras class name of a recurrent layer key: ``"simple_rnn"`` -> ``"SimpleRNN"``."""
    return RECURRENT_LAYERS[layer].__name__


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
    x = np.asarray(inputs, dtype="float32")
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3:
        raise ValueError(pick(
            ko=f"inputs의 모양은 (타임 스텝, 특성) 또는 (배치, 타임 스텝, 특성)이어야 합니다. {x.shape} 이(가) 들어왔습니다.",
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

    Both layers have ``units`` units and Keras' default initial weights, the
    ones ``keras.utils.set_random_seed(seed)`` would give
    (:func:`lstm_helpers.seeding.seeded_build`; the global random state is left
    as it was); the inputs are ``batch`` sequences of standard normal
    noise, (batch, steps, features). Returns ``{"SimpleRNN": ..., "LSTM": ...}``,
    each an array of ``steps`` gradient sizes by distance.
    """
    x = np.random.default_rng(seed).standard_normal((batch, steps, features)).astype("float32")
    results = {}
    for key in ("simple_rnn", "lstm"):
        with seeded_build(seed):  # the weights of keras.utils.set_random_seed(seed), no global change
            layer = getattr(keras.layers, layer_name(key))(units, seed=seed)
        results[layer_name(key)] = gradient_by_distance(layer, x)
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


@dataclass
class MemoryResult:
    """What :func:`run_memory_task` measured, one entry per length for each layer name."""

    lengths: list[int]
    accuracy: dict[str, list[float]] = field(default_factory=dict)
    epochs: dict[str, list[int]] = field(default_factory=dict)
    tries: dict[str, list[int]] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def table(self):
        """A pandas DataFrame: one row per length; per layer the test accuracy, the tries and the epochs of all tries."""
        rows = []
        for k, length in enumerate(self.lengths):
            row = {"length": length}
            for name in self.accuracy:
                row[name] = self.accuracy[name][k]
                row[name + "_tries"] = self.tries[name][k]
                row[name + "_epochs"] = self.epochs[name][k]
            rows.append(row)
        columns = [("length", pick(ko="시퀀스 길이", en="sequence length"), "{}")]
        for name in self.accuracy:
            columns.append((name, pick(ko=f"{name} 테스트 정확도", en=f"{name} test accuracy"), "{:.3f}"))
            columns.append((name + "_tries", pick(ko=f"{name} 시도 횟수", en=f"{name} tries"), "{}"))
            columns.append((name + "_epochs", pick(ko=f"{name} 총 에포크", en=f"{name} epochs in all"), "{}"))
        return show_table(rows, columns)


def run_memory_task(lengths, layers=("simple_rnn", "lstm"), n_train: int = 2000, n_test: int = 1000,
                    units: int = 16, epochs: int = 20, batch_size: int = 64,
                    learning_rate: float | tuple[float, ...] = 3e-3, label_within: int = 5, noise: float = 1.0,
                    seed: int = 0, stop_at: float = 0.99, tries: int = 1,
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
    line per model is printed as it finishes.

    Seeding: it trains, and ``fit`` draws the order of the batches from the
    global random state, so before building each model it calls
    ``keras.utils.set_random_seed`` (Python, NumPy and TensorFlow at once) with
    ``seed`` (try ``k``: ``seed + 1000 * k``): the same arguments give the same
    result, and the learner's global random state is changed by this call.
    """
    result = MemoryResult(lengths=[int(n) for n in lengths])
    rates = tuple(learning_rate) if isinstance(learning_rate, (list, tuple)) else (learning_rate,)
    for layer in layers:
        name = layer_name(layer)
        for key in ("accuracy", "epochs", "tries", "seconds"):
            getattr(result, key)[name] = []
    for length in result.lengths:
        train = make_memory_task(n_train, length, label_within, noise, seed=seed + 2 * length)
        test = make_memory_task(n_test, length, label_within, noise, seed=seed + 2 * length + 1)
        for layer in layers:
            name = layer_name(layer)
            start = time.perf_counter()
            best, best_train, epochs_run, tries_run = None, -1.0, 0, 0
            for attempt in range(max(1, tries)):
                keras.utils.set_random_seed(seed + 1000 * attempt)  # global: fit's batch order (see the docstring)
                model = build_memory_model(layer, length, units, rates[attempt % len(rates)], seed + 1000 * attempt)
                history = model.fit(train.x, train.y, epochs=epochs, batch_size=batch_size, verbose=0,
                                    callbacks=[StopWhenLearned(stop_at)])
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
                       f"(시도 {tries_run}번, 총 {epochs_run} 에포크, {seconds:.0f}초)",
                    en=f"length {length:>4}, {name:>9}: test accuracy {accuracy:.3f} "
                       f"({tries_run} {'try' if tries_run == 1 else 'tries'}, {epochs_run} epochs in all, {seconds:.0f} s)",
                ), flush=True)
    return result


# ---------------------------------------------------------------- exploding gradients and clipping

def scaled_rnn(units: int, features: int, scale: float, activation=None, seed: int = 42):
    """A built ``SimpleRNN`` whose recurrent matrix is ``U = scale x`` an orthogonal matrix.

    Keras starts ``U`` orthogonal (all its singular values are 1); ``scale``
    multiplies them all. With ``activation=None`` the layer is a *linear* RNN,
    ``h_t = x_t W + h_{t-1} U + b``: no tanh, so the chain rule's factors are
    ``U`` itself and the gradient ``d h_T / d x_{T-d}`` is ``(W U^d)^T``
    exactly, the pure matrix-power effect. ``W`` keeps Keras' default
    initializer (seeded with ``seed``).
    """
    layer = keras.layers.SimpleRNN(
        units, activation=activation,
        kernel_initializer=keras.initializers.GlorotUniform(seed=seed),
        recurrent_initializer=keras.initializers.Orthogonal(gain=scale, seed=seed),
    )
    layer.build((None, None, features))
    return layer


def linear_gradient_by_distance(W: np.ndarray, U: np.ndarray, steps: int) -> np.ndarray:
    """The gradient sizes of a linear RNN by hand: element ``d`` is ``||W U^d||_F``.

    For ``h_t = x_t W + h_{t-1} U + b`` (Keras' row-vector convention) the
    chain rule through ``d`` time steps gives ``d h_T / d x_{T-d} = (W U^d)^T``,
    whatever the inputs are. Ordered like :func:`gradient_by_distance`
    (element 0: the last input), so the two can be compared directly.
    """
    W = np.asarray(W, dtype="float64")
    U = np.asarray(U, dtype="float64")
    if W.ndim != 2 or U.ndim != 2 or U.shape != (W.shape[1], W.shape[1]):
        raise ValueError(pick(
            ko=f"W는 (특성, 유닛), U는 (유닛, 유닛) 모양이어야 합니다. W {W.shape}, U {U.shape} 이(가) 들어왔습니다.",
            en=f"W must have shape (features, units) and U (units, units); got W {W.shape}, U {U.shape}.",
        ))
    sizes, product = [], W
    for _ in range(int(steps)):
        sizes.append(np.linalg.norm(product))
        product = product @ U
    return np.array(sizes)


def clip_by_norm(gradient: np.ndarray, clipnorm: float) -> np.ndarray:
    """What ``clipnorm`` does to one weight's gradient, in numpy: ``g * min(1, clipnorm / ||g||)``.

    A gradient whose norm is at most ``clipnorm`` passes unchanged; a larger
    one keeps its direction and is shrunk to norm ``clipnorm``. Keras'
    optimizers with ``clipnorm=c`` do this to the gradient of each weight
    separately before the update (``global_clipnorm`` would use the norm of
    all gradients together).
    """
    g = np.asarray(gradient, dtype="float64")
    norm = np.linalg.norm(g)
    return g if norm <= clipnorm else g * (clipnorm / norm)


@dataclass
class TrainingTrace:
    """What :func:`train_recording_gradients` recorded, one number per update (step).

    ``loss``: the batch's loss before the update; ``gradient_norm``: the norm
    of the whole gradient (all weights together) before any clipping;
    ``update_norm``: how far the update moved the weights (the norm of the
    change of all weights together), after the optimizer's clipping.
    """

    loss: np.ndarray
    gradient_norm: np.ndarray
    update_norm: np.ndarray


def train_recording_gradients(model, optimizer, x: np.ndarray, y: np.ndarray, steps: int,
                              batch_size: int = 64) -> TrainingTrace:
    """Train a binary classifier for ``steps`` updates with a visible loop, and record each update.

    Each step takes the next ``batch_size`` sequences of ``x`` (wrapping
    around), computes the binary cross-entropy and its gradient with
    ``tf.GradientTape`` (backpropagation through time: the backward pass runs
    through every time step of the unrolled layer), and lets ``optimizer``
    apply it (with its ``clipnorm``, if it has one). Returns a
    :class:`TrainingTrace`. Once a weight is NaN, every later loss is NaN.
    """
    x = np.asarray(x, dtype="float32")
    y = np.asarray(y, dtype="float32").reshape(-1, 1)
    if len(x) != len(y) or len(x) == 0 or steps < 1 or batch_size < 1:
        raise ValueError(pick(
            ko=f"x {len(x)}개와 y {len(y)}개는 개수가 같고 1개 이상이어야 하며, steps={steps}와 "
               f"batch_size={batch_size}는 1 이상이어야 합니다.",
            en=f"x ({len(x)}) and y ({len(y)}) must be equally many and not empty, and steps={steps} and "
               f"batch_size={batch_size} must be 1 or more.",
        ))
    loss_fn = keras.losses.BinaryCrossentropy()
    weights = model.trainable_variables
    optimizer.build(weights)

    @tf.function
    def train_step(xb, yb):
        with tf.GradientTape() as tape:
            loss = loss_fn(yb, model(xb, training=True))
        gradients = tape.gradient(loss, weights)
        before = [tf.identity(w) for w in weights]
        optimizer.apply_gradients(zip(gradients, weights, strict=True))
        moved = tf.sqrt(tf.add_n([tf.reduce_sum(tf.square(w - b)) for w, b in zip(weights, before, strict=True)]))
        return loss, tf.linalg.global_norm(gradients), moved

    losses, gradient_norms, update_norms = [], [], []
    for step in range(int(steps)):
        rows = np.arange(step * batch_size, (step + 1) * batch_size) % len(x)
        loss, gradient_norm, moved = train_step(tf.constant(x[rows]), tf.constant(y[rows]))
        losses.append(float(loss))
        gradient_norms.append(float(gradient_norm))
        update_norms.append(float(moved))
    return TrainingTrace(loss=np.array(losses), gradient_norm=np.array(gradient_norms),
                         update_norm=np.array(update_norms))
