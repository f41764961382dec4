"""Root pytest set-up for the notebooks that nbval runs.

TensorFlow prints C++ start-up lines to stderr that are not reproduced when
nbval re-runs a notebook, so stderr is never compared.
"""


def pytest_collectstart(collector):
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("stderr",)
