"""The package's shape, checked so it stays the shape: one module per lab with the same sections in the same order,
no import circle in labs_lib and no module reaching for another's private name, and notebooks whose cells do one
step (no code cell over 40 lines, no notebook over 400 code lines)."""

import ast
import json
from pathlib import Path

import pytest

from labs_lib import labs, profiles

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "labs_lib"
SECTIONS = ["# -- Settings", "# -- Taught in the notebook", "# -- Helpers", "# -- Lesson checks", "# -- Figures", "# -- Exercise and study key"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path):
    """(module imported, names taken from it) for every import in the file, at any depth (inside functions too)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("labs_lib"):
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("labs_lib"):
                    yield alias.name, []


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges = {}
    for name, path in modules.items():
        targets = set()
        for module, names in imports(path):
            for taken in names or [None]:   # `from labs_lib import data` imports the module labs_lib.data
                target = f"{module}.{taken}" if taken and f"{module}.{taken}" in modules else module
                if target != name and not name.startswith(target + "."):   # a package's own __init__ is no edge
                    targets.add(target)
        edges[name] = targets
    return edges


def test_the_graph_finds_edges_and_a_circle_would_be_caught():
    edges = graph()
    assert "labs_lib.reading" in edges["labs_lib.data"] and "labs_lib.reading" in edges["labs_lib.ner"]
    assert find_cycle({**edges, "labs_lib.reading": edges["labs_lib.reading"] | {"labs_lib.data"}})


def find_cycle(edges):
    state = {}

    def visit(node, path):
        state[node] = "open"
        for nxt in edges.get(node, ()):
            if state.get(nxt) == "open":
                return path + [node, nxt]
            if nxt not in state and (found := visit(nxt, path + [node])):
                return found
        state[node] = "done"
        return None

    for node in edges:
        if node not in state and (found := visit(node, [])):
            return found
    return None


def test_no_import_circle_in_labs_lib():
    assert find_cycle(graph()) is None, f"import circle: {' -> '.join(find_cycle(graph()))}"


def test_no_module_imports_a_private_name_of_another():
    private = [(module_name(p), module, name) for p in PACKAGE.rglob("*.py") for module, names in imports(p)
               for name in names if name.startswith("_") and name != "__version__"]
    assert not private, f"private names taken across modules: {private}"


def test_shared_modules_import_no_lab():
    shared = [name for name in graph() if not name.startswith("labs_lib.labs")]
    reaching = {name: sorted(t for t in graph()[name] if t.startswith("labs_lib.labs.")) for name in shared}
    assert not any(reaching.values()), f"a shared module imports a lab module: {reaching}"


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_every_lab_module_has_its_table_exercise_and_sections_in_order(lab):
    module = labs.module(lab)
    assert module.NAME == lab and module.TABLE.lab == lab and callable(module.EXERCISE.cases)
    assert set(module.TABLE.rows) == set(profiles.PROFILES)
    assert all(module.TABLE.meaning[key] for key in module.TABLE["smoke"]), "every setting says what it means"
    text = Path(module.__file__).read_text()
    found = [s for s in SECTIONS if s in text]
    assert found[0] == "# -- Settings" and [text.index(s) for s in found] == sorted(text.index(s) for s in found)
    assert (ROOT / "notebooks" / f"{lab}.ipynb").exists(), "a lab module is named after its notebook"
    assert lab in (PACKAGE / "colab.py").read_text(), "every lab has its Colab package row"


def test_taught_code_has_one_source_the_notebook():
    """A definition marked #@save in a notebook is copied into its lab module by scripts/export_taught.py; a copy that
    differs from the notebook (someone edited one side only) fails here."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import export_taught

    assert export_taught.stale() == [], "run: python scripts/export_taught.py"


def test_every_notebook_has_a_lab_module():
    assert sorted(labs.LABS) == sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def code_cells(notebook: Path):
    return ["".join(c["source"]) for c in json.loads(notebook.read_text())["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem)
def test_a_cell_does_one_step_and_a_notebook_tells_one_story(notebook):
    cells = code_cells(notebook)
    long = [(i, len(c.splitlines())) for i, c in enumerate(cells) if len(c.splitlines()) > 40]
    assert not long, f"code cells over 40 lines (index among code cells, lines): {long}"
    total = sum(len(c.splitlines()) for c in cells)
    assert total <= 400, f"{total} code lines; split the notebook where its story has two parts"
