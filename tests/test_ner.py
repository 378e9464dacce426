"""Lab 05's data helpers: the CoNLL / JSONL readers, BIO validation errors, sub-token alignment."""

import json

import datasets
import pytest

from labs_lib.data import DataError
from labs_lib.labs.lab05_ner import align_labels   # the notebook's, exported (#@save)
from labs_lib.ner import check_bio, load_ner, read_conll, read_tagged_jsonl, tag_names
from labs_lib.labs import lab05_ner as lab05

CONLL = """-DOCSTART- -X- O O

Maria NNP B-PER
Okafor NNP I-PER
visited VBD O
New NNP B-LOC
York NNP I-LOC
. . O

Nothing O
happened O
"""


def sentences(n=30):
    return [(["Ana", "Lind", "met", "Bo", "in", "Oslo"], ["B-PER", "I-PER", "O", "B-PER", "O", "B-LOC"])] * n


def write_conll(path, sents):
    path.write_text("\n\n".join("\n".join(f"{t} {g}" for t, g in zip(*s)) for s in sents) + "\n")


def test_read_conll_takes_the_last_column_and_skips_docstart(tmp_path):
    (tmp_path / "a.conll").write_text(CONLL)
    got = read_conll(tmp_path / "a.conll")
    assert got == [(["Maria", "Okafor", "visited", "New", "York", "."], ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"]),
                   (["Nothing", "happened"], ["O", "O"])]


def test_read_conll_names_the_line_without_a_tag(tmp_path):
    (tmp_path / "a.conll").write_text("Maria B-PER\nOkafor\n")
    with pytest.raises(DataError, match="line 2: 'Okafor' has no tag"):
        read_conll(tmp_path / "a.conll")


def test_jsonl_reader_with_column_mapping_and_missing_field(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"words": ["Oslo"], "labels": ["B-LOC"]}) + "\n")
    assert read_tagged_jsonl(path, {"tokens": "words", "tags": "labels"}) == [(["Oslo"], ["B-LOC"])]
    with pytest.raises(DataError, match=r"no \['tokens', 'tags'\] field"):
        read_tagged_jsonl(path)


@pytest.mark.parametrize("tokens,tags,message", [
    (["New", "York"], ["B-LOC"], "2 tokens but 1 tags"),
    (["New", "York"], ["O", "I-LOC"], r"token 1 \('York'\): I-LOC follows O"),
    (["New", "York"], ["B-PER", "I-LOC"], "I-LOC follows B-PER"),
    (["Oslo"], ["LOC"], "unknown tag 'LOC'"),
    ([], [], "empty sentence"),
])
def test_bio_errors_name_the_sentence_and_token(tokens, tags, message):
    with pytest.raises(DataError, match=message):
        check_bio([(["fine"], ["O"]), (tokens, tags)])


def test_valid_bio_passes_and_adjacent_same_type_entities_are_fine():
    check_bio([(["Ana", "Bo", "left"], ["B-PER", "B-PER", "O"]), (["x"], ["O"])])


def test_tag_names_o_first_then_types_in_order():
    assert tag_names([(["a"] * 3, ["B-PER", "B-LOC", "I-LOC"])]) == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]


def test_load_ner_from_one_file_splits_70_15_15_repeatably(tmp_path):
    write_conll(tmp_path / "all.conll", sentences(40))
    ds, names = load_ner(str(tmp_path / "all.conll"), seed=1)
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [28, 6, 6]
    assert names == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]
    assert ds["train"][0]["ner_tags"] == [3, 4, 0, 3, 0, 1]


def test_load_ner_refuses_a_tag_only_seen_outside_train(tmp_path):
    write_conll(tmp_path / "train.conll", sentences(10))
    write_conll(tmp_path / "test.conll", [(["Acme"], ["B-ORG"])])
    with pytest.raises(DataError, match=r"\['B-ORG'\] never occur in train"):
        load_ner(str(tmp_path))


def test_load_ner_folder_without_test_says_what_is_missing(tmp_path):
    write_conll(tmp_path / "train.conll", sentences(10))
    with pytest.raises(DataError, match="missing: test"):
        load_ner(str(tmp_path))


def test_hub_copy_with_bare_int_tags_stops_instead_of_guessing_their_order(monkeypatch):
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")),
                                  "ner_tags": datasets.Sequence(datasets.Value("int64"))})
    split = datasets.Dataset.from_dict({"tokens": [["Ana", "in", "Oslo"]] * 30, "ner_tags": [[1, 0, 5]] * 30},
                                       features=features)
    monkeypatch.setattr(datasets, "load_dataset", lambda name, *a, **k: datasets.DatasetDict(
        {"train": split, "validation": split, "test": split}))
    with pytest.raises(DataError, match="bare integers without tag names"):
        load_ner("someone/conll2003-copy")


def test_align_first_subtoken_only_and_all_subtokens():
    names = ["O", "B-LOC", "I-LOC"]
    word_ids = [None, 0, 0, 1, 2, 2, None]  # [CLS] Tar ##bury is Lake ##side [SEP] -> words: Tarbury, is, Lakeside
    word_labels = [1, 0, 1]
    assert align_labels(word_ids, word_labels, names) == [-100, 1, -100, 0, 1, -100, -100]
    assert align_labels(word_ids, word_labels, names, label_all=True) == [-100, 1, 2, 0, 1, 2, -100]


def test_entity_spans_keep_adjacent_same_type_entities_apart():
    from labs_lib.labs.lab05_ner import entities_html
    from labs_lib.labs.lab05_ner import entity_spans

    tags = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC", "I-ORG"]
    assert entity_spans(["w"] * 7, tags) == [(0, 2, "PER"), (2, 3, "PER"), (4, 6, "LOC"), (6, 7, "ORG")]
    html = entities_html(["Ana", "Lind", "Bo", "in", "New", "York", "Corp"], tags)
    assert html.count("<b>PER</b>") == 2 and "Ana Lind <small>" in html


def test_bio_exercise(capsys):

    tokens, gold = ["Ana", "Lind", "in", "Oslo"], ["B-PER", "I-PER", "O", "B-LOC"]
    assert lab05.check_bio_tags(None, tokens, gold) is False
    assert "Hint" in capsys.readouterr().out
    assert lab05.check_bio_tags(gold, tokens, gold) is True
    with pytest.raises(AssertionError, match=r"token 1 \('Lind'\)"):
        lab05.check_bio_tags(["B-PER", "B-PER", "O", "B-LOC"], tokens, gold)
    with pytest.raises(AssertionError, match="3 tags for 4 tokens"):
        lab05.check_bio_tags(gold[:3], tokens, gold)


@pytest.mark.parametrize("kind", ["names", "strings"])
def test_hub_copies_with_classlabel_or_string_tags(monkeypatch, kind):
    names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    if kind == "names":
        tag_feature = datasets.Sequence(datasets.ClassLabel(names=names))
        rows = [[1, 0, 3]] * 30
    else:
        tag_feature = datasets.Sequence(datasets.Value("string"))
        rows = [["B-PER", "O", "B-LOC"]] * 30
    features = datasets.Features({"tokens": datasets.Sequence(datasets.Value("string")), "ner_tags": tag_feature})
    tokens = [["-DOCSTART-"]] + [["Ana", "in", "Oslo"]] * 29 + [[]]
    split = datasets.Dataset.from_dict({"tokens": tokens, "ner_tags": [[0]] + rows[:29] + [[]]} if kind == "names"
                                       else {"tokens": tokens, "ner_tags": [["O"]] + rows[:29] + [[]]}, features=features)
    monkeypatch.setattr(datasets, "load_dataset", lambda name, *a, **k: datasets.DatasetDict(
        {"train": split, "validation": split, "test": split}))
    ds, tags = load_ner("lukasgarbas/conll-03")
    assert len(ds["test"]) == 29  # the -DOCSTART- row and the empty row are skipped
    assert [tags[i] for i in ds["test"][0]["ner_tags"]] == ["B-PER", "O", "B-LOC"]


@pytest.mark.parametrize("label_all", [False, True])
def test_alignment_rule_position_by_position_on_the_projects_sentences(label_all):
    """The check lab 05 used to run in the notebook: every sub-token of every training sentence, re-derived."""
    from transformers import AutoTokenizer

    from labs_lib import models
    from labs_lib.sources import TINY_BERT

    raw, names = load_ner("assets/ner", train_size=200, seed=0)
    tokenizer = AutoTokenizer.from_pretrained(models.model_path(TINY_BERT))
    inner = 0
    for row in raw["train"]:
        word_ids = tokenizer(row["tokens"], is_split_into_words=True, truncation=True, max_length=64).word_ids()
        labels = align_labels(word_ids, row["ner_tags"], names, label_all)
        for position, (word, label) in enumerate(zip(word_ids, labels)):
            first = word is not None and (position == 0 or word_ids[position - 1] != word)
            if word is None or (not first and not label_all):
                assert label == -100
            elif first:
                assert label == row["ner_tags"][word]
            else:
                tag = names[row["ner_tags"][word]]
                assert names[label] == (tag.replace("B-", "I-", 1) if tag.startswith("B-") else tag)
            inner += word is not None and not first
    assert inner > 0, "no word was split into sub-tokens, so the rule was never exercised"
