"""Every lab's coding exercise: the worked solution in its markdown passes the check against the library, the blank
the lab ships says "not answered yet" without failing, and a wrong answer fails with the case that shows it."""

import re

import nbformat
import pytest

from labs_lib import labs
from labs_lib.exercises import check
from notebook_run import NOTEBOOKS


def exercise_cells(lab):
    nb = nbformat.read(NOTEBOOKS / f"{lab}.ipynb", as_version=4)
    solutions = [m.group(1) for c in nb.cells if c.cell_type == "markdown"
                 for m in re.finditer(r"<summary>Worked solution.*?```python\n(.*?)```", c.source, re.S)]
    blanks = [c.source for c in nb.cells if c.cell_type == "code" and "exercises.check(lab.EXERCISE" in c.source]
    return solutions, blanks


def test_every_lab_has_a_coding_exercise():
    assert set(labs.LABS) == {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")}
    assert all(labs.module(lab).EXERCISE.name for lab in labs.LABS)


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_the_worked_solution_passes_and_the_blank_waits(lab, capsys):
    exercise = labs.module(lab).EXERCISE
    name = exercise.name
    solutions, blanks = exercise_cells(lab)
    assert len(solutions) == 1 and len(blanks) == 1, f"{lab}: one worked solution and one exercise cell"
    namespace = {}
    exec(solutions[0], namespace)
    assert check(exercise, namespace[name]) is True
    assert "Correct" in capsys.readouterr().out
    exec(blanks[0], {"lab": labs.module(lab)})
    assert "Not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_a_wrong_answer_fails_with_the_case(lab):
    exercise = labs.module(lab).EXERCISE
    name, library = exercise.name, exercise.library
    namespace = {}
    exec(exercise_cells(lab)[0][0], namespace)
    right = namespace[name]

    def spoiled(*args):   # the right answer, a little wrong
        out = right(*args)
        if isinstance(out, tuple):            # (input_ids, attention_mask): one row too few
            return out[0][:-1], out[1][:-1]
        if isinstance(out, list):             # spans, windows: the last one lost
            return out[:-1] if out else [(0, 1, "X")]
        return out + 0.5                      # a number or an array: off by a half

    with pytest.raises(AssertionError, match=re.escape(library)):
        check(exercise, spoiled)
