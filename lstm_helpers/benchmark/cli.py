"""The command line: ``python -m lstm_helpers.benchmark`` (see the package's docstring)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import settings
from .configurations import BY_NAME, CONFIGURATIONS
from .report import describe_machine, format_markdown
from .runner import run_benchmark


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="python -m lstm_helpers.benchmark", description="A side-by-side benchmark of IMDB classifiers, in one process on the same data.")
    parser.add_argument("--quick", action="store_true", help="a few reviews and one epoch: checks that it works")
    parser.add_argument("--configs", nargs="+", choices=sorted(BY_NAME), help="which configurations (default all)")
    parser.add_argument("--out", default=".", help="folder for benchmark.json and benchmark.md")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--data-dir", default=None, help="folder with imdb.npz (default: LSTM_HELPERS_DATA_DIR or keras)")
    args = parser.parse_args(argv)
    quick = args.quick or settings.is_quick()

    configs = [BY_NAME[n] for n in args.configs] if args.configs else CONFIGURATIONS
    rows = run_benchmark(configs, quick=quick, seed=args.seed, data_dir=args.data_dir)
    machine = describe_machine() + (settings.pick(ko=" (빠른 모드: 리뷰 수백 편, 1 에포크)",
                                                  en=" (quick mode: a few reviews, 1 epoch)") if quick else "")
    table = format_markdown(rows, machine)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmark.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
    (out / "benchmark.md").write_text(table)
    print()
    print(table)
    return rows
