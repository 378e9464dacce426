"""Does lab 06 fit a big transcript set on 2 CPU cores with its default settings? Times the whole notebook.

The input is a larger set of the project's kind, generated for the run (``python -m assets.make_transcripts
--transcripts N``: about N transcripts of ~2,500 words from N·70/440 speakers, real scores and labels), so the
scores it prints mean something. The lab runs with papermill in the chosen profile with its defaults (plus any
``--overrides``), with an empty embedding cache so the timing includes embedding every sentence; the wall time, the
peak memory of the kernel, the seconds of the slowest cells and every method's test scores are printed.

    .venv/bin/python benchmarks/long_transcripts_scale.py                          # 1,500 transcripts, cpu
    .venv/bin/python benchmarks/long_transcripts_scale.py --n 200 --profile smoke   # does the script work? ~1 min
    .venv/bin/python benchmarks/long_transcripts_scale.py --keep /tmp/big06         # keep the executed notebook

Run nothing else meanwhile: it is a timing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import papermill

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1500, help="transcripts to generate (70%% of them train)")
    parser.add_argument("--profile", default="cpu", choices=["smoke", "cpu"])
    parser.add_argument("--overrides", default="{}", help='JSON, e.g. \'{"max_train_examples": null}\'')
    parser.add_argument("--keep", help="folder that keeps the executed notebook, its results file and the data")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "assets.make_transcripts", "--transcripts", str(args.n),
                        "--out-dir", str(out)], cwd=ROOT, check=True)
        data = out / "transcripts" / "transcripts.parquet"
        overrides = {"embed_cache": str(Path(tmp) / "embeddings")} | json.loads(args.overrides)   # empty cache
        params = dict(profile=args.profile, data_path=str(data), results_dir=str(out), overrides=overrides)
        print(f"lab 06 on {len(pd.read_parquet(data)):,} generated transcripts: {params}", flush=True)
        start = time.perf_counter()
        papermill.execute_notebook(str(ROOT / "notebooks" / "06_long_transcripts.ipynb"), str(out / "06.ipynb"),
                                   cwd=str(ROOT / "notebooks"), parameters=params, progress_bar=False)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2  # kB -> GB
        cells = json.loads((out / "06.ipynb").read_text())["cells"]
        slow = sorted(((c["metadata"]["papermill"]["duration"] or 0, c["source"][0].strip()[:70])
                       for c in cells if c["cell_type"] == "code"), reverse=True)[:6]
        rows = json.loads((out / "06_long_transcripts.json").read_text())["methods"]
    print(f"wall {seconds / 60:.1f} min; peak memory of the kernel {peak:.1f} GB; slowest cells:")
    for s, first_line in slow:
        print(f"  {s:7.1f} s  {first_line}")
    table = pd.DataFrame(rows)
    keys = ["accuracy", "f1_macro", "mae", "r2", "spearman", "train_seconds", "tokens_seen_per_doc"]
    for task, part in table.groupby("task", sort=False):
        shown = [k for k in keys if k in part and part[k].notna().any()]
        part = part.assign(**{f"val {k}": [r.get(k) for r in part["validation"]] for k in shown[:2]})
        print(f"\n{task}:\n" + part.set_index("method")[shown + [f"val {k}" for k in shown[:2]]].round(3).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
