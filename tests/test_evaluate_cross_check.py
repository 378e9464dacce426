"""metrics.evaluate_agrees: the full profile's cross-check of our scores against Hugging Face `evaluate`.

Offline, `evaluate.load` cannot fetch a metric's script, so these tests hand the helper a stand-in loader written
here (each stand-in scores with the library the real script calls: scikit-learn, SciPy, seqeval, rouge-score) and
record the options it was called with. With a local copy of the real scripts (huggingface/evaluate's `metrics/`
folder), `LABS_EVALUATE_SCRIPTS=<that folder> pytest tests/test_evaluate_cross_check.py` also runs the last test
against them; without it that test is skipped."""

import os
from pathlib import Path

import numpy as np
import pytest

from labs_lib import metrics
from labs_lib.text import split_sentences


class StandIn:
    """One metric: compute(**kwargs) -> a dict, as evaluate's modules answer; every call is recorded."""

    def __init__(self, name, calls):
        self.name, self.calls = name, calls

    def compute(self, predictions, references, **options):
        self.calls.append((self.name, options))
        from scipy.stats import pearsonr, spearmanr
        from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error, mean_squared_error

        if self.name == "accuracy":
            return {"accuracy": accuracy_score(references, predictions)}
        if self.name == "f1":
            return {"f1": f1_score(references, predictions, average=options["average"])}
        if self.name == "mae":
            return {"mae": mean_absolute_error(references, predictions)}
        if self.name == "mse":
            mse = mean_squared_error(references, predictions)
            return {"mse": np.sqrt(mse) if options.get("squared") is False else mse}
        if self.name in ("pearsonr", "spearmanr"):
            return {self.name: (pearsonr if self.name == "pearsonr" else spearmanr)(references, predictions)[0]}
        if self.name == "seqeval":
            from seqeval.metrics import f1_score as f, precision_score as p, recall_score as r

            return {"overall_precision": p(references, predictions), "overall_recall": r(references, predictions),
                    "overall_f1": f(references, predictions)}
        if self.name == "rouge":
            from rouge_score import rouge_scorer

            scorer = rouge_scorer.RougeScorer(list(metrics.ROUGE_TYPES), use_stemmer=options["use_stemmer"])
            scores = [scorer.score_multi(r, p) if isinstance(r, list) else scorer.score(r, p)
                      for r, p in zip(references, predictions)]
            return {k: [s[k].fmeasure for s in scores] for k in metrics.ROUGE_TYPES}
        raise ValueError(self.name)


@pytest.fixture
def online(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("HF_EVALUATE_OFFLINE", raising=False)
    calls = []
    return calls, (lambda name: StandIn(name, calls))


Y, P = [0, 1, 2, 2, 1, 0, 1], [0, 2, 2, 2, 1, 1, 1]


def test_classification_scores_agree_and_each_metric_is_called_with_the_options_of_ours(online):
    calls, load = online
    out = metrics.evaluate_agrees("full", metrics.classification_scores(Y, P), P, Y, load=load)
    assert set(out) == {"accuracy", "f1_macro"} and out["accuracy"][0] == pytest.approx(5 / 7)
    assert calls == [("accuracy", {}), ("f1", {"average": "macro"})]   # macro, as ours (evaluate's default: binary)


def test_regression_rmse_asks_for_the_root_and_constant_predictions_are_named(online, capsys):
    calls, load = online
    truth = [1.0, 2.0, 4.0, 3.0]
    scores = metrics.regression_scores(truth, [1.5, 2.5, 3.0, 3.0])   # r2 has no entry: named and left out
    metrics.evaluate_agrees("full", scores, [1.5, 2.5, 3.0, 3.0], truth, load=load)
    assert ("mse", {"squared": False}) in calls
    constant = metrics.regression_scores(truth, [2.0] * 4)
    out = metrics.evaluate_agrees("full", constant, [2.0] * 4, truth, load=load)
    assert "pearson: undefined for constant predictions" in capsys.readouterr().out and np.isnan(out["pearson"][1])


def test_entity_scores_and_per_example_rouge_agree(online):
    calls, load = online
    true, pred = [["B-PER", "I-PER", "O", "B-LOC"], ["O", "B-ORG"]], [["B-PER", "I-PER", "O", "O"], ["O", "B-ORG"]]
    from seqeval.metrics import f1_score

    metrics.evaluate_agrees("full", {"entity_f1": f1_score(true, pred)}, pred, true, load=load)
    preds, refs = ["The cats sat. They slept.", "A man walked home."], [["The cat sat on the mat.", "Cats sat."],
                                                                       "The man walked to his home."]
    table = metrics.rouge_scores(preds, refs)
    lines = lambda text: "\n".join(split_sentences(text))
    out = metrics.evaluate_agrees("full", {k: table[k].tolist() for k in metrics.ROUGE_TYPES},
                                  [lines(p) for p in preds], [[lines(t) for t in r] if isinstance(r, list) else
                                                              lines(r) for r in refs], load=load)
    assert len(out["rougeLsum"][1]) == 2
    assert calls[-1] == ("rouge", {"use_stemmer": True, "use_aggregator": False})   # per example, ours' stemmer
    assert [c[0] for c in calls].count("rouge") == 1   # one compute() answers all four ROUGE types


def test_a_disagreement_raises_naming_the_metric_and_both_values(online):
    _, load = online
    with pytest.raises(AssertionError, match=r"accuracy: ours 0.5 but evaluate's 'accuracy' gives 0.714286"):
        metrics.evaluate_agrees("full", {"accuracy": 0.5}, P, Y, load=load)


def test_outside_full_offline_or_unloadable_it_says_why_and_fetches_nothing(online, monkeypatch, capsys):
    calls, load = online
    assert metrics.evaluate_agrees("cpu", {"accuracy": 1.0}, P, Y, load=load) is None
    assert "full profile only" in capsys.readouterr().out
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert metrics.evaluate_agrees("full", {"accuracy": 1.0}, P, Y, load=load) is None
    assert "offline (HF_HUB_OFFLINE is set)" in capsys.readouterr().out
    monkeypatch.delenv("HF_HUB_OFFLINE")

    def moved(name):
        raise FileNotFoundError(f"Couldn't find a module script at {name}.py")

    assert metrics.evaluate_agrees("full", {"accuracy": 1.0}, P, Y, load=moved) is None
    assert "evaluate.load('accuracy') failed: FileNotFoundError" in capsys.readouterr().out
    assert calls == []


def test_a_score_without_an_evaluate_metric_is_named_and_left_out(online, capsys):
    calls, load = online
    out = metrics.evaluate_agrees("full", {"r2": 0.3, "accuracy": 5 / 7}, P, Y, load=load)
    assert set(out) == {"accuracy"} and calls == [("accuracy", {})]
    assert "not cross-checked (no evaluate metric listed for them): r2" in capsys.readouterr().out


@pytest.mark.skipif(not os.environ.get("LABS_EVALUATE_SCRIPTS"), reason="set LABS_EVALUATE_SCRIPTS to a local copy "
                    "of huggingface/evaluate's metrics/ folder to check against the real scripts")
def test_against_the_real_evaluate_scripts(online, monkeypatch):
    import evaluate

    root = Path(os.environ["LABS_EVALUATE_SCRIPTS"])
    load = lambda name: evaluate.load(str(root / name))
    rng = np.random.default_rng(0)
    y, p = rng.integers(0, 3, 50), rng.integers(0, 3, 50)
    assert metrics.evaluate_agrees("full", metrics.classification_scores(y, p), p, y, load=load)
    t, q = rng.normal(size=40), rng.normal(size=40)
    scores = metrics.regression_scores(t, q)
    scores.pop("r2")
    assert len(metrics.evaluate_agrees("full", scores, q, t, load=load)) == 4
    true, pred = [["B-PER", "I-PER", "O", "B-LOC"], ["O", "B-ORG"]], [["B-PER", "I-PER", "O", "O"], ["O", "B-ORG"]]
    from seqeval.metrics import f1_score

    assert metrics.evaluate_agrees("full", {"entity_f1": f1_score(true, pred)}, pred, true, load=load)
    preds, refs = ["The cats sat. They slept.", "A man walked home."], ["The cat sat on the mat.", "The man walked."]
    table = metrics.rouge_scores(preds, refs)
    lines = lambda text: "\n".join(split_sentences(text))
    assert metrics.evaluate_agrees("full", {k: table[k].tolist() for k in metrics.ROUGE_TYPES},
                                   [lines(p) for p in preds], [lines(r) for r in refs], load=load)
