"""Checks of two kinds, and the self-checking exercises.

- **mechanics** (label padding is -100, windows cover every token, no test row in training, a reloaded adapter gives
  the same logits): plain ``assert`` in the labs -- if one fails the code is wrong, whatever the data.
- **lesson outcomes** (method A beats B, the loss fell, a baseline is beaten): ``lesson(cfg, holds, claim, measured)``
  -- an assert where CI guards the lesson (the project's own data, a profile's own settings, smoke or cpu), a visible
  note everywhere else (a learner's data or settings, the ``full`` profile), and the lab goes on.
- exercises: ``verdict`` -- a hint while the answer is ``None``, "Correct" when right, AssertionError when wrong.
"""

from __future__ import annotations

from labs_lib.metrics import padded_tokens


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


def check_lora_params(answer, model, r: int, targets) -> bool:
    """Exercise: how many parameters does LoRA with rank ``r`` on ``targets`` add to ``model``'s body?"""
    expected, layers = lora_added_parameters(model, r, targets)
    shapes = sorted({(m.in_features, m.out_features) for _, m in layers})
    return verdict(
        answer, expected,
        hint=f"count the Linear layers named {list(targets)} (print(model) shows them), and for each "
             "Linear(in, out) add r*in (matrix A) + out*r (matrix B).",
        wrong=f"This model has {len(layers)} targeted Linear layers with (in, out) shapes {shapes}; "
              f"each adds r*(in + out) with r={r}. (The classifier head, also trainable, is not part of the count.)")


def check_dynamic_padding(answer, lengths, batch_size: int) -> bool:
    """Exercise: how many PAD tokens does dynamic padding add to ``lengths`` batched in order?"""
    expected = padded_tokens(lengths, batch_size) - sum(lengths)
    return verdict(
        answer, expected,
        hint=f"split the lengths into batches of {batch_size} in order; in each batch every sequence is padded "
             "up to the longest one in that batch.",
        wrong="For each batch: (batch size x longest length) - (sum of its lengths). "
              f"The first batch is {list(lengths)[:batch_size]}.")


def setfit_pair_count(shots_per_class: int, num_classes: int, num_iterations: int | None = None) -> int:
    """Pairs setfit's own sampler (``setfit.sampler.ContrastiveDataset``) generates, counted by running it."""
    from setfit.sampler import ContrastiveDataset

    sentences = [f"s{i}" for i in range(shots_per_class * num_classes)]
    labels = [i % num_classes for i in range(len(sentences))]
    return len(ContrastiveDataset(sentences, labels, multilabel=False, num_iterations=num_iterations))


def check_pair_count(answer, shots_per_class: int, num_classes: int, num_iterations: int | None = None) -> bool:
    """Exercise: how many training pairs does SetFit make from ``shots_per_class`` x ``num_classes`` examples?"""
    expected = setfit_pair_count(shots_per_class, num_classes, num_iterations)
    if num_iterations:
        hint = "with num_iterations set, every example gets num_iterations positive and num_iterations negative pairs."
        wrong = (f"n = {shots_per_class} x {num_classes} examples; pairs = 2 x num_iterations x n "
                 f"with num_iterations={num_iterations}.")
    else:
        hint = ("count the same-class pairs (each example with itself and every later one of its class) and the "
                "cross-class pairs; 'oversampling' repeats the smaller kind until both match the larger.")
        wrong = ("same-class pairs = K x N(N+1)/2, cross-class pairs = K(K-1)/2 x N^2; the sampler yields "
                 "2 x max(same, cross).")
    return verdict(answer, expected, hint=hint, wrong=wrong)


def check_mask_share(answer, mlm_probability: float, mask_replace_prob: float = 0.8) -> bool:
    """Exercise: what share of the input tokens becomes [MASK] under the 80/10/10 rule?"""
    expected = mlm_probability * mask_replace_prob
    return verdict(answer, expected, tolerance=1e-3,
                   hint="first the share of tokens chosen for the loss, then the share of those that are replaced by "
                        "[MASK].",
                   wrong=f"{mlm_probability:.0%} of the tokens are chosen; of those, {mask_replace_prob:.0%} become "
                         "[MASK] (the rest: random token or unchanged).",
                   correct=f"Correct: {expected:.3g} ({mlm_probability:.0%} chosen x {mask_replace_prob:.0%} "
                           "replaced by [MASK]).")


def check_bio_tags(answer, tokens, expected) -> bool:
    """Exercise: tag ``tokens`` in BIO by hand; ``answer`` is a list of tags, one per token."""
    expected, wrong = list(expected), ""
    if answer is not None:
        answer = list(answer)
        mistakes = [(i, tokens[i], a) for i, (a, e) in enumerate(zip(answer, expected)) if a != e]
        wrong = (f"{len(answer)} tags for {len(tokens)} tokens: give exactly one tag per token."
                 if len(answer) != len(tokens) else
                 f"{len(mistakes)} tag(s) wrong; the first is token {mistakes[0][0]} ({mistakes[0][1]!r}), which you "
                 f"tagged {mistakes[0][2]!r}. Is it inside an entity? Does an entity start there?" if mistakes else "")
    return verdict(answer, expected,
                   hint="one tag per token; the first token of an entity gets B-TYPE, the following tokens of the "
                        "same entity I-TYPE, everything else O. Two entities side by side each start with B-.",
                   wrong=wrong, correct=f"Correct: {' '.join(f'{t}/{g}' for t, g in zip(tokens, expected))}")


def check_rouge1(answer, prediction: str, reference: str) -> bool:
    """Exercise: ROUGE-1 F1 of ``prediction`` against ``reference``, by hand; checked against ``rouge_score``."""
    from labs_lib.metrics import rouge_scores

    expected = float(rouge_scores([prediction], [reference])["rouge1"].iloc[0])
    return verdict(answer, expected, tolerance=0.01,
                   hint="lower-case both, split into words (punctuation dropped), count the words they share (a word "
                        "counts as often as it appears in both); precision = shared / prediction words, recall = "
                        "shared / reference words, F1 = 2PR / (P + R).",
                   wrong=f"The prediction has {len(prediction.split())} words and the reference "
                         f"{len(reference.split())}; count the overlap once more.",
                   correct=f"Correct: ROUGE-1 F1 = {expected:.3f}.")


def check_windows(answer, n_tokens: int, window: int, stride: int) -> bool:
    """Exercise: how many windows of ``window`` tokens, each overlapping the last by ``stride``, cover n_tokens."""
    from labs_lib.transcripts import windows_needed

    return verdict(answer, windows_needed(n_tokens, window, stride),
                    hint="the first window covers `window` tokens; each further window adds window - stride new ones. "
                         "Round up.",
                    wrong="Count what the first window covers, then how many new tokens each next one adds.")


def check_aggregate(answer, probabilities, label_names) -> bool:
    """Exercise: the class that averaging the windows' probabilities gives (a name from ``label_names``)."""
    import numpy as np

    expected = label_names[int(np.asarray(probabilities, dtype=float).mean(axis=0).argmax())]
    return verdict(answer, expected, hint="average each column (class) over the windows, then take the largest.",
                    wrong="Average each class's probability over the windows; a majority vote can disagree.")


def check_r2(answer, y_true, y_pred) -> bool:
    """Exercise (lab 07): R² of ``y_pred`` against ``y_true`` by hand; checked against scikit-learn's r2_score."""
    from sklearn.metrics import r2_score

    expected = float(r2_score(y_true, y_pred))
    return verdict(answer, expected, tolerance=0.01,
                   hint="R² = 1 - (sum of squared errors) / (sum of squared distances of the true values from their "
                        "mean). A prediction no better than always saying the mean scores 0; worse scores below 0.",
                   wrong="Square each error, add them up, and divide by the squared distances of the true values from "
                         "their mean; R² is 1 minus that ratio (it can be negative).",
                   correct=f"Correct: R² = {expected:.3f}.")


def check_grid_size(answer, grid: dict) -> bool:
    """Exercise (lab 08): how many trials does a grid search over ``grid`` (name -> list of values) need?"""
    import math

    expected = math.prod(len(values) for values in grid.values())
    return verdict(answer, expected,
                   hint="a grid tries every combination: one value of each hyperparameter, in all combinations.",
                   wrong=f"Multiply the number of values of each hyperparameter: "
                         f"{' x '.join(str(len(v)) for v in grid.values())}.")


def check_adapter_params(answer, hidden: int, size: int) -> bool:
    """Exercise (lab 08): parameters of one bottleneck adapter: Linear(hidden, size) + Linear(size, hidden)."""
    expected = 2 * hidden * size + size + hidden
    return verdict(answer, expected,
                   hint=f"down: Linear({hidden}, {size}) has {hidden} x {size} weights and {size} biases; up goes "
                        "back the other way.",
                   wrong=f"down: {hidden}*{size} + {size}; up: {size}*{hidden} + {hidden}.")
