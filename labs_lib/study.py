"""The study guide's questions, checked: each lab that a question belongs to ends with a "Check your understanding"
block (the questions and their options in the lab's markdown, the learner's letters in the cell below it);
``check_understanding(lab, answers)`` holds the key and says, per question, "not answered yet", or right / wrong
with the reason. The questions are the eight of the course's reading list (Hands-On LLMs, ch. 11), in our words.
"""

from __future__ import annotations

# lab -> question id -> (the question's opening words as the lab prints them, number of options, right letter, why)
KEY = {
    "01_classification": {
        "q1": ("What separates the frozen-body run from full fine-tuning?", 4, "b",
               "With the body frozen, the encoder is a fixed feature extractor and only the new head learns; full "
               "fine-tuning updates the pretrained weights together with the head, so the features themselves "
               "become specific to the task. The results table shows what that was worth here."),
        "q2": ("Freezing the first k encoder layers trades what for what?", 4, "c",
               "Frozen layers need no gradients or optimizer state: steps are cheaper and memory smaller. The price "
               "is less room to adapt: the more layers are frozen, the more the model depends on features learnt "
               "for other text, and accuracy can fall below training every layer."),
    },
    "03_setfit": {
        "q1": ("When is SetFit the method to reach for?", 4, "a",
               "SetFit is built for few labels: from a handful of examples per class it makes many sentence pairs, "
               "tunes a sentence-embedding model on them, and fits a small classifier; plain fine-tuning usually "
               "needs far more labelled examples to get there."),
        "q2": ("In which order does SetFit run these steps?", 4, "b",
               "Pairs first (same class: positive, different classes: negative), then contrastive fine-tuning of "
               "the embedding model on those pairs, then a classifier trained on the tuned embeddings."),
    },
    "04_mlm": {
        "q1": ("Why continue masked-LM pretraining before fine-tuning a classifier?", 4, "d",
               "A model pretrained on general text may have seen little of your domain's words and style; more "
               "masked-LM training on unlabelled domain text adapts it to them before the (small) labelled set is "
               "used. Whether it paid off here is what the comparison of bodies in this lab measured."),
        "q2": ("How do token masking and whole-word masking differ?", 4, "a",
               "Token masking picks sub-word tokens one by one, so part of a word can be hidden while its other "
               "pieces give it away; whole-word masking hides every piece of a chosen word together, a harder task "
               "that asks for the word from its context."),
    },
    "05_ner": {
        "q1": ("What is named-entity recognition for?", 4, "c",
               "NER finds the spans of text that name something (a person, an organisation, a place, ...) and "
               "labels each span with its type: a decision per token, where classification made one per text."),
        "q2": ("What do the B- and I- prefixes of a tag say?", 4, "a",
               "B- marks the first token of an entity, I- a token that continues the entity begun before it: "
               "\"New York\" is B-LOC I-LOC, and two entities of one type side by side stay two (the second "
               "starts with B-)."),
    },
}


def check_understanding(lab: str, answers: dict) -> int:
    """Check ``answers`` (question id -> a letter, or None) against the lab's key; print a line per question and
    return how many are right. A wrong letter raises AssertionError with every wrong one and its reason."""
    if lab not in KEY:
        raise ValueError(f"no study questions for {lab!r}; labs with questions: {', '.join(KEY)}")
    key = KEY[lab]
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
