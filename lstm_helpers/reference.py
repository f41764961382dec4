"""Recurrent cells in plain numpy: the equations of a SimpleRNN, an LSTM and a GRU, one line each.

These are reference implementations for teaching: slow, but every line is an
equation of the text, and the tests check that they give the numbers Keras
gives (within 1e-5) when they get the weights of a built Keras layer.

Shapes follow Keras, which multiplies a row vector by a matrix:

* an input step ``x_t`` has shape ``(features,)`` or ``(batch, features)``;
* a sequence ``x`` has shape ``(steps, features)`` or ``(batch, steps, features)``;
* ``W`` (Keras' ``kernel``) has shape ``(features, units)``, ``U`` (Keras'
  ``recurrent_kernel``) ``(units, units)``, ``b`` (``bias``) ``(units,)``.

So the textbook's ``W x_t`` is written ``x_t @ W`` here: the same numbers,
with ``W`` stored transposed.
"""

from __future__ import annotations

from dataclasses import dataclass

import keras
import numpy as np

from .settings import pick

#: The order of the four blocks of columns in Keras' LSTM ``kernel``,
#: ``recurrent_kernel`` and ``bias`` (see ``keras/src/layers/rnn/lstm.py``:
#: ``k_i, k_f, k_c, k_o = ops.split(self.kernel, 4, axis=1)``).
KERAS_GATE_ORDER = ("input", "forget", "candidate", "output")

#: The order of the three blocks of columns in Keras' GRU ``kernel``,
#: ``recurrent_kernel`` and ``bias`` (``keras/src/layers/rnn/gru.py``:
#: ``x_z, x_r, x_h = ops.split(matrix_x, 3, axis=-1)``).
KERAS_GRU_ORDER = ("update", "reset", "candidate")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function 1 / (1 + e^-z): squeezes any number into (0, 1)."""
    return 1.0 / (1.0 + np.exp(-z))


# ---------------------------------------------------------------- SimpleRNN

@dataclass(frozen=True)
class RnnWeights:
    """The weights of a SimpleRNN: ``W`` (features, units), ``U`` (units, units), ``b`` (units,)."""

    W: np.ndarray
    U: np.ndarray
    b: np.ndarray

    @property
    def units(self) -> int:
        return self.U.shape[0]


def rnn_step(x_t: np.ndarray, h_prev: np.ndarray, weights: RnnWeights) -> np.ndarray:
    """One step of a SimpleRNN: ``h_t = tanh(x_t W + h_{t-1} U + b)``.

    ``x_t``: (features,) or (batch, features); ``h_prev``: (units,) or
    (batch, units). Returns ``h_t``, shaped like ``h_prev``.
    """
    return np.tanh(x_t @ weights.W + h_prev @ weights.U + weights.b)


def rnn_forward(x: np.ndarray, weights: RnnWeights, h0: np.ndarray | None = None) -> np.ndarray:
    """Run a SimpleRNN over a sequence: ``h_t = tanh(x_t W + h_{t-1} U + b)``, ``h_0 = 0``.

    ``x``: (steps, features) or (batch, steps, features). Returns every hidden
    state, shape (steps, units) or (batch, steps, units); the last one,
    ``[..., -1, :]``, is what ``SimpleRNN(units)`` returns, the whole array what
    ``SimpleRNN(units, return_sequences=True)`` returns.
    """
    x = _check_sequence(x, weights.W.shape[0])
    h = np.zeros(x.shape[:-2] + (weights.units,)) if h0 is None else np.asarray(h0, dtype=float)
    states = []
    for t in range(x.shape[-2]):
        h = rnn_step(x[..., t, :], h, weights)
        states.append(h)
    return np.stack(states, axis=-2)


# ---------------------------------------------------------------- LSTM

@dataclass(frozen=True)
class LstmWeights:
    """The weights of an LSTM, one ``(W, U, b)`` triple per gate and for the candidate.

    Each ``W_*`` has shape (features, units), each ``U_*`` (units, units), each
    ``b_*`` (units,). Suffixes: ``i`` input gate, ``f`` forget gate, ``c``
    candidate, ``o`` output gate.
    """

    W_i: np.ndarray
    W_f: np.ndarray
    W_c: np.ndarray
    W_o: np.ndarray
    U_i: np.ndarray
    U_f: np.ndarray
    U_c: np.ndarray
    U_o: np.ndarray
    b_i: np.ndarray
    b_f: np.ndarray
    b_c: np.ndarray
    b_o: np.ndarray

    @property
    def units(self) -> int:
        return self.U_i.shape[0]

    @property
    def features(self) -> int:
        return self.W_i.shape[0]

    @classmethod
    def from_keras_arrays(cls, kernel: np.ndarray, recurrent_kernel: np.ndarray,
                          bias: np.ndarray) -> "LstmWeights":
        """Split Keras' fused arrays (columns in the order i, f, c, o) into one triple per gate."""
        W_i, W_f, W_c, W_o = np.split(np.asarray(kernel, dtype=float), 4, axis=1)
        U_i, U_f, U_c, U_o = np.split(np.asarray(recurrent_kernel, dtype=float), 4, axis=1)
        b_i, b_f, b_c, b_o = np.split(np.asarray(bias, dtype=float), 4)
        return cls(W_i, W_f, W_c, W_o, U_i, U_f, U_c, U_o, b_i, b_f, b_c, b_o)

    def parameter_count(self) -> int:
        """4 x (features x units + units x units + units): every weight and bias."""
        return sum(a.size for a in self.__dict__.values())


@dataclass(frozen=True)
class LstmGates:
    """The gate values of one step (or, from :func:`lstm_forward`, of every step).

    ``input`` (i), ``forget`` (f) and ``output`` (o) come from a sigmoid and lie
    in (0, 1); ``candidate`` (g, written c~ in many texts) comes from tanh and
    lies in (-1, 1).
    """

    input: np.ndarray
    forget: np.ndarray
    candidate: np.ndarray
    output: np.ndarray


@dataclass(frozen=True)
class LstmTrace:
    """Everything an LSTM computed over a sequence, one row per time step.

    ``hidden`` and ``cell``: (steps, units) or (batch, steps, units);
    ``gates``: an :class:`LstmGates` whose arrays have that same shape.
    """

    hidden: np.ndarray
    cell: np.ndarray
    gates: LstmGates


def lstm_step(x_t: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray,
              weights: LstmWeights) -> tuple[np.ndarray, np.ndarray, LstmGates]:
    """One step of an LSTM. Returns ``(h_t, c_t, gates)``.

    ::

        i_t = sigmoid(x_t W_i + h_{t-1} U_i + b_i)     input gate
        f_t = sigmoid(x_t W_f + h_{t-1} U_f + b_f)     forget gate
        g_t = tanh(x_t W_c + h_{t-1} U_c + b_c)        candidate
        o_t = sigmoid(x_t W_o + h_{t-1} U_o + b_o)     output gate
        c_t = f_t * c_{t-1} + i_t * g_t                 cell state
        h_t = o_t * tanh(c_t)                           hidden state

    (``*`` is element by element.) ``x_t``: (features,) or (batch, features);
    ``h_prev``, ``c_prev``: (units,) or (batch, units).
    """
    w = weights
    i = sigmoid(x_t @ w.W_i + h_prev @ w.U_i + w.b_i)
    f = sigmoid(x_t @ w.W_f + h_prev @ w.U_f + w.b_f)
    g = np.tanh(x_t @ w.W_c + h_prev @ w.U_c + w.b_c)
    o = sigmoid(x_t @ w.W_o + h_prev @ w.U_o + w.b_o)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, LstmGates(input=i, forget=f, candidate=g, output=o)


def lstm_forward(x: np.ndarray, weights: LstmWeights, h0: np.ndarray | None = None,
                 c0: np.ndarray | None = None, return_trace: bool = False):
    """Run an LSTM over a sequence (``h_0 = c_0 = 0`` unless given), step by step with :func:`lstm_step`.

    ``x``: (steps, features) or (batch, steps, features). Returns every hidden
    state, shape (steps, units) or (batch, steps, units) -- the last one,
    ``[..., -1, :]``, is what ``keras.layers.LSTM(units)`` returns. With
    ``return_trace=True`` it returns an :class:`LstmTrace` instead: hidden
    states, cell states and the four gates at every step.
    """
    x = _check_sequence(x, weights.features)
    shape = x.shape[:-2] + (weights.units,)
    h = np.zeros(shape) if h0 is None else np.asarray(h0, dtype=float)
    c = np.zeros(shape) if c0 is None else np.asarray(c0, dtype=float)
    hs, cs, gates = [], [], []
    for t in range(x.shape[-2]):
        h, c, g = lstm_step(x[..., t, :], h, c, weights)
        hs.append(h)
        cs.append(c)
        gates.append(g)
    hidden = np.stack(hs, axis=-2)
    if not return_trace:
        return hidden
    stacked = LstmGates(**{name: np.stack([getattr(g, name) for g in gates], axis=-2)
                           for name in KERAS_GATE_ORDER})
    return LstmTrace(hidden=hidden, cell=np.stack(cs, axis=-2), gates=stacked)


# ---------------------------------------------------------------- GRU

@dataclass(frozen=True)
class GruWeights:
    """The weights of a GRU, one ``(W, U)`` pair per gate and for the candidate, and their biases.

    Each ``W_*`` has shape (features, units), each ``U_*`` (units, units).
    Suffixes: ``z`` update gate, ``r`` reset gate, ``h`` candidate. ``b_*``
    (units,) is added to the input's product ``x_t W``; ``br_*`` (units,) to the
    hidden state's product ``h_{t-1} U``. Keras' default ``reset_after=True``
    learns both; with ``reset_after=False`` there is one bias per gate and the
    ``br_*`` are zero.

    ``reset_after`` says where the reset gate acts in the candidate:

    * ``True`` (Keras' default, the cuDNN form): after the product,
      ``h~ = tanh(x W_h + b_h + r * (h_{t-1} U_h + br_h))``;
    * ``False`` (the textbook form of Cho et al., 2014): before it,
      ``h~ = tanh(x W_h + b_h + (r * h_{t-1}) U_h)``.
    """

    W_z: np.ndarray
    W_r: np.ndarray
    W_h: np.ndarray
    U_z: np.ndarray
    U_r: np.ndarray
    U_h: np.ndarray
    b_z: np.ndarray
    b_r: np.ndarray
    b_h: np.ndarray
    br_z: np.ndarray
    br_r: np.ndarray
    br_h: np.ndarray
    reset_after: bool = True

    @property
    def units(self) -> int:
        return self.U_z.shape[0]

    @property
    def features(self) -> int:
        return self.W_z.shape[0]

    @classmethod
    def from_keras_arrays(cls, kernel: np.ndarray, recurrent_kernel: np.ndarray,
                          bias: np.ndarray, reset_after: bool = True) -> "GruWeights":
        """Split Keras' fused arrays (columns in the order z, r, h) into one block per gate.

        ``bias`` has shape (2, 3·units) with ``reset_after=True`` (row 0 for the
        input, row 1 for the hidden state) and (3·units,) with ``reset_after=False``.
        """
        W_z, W_r, W_h = np.split(np.asarray(kernel, dtype=float), 3, axis=1)
        U_z, U_r, U_h = np.split(np.asarray(recurrent_kernel, dtype=float), 3, axis=1)
        bias = np.asarray(bias, dtype=float)
        if reset_after:
            input_bias, recurrent_bias = bias.reshape(2, -1)
        else:
            input_bias, recurrent_bias = bias.reshape(-1), np.zeros(bias.size)
        b_z, b_r, b_h = np.split(input_bias, 3)
        br_z, br_r, br_h = np.split(recurrent_bias, 3)
        return cls(W_z, W_r, W_h, U_z, U_r, U_h, b_z, b_r, b_h, br_z, br_r, br_h, reset_after)

    def parameter_count(self) -> int:
        """What Keras counts: 3 x (units x (features + units) + 2 x units), one bias less per gate without reset_after."""
        biases_per_gate = 2 if self.reset_after else 1
        return 3 * (self.units * (self.features + self.units) + biases_per_gate * self.units)


@dataclass(frozen=True)
class GruGates:
    """The gate values of one step (or, from :func:`gru_forward`, of every step).

    ``update`` (z) and ``reset`` (r) come from a sigmoid and lie in (0, 1);
    ``candidate`` (h~) comes from tanh and lies in (-1, 1).
    """

    update: np.ndarray
    reset: np.ndarray
    candidate: np.ndarray


@dataclass(frozen=True)
class GruTrace:
    """Everything a GRU computed over a sequence: ``hidden`` and ``gates``, one row per time step."""

    hidden: np.ndarray
    gates: GruGates


def gru_step(x_t: np.ndarray, h_prev: np.ndarray, weights: GruWeights) -> tuple[np.ndarray, GruGates]:
    """One step of a GRU as Keras computes it. Returns ``(h_t, gates)``.

    ::

        z_t = sigmoid(x_t W_z + b_z + h_{t-1} U_z + br_z)          update gate
        r_t = sigmoid(x_t W_r + b_r + h_{t-1} U_r + br_r)          reset gate
        reset_after=True:  h~_t = tanh(x_t W_h + b_h + r_t * (h_{t-1} U_h + br_h))
        reset_after=False: h~_t = tanh(x_t W_h + b_h + (r_t * h_{t-1}) U_h)
        h_t = z_t * h_{t-1} + (1 - z_t) * h~_t                     hidden state

    (``*`` is element by element.) In Keras z is the share of the old hidden
    state that is kept; some texts write ``(1 - z)`` and ``z`` the other way round.
    """
    w = weights
    z = sigmoid(x_t @ w.W_z + w.b_z + h_prev @ w.U_z + w.br_z)
    r = sigmoid(x_t @ w.W_r + w.b_r + h_prev @ w.U_r + w.br_r)
    if w.reset_after:
        candidate = np.tanh(x_t @ w.W_h + w.b_h + r * (h_prev @ w.U_h + w.br_h))
    else:
        candidate = np.tanh(x_t @ w.W_h + w.b_h + (r * h_prev) @ w.U_h)
    h = z * h_prev + (1 - z) * candidate
    return h, GruGates(update=z, reset=r, candidate=candidate)


def gru_forward(x: np.ndarray, weights: GruWeights, h0: np.ndarray | None = None,
                return_trace: bool = False):
    """Run a GRU over a sequence (``h_0 = 0`` unless given), step by step with :func:`gru_step`.

    ``x``: (steps, features) or (batch, steps, features). Returns every hidden
    state, shape (steps, units) or (batch, steps, units); with
    ``return_trace=True`` a :class:`GruTrace` with the gates of every step too.
    """
    x = _check_sequence(x, weights.features)
    h = np.zeros(x.shape[:-2] + (weights.units,)) if h0 is None else np.asarray(h0, dtype=float)
    hs, gates = [], []
    for t in range(x.shape[-2]):
        h, g = gru_step(x[..., t, :], h, weights)
        hs.append(h)
        gates.append(g)
    hidden = np.stack(hs, axis=-2)
    if not return_trace:
        return hidden
    stacked = GruGates(**{name: np.stack([getattr(g, name) for g in gates], axis=-2)
                          for name in KERAS_GRU_ORDER})
    return GruTrace(hidden=hidden, gates=stacked)


# ---------------------------------------------------------------- weights out of Keras

def _check_sequence(x, features: int) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if x.ndim not in (2, 3) or x.shape[-1] != features:
        raise ValueError(pick(
            ko=f"입력 시퀀스의 모양은 (타임 스텝, {features}) 또는 (배치, 타임 스텝, {features})이어야 합니다. "
               f"{x.shape} 이(가) 들어왔습니다. 마지막 축이 가중치 W의 행 수({features})와 같아야 합니다.",
            en=f"The input sequence must have shape (time steps, {features}) or (batch, time steps, {features}); "
               f"got {x.shape}. Its last axis must match the rows of W ({features}).",
        ))
    return x


def _check_layer(layer, kind, name: str) -> None:
    if not isinstance(layer, kind):
        raise TypeError(pick(
            ko=f"{name} 층이 필요합니다. {type(layer).__name__} 이(가) 들어왔습니다. "
               f"모델 안의 층이면 model.get_layer(\"이름\")으로 꺼내 주세요.",
            en=f"This needs a keras.layers.{name} layer, not a {type(layer).__name__}. "
               "For a layer inside a model, take it out with model.get_layer(\"name\").",
        ))
    if not layer.built:
        raise ValueError(pick(
            ko=f"{name} 층이 아직 만들어지지(build) 않아 가중치가 없습니다. 먼저 입력을 한 번 넣거나 "
               "layer.build((None, 타임 스텝, 특성))을 호출하세요.",
            en=f"The {name} layer is not built yet, so it has no weights. Call it on an input once, "
               "or call layer.build((None, time_steps, features)) first.",
        ))


def _check_activation(layer, attribute: str, expected: str, name: str) -> None:
    actual = getattr(getattr(layer, attribute), "__name__", str(getattr(layer, attribute)))
    if actual != expected:
        raise ValueError(pick(
            ko=f"이 넘파이 셀은 {attribute}={expected!r}인 {name}만 계산합니다. 이 층은 {actual!r}입니다.",
            en=f"These numpy cells compute a {name} with {attribute}={expected!r} only; "
               f"this layer has {actual!r}.",
        ))


def simple_rnn_weights(layer) -> RnnWeights:
    """Take ``W`` (kernel), ``U`` (recurrent_kernel) and ``b`` out of a built ``keras.layers.SimpleRNN``.

    Returns an :class:`RnnWeights` of float64 arrays (a layer without bias gets
    ``b = 0``). Only the default ``activation="tanh"`` is supported.
    """
    _check_layer(layer, keras.layers.SimpleRNN, "SimpleRNN")
    _check_activation(layer, "activation", "tanh", "SimpleRNN")
    cell = layer.cell
    W = np.asarray(cell.kernel.numpy(), dtype=float)
    U = np.asarray(cell.recurrent_kernel.numpy(), dtype=float)
    b = np.asarray(cell.bias.numpy(), dtype=float) if cell.use_bias else np.zeros(U.shape[0])
    return RnnWeights(W, U, b)


def lstm_weights(layer) -> LstmWeights:
    """Take the weights out of a built ``keras.layers.LSTM``, split per gate.

    Keras keeps the four gates side by side in one ``kernel`` (features,
    4·units), one ``recurrent_kernel`` (units, 4·units) and one ``bias``
    (4·units,), in the column order input, forget, candidate, output
    (:data:`KERAS_GATE_ORDER`). Returns an :class:`LstmWeights`. Only the
    default activations (tanh, and sigmoid for the gates) are supported.
    """
    _check_layer(layer, keras.layers.LSTM, "LSTM")
    _check_activation(layer, "activation", "tanh", "LSTM")
    _check_activation(layer, "recurrent_activation", "sigmoid", "LSTM")
    cell = layer.cell
    bias = cell.bias.numpy() if cell.use_bias else np.zeros(4 * cell.units)
    return LstmWeights.from_keras_arrays(cell.kernel.numpy(), cell.recurrent_kernel.numpy(), bias)


def gru_weights(layer) -> GruWeights:
    """Take the weights out of a built ``keras.layers.GRU``, split per gate (order z, r, h).

    Works for both ``reset_after=True`` (Keras' default: ``bias`` of shape
    (2, 3·units), an input bias and a recurrent bias) and ``reset_after=False``
    (one bias of shape (3·units,)). Only the default activations (tanh, and
    sigmoid for the gates) are supported.
    """
    _check_layer(layer, keras.layers.GRU, "GRU")
    _check_activation(layer, "activation", "tanh", "GRU")
    _check_activation(layer, "recurrent_activation", "sigmoid", "GRU")
    cell = layer.cell
    shape = (2, 3 * cell.units) if cell.reset_after else (3 * cell.units,)
    bias = cell.bias.numpy() if cell.use_bias else np.zeros(shape)
    return GruWeights.from_keras_arrays(cell.kernel.numpy(), cell.recurrent_kernel.numpy(), bias,
                                        reset_after=bool(cell.reset_after))
