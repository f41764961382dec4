"""Root pytest set-up, loaded before any test or notebook is collected.

* Quick mode by default: a plain ``pytest`` runs the notebooks in quick mode
  (``LSTM_HELPERS_QUICK=1``), since the tests check that each notebook runs
  and that its checked cells hold; the full run is how the committed outputs
  are made (``python tools/execute_notebooks.py``). The variable is set here,
  at import, only when it is not set already, and nbval's kernels inherit
  pytest's environment. ``LSTM_HELPERS_QUICK=0 pytest`` runs the notebooks in
  full mode (about an hour or more on 2 cores).
* TensorFlow prints C++ start-up lines to stderr that are not reproduced when
  nbval re-runs a notebook, so stderr is never compared. nbval has no public
  option for that: ``--nbval-sanitize-with`` rewrites the text of an output but
  cannot drop the stderr stream (a missing stream is still a difference), and
  ``# NBVAL_IGNORE_OUTPUT`` drops every output of a cell. So this file extends
  ``skip_compare``, the tuple of output keys nbval's notebook collector
  (``IPyNbFile``) leaves out of the comparison; if a new nbval renames it, the
  collection fails here with a message instead of comparing stderr silently.
* The run order: notebooks first, longest first, then the unit tests (see
  ``_run_order``), so that ``pytest -n 2``'s two workers end at about the same time
  (``--no-loadscope-reorder`` in pyproject.toml keeps xdist from re-sorting them).
"""

import os

QUICK_ENV = "LSTM_HELPERS_QUICK"  # lstm_helpers.settings.QUICK_ENV (not imported here: no TensorFlow yet)
QUICK_GIVEN = os.environ.get(QUICK_ENV)  # what the user set, None when unset
os.environ.setdefault(QUICK_ENV, "1")


def pytest_configure(config):
    config.lstm_helpers_quick_given = QUICK_GIVEN


def pytest_report_header(config):
    mode = "quick" if os.environ[QUICK_ENV].strip().lower() in {"1", "true", "yes", "on"} else "full"
    how = "default" if QUICK_GIVEN is None else f"{QUICK_ENV}={QUICK_GIVEN}"
    return f"lstm_helpers notebooks: {mode} mode ({how})"


def pytest_collectstart(collector):
    if collector.fspath and collector.fspath.ext == ".ipynb":
        if not isinstance(getattr(collector, "skip_compare", None), tuple):
            raise RuntimeError("nbval's notebook collector has no skip_compare tuple any more: "
                               "update conftest.py so that stderr stays out of the comparison")
        collector.skip_compare += ("stderr",)


def _run_order(item) -> tuple:
    """Notebooks first, the later (longer) ones first, then the unit tests: with several
    workers (``-n 2``) the long notebooks start at once and the many short test modules
    fill the gaps at the end, so the workers finish together. A notebook's cells keep
    their order (the sort is stable)."""
    path = item.path
    if path.suffix == ".ipynb":
        number = int(path.name[:2]) if path.name[:2].isdigit() else 0   # an "Untitled.ipynb" last
        return (0, -number, path.parent.name)
    return (1, 0, "")


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=_run_order)
