"""Checks of two kinds, and the self-checking exercises.

- **mechanics** (label padding is -100, windows cover every token, no test row in training, a reloaded adapter gives
  the same logits): plain ``assert`` in the labs -- if one fails the code is wrong, whatever the data.
- **lesson outcomes** (method A beats B, the loss fell, a baseline is beaten): ``lesson(cfg, holds, claim, measured)``
  -- an assert where CI guards the lesson (the project's own data, a profile's own settings, smoke or cpu), a visible
  note everywhere else (a learner's data or settings, the ``full`` profile), and the lab goes on.
- exercises: ``verdict`` -- a hint while the answer is ``None``, "Correct" when right, AssertionError when wrong.
"""

from __future__ import annotations


def lesson_guarded(cfg) -> bool:
    """True where a lesson outcome is asserted: the profile's own settings and data, in smoke or cpu (what CI runs)."""
    return cfg.profile in ("smoke", "cpu") and not cfg.overridden


def lesson(cfg, holds, claim: str, measured: str, meaning: str = "") -> bool:
    """A lesson outcome: ``claim`` (what the lesson expects) held or not, with the ``measured`` numbers.

    Guarded (``lesson_guarded``): AssertionError when it does not hold -- our data stopped showing the lesson.
    Otherwise a visible note says what was measured and what it may mean (``meaning``), and the lab goes on:
    on a learner's data an unexpected outcome is a result, not a crash."""
    holds = bool(holds)
    if holds:
        print(f"lesson check passed: {claim} ({measured})")
    elif lesson_guarded(cfg):
        raise AssertionError(f"lesson check failed on the project's own data ({cfg.profile}): {claim} -- measured "
                             f"{measured}")
    else:
        note = (f"NOTE -- lesson outcome not seen here: {claim}. Measured: {measured}. "
                f"{meaning or 'Your data or settings tell a different story than ours; that is a result worth reading.'}")
        print("\n".join(["!" * 80, note, "!" * 80]))
    return holds


def verdict(answer, expected, hint: str, wrong: str, tolerance: float | None = None, correct: str | None = None) -> bool:
    """The one verdict every exercise gives: ``None`` -> the hint; equal to ``expected`` (within ``tolerance`` for a
    number) -> "Correct"; anything else -> AssertionError with ``wrong``, which says where to look."""
    if answer is None:
        print(f"Not answered yet. Hint: {hint}")
        return False
    right = abs(float(answer) - expected) <= tolerance if tolerance is not None else answer == expected
    if not right:
        raise AssertionError(f"{answer!r} is not right. {wrong}")
    print(correct or (f"Correct: {expected:,}." if isinstance(expected, int) else f"Correct: {expected}."))
    return True


def lora_added_parameters(model, r: int, targets) -> tuple[int, list]:
    """Parameters LoRA of rank r adds: each targeted Linear(in, out) gets A (r x in) and B (out x r)."""
    import torch

    layers = [(name, m) for name, m in model.named_modules()
              if isinstance(m, torch.nn.Linear) and name.split(".")[-1] in targets]
    return sum(r * (m.in_features + m.out_features) for _, m in layers), layers
