"""A learner's data never crashes a lab at its last cell: lab 05 on a small learner-style file whose tags the words
cannot predict (random B- tags) runs to the end in `smoke`, writes its results, and says in a visible note that the
lesson's outcome (the model fits its training sentences) did not show. On the project's own data the same check is an
assert (tests/test_metrics_and_checks.py breaks one on purpose). The `full` rehearsal runs every lab unguarded.
Lab 09 on a learner-style file unlike its reviews (three classes, a three-word label, texts up to ~900 words, other
column names, its own task sentence) runs to its results. Lab 06 on transcripts without timestamps skips its
per-minute models with a NOTE and runs the rest to its results."""

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


def run_on_learner_data(lab: str, settings: str, monkeypatch):
    """Run ``lab`` to its end in smoke with ``settings`` (the learner's parameters-cell lines) after its parameters
    cell; -> the executed notebook."""
    nb = nbformat.read(NOTEBOOKS / f"{lab}.ipynb", as_version=4)
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(params + 1, nbformat.v4.new_code_cell(settings))
    monkeypatch.setenv("LABS_PROFILE", "smoke")
    return execute(nb, timeout=600)


def test_lab05_on_data_against_the_lesson_finishes_writes_results_and_notes_it(tmp_path, monkeypatch):
    data = random_tag_file(tmp_path / "my_tags.conll")
    nb = run_on_learner_data("05_ner", f"data_path = {str(data)!r}\nresults_dir = {str(tmp_path / 'results')!r}\n"
                                       f"overrides = {{'epochs': 3}}", monkeypatch)
    out = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "NOTE -- lesson outcome not seen here: the model fits its training sentences" in out
    saved = json.loads((tmp_path / "results" / "05_ner.json").read_text())
    assert saved["config"]["data"] == str(data) and saved["methods"]


def ticket_file(path: Path, rows: int = 150, seed: int = 1) -> Path:
    """Unlike lab 09's reviews: three classes, one named by three words, texts from 4 to ~900 words, other columns."""
    import csv

    rng = random.Random(seed)
    words = "the delivery arrived late and the box was crushed but support answered quickly about my refund".split()
    openers = {"complaint": "This is awful.", "praise": "Wonderful service!",
               "question about billing": "Why was I charged twice?"}
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, ["message", "kind"])
        out.writeheader()
        for _ in range(rows):
            kind = rng.choice(list(openers))
            body = " ".join(rng.choice(words) for _ in range(rng.choice([3, 8, 40, 400, 900])))
            out.writerow({"message": f"{openers[kind]} {body}", "kind": kind})
    return path


def test_lab09_on_three_classes_with_a_multi_word_label_and_long_texts_runs_to_its_results(tmp_path, monkeypatch):
    data = ticket_file(tmp_path / "tickets.csv")
    run_on_learner_data("09_causal_lm", f"data_path = {str(data)!r}\ncolumns = {{'text': 'message', 'label': 'kind'}}\n"
                                        f"results_dir = {str(tmp_path / 'results')!r}\n"
                                        f"overrides = {{'task': 'Sort this customer message.'}}", monkeypatch)
    saved = json.loads((tmp_path / "results" / "09_causal_lm.json").read_text())
    assert saved["config"]["data"] == str(data) and saved["config"]["task"] == "Sort this customer message."
    methods = {m["method"]: m for m in saved["methods"]}
    tuned = methods["prompt-completion fine-tuning (LoRA)"]
    assert 0 <= tuned["invalid_rate"] <= 1 and 0 <= tuned["accuracy"] <= 1
    assert saved["data_report"]["data"]["labels"] == ["complaint", "praise", "question about billing"]


def test_lab06_on_transcripts_without_timestamps_skips_the_minutes_with_a_note_and_writes_its_results(tmp_path,
                                                                                                       monkeypatch):
    """Captions have no minute marks: the per-minute section says why it is skipped, every other method runs, and the
    results file is written (it once crashed at that section after an hour, losing everything measured)."""
    import pandas as pd

    from labs_lib.transcripts import TIMESTAMP

    frame = pd.read_parquet(NOTEBOOKS.parent / "assets" / "transcripts" / "transcripts.parquet")
    frame["text"] = [TIMESTAMP.sub("", text) for text in frame["text"]]
    assert not any(TIMESTAMP.search(text) for text in frame["text"])
    data = tmp_path / "captions.parquet"
    frame.to_parquet(data)
    nb = run_on_learner_data("06_long_transcripts", f"data_path = {str(data)!r}\n"
                                                    f"results_dir = {str(tmp_path / 'results')!r}", monkeypatch)
    out = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "NOTE: per-minute models skipped" in out and "have no minute of speech" in out
    saved = json.loads((tmp_path / "results" / "06_long_transcripts.json").read_text())
    assert "per-minute models" in saved["skipped"]
    methods = {r["method"] for r in saved["methods"]}
    assert "hierarchical: mean + max → linear" in methods and not any("minutes →" in m for m in methods)
