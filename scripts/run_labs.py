"""Execute every lab with papermill (default profile: cpu) and write results/summary.md.

    python scripts/run_labs.py [--profile cpu] [--labs 01_classification ...] [--results results]

It ends by rendering the course into <results>/site/ (scripts/build_site.py): a page per executed lab and an index.

Progress: one line per lab (its number, the time so far, and how long the same lab took the last time it ran into
this folder in this profile); in a terminal, papermill's bar over the lab's cells. Inside the notebooks the live
bars are off ($LABS_PROGRESS=0), so the executed notebooks hold results, not bar updates.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import papermill
from traitlets.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from labs_lib.results import write_summary  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from build_site import build as build_site  # noqa: E402


def last_duration(executed: Path, profile: str) -> float | None:
    """Seconds the lab took when it last ran into this folder in this profile (papermill's record), if it did."""
    try:
        record = json.loads(executed.read_text())["metadata"]["papermill"]
        return float(record["duration"]) if record["parameters"].get("profile") == profile else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="cpu", choices=["smoke", "cpu", "full"])
    parser.add_argument("--labs", nargs="*", help="lab names such as 01_classification (default: all)")
    parser.add_argument("--results", default=str(ROOT / "results"), help="output folder (default: results/)")
    args = parser.parse_args()

    out = Path(args.results).resolve()
    out.mkdir(parents=True, exist_ok=True)
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if args.labs:
        notebooks = [nb for nb in notebooks if nb.stem in args.labs]
        unknown = set(args.labs) - {nb.stem for nb in notebooks}
        if unknown:
            parser.error(f"unknown lab(s) {sorted(unknown)}; known: {[nb.stem for nb in notebooks]}")
    os.environ.setdefault("LABS_PROGRESS", "0")
    failed, began = [], time.perf_counter()
    for number, nb in enumerate(notebooks, 1):
        before = last_duration(out / nb.name, args.profile)
        print(f"[labs] {number}/{len(notebooks)} {nb.stem}: running in profile {args.profile!r} "
              f"({(time.perf_counter() - began) / 60:.1f} min so far"
              + (f"; it took {before / 60:.1f} min last time)" if before else ")"), flush=True)
        start = time.perf_counter()
        try:
            papermill.execute_notebook(str(nb), str(out / nb.name), cwd=str(nb.parent),
                                       progress_bar=sys.stderr.isatty(),   # a bar over the cells, in a terminal
                                       parameters={"profile": args.profile, "results_dir": str(out)},
                                       # the kernel talks over local sockets, not TCP (ipykernel warns about it)
                                       config=Config({"KernelManager": {"transport": "ipc"}}))
            print(f"[labs] {nb.stem}: done in {time.perf_counter() - start:.0f} s", flush=True)
        except papermill.PapermillExecutionError as err:
            failed.append(nb.stem)
            print(f"[labs] {nb.stem}: FAILED in cell {err.exec_count}: {err.ename}: {err.evalue}", flush=True)
        except Exception as err:  # a dead kernel (out of memory, ...): go on with the next lab
            failed.append(nb.stem)
            print(f"[labs] {nb.stem}: FAILED: {type(err).__name__}: {err}", flush=True)
    summary = write_summary(out)
    site = build_site(out)
    print(f"\n[labs] {len(notebooks)} lab(s) in {(time.perf_counter() - began) / 60:.1f} min"
          f"\n[labs] executed notebooks and <lab>.json files: {out}\n[labs] summary table: {summary}"
          f"\n[labs] the course, rendered: {site}")
    if failed:
        print(f"[labs] failed: {', '.join(failed)} (see the executed notebooks for the traceback)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
