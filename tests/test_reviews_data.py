"""Checks on the committed movie-review data in assets/reviews/ and its generator."""

import csv
from pathlib import Path

import pytest

from assets import make_reviews

ASSETS = Path(__file__).resolve().parents[1] / "assets"
DATA = ASSETS / "reviews"
SIZES = {"train": 1800, "validation": 400, "test": 400}
LABELS = {"negative", "positive"}


def read(split):
    with open(DATA / f"{split}.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    return header, rows


@pytest.fixture(scope="module")
def splits():
    return {s: read(s) for s in SIZES}


@pytest.mark.parametrize("split", list(SIZES))
def test_columns_and_size(splits, split):
    header, rows = splits[split]
    assert header == ["text", "label"]
    assert all(len(r) == 2 for r in rows)
    assert len(rows) == SIZES[split]


@pytest.mark.parametrize("split", list(SIZES))
def test_only_two_labels_and_balanced(splits, split):
    _, rows = splits[split]
    labels = [label for _, label in rows]
    assert set(labels) == LABELS
    share = labels.count("positive") / len(labels)
    assert abs(share - 0.5) <= 0.02


@pytest.mark.parametrize("split", list(SIZES))
def test_no_empty_text(splits, split):
    _, rows = splits[split]
    assert all(text.strip() for text, _ in rows)


def test_no_text_shared_between_splits(splits):
    texts = {s: [t for t, _ in rows] for s, (_, rows) in splits.items()}
    for s, t in texts.items():
        assert len(set(t)) == len(t), f"duplicate text inside {s}"
    train = set(texts["train"])
    assert not train & set(texts["validation"])
    assert not train & set(texts["test"])
    assert not set(texts["validation"]) & set(texts["test"])


def test_regenerating_gives_identical_files(tmp_path):
    make_reviews.main(out_dir=str(tmp_path))
    for split in SIZES:
        assert (tmp_path / f"{split}.csv").read_bytes() == (DATA / f"{split}.csv").read_bytes(), split


def test_the_pretraining_corpus_holds_none_of_the_wording_the_labelled_set_keeps_for_evaluation():
    import re

    held_out = set(make_reviews._EVAL_FIRST) | set(make_reviews._EVAL_LAST)
    assert held_out and not held_out & (set(make_reviews._TRAIN_FIRST) | set(make_reviews._TRAIN_LAST))
    for split in ("train", "test"):
        with open(ASSETS / "review_corpus" / f"{split}.csv", newline="", encoding="utf-8") as f:
            words = {w for row in csv.DictReader(f) for w in re.findall(r"[A-Z][a-z]+", row["text"])}
        assert not words & held_out, f"corpus {split} uses held-out names: {sorted(words & held_out)[:5]}"
    with open(DATA / "test.csv", newline="", encoding="utf-8") as f:   # the check can fail: test holds them
        test_words = {w for row in csv.DictReader(f) for w in re.findall(r"[A-Z][a-z]+", row["text"])}
    assert test_words & held_out
