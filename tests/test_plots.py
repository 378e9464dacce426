import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from labs_lib import plots


def test_accuracy_vs_shots_draws_a_line_per_method_and_zero_shot_flat():
    table = pd.DataFrame([
        {"method": "zero-shot", "shots_per_class": 0, "accuracy_mean": 0.4, "accuracy_std": 0.0},
        *[{"method": m, "shots_per_class": n, "accuracy_mean": a, "accuracy_std": 0.05}
          for m, accs in {"SetFit": [0.6, 0.8], "LR": [0.5, 0.7]}.items() for n, a in zip([4, 8], accs)]])
    ax = plots.plot_accuracy_vs_shots(table, chance=0.2).axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert "SetFit" in labels and "LR" in labels
    assert any(label.startswith("zero-shot") for label in labels)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["4", "8"]


def test_embedding_maps_one_panel_per_map_one_colour_per_class():
    points = np.random.default_rng(0).normal(size=(30, 2))
    labels = np.arange(30) % 3
    fig = plots.plot_embedding_maps({"before": points, "after": points * 2}, labels, ["a", "b", "c"])
    assert len(fig.axes) == 2
    assert all(len(ax.collections) == 3 for ax in fig.axes)
