"""The figures the labs draw. Each function returns its matplotlib Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

COLORS = plt.rcParams["axes.prop_cycle"].by_key()["color"]


def plot_data_overview(dataset, label_names, split: str = "train"):
    """Label balance (bars) and review length in words per class (histograms, log-scaled counts)."""
    labels = np.array(list(dataset[split]["label"]))
    words = np.array([len(t.split()) for t in dataset[split]["text"]])
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.6), gridspec_kw={"width_ratios": [1, 2.2]})
    counts = np.bincount(labels, minlength=len(label_names))
    ax1.bar(label_names, counts, color=COLORS[: len(label_names)])
    for i, c in enumerate(counts):
        ax1.text(i, c, f"{c}", ha="center", va="bottom")
    ax1.set(title=f"Label balance ({split})", ylabel="examples")
    bins = np.linspace(0, np.percentile(words, 99.5), 40)
    for i, name in enumerate(label_names):
        ax2.hist(words[labels == i], bins=bins, alpha=0.6, label=name, color=COLORS[i % len(COLORS)])
    ax2.axvline(np.median(words), color="k", ls="--", lw=1, label=f"median {np.median(words):.0f} words")
    ax2.set(title="Length in words", xlabel="words", ylabel="examples", yscale="log")
    ax2.legend()
    fig.tight_layout()
    return fig


def loss_curves(log_history):
    """(steps, losses) for training and for evaluation from a Trainer's ``state.log_history``."""
    train = [(h["step"], h["loss"]) for h in log_history if "loss" in h]
    evals = [(h["step"], h["eval_loss"]) for h in log_history if "eval_loss" in h]
    return train, evals


def plot_loss_curves(histories: dict, cols: int = 4):
    """One panel per method (``cols`` to a row): training loss and validation loss against the step."""
    n = len(histories)
    cols = min(cols, n)
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.2 * rows), squeeze=False)
    for ax, (name, history) in zip(axes.flat, histories.items()):
        train, evals = loss_curves(history)
        if train:
            ax.plot(*zip(*train), label="train", color=COLORS[0])
        if evals:
            ax.plot(*zip(*evals), "o-", label="validation", color=COLORS[1])
        ax.set(title=name, xlabel="step")
        ax.grid(alpha=0.3)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("loss")
    axes[0][0].legend()
    fig.tight_layout()
    return fig


def plot_confusion_matrices(predictions: dict, label_names):
    """One confusion matrix per method; ``predictions`` maps a method to (y_true, y_pred)."""
    from sklearn.metrics import ConfusionMatrixDisplay

    n = len(predictions)
    fig, axes = plt.subplots(1, n, figsize=(3.3 * n, 3.2), squeeze=False)
    for ax, (name, (y_true, y_pred)) in zip(axes[0], predictions.items()):
        ConfusionMatrixDisplay.from_predictions(y_true, y_pred, labels=list(range(len(label_names))),
                                                display_labels=label_names, ax=ax, colorbar=False, cmap="Blues")
        ax.set_title(name)
    fig.tight_layout()
    return fig


def plot_method_comparison(table, metrics=("accuracy", "f1_macro"), ylim=(0, 1)):
    """Grouped bars of the chosen metrics per method (rows of a results DataFrame indexed by method)."""
    fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(table)), 3.4))
    width = 0.8 / len(metrics)
    x = np.arange(len(table))
    for i, m in enumerate(metrics):
        ax.bar(x + i * width, table[m], width, label=m, color=COLORS[i])
    ax.set_xticks(x + width * (len(metrics) - 1) / 2, table.index, rotation=20, ha="right")
    ax.set(ylim=ylim, title="Held-out test scores")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def plot_seed_runs(runs, metric: str = "accuracy"):
    """One dot per run (seed) and a bar for the mean, per method: is a difference larger than the seed noise?"""
    methods = list(dict.fromkeys(runs["method"]))
    fig, ax = plt.subplots(figsize=(max(5, 1.8 * len(methods)), 3.6))
    for i, method in enumerate(methods):
        values = runs.loc[runs["method"] == method, metric].to_numpy()
        ax.bar(i, values.mean(), width=0.6, color=COLORS[i % len(COLORS)], alpha=0.35)
        jitter = np.linspace(-0.12, 0.12, len(values)) if len(values) > 1 else [0.0]
        ax.scatter(i + np.asarray(jitter), values, color=COLORS[i % len(COLORS)], zorder=3)
        ax.text(i, values.max() + 0.01, f"mean {values.mean():.3f}", ha="center", va="bottom")
    ax.set_xticks(range(len(methods)), methods)
    low = runs[metric].min()
    bottom = low - 0.1 if low < 0 else max(0, low - 0.1)  # R² can be negative
    ax.set(ylabel=f"test {metric}", ylim=(bottom, min(1.02, runs[metric].max() + 0.07)),
           title=f"Test {metric} per run (dots) and mean (bars)")
    ax.grid(alpha=0.3, axis="y")
    fig.tight_layout()
    return fig


