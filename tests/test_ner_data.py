"""Checks on the committed NER sentences in assets/ner/ and their generator."""

from pathlib import Path

import pytest

from assets import make_ner
from labs_lib.labs.lab05_ner import entity_spans
from labs_lib.ner import check_bio, read_conll

ASSETS = Path(__file__).resolve().parents[1] / "assets"
SIZES = {"train": 1000, "validation": 200, "test": 250}


@pytest.fixture(scope="module")
def splits():
    return {s: read_conll(ASSETS / "ner" / f"{s}.conll") for s in SIZES}


def test_sizes_valid_bio_and_the_four_types(splits):
    for split, sentences in splits.items():
        assert len(sentences) == SIZES[split]
        check_bio(sentences, split)
        assert {kind for tokens, tags in sentences for _, _, kind in entity_spans(tokens, tags)} == \
            {"PER", "ORG", "LOC", "MISC"}


def test_what_the_lab_needs_is_there(splits):
    train = splits["train"]
    spans = [entity_spans(t, g) for t, g in train]
    assert sum(not s for s in spans) >= 0.15 * len(train)                       # sentences without entities
    assert sum(e - b > 1 for s in spans for b, e, _ in s) >= 0.4 * sum(map(len, spans))  # multi-token entities
    adjacent = sum(any(a[1] == b[0] and a[2] == b[2] for a, b in zip(s, s[1:])) for s in spans)
    assert adjacent >= 0.05 * len(train)                                          # where B- matters


def test_most_test_entities_are_unseen_in_train(splits):
    def names(sentences):
        return [" ".join(t[b:e]) for t, g in sentences for b, e, _ in entity_spans(t, g)]
    train, test = set(names(splits["train"])), names(splits["test"])
    assert sum(n not in train for n in test) >= 0.5 * len(test)


def test_regenerating_gives_identical_files(tmp_path):
    make_ner.main(out_dir=str(tmp_path))
    for split in SIZES:
        assert (tmp_path / f"{split}.conll").read_bytes() == (ASSETS / "ner" / f"{split}.conll").read_bytes()
