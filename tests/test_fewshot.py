import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

from labs_lib.labs.lab03_setfit import gap_vs_spread, label_words
from labs_lib.labs import lab03_setfit as lab03


def test_label_words_keep_named_labels_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert label_words(["billing", "refund"]) == ["billing", "refund"]


@pytest.mark.parametrize("labels", [["0", "1"], [0, 1], ["-1", "1"], ["1.0", "2.5"], ["1", "other"]])
def test_bare_number_labels_without_names_warn_that_zero_shot_is_meaningless(labels):
    with pytest.warns(UserWarning, match="bare numbers.*meaningless") as caught:
        assert label_words(labels, prompt="a customer message about {}") == [str(l) for l in labels]
    assert "a customer message about" in str(caught[0].message) and "label_names" in str(caught[0].message)


def test_label_names_map_raw_labels_to_words_whatever_the_key_type():
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # names given: no warning
        assert label_words(["0", "1"], {1: "positive", 0: "negative"}) == ["negative", "positive"]
        assert label_words(["0", "1"], {"0": "negative", "1": "positive"}) == ["negative", "positive"]
        assert label_words(["0", "1"], ["bad", "good"]) == ["bad", "good"]


@pytest.mark.parametrize("names, problem", [({"0": "negative"}, r"missing \['1'\]"),
                                             ({"0": "a", "1": "b", "2": "c"}, r"not in the data \['2'\]"),
                                             (["only one"], "a list of 2 words"), ("negative", "a list of 2 words")])
def test_label_names_that_do_not_fit_the_labels_stop_with_the_problem_named(names, problem):
    with pytest.raises(ValueError, match=problem):
        label_words(["0", "1"], names)


def _runs(scores):
    """scores: {(data, shots): {method: [acc per seed]}} -> one row per run."""
    return pd.DataFrame([{"data": d, "shots_per_class": n, "seed": s, "method": m, "accuracy": a}
                         for (d, n), methods in scores.items() for m, accs in methods.items()
                         for s, a in enumerate(accs)])


def test_gap_is_paired_by_seed_and_read_against_the_larger_seed_sd():
    runs = _runs({("tickets", 4): {"A": [0.70, 0.80, 0.90], "B": [0.50, 0.60, 0.70]},     # gap .2 > sd .1
                  ("tickets", 8): {"A": [0.70, 0.80, 0.90], "B": [0.65, 0.85, 0.80]},     # gap 0 < sd
                  ("reviews", 4): {"A": [0.50, 0.52, 0.54], "B": [0.70, 0.72, 0.74]}})    # B ahead by .2
    gaps = gap_vs_spread(runs, "A", "B").set_index(["data", "shots_per_class"])   # groups in the order of runs
    shuffled = gap_vs_spread(runs.sample(frac=1, random_state=0), "A", "B").set_index(["data", "shots_per_class"])
    assert np.allclose(shuffled.loc[gaps.index, "gap"], gaps["gap"])   # pairing by seed, not by row order
    assert gaps.loc[("tickets", 4), "gap"] == pytest.approx(0.2)
    assert gaps.loc[("tickets", 4), "per_seed"] == pytest.approx([0.2, 0.2, 0.2])
    assert gaps.loc[("tickets", 4), "seed_sd"] == pytest.approx(np.std([0.7, 0.8, 0.9], ddof=1))
    assert gaps.loc[("tickets", 8), "seed_sd"] == pytest.approx(np.std([0.65, 0.85, 0.80], ddof=1))
    assert list(gaps["verdict"]) == ["larger than the seed spread", "within the seed spread",
                                     "B ahead by more than the seed spread"]
    # the mean of paired differences equals the difference of means when every seed has both methods
    means = runs.groupby(["data", "shots_per_class", "method"])["accuracy"].mean().unstack()
    assert np.allclose(gaps["gap"], (means["A"] - means["B"]).loc[gaps.index])


def test_gap_by_a_single_column():
    runs = _runs({("t", 4): {"A": [0.7, 0.8, 0.9], "B": [0.5, 0.6, 0.7]}, ("t", 8): {"A": [0.8] * 3, "B": [0.8] * 3}})
    gaps = gap_vs_spread(runs, "A", "B", by=["shots_per_class"])
    assert list(gaps["shots_per_class"]) == [4, 8] and gaps["gap"].round(3).tolist() == [0.2, 0.0]


def test_gap_needs_both_methods_for_every_seed():
    runs = _runs({("tickets", 4): {"A": [0.7, 0.8, 0.9], "B": [0.5, 0.6, 0.7]}})
    with pytest.raises(ValueError, match="needs both"):
        gap_vs_spread(runs.iloc[:-1], "A", "B")


def test_accuracy_vs_shots_draws_every_seed_as_a_dot_in_its_method_colour():
    runs = _runs({("t", 4): {"A": [0.6, 0.7, 0.8], "B": [0.5, 0.55, 0.6]},
                  ("t", 8): {"A": [0.7, 0.8, 0.9], "B": [0.6, 0.65, 0.7]}})
    table = (runs.groupby(["method", "shots_per_class"], sort=False)["accuracy"]
             .agg(accuracy_mean="mean", accuracy_std="std").reset_index())
    ax = lab03.plot_accuracy_vs_shots(table, runs=runs).axes[0]
    dots = [c for c in ax.collections if c.get_offsets().shape[0] == 6]   # scatters (the bands are polygons)
    assert len(dots) == 2
    for dot, method in zip(dots, ["A", "B"]):
        xy = np.asarray(dot.get_offsets())
        assert sorted(xy[:, 1].round(3)) == sorted(runs.loc[runs["method"] == method, "accuracy"].round(3))
        assert np.allclose(np.sort(np.round(xy[:, 0])), [4, 4, 4, 8, 8, 8], atol=0.5)   # nudged, not moved
    assert not np.allclose(dots[0].get_offsets(), dots[1].get_offsets())
    assert "each seed" in ax.get_title()
