"""Checks on the committed summarization sets in assets/dialogues/ and assets/documents/ and their generator."""

import re
from pathlib import Path

import pandas as pd
import pytest

from assets import make_summarization

ASSETS = Path(__file__).resolve().parents[1] / "assets"
SIZES = {"train": 300, "validation": 50, "test": 50}
COLUMNS = {"dialogues": ["id", "dialogue", "summary", "topic"], "documents": ["id", "document", "summary"]}
TEXT = {"dialogues": "dialogue", "documents": "document"}
TURN = re.compile(r"#Person([123])#: \S")


def n_words(series):
    return series.str.split().str.len()


@pytest.fixture(scope="module")
def data():
    return {name: {s: pd.read_csv(ASSETS / name / f"{s}.csv", keep_default_na=False) for s in SIZES}
            for name in COLUMNS}


@pytest.mark.parametrize("name", list(COLUMNS))
def test_columns_sizes_ids_and_no_empty_field(data, name):
    for split, frame in data[name].items():
        assert list(frame.columns) == COLUMNS[name] and len(frame) == SIZES[split], (name, split)
        assert (frame.apply(lambda col: col.str.strip()) != "").all().all(), (name, split)
        prefix = "dlg" if name == "dialogues" else "doc"
        assert list(frame["id"]) == [f"{prefix}_{split}_{i:04d}" for i in range(1, len(frame) + 1)]


@pytest.mark.parametrize("name", list(COLUMNS))
def test_no_input_repeats_and_no_held_out_summary_is_in_train(data, name):
    assert pd.concat(data[name].values())[TEXT[name]].is_unique
    train = set(data[name]["train"]["summary"])
    assert not train & set(pd.concat([data[name]["validation"], data[name]["test"]])["summary"])


def test_dialogues_are_numbered_turns_with_two_or_three_speakers(data):
    for split, frame in data["dialogues"].items():
        assert frame["topic"].nunique() == 12, split
        for dialogue, summary in zip(frame["dialogue"], frame["summary"]):
            turns = dialogue.split("\n")
            assert 6 <= len(turns) <= 14 and all(TURN.match(t) for t in turns), dialogue
            speakers = [TURN.match(t).group(1) for t in turns]
            assert speakers[0] == "1" and 2 <= len(set(speakers)) <= 3, dialogue
            order = list(dict.fromkeys(speakers))
            assert order == sorted(order), dialogue  # #PersonN# is numbered by first appearance
            assert all(a != b for a, b in zip(speakers, speakers[1:])), dialogue  # no speaker twice in a row
            assert set(re.findall(r"#Person(\d)#", summary)) <= set(speakers), (summary, dialogue)


def test_documents_have_five_to_nine_sentences(data):
    for frame in data["documents"].values():
        counts = frame["document"].str.count(r"[.!?]\"?(?=\s|$)")
        assert counts.between(5, 9).all()
        assert not frame["document"].str.contains("\n").any()


@pytest.mark.parametrize("name, text_range, summary_range",
                         [("dialogues", (60, 200), (12, 40)), ("documents", (90, 220), (15, 35))])
def test_word_counts_and_summaries_shorter_than_inputs(data, name, text_range, summary_range):
    for frame in data[name].values():
        text, summary = n_words(frame[TEXT[name]]), n_words(frame["summary"])
        assert text.between(*text_range).all() and summary.between(*summary_range).all()
        assert (summary < text).all()


def test_regenerating_gives_identical_files(tmp_path):
    make_summarization.main(out_dir=str(tmp_path))
    for name in COLUMNS:
        for split in SIZES:
            assert (tmp_path / name / f"{split}.csv").read_bytes() == \
                (ASSETS / name / f"{split}.csv").read_bytes(), (name, split)
