"""Checks on the committed customer-support messages in assets/support_tickets/ and their generator."""

from pathlib import Path

import pandas as pd
import pytest

from assets import make_support_tickets

ASSETS = Path(__file__).resolve().parents[1] / "assets"
DATA = ASSETS / "support_tickets"
SIZES = {"train": 900, "validation": 250, "test": 250}
LABELS = {"account", "billing", "cancellation", "delivery", "technical"}


@pytest.fixture(scope="module")
def splits():
    return {s: pd.read_csv(DATA / f"{s}.csv", keep_default_na=False) for s in SIZES}


@pytest.mark.parametrize("split", list(SIZES))
def test_columns_size_and_exact_balance(splits, split):
    frame = splits[split]
    assert list(frame.columns) == ["text", "label"] and len(frame) == SIZES[split]
    counts = frame["label"].value_counts()
    assert set(counts.index) == LABELS and counts.nunique() == 1  # the same number of every intent


def test_no_empty_or_repeated_text(splits):
    texts = pd.concat(splits.values())["text"]
    assert (texts.str.strip() != "").all()
    assert texts.is_unique, "a text repeats within or across splits"


def test_regenerating_gives_identical_files(tmp_path):
    make_support_tickets.main(out_dir=str(tmp_path))
    for split in SIZES:
        assert (tmp_path / f"{split}.csv").read_bytes() == (DATA / f"{split}.csv").read_bytes(), split
