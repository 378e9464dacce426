"""A learner's data never crashes a lab at its last cell: lab 05 on a small learner-style file whose tags the words
cannot predict (random B- tags) runs to the end in `smoke`, writes its results, and says in a visible note that the
lesson's outcome (the model fits its training sentences) did not show. On the project's own data the same check is an
assert (tests/test_metrics_and_checks.py breaks one on purpose). The `full` rehearsal runs every lab unguarded."""

import json
import random
from pathlib import Path

import nbformat
from notebook_run import NOTEBOOKS, execute


def random_tag_file(path: Path, sentences: int = 120, seed: int = 0) -> Path:
    rng = random.Random(seed)
    words = ["river", "market", "north", "council", "old", "bridge", "team", "city", "report", "winter", "new", "port"]
    lines = []
    for _ in range(sentences):
        for _ in range(rng.randint(4, 9)):
            tag = rng.choice(["O", "O", "B-PER", "B-ORG", "B-LOC"])   # no word decides its tag
            lines.append(f"{rng.choice(words)} {tag}")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_lab05_on_data_against_the_lesson_finishes_writes_results_and_notes_it(tmp_path, monkeypatch):
    data = random_tag_file(tmp_path / "my_tags.conll")
    nb = nbformat.read(NOTEBOOKS / "05_ner.ipynb", as_version=4)
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(params + 1, nbformat.v4.new_code_cell(
        f"data_path = {str(data)!r}\nresults_dir = {str(tmp_path / 'results')!r}\noverrides = {{'epochs': 3}}"))
    monkeypatch.setenv("LABS_PROFILE", "smoke")
    execute(nb, timeout=600)
    out = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "NOTE -- lesson outcome not seen here: the model fits its training sentences" in out
    saved = json.loads((tmp_path / "results" / "05_ner.json").read_text())
    assert saved["config"]["data"] == str(data) and saved["methods"]
