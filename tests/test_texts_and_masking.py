"""Lab 04's helpers: loading unlabelled text, classifying masked positions, the mask-share exercise."""

import datasets
import pytest
import torch

from labs_lib.data import DataError, load_texts
from labs_lib.labs import lab_config
from labs_lib.labs import lab04_mlm as lab04


def test_txt_file_one_text_per_line_blank_lines_skipped_10_percent_held_out(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text("\n".join(f"line {i}" if i % 7 else "" for i in range(1, 45)) + "\n")
    before = path.read_bytes()
    ds = load_texts(str(path), seed=0)
    texts = list(ds["train"]["text"]) + list(ds["test"]["text"])
    assert len(texts) == 38 and "" not in texts  # 44 lines, 6 blank
    assert len(ds["test"]) == 4 and not set(ds["train"]["text"]) & set(ds["test"]["text"])
    assert path.read_bytes() == before


def test_csv_column_mapping_and_other_columns_ignored(tmp_path):
    import pandas as pd

    pd.DataFrame({"body": [f"text {i}" for i in range(30)], "stars": range(30)}).to_csv(tmp_path / "c.csv", index=False)
    ds = load_texts(str(tmp_path / "c.csv"), columns={"text": "body"})
    assert ds["train"].column_names == ["text"] and len(ds["train"]) + len(ds["test"]) == 30
    with pytest.raises(DataError, match="no column 'text'"):
        load_texts(str(tmp_path / "c.csv"))


def test_empty_text_and_too_little_text_are_named(tmp_path):
    import pandas as pd

    pd.DataFrame({"id": range(26), "text": ["fine"] * 25 + [" "]}).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(DataError, match="empty 'text'.*rows \\[25\\]"):
        load_texts(str(tmp_path / "c.csv"))
    (tmp_path / "small.txt").write_text("one\ntwo\n")
    with pytest.raises(DataError, match="too little"):
        load_texts(str(tmp_path / "small.txt"))
    (tmp_path / "blank.txt").write_text("\n \n")
    with pytest.raises(DataError, match="no text"):
        load_texts(str(tmp_path / "blank.txt"))


def test_default_corpus_folder_and_sizes():
    cfg = lab_config("04_mlm", "cpu")
    ds = load_texts(cfg.corpus, train_size=50, eval_size=10)
    assert (len(ds["train"]), len(ds["test"])) == (50, 10)


def test_full_profile_reads_the_named_hub_splits(monkeypatch):
    asked = []

    def load_dataset(name, split=None, **kwargs):
        asked.append((name, split))
        return datasets.Dataset.from_dict({"text": [f"{split} {i}" for i in range(40)], "label": [-1] * 40})

    monkeypatch.setattr(datasets, "load_dataset", load_dataset)
    cfg = lab_config("04_mlm", "full")
    ds = load_texts(cfg.corpus, train_size=30, eval_size=5, hub_splits=cfg.corpus_splits)
    assert asked == [("stanfordnlp/imdb", "unsupervised"), ("stanfordnlp/imdb", "test")]
    assert (len(ds["train"]), len(ds["test"])) == (30, 5) and ds["train"].column_names == ["text"]


def test_masked_positions_by_hand():
    mask = 103
    input_ids = torch.tensor([101, 103, 7, 8, 9, 102])
    labels = torch.tensor([-100, 5, 6, 8, -100, -100])  # 1: [MASK]; 2: random (6 -> 7); 3: kept (8)
    assert lab04.masked_positions(input_ids, labels, mask) == [None, "[MASK]", "random", "kept", None, None]


def test_masked_tokens_html_marks_only_chosen_positions():
    from transformers import BertTokenizerFast

    from labs_lib import builders

    tokenizer = BertTokenizerFast.from_pretrained(str(builders.build_tiny_bert()))
    ids = tokenizer("the film was good")["input_ids"]
    labels = [-100] * len(ids)
    labels[2] = ids[2]
    masked = list(ids)
    masked[2] = tokenizer.mask_token_id
    html = lab04.masked_tokens_html(tokenizer, masked, labels, title="demo")
    assert html.count("title='[MASK]'") == 1 and "title='random'" not in html and "demo" in html


def test_mask_share_exercise(capsys):
    assert lab04.check_mask_share(None, 0.15) is False
    assert "Hint" in capsys.readouterr().out
    assert lab04.check_mask_share(0.12, 0.15) is True
    with pytest.raises(AssertionError, match="80%"):
        lab04.check_mask_share(0.15, 0.15)
