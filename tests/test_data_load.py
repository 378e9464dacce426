"""The one way in: data.load(cfg, kind) for each source kind (file, folder, hub id), each reader and each split
policy, the data report (with the line a cap writes), and the errors it adds to the readers'."""

import datasets
import pandas as pd
import pytest

from labs_lib import data
from labs_lib.data import DataError
from labs_lib.labs import lab_config


def reviews(n=100, labels=("bad", "good")):
    return pd.DataFrame({"text": [f"review number {i} was {labels[i % len(labels)]}" for i in range(n)],
                         "label": [labels[i % len(labels)] for i in range(n)]})


def test_a_file_is_split_by_the_rows_policy_and_a_cap_says_so(tmp_path):
    reviews(200).to_csv(tmp_path / "mine.csv", index=False)
    cfg = lab_config("01_classification", "smoke", {"train_size": 50, "split": "stratified 80/10/10"},
                     data_path=str(tmp_path / "mine.csv"))
    ds, report = data.load(cfg, "classification")
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [50, 20, 20]
    assert report.rows == {"train": (160, 50, "train_size"), "validation": (20, 20, "eval_size"),
                           "test": (20, 20, "eval_size")}
    assert report.own and report.labels == ["bad", "good"] and "stratified 80/10/10" in report.split
    text = str(report)
    assert "using 50 of your 160 train rows (train_size); set overrides = {'train_size': None} to use all" in text
    assert "0=bad, 1=good" in text


def test_none_for_a_size_uses_every_row_and_the_report_has_no_cap_line(tmp_path):
    reviews(200).to_csv(tmp_path / "mine.csv", index=False)
    cfg = lab_config("01_classification", "cpu", {"train_size": None, "eval_size": None},
                     data_path=str(tmp_path / "mine.csv"))
    ds, report = data.load(cfg, "classification")
    assert len(ds["train"]) == 140 and report.caps() == []


def test_the_projects_data_is_reported_as_the_profile_default():
    ds, report = data.load(lab_config("01_classification", "smoke"), "classification")
    assert not report.own and "the profile default" in str(report)
    assert "using 640 of the" in str(report)


def test_a_folder_is_used_as_given(tmp_path):
    reviews(30).to_csv(tmp_path / "train.csv", index=False)
    reviews(10).to_csv(tmp_path / "validation.csv", index=False)
    reviews(12).to_csv(tmp_path / "test.csv", index=False)
    ds, report = data.load(lab_config("03_setfit", "cpu", data_path=str(tmp_path)), "classification")
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [30, 10, 12]
    assert report.split.startswith("as given")


def test_a_hub_id_goes_to_the_hub(monkeypatch):
    label = datasets.ClassLabel(names=["neg", "pos"])
    features = datasets.Features({"text": datasets.Value("string"), "label": label})
    part = lambda n, o: datasets.Dataset.from_dict({"text": [f"r {o + i}" for i in range(n)],  # noqa: E731
                                                    "label": [i % 2 for i in range(n)]}, features=features)
    calls = []
    monkeypatch.setattr(datasets, "load_dataset",
                        lambda name, *a, **k: calls.append(name) or datasets.DatasetDict(
                            {"train": part(300, 0), "test": part(100, 1000)}))
    cfg = lab_config("01_classification", "full", {"train_size": 100, "eval_size": 20})
    ds, report = data.load(cfg, "classification")
    assert calls == ["stanfordnlp/imdb"] and report.labels == ["neg", "pos"]
    assert report.rows["train"] == (255, 100, "train_size")   # 15% of 300 carved out for validation


def test_texts_of_lab_04s_corpus_use_its_own_settings(tmp_path):
    (tmp_path / "domain.txt").write_text("\n".join(f"line {i} of my domain" for i in range(100)))
    cfg = lab_config("04_mlm", "smoke", {"corpus_train_size": 30}, corpus_path=str(tmp_path / "domain.txt"))
    corpus, report = data.load(cfg, "texts", source="corpus")
    assert (len(corpus["train"]), len(corpus["test"])) == (30, 10)
    assert report.rows["train"] == (90, 30, "corpus_train_size") and report.split.startswith("random 90/10")


def test_summaries_random_split_per_task(tmp_path):
    pd.DataFrame({"dialogue": [f"#Person1#: hello {i}\n#Person2#: bye" for i in range(50)],
                  "notes": [f"they greet {i}" for i in range(50)]}).to_csv(tmp_path / "d.csv", index=False)
    cfg = lab_config("02_summarization", "cpu", data_path={"dialogue": str(tmp_path / "d.csv")},
                     columns={"dialogue": {"summary": "notes"}})
    ds, report = data.load(cfg, "summaries", task="dialogue")
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [40, 5, 5] and report.own
    _, report = data.load(cfg, "summaries", task="document")
    assert not report.own


def test_ner_random_split_and_tag_names(tmp_path):
    sentences = "\n\n".join(f"Ann{i} B-PER\nwalks O\nin O\nRome B-LOC" for i in range(40))
    (tmp_path / "mine.conll").write_text(sentences)
    ds, report = data.load(lab_config("05_ner", "cpu", data_path=str(tmp_path / "mine.conll")), "ner")
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [28, 6, 6]
    assert report.labels == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"] and "random 70/15/15" in report.split


def test_transcripts_grouped_split_falls_back_without_a_group_column(tmp_path):
    frame = pd.DataFrame({"text": [f"transcript {i} " * 20 for i in range(70)],
                          "label": ["Low", "Medium", "High"] * 23 + ["Low"],
                          "group": [f"speaker {i % 14}" for i in range(70)]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    cfg = lab_config("06_long_transcripts", "smoke", {"docs": None}, data_path=str(tmp_path / "t.csv"))
    split, report = data.load(cfg, "transcripts")
    assert not set(split["train"]["group"]) & set(split["test"]["group"]) and "grouped by speaker" in report.split
    assert report.tasks == ["classification"] and report.labels == ["Low", "Medium", "High"]
    assert sorted(i for part in split.values() for i in part.index) == list(range(70))
    frame.drop(columns="group").to_csv(tmp_path / "t.csv", index=False)
    split, report = data.load(cfg, "transcripts")
    assert "no group column" in report.split


def test_docs_caps_transcripts_before_the_split_and_says_so():
    split, report = data.load(lab_config("06_long_transcripts", "smoke", {"docs": 80}), "transcripts")
    assert sum(len(p) for p in split.values()) == 80
    assert any("using 80 of the 440 transcripts (docs)" in line for line in report.notes)


@pytest.mark.parametrize("policy", ["random 70/15/15", "stratified 70/30", "stratified 50/30/30", "by-date 70/15/15",
                                    "stratified"])
def test_an_unknown_split_policy_is_named(policy):
    with pytest.raises(DataError, match="split="):
        data.load(lab_config("01_classification", "smoke", {"split": policy}), "classification")


def test_a_columns_entry_naming_a_missing_column_stops_even_when_the_default_exists(tmp_path):
    reviews().to_csv(tmp_path / "r.csv", index=False)
    cfg = lab_config("01_classification", "smoke", data_path=str(tmp_path / "r.csv"), columns={"text": "review"})
    with pytest.raises(DataError, match=r"names \['review'\].*no such column"):
        data.load(cfg, "classification")


def test_a_semicolon_separated_file_gets_a_delimiter_message(tmp_path):
    reviews().to_csv(tmp_path / "r.csv", index=False, sep=";")
    before = (tmp_path / "r.csv").read_bytes()
    with pytest.raises(DataError, match="looks ;-separated.*save it with commas"):
        data.load(lab_config("01_classification", "smoke", data_path=str(tmp_path / "r.csv")), "classification")
    assert (tmp_path / "r.csv").read_bytes() == before


def test_a_latin1_file_gets_an_encoding_message(tmp_path):
    frame = reviews()
    frame.loc[3, "text"] = "un film très réussi, café crème"
    frame.to_csv(tmp_path / "r.csv", index=False, encoding="latin-1")
    with pytest.raises(DataError, match="encoding is not UTF-8.*Latin-1"):
        data.load(lab_config("01_classification", "smoke", data_path=str(tmp_path / "r.csv")), "classification")
