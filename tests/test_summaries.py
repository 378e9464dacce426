"""Lab 02 helpers: ROUGE against hand-computed values, lead-N, sentence split, data errors, box plots, tiny T5."""
import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from labs_lib import metrics
from labs_lib.data import DataError
from labs_lib.labs.lab02_summarization import lead_n, per_task
from labs_lib.summaries import load_summaries
from labs_lib.text import split_sentences
from labs_lib.labs import lab02_summarization as lab02


def test_rouge_matches_hand_computed_values():
    # unigrams shared: the, the, cat, on, mat = 5 of 6 each side -> P = R = F = 5/6
    # bigrams shared: "the cat", "on the", "the mat" = 3 of 5 -> 0.6; LCS "the cat on the mat" = 5 -> 5/6
    row = metrics.rouge_scores(["the cat sat on the mat"], ["the cat lay on the mat"]).iloc[0]
    assert row["rouge1"] == pytest.approx(5 / 6)
    assert row["rouge2"] == pytest.approx(0.6)
    assert row["rougeL"] == pytest.approx(5 / 6)


def test_rouge_stems_and_ignores_case_and_punctuation():
    row = metrics.rouge_scores(["Running dogs!"], ["run dog"]).iloc[0]
    assert row["rouge1"] == pytest.approx(1.0)


def test_rouge_lsum_reads_sentences_rougeL_does_not():
    # same two sentences in swapped order: summary-level LCS matches each sentence (1.0);
    # one sequence "a b c d" vs "c d a b" has an LCS of 2 words -> 0.5
    row = metrics.rouge_scores(["Alpha beta. Gamma delta."], ["Gamma delta. Alpha beta."]).iloc[0]
    assert row["rougeLsum"] == pytest.approx(1.0)
    assert row["rougeL"] == pytest.approx(0.5)


def test_rouge_one_row_per_pair_and_length_mismatch_is_named():
    assert list(metrics.rouge_scores(["a", "b", ""], ["a", "c", "d"])["rouge1"]) == [1.0, 0.0, 0.0]
    with pytest.raises(ValueError, match="2 predictions for 1 references"):
        metrics.rouge_scores(["a", "b"], ["a"])


def test_split_sentences():
    text = 'He said "Go." Then he left! It cost 5.50 dollars. #Person1# agrees.\nA new line'
    assert split_sentences(text) == ['He said "Go."', "Then he left!", "It cost 5.50 dollars.", "#Person1# agrees.",
                                     "A new line"]


def test_lead_n_takes_turns_of_a_dialogue_and_sentences_of_a_document():
    dialogue = "#Person1#: Hi. How are you?\n\n#Person2#: Fine.\n#Person1#: I need a table."
    assert lead_n(dialogue, 2, "dialogue") == "#Person1#: Hi. How are you?\n#Person2#: Fine."
    assert lead_n("One. Two! Three? Four.", 3, "document") == "One.\nTwo!\nThree?"
    assert lead_n("Only one.", 3, "document") == "Only one."
    with pytest.raises(ValueError, match="Unknown task"):
        lead_n("x", 1, "poem")


def pairs(n=40, task="dialogue"):
    return pd.DataFrame({task: [f"#Person1#: request {i}.\n#Person2#: answer {i}." for i in range(n)],
                         "summary": [f"Someone asks about {i}." for i in range(n)]})


def test_one_file_is_split_80_10_10_repeatably(tmp_path):
    pairs(50).to_json(tmp_path / "mine.jsonl", orient="records", lines=True)
    ds = load_summaries(str(tmp_path / "mine.jsonl"), "dialogue", seed=1)
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [40, 5, 5]
    assert ds.column_names["train"] == ["dialogue", "summary", "references"]
    again = load_summaries(str(tmp_path / "mine.jsonl"), "dialogue", seed=1)
    assert ds["test"]["summary"] == again["test"]["summary"]
    assert not set(ds["train"]["dialogue"]) & set(ds["test"]["dialogue"])


def test_columns_are_mapped_and_folder_without_validation_gets_one(tmp_path):
    pairs(30, "article").rename(columns={"summary": "highlights"}).to_csv(tmp_path / "train.csv", index=False)
    pairs(8, "article").rename(columns={"summary": "highlights"}).to_csv(tmp_path / "test.csv", index=False)
    ds = load_summaries(str(tmp_path), "document", columns={"document": "article", "summary": "highlights"})
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [27, 3, 8]
    assert ds.column_names["test"] == ["document", "summary", "references"]


def test_bad_input_gets_named_errors(tmp_path):
    pairs(40).rename(columns={"summary": "abstract"}).to_csv(tmp_path / "a.csv", index=False)
    with pytest.raises(DataError, match="no column 'summary'.*columns="):
        load_summaries(str(tmp_path / "a.csv"), "dialogue")
    frame = pairs(40)
    frame.loc[3, "summary"] = "  "
    frame.to_csv(tmp_path / "b.csv", index=False)
    with pytest.raises(DataError, match="empty 'summary'.*rows \\[3\\]"):
        load_summaries(str(tmp_path / "b.csv"), "dialogue")
    frame = pairs(40)
    frame.loc[5, "dialogue"] = None
    frame.to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    with pytest.raises(DataError, match="empty 'dialogue'"):
        load_summaries(str(tmp_path / "c.jsonl"), "dialogue")
    pairs(10).to_csv(tmp_path / "d.csv", index=False)
    with pytest.raises(DataError, match="too few"):
        load_summaries(str(tmp_path / "d.csv"), "dialogue")
    with pytest.raises(DataError, match="Unknown task"):
        load_summaries(str(tmp_path / "d.csv"), "poem")


def test_hub_shaped_data_with_a_config(monkeypatch):
    import datasets

    calls = []

    def load_dataset(name, *args, **kwargs):
        calls.append((name, args))
        split = lambda n: datasets.Dataset.from_pandas(pairs(n, "article").rename(columns={"summary": "highlights"}))
        splits = {"train": split(20), "validation": split(4), "test": split(6)}
        assert kwargs.get("streaming"), "the hub's summaries are streamed: CNN/DailyMail is 0.8 GB"
        return datasets.IterableDatasetDict({k: v.to_iterable_dataset() for k, v in splits.items()})

    monkeypatch.setattr(datasets, "load_dataset", load_dataset)
    ds = load_summaries("abisee/cnn_dailymail", "document", columns={"document": "article", "summary": "highlights"},
                        hub_config="3.0.0", eval_size=3)
    assert calls == [("abisee/cnn_dailymail", ("3.0.0",))]
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [20, 3, 3]


def test_metric_boxes_one_box_per_method_per_metric():
    scores = {m: pd.DataFrame({"rouge1": [0.1, 0.5, 0.3], "bertscore_f1": [0.8, 0.9, 0.85]})
              for m in ("lead-2", "zero-shot", "LoRA", "full FT")}
    fig = lab02.plot_metric_boxes(scores, ["rouge1", "bertscore_f1"])
    assert len(fig.axes) == 2
    for ax in fig.axes:
        assert [t.get_text() for t in ax.get_xticklabels()] == list(scores)
        assert len([p for p in ax.patches]) == 4


def test_check_rouge1():
    assert lab02.check_rouge1(None, "a b", "a c") is False
    # shared 2 words; P = 2/3, R = 2/4 -> F1 = 4/7
    assert lab02.check_rouge1(0.571, "the cat sat", "the cat lay down") is True
    with pytest.raises(AssertionError, match="not right"):
        lab02.check_rouge1(0.5, "the cat sat", "the cat lay down")


def test_bertscore_orders_close_above_unrelated_and_scores_empty_as_zero():
    from bert_score import BERTScorer

    from labs_lib.models import model_path
    from labs_lib.sources import MINILM

    scorer = BERTScorer(model_type=model_path(MINILM), num_layers=6)
    f1 = metrics.bertscore_f1(["the cat sat on the mat", "", "stock prices fell sharply"],
                              ["a cat was sitting on the mat", "anything", "the cat sat on the mat"], scorer)
    assert f1.shape == (3,) and f1[1] == 0.0
    assert f1[0] > f1[2] > 0
    assert metrics.bertscore_f1(["same words"], ["same words"], scorer)[0] == pytest.approx(1.0, abs=1e-4)


def test_repeated_inputs_keep_one_row(tmp_path):
    # DialogSum's test split repeats each dialogue with three references; we keep one row per input
    pd.concat([pairs(40), pairs(40).assign(summary="another reference")]).to_csv(tmp_path / "x.csv", index=False)
    ds = load_summaries(str(tmp_path / "x.csv"), "dialogue")
    assert sum(len(ds[s]) for s in ds) == 40


def test_per_task_options_are_checked():
    assert per_task(None, "data_path", ["dialogue"]) == {}
    assert per_task({"dialogue": "a.csv"}, "data_path", ["dialogue"]) == {"dialogue": "a.csv"}
    with pytest.raises(DataError, match="set per task"):
        per_task("a.csv", "data_path", ["dialogue"])
    with pytest.raises(DataError, match="set per task"):
        per_task({"dialog": "a.csv"}, "data_path", ["dialogue"])
    with pytest.raises(DataError, match="must map the lab's names"):
        per_task({"dialogue": "transcript"}, "columns", ["dialogue"])
    with pytest.raises(DataError, match="not in tasks"):
        per_task({"document": {"document": "article"}}, "columns", ["dialogue"])


def test_several_references_score_against_the_best_one(tmp_path):
    from labs_lib import metrics

    one = metrics.rouge_scores(["the cat sat on the mat"], ["a dog ran"])
    many = metrics.rouge_scores(["the cat sat on the mat"], [["a dog ran", "the cat sat on the mat"]])
    assert one["rouge1"][0] < 0.2 and many["rouge1"][0] == pytest.approx(1.0)
    rows = pd.DataFrame({"dialogue": ["#A#: hi.\n#B#: hello."] * 3 + [f"#A#: talk {i}." for i in range(40)],
                         "summary": ["A greets B.", "B is greeted.", "They say hello."] + [f"A talks {i}." for i in range(40)]})
    (tmp_path / "d").mkdir()
    rows[3:30].to_csv(tmp_path / "d" / "train.csv", index=False)
    rows[:3].to_csv(tmp_path / "d" / "test.csv", index=False)
    ds = load_summaries(str(tmp_path / "d"), "dialogue")
    assert len(ds["test"]) == 1 and ds["test"][0]["summary"] == "A greets B."
    assert ds["test"][0]["references"] == ["A greets B.", "B is greeted.", "They say hello."]
