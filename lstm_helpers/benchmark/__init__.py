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

from .cli import main
from .configurations import BY_NAME, CONFIGURATIONS, NOTEBOOK_06, QUICK_SIZES, TEXT_BUILDERS, Configuration
from .report import describe_machine, format_markdown, results_table
from .runner import (
    add_time_ratios,
    build_model,
    choose_by_validation,
    kept_epoch,
    prepare_data,
    run_benchmark,
    run_configuration,
)

__all__ = [
    "BY_NAME", "CONFIGURATIONS", "NOTEBOOK_06", "QUICK_SIZES", "TEXT_BUILDERS", "Configuration",
    "add_time_ratios", "build_model", "choose_by_validation", "describe_machine", "format_markdown",
    "kept_epoch", "main", "prepare_data", "results_table", "run_benchmark", "run_configuration",
]
