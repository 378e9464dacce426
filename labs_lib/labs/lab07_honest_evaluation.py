"""Lab 07: judging models honestly (spread over seeds, leaks, collapse, per-class errors).

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.plots import COLORS
from labs_lib.sources import EMBED_CACHE, MINILM, TINY_BERT, TRANSCRIPTS


NAME = "07_honest_evaluation"

# -- Settings ----------------------------------------------------------------------------------------------------
# Lab 07 judges cheap models on lab 06's transcripts: model is the frozen sentence encoder of the hierarchical
# poolers (same settings as lab 06's embed_model / pooler keys, so both labs train the same poolers; epochs: the
# poolers' full-batch epochs, lab 06's pooler_epochs);
# train_seeds: pooler trainings per method for the seed-to-seed spread; split_seeds: random and speaker-grouped
# splits each for the speaker leak (TF-IDF + linear, seconds per fit).
MEANING = dict(
    model="the frozen sentence encoder under the poolers (lab 06's embed_model)",
    data="the rated transcripts: the project's parquet, or your own file (lab 06's data)",
    epochs="full-batch epochs of the poolers (lab 06's pooler_epochs)",
    train_seeds='pooler trainings per method, for the seed-to-seed spread',
    split_seeds='random and speaker-grouped splits each, for the speaker leak',
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(data=TRANSCRIPTS, embed_precision="auto", embed_cache=EMBED_CACHE, pooler_lr=3e-3, split_seeds=5,
        columns=None, split="grouped 70/15/15"),
    smoke=dict(model=TINY_BERT, docs=140, embed_max_length=48, max_sentences_embed=30, epochs=100, hidden=32,
        train_seeds=3),
    cpu=dict(model=MINILM, docs=None, embed_max_length=128, max_sentences_embed=None, epochs=300, hidden=64,
        train_seeds=5),
    full=dict(model="sentence-transformers/all-mpnet-base-v2", docs=None, embed_max_length=128,
        max_sentences_embed=None, epochs=300, hidden=128, train_seeds=5),
)


# -- Lesson checks -------------------------------------------------------------------------------------------------
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


# -- Figures -------------------------------------------------------------------------------------------------------
def plot_predicted_vs_true(predictions: dict, low: float = 1, high: float = 10):
    """One scatter per method of predicted against true score, with the identity line (a perfect model sits on it);
    ``predictions`` maps a method to (y_true, y_pred)."""
    n = len(predictions)
    cols = min(n, 4)
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 3.2 * rows), squeeze=False, sharex=True, sharey=True)
    for ax, (name, (y_true, y_pred)) in zip(axes.flat, predictions.items()):
        jitter = np.random.default_rng(0).uniform(-0.15, 0.15, len(y_true))  # scores are whole numbers
        ax.scatter(np.asarray(y_true) + jitter, y_pred, s=12, alpha=0.6, color=COLORS[0])
        ax.plot([low, high], [low, high], "k--", lw=1, label="identity")
        ax.set(title=name, xlim=(low - 0.5, high + 0.5), ylim=(low - 1, high + 1))
        ax.grid(alpha=0.3)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel("true score")
    for ax in axes[:, 0]:
        ax.set_ylabel("predicted score")
    fig.tight_layout()
    return fig


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _spearman_cases():
    return [([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), ([3, 1, 2, 2], [1, 2, 3, 4]), ([0.5, 0.2, 0.9], [10, 30, 20])]


def _spearman_reference(x, y):
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("spearman", _spearman_cases, _spearman_reference, "SciPy's spearmanr")
