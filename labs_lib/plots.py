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


def plot_freeze_sweep(frozen_layers, accuracy, trainable, n_layers: int):
    """Accuracy and trainable parameters against how many of the first layers are frozen."""
    fig, ax1 = plt.subplots(figsize=(6, 3.4))
    ax1.plot(frozen_layers, accuracy, "o-", color=COLORS[0])
    ax1.set(xlabel=f"first k of {n_layers} layers frozen (embeddings frozen when k > 0)",
            ylabel="validation accuracy", xticks=list(frozen_layers))
    ax1.yaxis.label.set_color(COLORS[0])
    ax2 = ax1.twinx()
    ax2.plot(frozen_layers, np.array(trainable) / 1e6, "s--", color=COLORS[1])
    ax2.set_ylabel("trainable params (M)", color=COLORS[1])
    ax1.set_title("Freezing more layers: cheaper, and how much worse?")
    fig.tight_layout()
    return fig


def plot_padding(tokens: dict, seconds: dict):
    """Tokens per epoch for each padding strategy, and seconds per training step for those timed."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.2), gridspec_kw={"width_ratios": [len(tokens), len(seconds)]})
    for ax, values, title, fmt in ((axes[0], tokens, "Tokens the model processes in one epoch", "{:,.0f}"),
                                   (axes[1], seconds, "Seconds per training step", "{:.3f}")):
        names = list(values)
        ax.bar(names, [values[n] for n in names], color=COLORS[: len(names)])
        for i, n in enumerate(names):
            ax.text(i, values[n], fmt.format(values[n]), ha="center", va="bottom")
        ax.set_title(title)
        ax.tick_params(axis="x", labelsize=8)
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


def plot_summary_lengths(data: dict):
    """Words per input and per reference summary (training split), one panel per task: ``{task: DatasetDict}``."""
    fig, axes = plt.subplots(1, len(data), figsize=(5.5 * len(data), 3.4), squeeze=False)
    for ax, (task, ds) in zip(axes[0], data.items()):
        words = {name: np.array([len(str(t).split()) for t in ds["train"][column]])
                 for column, name in ((task, task + "s"), ("summary", "summaries"))}
        bins = np.linspace(0, np.percentile(np.concatenate(list(words.values())), 99.5), 50)
        for i, (name, counts) in enumerate(words.items()):
            ax.hist(counts, bins=bins, alpha=0.65, color=COLORS[i], label=f"{name} (median {np.median(counts):.0f})")
        ax.set(title=f"{task}: length in words (train)", xlabel="words", ylabel="examples")
        ax.legend()
    fig.tight_layout()
    return fig


def plot_metric_boxes(scores: dict, metrics, title: str = ""):
    """Per-example scores as box plots: one panel per metric, one box per method (``{method: DataFrame}``,
    one row per held-out example, one column per metric); the mean is marked with a white diamond."""
    methods = list(scores)
    fig, axes = plt.subplots(1, len(metrics), figsize=(len(metrics) * (0.9 + 0.5 * len(methods)), 3.8), squeeze=False)
    for ax, metric in zip(axes[0], metrics):
        values = [np.asarray(scores[m][metric], dtype=float) for m in methods]
        box = ax.boxplot(values, patch_artist=True, showmeans=True, widths=0.6,
                         meanprops=dict(marker="D", markerfacecolor="white", markeredgecolor="k", markersize=5))
        for patch, color in zip(box["boxes"], COLORS):
            patch.set(facecolor=color, alpha=0.6)
        ax.set_xticks(range(1, len(methods) + 1), methods, rotation=30, ha="right")
        ax.set(title=metric, ylim=(min(0.0, *(v.min() for v in values)) - 0.02, 1.02))
        ax.grid(axis="y", alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_token_lengths(lengths, limits: dict):
    """Histogram of document lengths in tokens with each model's limit drawn as a vertical line
    (``limits`` maps a label such as "MiniLM window" to a token count)."""
    lengths = np.asarray(lengths)
    fig, ax = plt.subplots(figsize=(8, 3.4))
    ax.hist(lengths, bins=40, color=COLORS[0], alpha=0.8)
    for i, (name, limit) in enumerate(limits.items()):
        seen = np.minimum(lengths, limit).sum() / lengths.sum()
        ax.axvline(limit, color=COLORS[(i + 1) % len(COLORS)], lw=2,
                   label=f"{name}: {limit:,} tokens ({seen:.0%} of all text)")
    ax.set(title="Transcript length against the model's window", xlabel="tokens", ylabel="transcripts", xlim=(0, None))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


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


def plot_pareto(table, front, cost: str = "trainable_params", score: str = "accuracy", size: str = "train_seconds"):
    """Score against cost (symmetric log axis: 0 shows) per method, marker area by ``size`` (train seconds), the
    frontier drawn (lab 08: validation accuracy against the parameters a method adds to the shared head)."""
    fig, ax = plt.subplots(figsize=(9, 5))
    area = 40 + 400 * table[size] / max(table[size].max(), 1e-9)
    for i, (name, row) in enumerate(table.iterrows()):
        ax.scatter(row[cost], row[score], s=area[name], color=COLORS[i % len(COLORS)], alpha=0.75,
                   edgecolor="k", lw=0.5)
        ax.annotate(name, (row[cost], row[score]), textcoords="offset points", xytext=(6, 4), fontsize=8)
    ax.plot(table.loc[front, cost], table.loc[front, score], "k--", lw=1, label="frontier: nothing cheaper scores more")
    ax.set_xscale("symlog", linthresh=1)   # log scale that also shows a cost of 0 (the frozen body)
    ax.set(xlabel=f"{cost.replace('_', ' ')} (log scale above 1)", ylabel=score.replace("_", " "),
           title=f"{score} vs {cost.replace('_', ' ')} (marker area: {size.replace('_', ' ')})")
    ax.legend(loc="lower right")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_search_progress(values: dict, default: float | None = None):
    """Best validation score so far against the trial number, one line per search (lab 08; a pruned trial's value is
    None and shows no dot); the default configuration's score as a dotted line."""
    fig, ax = plt.subplots(figsize=(7, 3.8))
    for i, (sampler, trial_values) in enumerate(values.items()):
        trial_values = np.array([np.nan if v is None else v for v in trial_values], dtype=float)   # None: pruned
        best = np.fmax.accumulate(trial_values)
        trials = np.arange(1, len(best) + 1)
        ax.plot(trials, best, "-o", color=COLORS[i % len(COLORS)], label=f"{sampler} (best {best[-1]:.3f})")
        ax.scatter(trials, trial_values, color=COLORS[i % len(COLORS)], alpha=0.3, s=15)
    if default is not None:
        ax.axhline(default, color="k", ls=":", lw=1, label=f"default LoRA ({default:.3f})")
    ax.set(xlabel="trial", ylabel="validation accuracy (best so far; dots: each trial)",
           title="Hyperparameter search: same space, same trial budget")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
