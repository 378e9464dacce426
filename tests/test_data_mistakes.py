"""A learner's data mistakes are named before training: labels with stray spaces (stripped and said) or written two
ways (an error), a .csv separated by another delimiter, a text file that is not UTF-8, and rows that two splits share
(a NOTE with the count and examples; the project's own data sets share none)."""

from types import SimpleNamespace

import pandas as pd
import pytest

from labs_lib import data, sources
from labs_lib.labs import lab_config
from labs_lib.reading import DataError, DataReport, read_table, read_text


def reviews(n: int = 120, start: int = 0) -> pd.DataFrame:
    return pd.DataFrame({"text": [f"review {i}: the film was {'fine' if i % 2 else 'dull'} in part {i % 7}"
                                  for i in range(start, start + n)],
                         "label": ["positive" if i % 2 else "negative" for i in range(start, start + n)]})


def test_spaces_around_labels_are_stripped_and_counted(tmp_path):
    frame = reviews()
    frame.loc[frame.index[:40], "label"] += " "
    frame.to_csv(tmp_path / "r.csv", index=False)
    report = DataReport("r.csv", "classification")
    splits, names = data.load_text_classification(str(tmp_path / "r.csv"), report=report)
    assert names == ["negative", "positive"], "one class per label, however it was spaced"
    assert "labels: stripped spaces around 40 label(s), e.g. 'negative '" in str(report).splitlines()
    frame.loc[frame.index[[3, 5]], "label"] = "  "
    frame.to_csv(tmp_path / "b.csv", index=False)
    with pytest.raises(DataError, match=r"b.csv \[all\]: 2 row\(s\) whose label is blank, e.g. rows \[3, 5\]"):
        data.load_text_classification(str(tmp_path / "b.csv"))


def test_labels_that_differ_only_in_case_or_spacing_are_named_with_the_fix(tmp_path):
    frame = reviews()
    frame.loc[frame.index[:20:2], "label"] = "Negative"
    frame.to_csv(tmp_path / "r.csv", index=False)
    with pytest.raises(DataError) as err:
        data.load_text_classification(str(tmp_path / "r.csv"))
    message = str(err.value)
    assert "the labels 'Negative' and 'negative' differ only in case or spacing" in message
    assert ".str.lower().str.split().str.join(' ')" in message
    frame = reviews()
    frame["label"] = frame["label"].map({"positive": "very  good", "negative": "very good"})
    frame.loc[frame.index[:30], "label"] = "bad"
    frame.to_csv(tmp_path / "s.csv", index=False)
    with pytest.raises(DataError, match="'very  good' and 'very good' differ only in case or spacing"):
        data.load_text_classification(str(tmp_path / "s.csv"))


@pytest.mark.parametrize("sep, words", [
    (";", "looks ;-separated (2 fields in the header), not comma-separated: save it with commas"),
    ("\t", "looks tab-separated (2 fields in the header), not comma-separated: rename it to .tsv"),
    ("|", "looks |-separated (2 fields in the header), not comma-separated: save it with commas"),
])
def test_a_csv_separated_by_another_delimiter_says_so(tmp_path, sep, words):
    # commas inside the texts: pandas fails with "Expected 1 fields in line 2, saw 2" (a ParserError), not one column
    reviews().assign(text=lambda f: f["text"] + ", all in all").to_csv(tmp_path / "r.csv", sep=sep, index=False)
    before = (tmp_path / "r.csv").read_bytes()
    with pytest.raises(DataError) as err:
        read_table(tmp_path / "r.csv")
    assert words in str(err.value) and f"sep={sep!r}" in str(err.value)
    assert (tmp_path / "r.csv").read_bytes() == before, "the learner's file is never changed"


def test_a_comma_separated_tsv_and_a_csv_with_unquoted_commas(tmp_path):
    reviews().to_csv(tmp_path / "r.tsv", index=False)
    with pytest.raises(DataError, match="looks comma-separated .*not tab-separated: rename it to .csv"):
        read_table(tmp_path / "r.tsv")
    lines = [f"good fun {i},positive\n" for i in range(10)]
    (tmp_path / "q.csv").write_text("text,label\n" + "".join(lines[:2]) + "good, fun,positive\n" + "".join(lines[2:]))
    with pytest.raises(DataError, match="Expected 2 fields in line 4, saw 3.*must be in double quotes"):
        read_table(tmp_path / "q.csv")
    (tmp_path / "all.csv").write_text("text,label\n" + "".join(line.replace(" fun", ", fun") for line in lines))
    with pytest.raises(DataError, match=r"every line has more fields than the header \(\['text', 'label'\]\).*quotes"):
        read_table(tmp_path / "all.csv")   # pandas would take 'good' as an index and ' fun 0' as the text


def test_a_text_file_that_is_not_utf8_names_the_line_and_the_fix(tmp_path):
    lines = [f"a plain review number {i}" for i in range(30)]
    lines[4] = "un caf\xe9 tr\xe8s bon"
    (tmp_path / "corpus.txt").write_bytes("\n".join(lines).encode("latin-1"))
    with pytest.raises(DataError) as err:   # lab 04's corpus as one text per line
        data.load_texts(str(tmp_path / "corpus.txt"))
    message = str(err.value)
    assert "corpus.txt: the text encoding is not UTF-8" in message and "at line 5" in message
    assert "read_text(encoding='latin-1'), encoding='utf-8')" in message
    (tmp_path / "ok.txt").write_text("fine\n", encoding="utf-8")
    assert read_text(tmp_path / "ok.txt") == "fine\n"


def test_rows_shared_between_splits_are_counted_and_named_before_training(tmp_path):
    folder = tmp_path / "leaky"
    folder.mkdir()
    train, validation = reviews(200), reviews(40, start=200)
    test = train.iloc[:60].assign(text=lambda f: "  " + f["text"].str.replace(" ", "  ") + " ")   # spaced copies
    for name, frame in {"train": train, "validation": validation, "test": test}.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    cfg = lab_config("01_classification", "smoke", {"train_size": None, "eval_size": None}, data_path=str(folder))
    _, report = data.load(cfg, "classification")
    assert report.shared == {"train/test": 60} and report.as_dict()["shared_rows"] == {"train/test": 60}
    note = next(line for line in str(report).splitlines() if line.startswith("NOTE:"))
    assert note.startswith("NOTE: 60 test row(s) also in train (same text once spaces are collapsed), e.g. 'review ")
    assert "scores on test overstate" in note and "drop_duplicates" in note


CASES = {  # every data set of the project's own that data.load reads (labs_lib.sources), with all of its rows
    "reviews": ("classification", sources.REVIEWS, "stratified 70/15/15", None),
    "support tickets": ("classification", sources.SUPPORT_TICKETS, "stratified 70/15/15", None),
    "intents": ("classification", sources.INTENTS, "stratified 70/15/15", None),
    "review corpus": ("texts", sources.REVIEW_CORPUS, "random 90/10", None),
    "dialogues": ("summaries", sources.DIALOGUES, "random 80/10/10", "dialogue"),
    "documents": ("summaries", sources.DOCUMENTS, "random 80/10/10", "document"),
    "ner": ("ner", sources.NER_SENTENCES, "random 70/15/15", None),
    "transcripts": ("transcripts", sources.TRANSCRIPTS, "grouped 70/15/15", None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_projects_own_data_sets_share_no_row_between_splits(name):
    kind, where, split, task = CASES[name]
    cfg = SimpleNamespace(data={task: where} if task else where, split=split, columns=None, train_size=None,
                          eval_size=None, docs=None, hub_config=None, profile="smoke")
    splits, report = data.load(cfg, kind, task=task)
    assert sum(len(part) for part in splits.values()) > 100, "the whole data set was read"
    assert report.shared == {}, report.shared
    assert not any(line.startswith("NOTE") for line in report.notes)


def test_the_data_sets_above_are_every_asset_folder_sources_names():
    folders = {value for key, value in vars(sources).items() if key.isupper() and isinstance(value, str)
               and value.startswith("assets/")}
    assert folders == {where for _, where, _, _ in CASES.values()}


def test_a_latin1_conll_file_is_named_not_a_bare_decode_error(tmp_path):
    from labs_lib import ner
    from labs_lib.reading import DataError

    path = tmp_path / "train.conll"
    path.write_bytes("Caf\xe9 B-ORG\nopens O\n\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        ner.read_conll(path)
