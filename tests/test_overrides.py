"""Every lab takes `overrides` from its parameters cell and uses them: each notebook runs, in the smoke profile, up
to the cell that loads its data, with one size setting overridden, and the loaded data must have that size (and the
data report must say the cap dropped rows)."""

import ast
import json

import nbformat
import pytest
from notebook_run import NOTEBOOKS, execute

# lab -> (override, Python expression in the lab's namespace that must equal the override's value)
CASES = {
    "01_classification": ({"train_size": 37}, 'len(raw["train"])'),
    "02_summarization": ({"train_size": 23}, 'len(raw["dialogue"]["train"])'),
    "03_setfit": ({"eval_size": 29}, 'len(raw["test"])'),
    "04_mlm": ({"corpus_train_size": 31}, 'len(corpus["train"])'),
    "05_ner": ({"train_size": 41}, 'len(raw["train"])'),
    "06_long_transcripts": ({"docs": 60}, "sum(len(part) for part in split.values())"),
    "07_honest_evaluation": ({"docs": 60}, "sum(len(part) for part in split.values())"),
    "08_peft_and_search": ({"train_size": 43}, 'len(raw["train"])'),
    "09_causal_lm": ({"train_size": 47}, 'len(raw["train"])'),
    "10_scaling_out": ({"train_size": 44}, 'len(raw["train"])'),
}


def lab_notebooks():
    return sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def test_every_lab_has_an_override_case():
    assert set(lab_notebooks()) == set(CASES)


@pytest.mark.parametrize("lab", lab_notebooks())
def test_an_override_from_the_parameters_cell_reaches_the_data(lab, monkeypatch):
    override, measured = CASES[lab]
    (key, value_), = override.items()
    nb = nbformat.read(NOTEBOOKS / f"{lab}.ipynb", as_version=4)
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    assert "overrides = {}" in nb.cells[params].source, "every lab's parameters cell has `overrides = {}`"
    loads = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "data.load(" in c.source)
    cells = [c for c in nb.cells[:loads + 1] if c.cell_type == "code"]
    cells.insert(cells.index(nb.cells[params]) + 1, nbformat.v4.new_code_cell(f"overrides = {override!r}"))
    # the answer comes back as the last cell's value, not as printed text: a stream message can reach the client
    # after the kernel said the cell is done (seen under load in CI), a cell's value cannot
    cells.append(nbformat.v4.new_code_cell(
        "import json\nfrom labs_lib.data import DataReport\n"
        "reports_ = [x for v in list(globals().values()) for x in (v.values() if isinstance(v, dict) else [v])\n"
        "            if isinstance(x, DataReport)]\n"
        "json.dumps({'setting': cfg.%s, 'measured': %s, 'overridden': cfg.overridden,\n"
        "            'report': '\\n'.join(map(str, reports_))})" % (key, measured)))
    nb.cells = cells
    monkeypatch.setenv("LABS_PROFILE", "smoke")
    execute(nb, timeout=300)
    value = [o for o in nb.cells[-1].outputs if o.output_type == "execute_result"]
    assert value, f"the check cell returned no value; its outputs: {nb.cells[-1].outputs}"
    out = json.loads(ast.literal_eval(value[0]["data"]["text/plain"]))
    report = out.pop("report")
    assert out == {"setting": value_, "measured": value_, "overridden": [key]}
    assert f"({key})" in report, f"the data report must say that {key} capped the data"
