"""Write ``results/<lab>.json`` and the one-table ``results/summary.md`` of every lab."""

from __future__ import annotations

import json
import math
import os
from datetime import datetime, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def results_dir(path: str | os.PathLike | None = None) -> Path:
    """Where results go: ``path``, else $LABS_RESULTS_DIR, else <repo>/results (created if needed)."""
    path = Path(path or os.environ.get("LABS_RESULTS_DIR") or REPO_ROOT / "results")
    problem = unwritable(path)
    if problem:
        raise PermissionError(problem)
    path.mkdir(parents=True, exist_ok=True)
    return path


def unwritable(path: str | os.PathLike | None = None, lab: str | None = None) -> str | None:
    """Why ``results_dir(path)`` (and ``<lab>.json`` there) could not be written, in one line; None when it can.
    Creates and deletes nothing: it asks the nearest folder that exists."""
    path = Path(path or os.environ.get("LABS_RESULTS_DIR") or REPO_ROOT / "results")
    fix = ("set results_dir = '<a folder you can write>' in the parameters cell (or $LABS_RESULTS_DIR) before "
           "training, so the lab's results are not lost at its end.")
    nearest = next(p for p in [path, *path.parents] if p.exists())
    if not nearest.is_dir():
        return f"the results folder {path} cannot be made: {nearest} is a file. Remove it, or {fix}"
    if not os.access(nearest, os.W_OK | os.X_OK):
        return f"the results folder {path} is read-only ({nearest} cannot be written); {fix}"
    target = path / f"{lab}.json"
    if lab and target.exists() and not os.access(target, os.W_OK):
        return f"the results file {target} is read-only; make it writable, or {fix}"
    return None


def save_results(lab: str, methods: list[dict], required: list[str], out_dir=None, cfg=None, report=None,
                 **top) -> Path:
    """Write ``<out_dir>/<lab>.json`` = {"lab", "written", "profile", "model", "config", "data", **top, "methods"};
    every method must hold every ``required`` key with a finite value, so a half-finished run cannot pass for a
    complete one. ``cfg`` (the lab's config) is logged whole, with the keys the learner overrode; ``report`` (the
    data report) gives the data source, the split and the rows used."""
    if cfg is not None:
        top = {"profile": cfg.profile, "model": cfg.model, "config": vars(cfg), **top}
    if report is not None:
        reports = report if isinstance(report, dict) else {"data": report}   # lab 02: one report per task
        top = {"data": " + ".join(r.source for r in reports.values()),
               "data_report": {k: r.as_dict() for k, r in reports.items()}, **top}
    for row in methods:
        missing = [k for k in required if k not in row]
        if missing:
            raise ValueError(f"method {row.get('method')!r} lacks {missing}")
        bad = [k for k in required if isinstance(row[k], float) and not math.isfinite(row[k])]
        if bad:
            raise ValueError(f"method {row.get('method')!r} has non-finite {bad}")
    doc = {"lab": lab, "written": datetime.now(timezone.utc).isoformat(timespec="seconds"), **top, "methods": methods}
    path = results_dir(out_dir) / f"{lab}.json"
    path.write_text(json.dumps(doc, indent=2, default=_plain))
    return path


def _plain(value):
    if hasattr(value, "item"):  # numpy / torch scalars
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def _cell(value):
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, (dict, list)):
        return "…"
    return str(value)


def write_summary(out_dir=None) -> Path:
    """``summary.md``: one table per lab file found, one row per method, scalar fields as columns."""
    out = results_dir(out_dir)
    lines = ["# Results", ""]
    for path in sorted(out.glob("*.json")):
        doc = json.loads(path.read_text())
        rows = doc.get("methods", [])
        lines += [f"## {doc.get('lab', path.stem)}", "",
                  f"profile `{doc.get('profile')}` · model `{doc.get('model')}` · data `{doc.get('data')}` · "
                  f"written {doc.get('written')}", ""]
        cols = [c for c in dict.fromkeys(k for r in rows for k in r) if not isinstance(rows[0].get(c), (dict, list))]
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(_cell(r.get(c, "")) for c in cols) + " |" for r in rows]
        lines.append("")
    summary = out / "summary.md"
    summary.write_text("\n".join(lines))
    return summary
