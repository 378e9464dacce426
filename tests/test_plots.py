import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from labs_lib import plots
from labs_lib.labs import lab02_summarization as lab02
from labs_lib.labs import lab03_setfit as lab03
from labs_lib.labs import lab06_long_transcripts as lab06
from labs_lib.labs import lab07_honest_evaluation as lab07


def test_accuracy_vs_shots_draws_a_line_per_method_and_zero_shot_flat():
    table = pd.DataFrame([
        {"method": "zero-shot", "shots_per_class": 0, "accuracy_mean": 0.4, "accuracy_std": 0.0},
        *[{"method": m, "shots_per_class": n, "accuracy_mean": a, "accuracy_std": 0.05}
          for m, accs in {"SetFit": [0.6, 0.8], "LR": [0.5, 0.7]}.items() for n, a in zip([4, 8], accs)]])
    ax = lab03.plot_accuracy_vs_shots(table, chance=0.2).axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert "SetFit" in labels and "LR" in labels
    assert any(label.startswith("zero-shot") for label in labels)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["4", "8"]


def test_embedding_maps_one_panel_per_map_one_colour_per_class():
    points = np.random.default_rng(0).normal(size=(30, 2))
    labels = np.arange(30) % 3
    fig = lab03.plot_embedding_maps({"before": points, "after": points * 2}, labels, ["a", "b", "c"])
    assert len(fig.axes) == 2
    assert all(len(ax.collections) == 3 for ax in fig.axes)


def test_a_single_shot_count_is_still_a_point_not_a_zero_shot_line():
    table = pd.DataFrame([{"method": "SetFit", "shots_per_class": 8, "accuracy_mean": 0.7, "accuracy_std": 0.1}])
    ax = lab03.plot_accuracy_vs_shots(table).axes[0]
    (line,) = ax.get_lines()
    assert line.get_label() == "SetFit" and list(line.get_xdata()) == [8]


def test_seed_runs_one_bar_and_one_dot_per_run_per_method():
    runs = pd.DataFrame({"method": ["a", "a", "a", "b", "b", "b"], "accuracy": [0.7, 0.72, 0.71, 0.8, 0.79, 0.81]})
    ax = plots.plot_seed_runs(runs).axes[0]
    assert len(ax.patches) == 2
    assert [len(c.get_offsets()) for c in ax.collections] == [3, 3]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b"]


def test_summary_lengths_one_panel_per_task_inputs_and_summaries():
    import datasets

    ds = datasets.DatasetDict({"train": datasets.Dataset.from_dict(
        {"dialogue": ["a b c d e f", "a b c d"], "summary": ["a b", "a"]})})
    fig = lab02.plot_summary_lengths({"dialogue": ds, "document": ds.rename_column("dialogue", "document")})
    assert [ax.get_title() for ax in fig.axes] == ["dialogue: length in words (train)", "document: length in words (train)"]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["dialogues (median 5)", "summaries (median 2)"]


def test_token_lengths_draws_one_line_per_limit_with_the_share_it_sees():
    fig = lab06.plot_token_lengths([100, 300, 600], {"window": 200, "long": 1000})
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    # 200 tokens see 100 + 200 + 200 = 500 of 1,000; 1,000 see all
    assert labels == ["window: 200 tokens (50% of all text)", "long: 1,000 tokens (100% of all text)"]


def test_predicted_vs_true_one_panel_per_method_each_with_the_identity_line():
    truth = np.array([1, 5, 10])
    fig = lab07.plot_predicted_vs_true({"a": (truth, truth + 0.5), "b": (truth, truth - 1.0), "c": (truth, truth)})
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["a", "b", "c"]
    for ax in visible:
        (line,) = ax.get_lines()
        assert list(line.get_xdata()) == list(line.get_ydata()) == [1, 10]
        assert len(ax.collections[0].get_offsets()) == 3


def test_loss_curves_wrap_into_rows():
    history = [{"step": 1, "loss": 2.0}, {"step": 2, "loss": 1.0, }, {"step": 2, "eval_loss": 1.5}]
    fig = plots.plot_loss_curves({f"m{i}": history for i in range(6)}, cols=4)
    assert sum(ax.get_visible() for ax in fig.axes) == 6 and len(fig.axes) == 8


def test_seed_runs_show_negative_values():
    runs = pd.DataFrame({"method": ["a", "a", "b", "b"], "r2": [-0.3, 0.1, 0.5, 0.6]})
    ax = plots.plot_seed_runs(runs, "r2").axes[0]
    assert ax.get_ylim()[0] <= -0.3
