"""The coding exercises that close each lab: the learner writes a small function in the lab, ``check(lab.EXERCISE, fn)``
runs it on fixed cases and compares it with the library that does the same job (torch, scikit-learn, SciPy, rouge-score,
seqeval, peft, a tokenizer). A function that still returns ``None`` gets "not answered yet", a wrong one an
AssertionError naming the first case that differs, a right one "Correct". Each lab's markdown holds a worked
solution; tests/test_exercises.py runs every one of them through this check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Exercise:
    """One lab's coding exercise: the function the lab asks for, its fixed cases, the library's answer to each case
    (``reference``), and the library's name. Each lab module holds its own as ``EXERCISE``."""

    name: str
    cases: Callable
    reference: Callable
    library: str


def _same(mine, theirs) -> bool:
    if isinstance(theirs, (float, int, np.floating)) and not isinstance(theirs, bool):
        return mine is not None and np.isclose(float(mine), float(theirs), rtol=1e-5, atol=1e-6)
    if isinstance(theirs, np.ndarray):
        return np.allclose(np.asarray(mine, dtype=float), theirs, rtol=1e-5, atol=1e-6)
    if isinstance(theirs, tuple) and len(theirs) == 2 and isinstance(theirs[0], list):
        return isinstance(mine, (tuple, list)) and len(mine) == 2 and all(
            np.asarray(m).tolist() == t for m, t in zip(mine, theirs))
    return [tuple(x) if isinstance(x, (tuple, list)) else x for x in mine] == \
        [tuple(x) if isinstance(x, (tuple, list)) else x for x in theirs]


def check(exercise: Exercise, fn) -> bool:
    """Run the learner's ``fn`` on the exercise's cases (``lab.EXERCISE``) and compare with the library; see the
    module docstring."""
    name, reference, library = exercise.name, exercise.reference, exercise.library
    cases = exercise.cases()
    if fn(*cases[0]) is None:
        print(f"Not answered yet: write the body of {name} (it still returns None). A worked solution is in the "
              f"markdown cell above.")
        return False
    for args in cases:
        mine, theirs = fn(*args), reference(*args)
        try:
            same = _same(mine, theirs)
        except (TypeError, ValueError):
            same = False
        if not same:
            shown = ", ".join(repr(a) if not hasattr(a, "shape") else f"<{type(a).__name__} {tuple(a.shape)}>"
                              for a in args)
            raise AssertionError(f"{name}({shown}) gave {mine!r}; {library} gives {theirs!r}")
    print(f"Correct: {name} agrees with {library} on all {len(cases)} cases.")
    return True
