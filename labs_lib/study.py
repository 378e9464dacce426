"""The study guide's questions, checked: each lab that a question belongs to ends with a "Check your understanding"
block (the questions and their options in the lab's markdown, the learner's letters in the cell below it);
``check_understanding(lab.STUDY, answers)`` reads the lab's key (its module's ``STUDY``: question id -> the question's
opening words, number of options, right letter, why) and says, per question, "not answered yet", or right / wrong
with the reason. The questions are the eight of the course's reading list (Hands-On LLMs, ch. 11), in our words.
"""

from __future__ import annotations


def check_understanding(key: dict, answers: dict) -> int:
    """Check ``answers`` (question id -> a letter, or None) against the lab's ``key`` (``lab.STUDY``); print a line
    per question and return how many are right. A wrong letter raises AssertionError with every wrong one and its
    reason."""
    unknown = set(answers) - set(key)
    if unknown:
        raise ValueError(f"unknown question(s) {sorted(unknown)}; this lab asks {', '.join(key)}")
    right, wrong = 0, []
    for qid, (question, options, letter, why) in key.items():
        answer = answers.get(qid)
        if answer is None:
            print(f"{qid} ({question}) not answered yet: write a letter")
            continue
        answer = str(answer).strip().lower()
        letters = "abcdefgh"[:options]
        if answer not in letters:
            raise ValueError(f"{qid}: answer with one letter of {', '.join(letters)}, not {answer!r}")
        if answer == letter:
            right += 1
            print(f"{qid}: {answer}) is right. {why}")
        else:
            wrong.append(f"{qid}: {answer}) is not it. {why}")
    if wrong:
        raise AssertionError("\n".join(wrong))
    return right
