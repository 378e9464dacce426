"""The study guide's questions: each lab whose module has a STUDY key shows its questions and options in its markdown and
ends with the cell that checks the learner's letters; the key accepts its right letters, names wrong ones with the
reason, says "not answered yet" for blanks, and refuses an unknown question or a letter with no option."""

import re

import nbformat
import pytest

from labs_lib import labs
from labs_lib.study import check_understanding

KEY = {lab: labs.module(lab).STUDY for lab in labs.LABS if hasattr(labs.module(lab), "STUDY")}
from notebook_run import NOTEBOOKS


@pytest.mark.parametrize("lab", sorted(KEY))
def test_the_lab_shows_each_question_with_its_options_and_ends_with_the_check(lab):
    nb = nbformat.read(NOTEBOOKS / f"{lab}.ipynb", as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for qid, (question, options, _, _) in KEY[lab].items():
        block = re.search(rf"\*\*{qid}\.\*\* {re.escape(question)}(.*?)(?:\n\n|\Z)", markdown, re.S)
        assert block, f"{lab}: the markdown lacks **{qid}.** {question}"
        letters = re.findall(r"^- ([a-h])\) ", block.group(1), re.M)
        assert letters == list("abcdefgh"[:options]), f"{lab} {qid}: options {letters}"
    last = [c for c in nb.cells if c.cell_type == "code"][-1].source
    assert "check_understanding(lab.STUDY, answers)" in last and "answers = {" in last


@pytest.mark.parametrize("lab", sorted(KEY))
def test_right_letters_pass_wrong_ones_are_named_and_blanks_wait(lab, capsys):
    key = KEY[lab]
    right = {qid: item[2] for qid, item in key.items()}
    assert check_understanding(key, right) == len(key)
    assert check_understanding(key, {qid: None for qid in key}) == 0
    assert capsys.readouterr().out.count("not answered yet") == len(key)
    qid, (_, options, letter, why) = next(iter(key.items()))
    wrong = next(x for x in "abcdefgh"[:options] if x != letter)
    with pytest.raises(AssertionError, match=re.escape(f"{qid}: {wrong}) is not it. {why[:30]}")):
        check_understanding(key, {**right, qid: wrong.upper()})


def test_an_unknown_question_or_letter_is_named():
    with pytest.raises(ValueError, match=r"unknown question\(s\) \['q9'\]; this lab asks q1, q2"):
        check_understanding(KEY["05_ner"], {"q9": "a"})
    with pytest.raises(ValueError, match="answer with one letter of a, b, c, d, not 'e'"):
        check_understanding(KEY["05_ner"], {"q1": "e"})
