"""Execute the notebooks for committing their outputs: the one command, the same every time.

    LSTM_HELPERS_DATA_DIR=/abs/path/to/imdb python tools/execute_notebooks.py        # all, full mode
    LSTM_HELPERS_DATA_DIR=... python tools/execute_notebooks.py 05 06                # names starting so
    LSTM_HELPERS_DATA_DIR=... python tools/execute_notebooks.py --quick ko/01        # a quick check

Each notebook runs top to bottom in a fresh kernel of this Python (Restart & Run
All), in full mode unless ``--quick``, and is written back in place. TensorFlow's
start-up lines on stderr (CUDA probing, absl, oneDNN, INFO logs), which it prints
before any setting can quiet it, are removed from the stored outputs; anything
else on stderr stays. Prints each notebook's wall time.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def _native(level: str) -> str:
    """The start of a line of TensorFlow's native log at ``level`` (I, W, E), in absl's format
    (``E0000 00:00:1796198559.12 10310 cuda_platform.cc:52] ``) or the older one
    (``2024-12-02 07:00:00.123456: E external/.../cuda_dnn.cc:9261] ``)."""
    return rf"^(?:{level}\d{{4}} \d\d:\d\d:[\d.]+ +\d+|\d{{4}}-\d\d-\d\d [\d:.]+: {level}) \S+:\d+\] "


#: stderr lines that are TensorFlow's start-up noise, not the notebook's output. Each pattern names one
#: kind of start-up line; a warning or error that is not one of them (a CUDA out-of-memory error, say) stays.
NOISE = re.compile("|".join([
    r"^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR",
    _native("I"),                                                    # INFO lines: notes, never errors
    _native("E") + r"(Unable to register cu(DNN|FFT|BLAS) factory|failed call to cuInit)",
    _native("W") + r"(computation placer already registered|Cannot dlopen some GPU libraries|TF-TRT Warning)",
    r"oneDNN custom operations are on\.",
    r"This TensorFlow binary is optimized to use available CPU instructions",
    r"^To enable the following instructions: .* rebuild TensorFlow with the appropriate compiler flags",
    r"^INFO:tensorflow:",
    r"^\s*$",
]))


def strip_noise(nb) -> int:
    """Remove TensorFlow's start-up lines from every stderr output; return how many lines went."""
    removed = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                lines = output["text"].splitlines(keepends=True)
                clean = [line for line in lines if not NOISE.search(line)]
                removed += len(lines) - len(clean)
                if not clean:
                    continue
                output["text"] = "".join(clean)
            kept.append(output)
        cell["outputs"] = kept
    return removed


def select(patterns: list[str]) -> list[Path]:
    """Notebooks under notebooks/ko and notebooks/en whose path (e.g. "ko/01_rnn") matches a pattern."""
    paths = sorted(p for lang in ("ko", "en") for p in (NOTEBOOKS / lang).glob("*.ipynb"))
    if not patterns:
        return paths
    chosen = [p for p in paths if any(p.stem.startswith(x) or f"{p.parent.name}/{p.stem}".startswith(x)
                                      for x in patterns)]
    if not chosen:
        sys.exit(f"no notebook matches {patterns}; names look like 05, 05_imdb_lstm or ko/05")
    return chosen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to run (prefixes: 05, ko/05); default all")
    parser.add_argument("--quick", action="store_true", help="quick mode (a check, not for committing)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds one cell may take")
    args = parser.parse_args(argv)

    import nbformat
    from nbclient import NotebookClient

    os.environ["LSTM_HELPERS_QUICK"] = "1" if args.quick else "0"
    if not os.environ.get("LSTM_HELPERS_DATA_DIR"):
        print("LSTM_HELPERS_DATA_DIR is not set: keras will download IMDB (needs internet).", flush=True)
    for path in select(args.names):
        start = time.perf_counter()
        print(f"{path.relative_to(ROOT)} ...", end=" ", flush=True)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        finally:
            removed = strip_noise(nb)
            nbformat.write(nb, path)
        print(f"{time.perf_counter() - start:.0f} s ({removed} start-up lines removed from stderr)", flush=True)


if __name__ == "__main__":
    main()
