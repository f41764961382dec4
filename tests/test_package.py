"""The package's top level: what a learner types, and every lh.<name> the notebooks use resolves."""

import json
import re
from pathlib import Path

import pytest

import lstm_helpers as lh

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def test_the_top_level_holds_what_a_learner_types_and_nothing_moved():
    assert all(hasattr(lh, name) for name in lh.__all__)
    for name in ("plot_history", "split_and_pad", "get_language", "ImdbData", "no_such_name"):
        with pytest.raises(AttributeError):   # these live in their modules only (lh.plots.plot_history, ...)
            getattr(lh, name)


def test_every_name_the_notebooks_use_resolves():
    used = set()
    for path in sorted(NOTEBOOKS.glob("*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                used.update(re.findall(r"\blh((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", "".join(cell["source"])))
    assert used
    for dotted in sorted(used):
        target = lh
        for part in dotted.strip(".").split("."):
            target = getattr(target, part)


def test_tensorflows_log_level_is_set_in_one_place():
    """The package sets TensorFlow's C++ log level and its Python logger (ERROR: no "retracing"
    notes, no "Using MirroredStrategy" lines), in lstm_helpers/__init__.py and nowhere else."""
    import logging

    import tensorflow as tf

    assert tf.get_logger().level == logging.ERROR
    root = NOTEBOOKS.parent
    places = [path.relative_to(root).as_posix()
              for folder in ("lstm_helpers", "tests", "tools") for path in (root / folder).rglob("*.py")
              if path.name != "test_package.py" and re.search(r"TF_CPP_MIN_LOG_LEVEL\"?\]? *=|setdefault\(\"TF_CPP_MIN_LOG_LEVEL|get_logger\(\)\.setLevel"
                           r"|set_verbosity", path.read_text(encoding="utf-8"))]
    assert places == ["lstm_helpers/__init__.py"]
