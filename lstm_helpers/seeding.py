"""Seeds without side effects: the same initial weights every time, the learner's
random state left as it was.

Keras draws the seeds of a new layer's initializers and dropout from Python's
``random`` module (``keras.random.make_default_seed``) when the layer is
created. :func:`seeded_build` seeds that module while a model or layer is
built and then puts the learner's state back, so a builder that takes a
``seed`` gives the same weights as ``keras.utils.set_random_seed(seed)``
followed by the build, without changing Python's, NumPy's or TensorFlow's
global random state behind the learner's back.

Functions that *train* (:func:`lstm_helpers.benchmark.run_configuration`, the
sweeps of :mod:`lstm_helpers.sweeps`, :func:`lstm_helpers.long_range.run_memory_task`)
also need the order of the batches and the dropout masks of ``fit``, which
come from the global state: they call ``keras.utils.set_random_seed(seed)``
openly, and their docstrings say so.
"""

from __future__ import annotations

import contextlib
import random


@contextlib.contextmanager
def seeded_build(seed: int | None):
    """Build layers inside this block to give them the initial weights (and dropout
    seeds) of ``keras.utils.set_random_seed(seed)``; Python's random state is restored
    afterwards. ``seed=None`` does nothing: the layers draw from the learner's state."""
    if seed is None:
        yield
        return
    saved = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(saved)
