"""Build the rendered course from a main-job run: ``<results>/site/``, one HTML page per executed lab (figures and
tables included, nothing fetched from the network) and ``index.html`` with the course map, each lab's headline
results and time, and one figure across labs (every method: score vs trainable parameters, coloured by lab).

    python scripts/build_site.py [--results results]

The main job (scripts/run_labs.py) runs it after the labs; tests/test_site.py opens the result in headless Chromium.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the score a lab's methods are compared on in the cross-lab figure, the first one a lab's results have
SCORES = ["accuracy", "f1_macro", "macro_f1", "f1", "rougeLsum", "rougeL", "rouge1", "test_accuracy"]
CSS = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
td:first-child,th:first-child{text-align:left}h2{margin-top:2rem}img{max-width:100%}.meta{color:#666}"""


def offline_page(page: str) -> str:
    """nbconvert's page without what it would fetch: require.js and MathJax from a CDN, and the Colab badge image
    (kept as a text link)."""
    page = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", page)
    return re.sub(r'<img[^>]+src="https://colab\.research\.google\.com/assets/colab-badge\.svg"[^>]*>',
                  "Open in Colab", page)


def lab_title(nb) -> str:
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    heading = next((line for line in first.splitlines() if line.startswith("# ")), "")
    return heading[2:].strip() or "untitled"


def headline_table(doc: dict, limit: int = 4) -> str:
    """The lab's methods with its first few numeric columns (the summary's table, shortened)."""
    rows = doc.get("methods", [])
    numeric = [k for k in dict.fromkeys(k for r in rows for k in r)
               if k != "method" and all(isinstance(r.get(k), (int, float)) or r.get(k) is None for r in rows)
               and any(isinstance(r.get(k), float) for r in rows)][:limit]
    cell = lambda v: "" if v is None else f"{v:.3f}" if isinstance(v, float) else f"{v:,}"   # noqa: E731
    head = "".join(f"<th>{html.escape(k)}</th>" for k in ["method", *numeric])
    body = "".join("<tr><td>" + html.escape(str(r.get("method", ""))) + "</td>"
                   + "".join(f"<td>{cell(r.get(k))}</td>" for k in numeric) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def cross_lab_figure(docs: dict, path: Path) -> bool:
    """Every method of every lab that reports trainable parameters and a score: score vs trainable parameters."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5))
    drawn = 0
    for lab, doc in docs.items():
        rows = doc.get("methods", [])
        score = next((s for s in SCORES if any(isinstance(r.get(s), float) for r in rows)), None)
        points = [(r["trainable_params"], r[score]) for r in rows
                  if score and isinstance(r.get(score), float) and r.get("trainable_params")]
        if points:
            ax.scatter(*zip(*points), label=f"{lab} ({score})", s=40, alpha=0.8)
            drawn += len(points)
    if not drawn:
        plt.close(fig)
        return False
    ax.set(xscale="log", xlabel="trainable parameters (log scale)", ylabel="the lab's score (test split)",
           title="Every method of every lab: what it trains vs what it scores")
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def build(results: Path) -> Path:
    import nbformat
    from nbconvert import HTMLExporter

    site = results / "site"
    site.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    entries, docs = [], {}
    for executed in sorted(results.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(executed, as_version=4)
        page, _ = exporter.from_notebook_node(nb)
        (site / f"{executed.stem}.html").write_text(offline_page(page), encoding="utf-8")
        record = nb.metadata.get("papermill", {})
        doc_path = results / f"{executed.stem}.json"
        doc = json.loads(doc_path.read_text()) if doc_path.exists() else {}
        if doc:
            docs[executed.stem] = doc
        minutes = f"{record['duration'] / 60:.1f} min" if record.get("duration") else "time not recorded"
        failed = record.get("exception")
        entries.append(
            f"<h2><a href=\"{executed.stem}.html\">{html.escape(lab_title(nb))}</a></h2>"
            f"<p class=meta>{executed.stem} · profile {html.escape(str(record.get('parameters', {}).get('profile')))}"
            f" · {minutes}{' · <b>stopped with an error</b>' if failed else ''}"
            f" · model {html.escape(str(doc.get('model', '?')))} · data {html.escape(str(doc.get('data', '?')))}</p>"
            + (headline_table(doc) if doc else "<p>no results file</p>"))
    figure = cross_lab_figure(docs, site / "methods.png")
    index = ("<!doctype html><html lang=en><head><meta charset=utf-8><title>Fine-tuning labs: results</title>"
             f"<style>{CSS}</style></head><body><h1>Fine-tuning labs: the course, run</h1>"
             "<p>Each lab's page is the executed notebook; the tables are each lab's own results file.</p>"
             + ('<img src="methods.png" alt="score vs trainable parameters, every method of every lab">'
                if figure else "")
             + "".join(entries) + "</body></html>")
    (site / "index.html").write_text(index, encoding="utf-8")
    return site / "index.html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", default=str(ROOT / "results"))
    index = build(Path(parser.parse_args().results).resolve())
    print(f"[site] {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
