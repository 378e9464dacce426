"""Few-shot helpers (lab 03): the words a zero-shot prompt needs, and a method's gap over a baseline read against
the seed-to-seed spread of the few-shot samples."""

from __future__ import annotations

import re
import warnings

_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def label_words(labels, names=None, prompt: str = "{}") -> list[str]:
    """One word (or phrase) per label, in the labels' order, for the zero-shot prompt ``prompt.format(word)``.

    ``names``: None -> the labels as they are; a dict raw label -> word (keys are compared as text, so ``{0: "bad"}``
    and ``{"0": "bad"}`` both name label "0"); or a list with one word per label, in order. A dict or list that misses
    a label or names one the data lacks stops with a ValueError. With no names and labels that are bare numbers
    ("0", "1"), a warning says that zero-shot is then meaningless (the prompt reads "... about 0"); it is no error,
    the rest of the lab does not need words."""
    labels = [str(label) for label in labels]
    if names is None:
        numbers = [label for label in labels if _NUMBER.fullmatch(label.strip())]
        if numbers:
            example = {label: "..." for label in labels}
            warnings.warn(
                f"label(s) {numbers} are bare numbers and no label_names were given: the zero-shot baseline compares "
                f"each text with {prompt.format(numbers[0])!r}, which says nothing about the class, so its accuracy "
                f"is meaningless. Name the labels, e.g. overrides = {{'label_names': {example}}}.", stacklevel=2)
        return labels
    if isinstance(names, dict):
        table = {str(key): str(word) for key, word in names.items()}
        missing, unknown = [l for l in labels if l not in table], sorted(set(table) - set(labels))
        if missing or unknown:
            raise ValueError(f"label_names must name every label of the data and no other: missing {missing}, "
                             f"not in the data {unknown}; the data's labels are {labels}.")
        return [table[label] for label in labels]
    if isinstance(names, (list, tuple)) and len(names) == len(labels):
        return [str(word) for word in names]
    raise ValueError(f"label_names must be None, a dict label -> word, or a list of {len(labels)} words (one per "
                     f"label {labels}); got {names!r}.")


def gap_vs_spread(runs, method: str, baseline: str, by=("data", "shots_per_class"), metric: str = "accuracy"):
    """``method`` minus ``baseline``, paired seed by seed (both trained on the same sample), per group of ``by``.

    ``runs``: one row per (group, seed, method) with a ``seed`` column. Returns one row per group: ``gap`` (the mean
    of the paired differences), ``per_seed`` (each seed's difference), ``seed_sd`` (the larger of the two methods'
    standard deviations over seeds: how far another sample of the same size moves a score) and ``verdict``: whether
    the gap is larger than that spread, within it, or the baseline is ahead by more than it."""
    import pandas as pd

    by = list(by)
    pair = runs[runs["method"].isin([method, baseline])]
    wide = pair.pivot_table(index=by + ["seed"], columns="method", values=metric, aggfunc="first")
    if wide.reindex(columns=[method, baseline]).isna().any().any():
        raise ValueError(f"gap_vs_spread: every (group, seed) needs both {method!r} and {baseline!r}.")
    rows = []
    for key in pair[by].drop_duplicates().itertuples(index=False, name=None):   # groups in the order of `runs`
        group = wide.xs(key, level=by)
        diff = group[method] - group[baseline]
        spread = max(group[method].std(ddof=1), group[baseline].std(ddof=1))
        gap = diff.mean()
        verdict = ("larger than the seed spread" if gap > spread else
                   f"{baseline} ahead by more than the seed spread" if gap < -spread else "within the seed spread")
        rows.append({**dict(zip(by, key)), "gap": gap,
                     "per_seed": [round(float(d), 4) for d in diff], "seed_sd": spread, "verdict": verdict})
    return pd.DataFrame(rows)
