"""Lab 03: few-shot classification with SetFit.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import re
import warnings

import matplotlib.pyplot as plt
import numpy as np

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.data import DataError
from labs_lib.plots import COLORS
from labs_lib.sources import MINILM, REVIEWS, SUPPORT_TICKETS


NAME = "03_setfit"

# -- Settings ----------------------------------------------------------------------------------------------------
# body_lr: the SetFit paper's 2e-5 suits its 20 iterations; the 1-2 iterations that fit the offline time budget
# moved the body too little at that rate in our runs, so the offline profiles use 1e-4.
# label_names: raw label -> word for the zero-shot prompt (None: the labels as they are); contrast_data: a second
# labelled set with another number of classes, where SetFit and frozen embeddings + LR meet again at contrast_shots
# per class, n_seeds seeds (None: skip).
MEANING = dict(
    label_prompt="the zero-shot sentence for a label; {} is the label's word",
    demo_shots='labelled examples per class in the first SetFit run',
    shots='examples per class along the learning curve',
    num_iterations="SetFit's pair iterations: 2 x iterations x examples pairs",
    body_lr="learning rate of the sentence body in SetFit's contrastive phase",
    ft_steps='optimizer steps of plain fine-tuning at the same shots',
    ft_lr='learning rate of plain fine-tuning',
    label_names='raw label -> word for the zero-shot prompt (None: the labels as they are)',
    contrast_data='a second labelled set with another number of classes (None: skip that section)',
    contrast_data_eval_size='validation rows and test rows of contrast_data at most, each (None: all)',
    contrast_shots='examples per class on contrast_data',
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(batch_size=16, columns=None, split="stratified 70/15/15", label_names=None),
    smoke=dict(model=MINILM, data=SUPPORT_TICKETS, label_prompt="a customer message about {}", eval_size=100,
        max_length=48, demo_shots=4, shots=[2, 4], n_seeds=3, num_iterations=1, body_lr=1e-4, ft_steps=6, ft_lr=1e-4,
        contrast_data=REVIEWS, contrast_data_eval_size=100, contrast_shots=[4]),
    cpu=dict(model=MINILM, data=SUPPORT_TICKETS, label_prompt="a customer message about {}", eval_size=None,
        max_length=64, demo_shots=8, shots=[4, 8, 16], n_seeds=3, num_iterations=2, body_lr=1e-4, ft_steps=30,
        ft_lr=1e-4, contrast_data=REVIEWS, contrast_data_eval_size=None, contrast_shots=[8, 16]),
    full=dict(model="sentence-transformers/paraphrase-mpnet-base-v2", data="SetFit/sst2", label_prompt="{} review",
        eval_size=None, max_length=128, demo_shots=8, shots=[4, 8, 16, 32, 64], n_seeds=5, num_iterations=20,
        body_lr=2e-5, ft_steps=100, ft_lr=3e-5, contrast_data=SUPPORT_TICKETS, contrast_data_eval_size=None,
        contrast_shots=[8, 16, 64]),
)


# -- Helpers -------------------------------------------------------------------------------------------------------
# Few-shot helpers (lab 03): the words a zero-shot prompt needs, and a method's gap over a baseline read against
# the seed-to-seed spread of the few-shot samples.
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


def sample_per_class(dataset, n: int, seed: int = 0):
    """``n`` examples of every class from a Dataset (a few-shot training set), drawn with ``seed``, shuffled."""
    import numpy as np

    labels = np.array(list(dataset["label"]))
    rng = np.random.default_rng(seed)
    picked = []
    for label in np.unique(labels):
        rows = np.flatnonzero(labels == label)
        if len(rows) < n:
            name = dataset.features["label"].int2str(int(label)) if hasattr(dataset.features["label"], "int2str") \
                else label
            raise DataError(f"Class {name!r} has only {len(rows)} training example(s); cannot draw {n} per class. "
                            "Ask for fewer shots or add examples.")
        picked.extend(rng.choice(rows, size=n, replace=False).tolist())
    return dataset.select(rng.permutation(picked).tolist())


# -- Lesson checks -------------------------------------------------------------------------------------------------
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


# -- Figures -------------------------------------------------------------------------------------------------------
def plot_accuracy_vs_shots(table, chance: float | None = None, runs=None, title: str | None = None):
    """Mean accuracy (± std over seeds, shaded) against shots per class, one line per method.

    ``table`` has columns method, shots_per_class, accuracy_mean, accuracy_std; a method measured at 0 shots
    (a zero-shot baseline) is drawn as a dashed horizontal line. ``runs`` (method, shots_per_class, accuracy; one
    row per seed) adds every seed's score as a dot, nudged sideways per method so the dots do not hide each other."""
    fig, ax = plt.subplots(figsize=(7.5, 4))
    methods = list(dict.fromkeys(table["method"]))
    for i, (method, rows) in enumerate(table.groupby("method", sort=False)):
        rows = rows.sort_values("shots_per_class")
        color = COLORS[i % len(COLORS)]
        mean, std = rows["accuracy_mean"].to_numpy(), rows["accuracy_std"].to_numpy()
        if (rows["shots_per_class"] == 0).all():
            ax.axhline(mean[0], ls="--", color=color, label=f"{method} ({mean[0]:.2f})")
            continue
        shots = rows["shots_per_class"].to_numpy()
        ax.plot(shots, mean, "o-", color=color, label=method)
        ax.fill_between(shots, mean - std, mean + std, color=color, alpha=0.2)
        if runs is not None:
            mine = runs[(runs["method"] == method) & (runs["shots_per_class"] > 0)]
            nudge = 2 ** (0.04 * (i - (len(methods) - 1) / 2))   # a few percent left or right on the log axis
            ax.scatter(mine["shots_per_class"] * nudge, mine["accuracy"], s=14, color=color, alpha=0.8, zorder=3)
    if chance is not None:
        ax.axhline(chance, ls=":", color="grey", label=f"chance ({chance:.2f})")
    shots = sorted(s for s in table["shots_per_class"].unique() if s > 0)
    ax.set_xscale("log", base=2)
    ax.set_xticks(shots, [str(s) for s in shots])
    dots = "; dots: each seed" if runs is not None else ""
    ax.set(xlabel="labelled examples per class", ylabel="test accuracy", ylim=(0, 1),
           title=title or f"Accuracy vs shots (mean ± std over seeds{dots})")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


def plot_embedding_maps(maps: dict, labels, label_names):
    """One scatter per entry of ``maps`` (title -> (n, 2) array of projected embeddings), coloured by label."""
    labels = np.asarray(labels)
    fig, axes = plt.subplots(1, len(maps), figsize=(5 * len(maps), 4.2), squeeze=False)
    for ax, (title, points) in zip(axes[0], maps.items()):
        for i, name in enumerate(label_names):
            pts = np.asarray(points)[labels == i]
            ax.scatter(pts[:, 0], pts[:, 1], s=12, alpha=0.7, color=COLORS[i % len(COLORS)], label=name)
        ax.set(title=title, xticks=[], yticks=[])
    axes[0][0].legend(fontsize=8, markerscale=1.5)
    fig.tight_layout()
    return fig


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _cosine_cases():
    rng = np.random.default_rng(0)
    return [(rng.normal(size=(3, 4)), rng.normal(size=(2, 4))), (np.eye(3), np.ones((1, 3)))]


def _cosine_reference(a, b):
    from sklearn.metrics.pairwise import cosine_similarity

    return cosine_similarity(a, b)


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("cosine_matrix", _cosine_cases, _cosine_reference, "scikit-learn's cosine_similarity")

# the study guide's questions: question id -> (its opening words, options, the right letter, why)
STUDY = {
    "q1": ("When is SetFit the method to reach for?", 4, "a",
           "SetFit is built for few labels: from a handful of examples per class it makes many sentence pairs, "
           "tunes a sentence-embedding model on them, and fits a small classifier; plain fine-tuning usually "
           "needs far more labelled examples to get there."),
    "q2": ("In which order does SetFit run these steps?", 4, "b",
           "Pairs first (same class: positive, different classes: negative), then contrastive fine-tuning of "
           "the embedding model on those pairs, then a classifier trained on the tuned embeddings."),
}
