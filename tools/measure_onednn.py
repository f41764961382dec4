"""Measure one training epoch with TensorFlow's oneDNN optimisations on and off, side by side.

    python tools/measure_onednn.py --rounds 4 --reviews 8000

Each measurement is a fresh Python process (TF_ENABLE_ONEDNN_OPTS is read when
TensorFlow starts), alternating on, off, on, off... so a change in the
machine's load falls on both. Prints the epoch time of each run and the median
of each setting. Needs LSTM_HELPERS_DATA_DIR (or internet) for the data.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

CHILD = r"""
import json, sys, time
import lstm_helpers as lh, keras  # lstm_helpers first: it sets TensorFlow's log level
reviews, maxlen, batch = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
data = lh.load_imdb(maxlen=maxlen, max_train=reviews)
keras.utils.set_random_seed(0)
model = lh.build_recurrent_classifier(maxlen=maxlen, recurrent_dropout=0.0)
model.fit(data.x_train[:batch], data.y_train[:batch], epochs=1, batch_size=batch, verbose=0)  # graph built
start = time.perf_counter()
model.fit(data.x_train, data.y_train, epochs=1, batch_size=batch, verbose=0)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--reviews", type=int, default=8000)
    parser.add_argument("--maxlen", type=int, default=80)
    parser.add_argument("--batch", type=int, default=128)
    args = parser.parse_args()
    seconds = {"1": [], "0": []}
    for round_ in range(args.rounds):
        for flag in ("1", "0") if round_ % 2 == 0 else ("0", "1"):
            env = dict(os.environ, TF_ENABLE_ONEDNN_OPTS=flag)
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.reviews), str(args.maxlen), str(args.batch)],
                                 env=env, capture_output=True, text=True, check=True)
            value = json.loads(out.stdout.strip().splitlines()[-1])["seconds"]
            seconds[flag].append(value)
            print(f"round {round_ + 1}, oneDNN {'on ' if flag == '1' else 'off'}: {value:.2f} s", flush=True)
    for flag, name in (("1", "on"), ("0", "off")):
        print(f"oneDNN {name}: median {statistics.median(seconds[flag]):.2f} s, "
              f"mean {statistics.mean(seconds[flag]):.2f} s over {len(seconds[flag])} runs")


if __name__ == "__main__":
    main()
