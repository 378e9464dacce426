import pandas as pd
import pytest

from labs_lib.data import DataError, load_text_classification
from labs_lib.labs.lab03_setfit import sample_per_class


def reviews(n=40, labels=("bad", "good")):
    return pd.DataFrame({"text": [f"review number {i} was {labels[i % len(labels)]}" for i in range(n)],
                         "label": [labels[i % len(labels)] for i in range(n)]})


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_one_file_is_split_70_15_15_stratified(tmp_path, suffix):
    frame = reviews(100)
    path = tmp_path / f"mine.{suffix}"
    {"csv": lambda: frame.to_csv(path, index=False), "jsonl": lambda: frame.to_json(path, orient="records", lines=True),
     "parquet": lambda: frame.to_parquet(path)}[suffix]()
    ds, names = load_text_classification(str(path))
    assert names == ["bad", "good"]
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [70, 15, 15]
    assert sum(ds["train"]["label"]) == 35  # balanced, as the input
    texts = [set(ds[s]["text"]) for s in ("train", "validation", "test")]
    assert not (texts[0] & texts[1] or texts[0] & texts[2] or texts[1] & texts[2])


def test_split_is_repeatable(tmp_path):
    reviews(60).to_csv(tmp_path / "a.csv", index=False)
    a, _ = load_text_classification(str(tmp_path / "a.csv"), seed=3)
    b, _ = load_text_classification(str(tmp_path / "a.csv"), seed=3)
    assert a["test"]["text"] == b["test"]["text"]


def test_folder_is_used_as_given(tmp_path):
    reviews(30).to_csv(tmp_path / "train.csv", index=False)
    reviews(10).to_csv(tmp_path / "validation.csv", index=False)
    reviews(12).to_csv(tmp_path / "test.csv", index=False)
    ds, _ = load_text_classification(str(tmp_path))
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [30, 10, 12]


def test_folder_without_validation_carves_it_from_train(tmp_path):
    reviews(40).to_csv(tmp_path / "train.csv", index=False)
    reviews(10).to_csv(tmp_path / "test.csv", index=False)
    ds, _ = load_text_classification(str(tmp_path))
    assert (len(ds["train"]), len(ds["validation"]), len(ds["test"])) == (34, 6, 10)


def test_column_mapping_and_int_labels(tmp_path):
    frame = reviews(40).rename(columns={"text": "review", "label": "stars"})
    frame["stars"] = [1, 2, 3, 4] * 10
    frame.to_csv(tmp_path / "r.csv", index=False)
    ds, names = load_text_classification(str(tmp_path / "r.csv"), columns={"text": "review", "label": "stars"})
    assert names == ["1", "2", "3", "4"]
    assert set(ds["train"]["label"]) == {0, 1, 2, 3}
    assert ds["train"].features["label"].names == names


def test_sizes_cap_the_splits(tmp_path):
    reviews(200).to_csv(tmp_path / "r.csv", index=False)
    ds, _ = load_text_classification(str(tmp_path / "r.csv"), train_size=50, eval_size=10)
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [50, 10, 10]
    assert sum(ds["train"]["label"]) == 25


def test_default_reviews_load():
    ds, names = load_text_classification("assets/reviews")
    assert names == ["negative", "positive"]
    assert len(ds["train"]) >= 1400 and len(ds["test"]) >= 300


def error_for(tmp_path, frame=None, raw=None, name="bad.csv", **kwargs):
    path = tmp_path / name
    if raw is not None:
        path.write_bytes(raw)
    elif frame is not None:
        frame.to_csv(path, index=False)
    with pytest.raises(DataError) as err:
        load_text_classification(str(path), **kwargs)
    original = path.read_bytes() if path.exists() else None
    return str(err.value), original


def test_missing_file(tmp_path):
    msg, _ = error_for(tmp_path, name="nope.csv")
    assert "no such file" in msg and "nope.csv" in msg


def test_missing_column_names_found_columns_and_fix(tmp_path):
    msg, _ = error_for(tmp_path, reviews().rename(columns={"text": "body"}))
    assert "no column 'text'" in msg and "'body'" in msg and "columns=" in msg


def test_empty_text_names_the_rows(tmp_path):
    frame = reviews()
    frame.loc[[3, 7], "text"] = ["", "   "]
    msg, _ = error_for(tmp_path, frame)
    assert "2 row(s) with empty 'text'" in msg and "[3, 7]" in msg


def test_missing_label(tmp_path):
    frame = reviews()
    frame.loc[5, "label"] = None
    msg, _ = error_for(tmp_path, frame)
    assert "without a label" in msg and "[5]" in msg


def test_single_class(tmp_path):
    msg, _ = error_for(tmp_path, reviews(labels=("good",)))
    assert "single class" in msg and "'good'" in msg


def test_unknown_label_in_test(tmp_path):
    reviews(30).to_csv(tmp_path / "train.csv", index=False)
    reviews(9, labels=("bad", "good", "meh")).to_csv(tmp_path / "test.csv", index=False)
    with pytest.raises(DataError, match=r"unknown label\(s\) \['meh'\]"):
        load_text_classification(str(tmp_path))


def test_folder_without_test_file(tmp_path):
    reviews().to_csv(tmp_path / "train.csv", index=False)
    with pytest.raises(DataError, match="missing: test"):
        load_text_classification(str(tmp_path))


def test_unreadable_file_is_named_and_left_untouched(tmp_path):
    raw = b"\x00\x01 not parquet at all"
    msg, after = error_for(tmp_path, raw=raw, name="broken.parquet")
    assert "broken.parquet" in msg and "could not be read" in msg
    assert after == raw


def test_unsupported_type(tmp_path):
    msg, _ = error_for(tmp_path, raw=b"hello", name="notes.docx")
    assert "unsupported file type '.docx'" in msg


def test_tiny_class_cannot_be_split(tmp_path):
    frame = pd.concat([reviews(40), pd.DataFrame({"text": ["odd one"], "label": ["weird"]})])
    msg, _ = error_for(tmp_path, frame)
    assert "'weird' has only 1 example" in msg


def test_unknown_column_mapping(tmp_path):
    msg, _ = error_for(tmp_path, reviews(), columns={"txt": "text"})
    assert "maps ['txt']" in msg


def test_few_examples_per_class_is_a_clear_error(tmp_path):
    msg, _ = error_for(tmp_path, reviews(12))  # 6 per class: too few for 70/15/15 with every class everywhere
    assert "needs at least 7 per class" in msg


def test_carving_validation_from_a_tiny_train_is_a_clear_error(tmp_path):
    pd.DataFrame({"text": ["a", "b", "c"], "label": ["x", "y", "z"]}).to_csv(tmp_path / "train.csv", index=False)
    reviews(6).to_csv(tmp_path / "test.csv", index=False)
    with pytest.raises(DataError, match="validation.* file"):
        load_text_classification(str(tmp_path))


def test_mapping_onto_an_existing_column_is_a_clear_error(tmp_path):
    msg, _ = error_for(tmp_path, reviews().assign(review="other"), columns={"text": "review"})
    assert "already has a column 'text'" in msg


def test_mixed_label_types_are_compared_as_text(tmp_path):
    frame = reviews(40)
    frame["label"] = [1 if i % 2 else "1" for i in range(20)] + ["0"] * 20
    frame.to_json(tmp_path / "m.jsonl", orient="records", lines=True)
    _, names = load_text_classification(str(tmp_path / "m.jsonl"))
    assert names == ["0", "1"]


def test_mistyped_local_path_with_a_slash_is_not_sent_to_the_hub(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError, match="no such file"):
        load_text_classification("data/myreviews")


def test_hub_failures_are_clear_errors(monkeypatch):
    import datasets

    def offline(name, *a, **k):
        raise ConnectionError("no network")

    monkeypatch.setattr(datasets, "load_dataset", offline)
    with pytest.raises(DataError, match="could not load it from the Hugging Face hub.*no network"):
        load_text_classification("someone/reviews")
    only_train = datasets.DatasetDict({"train": datasets.Dataset.from_dict({"text": ["a"], "label": [0]})})
    monkeypatch.setattr(datasets, "load_dataset", lambda *a, **k: only_train)
    with pytest.raises(DataError, match="needs 'train' and 'test' splits; it has \\['train'\\]"):
        load_text_classification("someone/reviews")


def _labelled(n_per_class, classes=("a", "b", "c")):
    from datasets import ClassLabel, Dataset, Features, Value

    rows = [(f"{c} text {i}", k) for k, c in enumerate(classes) for i in range(n_per_class[k])]
    return Dataset.from_dict({"text": [r[0] for r in rows], "label": [r[1] for r in rows]},
                             features=Features({"text": Value("string"), "label": ClassLabel(names=list(classes))}))


def test_sample_per_class_draws_n_of_each_class_repeatably():
    ds = _labelled([10, 12, 9])
    few = sample_per_class(ds, 4, seed=1)
    assert sorted(list(few["label"])) == [0] * 4 + [1] * 4 + [2] * 4
    assert list(few["text"]) == list(sample_per_class(ds, 4, seed=1)["text"])
    assert list(few["text"]) != list(sample_per_class(ds, 4, seed=2)["text"])
    assert list(few["label"]) != sorted(few["label"])  # shuffled, not grouped by class


def test_sample_per_class_names_the_class_that_is_too_small():
    with pytest.raises(DataError, match=r"Class 'c' has only 3 training example\(s\); cannot draw 4"):
        sample_per_class(_labelled([10, 10, 3]), 4)
