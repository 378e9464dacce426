"""Does lab 06 fit a learner's big transcript set on 2 CPU cores? Times the whole notebook on a large input.

The input is made from the project's 440 transcripts: ``--n`` rows sampled with replacement, each cut to its first
``--words`` words, each copy its own speaker (so the grouped split still works). Only the time and the memory count:
copies of one transcript land in several splits, so the lab's scores on this input mean nothing.
The lab runs with papermill in the chosen profile with the given knobs as ``overrides``; wall time and the peak
memory of the kernel (ru_maxrss of the finished children) are printed.

    .venv/bin/python benchmarks/long_transcripts_scale.py                       # 2,150 x 2,000 words, ~23 min
    .venv/bin/python benchmarks/long_transcripts_scale.py --n 200 --profile smoke   # does the script work? ~1 min

Run nothing else meanwhile: it is a timing.

Measured 2026-11-24 on the 2-core build machine (the same steps run by hand: input as below, then papermill with
these parameters; nothing else running): n=2150 (1,535 training transcripts), words=2000, profile cpu, epochs=1,
max_windows_train=1, max_sentences_embed=40 -> 23 min 14 s wall, peak resident memory 3.4 GB. The embedding of
171,179 sentences (3.0 M tokens) took 364 s of it.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import papermill

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from labs_lib.profiles import TRANSCRIPTS  # noqa: E402


def big_input(n: int, words: int, out: Path, seed: int = 0) -> Path:
    frame = pd.read_parquet(ROOT / TRANSCRIPTS)
    big = frame.sample(n, replace=True, random_state=seed).reset_index(drop=True)
    big["text"] = [" ".join(text.split(" ")[:words]) for text in big["text"]]
    # "Name (Role, Org)" -> "Name (Role, Org 17)": one speaker per copy, in the form the cleaning step parses
    big["group"] = [g[:-1] + f" {i})" for i, g in enumerate(big["group"])]
    big.to_parquet(out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2150, help="transcripts (70%% of them train)")
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--profile", default="cpu", choices=["smoke", "cpu"])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--max-windows-train", type=int, default=1)
    parser.add_argument("--max-sentences-embed", type=int, default=40)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data = big_input(args.n, args.words, Path(tmp) / "big.parquet")
        params = dict(profile=args.profile, data_path=str(data), results_dir=tmp,
                      overrides=dict(docs=args.n, epochs=args.epochs, max_windows_train=args.max_windows_train,
                                     max_sentences_embed=args.max_sentences_embed))
        print(f"lab 06 on {args.n} transcripts of <= {args.words} words: {params}", flush=True)
        start = time.perf_counter()
        papermill.execute_notebook(str(ROOT / "notebooks" / "06_long_transcripts.ipynb"), str(Path(tmp) / "out.ipynb"),
                                   cwd=str(ROOT / "notebooks"), parameters=params, progress_bar=False)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2  # kB -> GB
    print(f"wall {seconds / 60:.1f} min; peak memory of the kernel {peak:.1f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
