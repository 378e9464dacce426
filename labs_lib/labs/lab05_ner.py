"""Lab 05: named entities with a token classifier.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import html

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.sources import MINILM, NER_SENTENCES, TINY_BERT


NAME = "05_ner"

# -- Settings ----------------------------------------------------------------------------------------------------

MEANING = dict()   # the shared meanings (profiles.MEANING) cover every setting
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(columns=None, split="random 70/15/15"),
    smoke=dict(model=TINY_BERT, data=NER_SENTENCES, train_size=400, eval_size=100, epochs=40, batch_size=16,
        max_length=64, lr=3e-3),
    cpu=dict(model=MINILM, data=NER_SENTENCES, train_size=None, eval_size=None, epochs=4, batch_size=16,
        max_length=64, lr=2e-4),
    full=dict(model="google-bert/bert-base-cased", data="eriktks/conll2003", train_size=None, eval_size=None,
        epochs=3, batch_size=32, max_length=128, lr=3e-5),
)


def entity_spans(tokens, tags) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in a BIO-tagged sentence; ``end`` is exclusive."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return spans


def align_labels(word_ids, word_labels, label_names, label_all_subtokens: bool = False) -> list[int]:
    """Taught in lab 05, section 2 (written out there with a comment per branch). Word-level tag ids -> one label
    per sub-token: -100 for special tokens; the first sub-token of a word gets
    the word's tag; the rest get -100 (ignored by the loss), or with ``label_all_subtokens`` the word's tag with
    B- turned into I- (a word continues its own entity)."""
    labels, previous = [], None
    for word in word_ids:
        if word is None:
            labels.append(-100)
        elif word != previous:
            labels.append(word_labels[word])
        elif label_all_subtokens:
            name = label_names[word_labels[word]]
            labels.append(label_names.index("I-" + name[2:]) if name.startswith("B-") else word_labels[word])
        else:
            labels.append(-100)
        previous = word
    return labels


# -- Lesson checks -------------------------------------------------------------------------------------------------
def check_bio_tags(answer, tokens, expected) -> bool:
    """Exercise: tag ``tokens`` in BIO by hand; ``answer`` is a list of tags, one per token."""
    expected, wrong = list(expected), ""
    if answer is not None:
        answer = list(answer)
        mistakes = [(i, tokens[i], a) for i, (a, e) in enumerate(zip(answer, expected)) if a != e]
        wrong = (f"{len(answer)} tags for {len(tokens)} tokens: give exactly one tag per token."
                 if len(answer) != len(tokens) else
                 f"{len(mistakes)} tag(s) wrong; the first is token {mistakes[0][0]} ({mistakes[0][1]!r}), which you "
                 f"tagged {mistakes[0][2]!r}. Is it inside an entity? Does an entity start there?" if mistakes else "")
    return verdict(answer, expected,
                   hint="one tag per token; the first token of an entity gets B-TYPE, the following tokens of the "
                        "same entity I-TYPE, everything else O. Two entities side by side each start with B-.",
                   wrong=wrong, correct=f"Correct: {' '.join(f'{t}/{g}' for t, g in zip(tokens, expected))}")


# -- Figures -------------------------------------------------------------------------------------------------------
ENTITY_COLORS = {"PER": "#f4a6a6", "ORG": "#a6c8f4", "LOC": "#b9e3b1", "MISC": "#f7d08a"}


def entities_html(tokens, tags) -> str:
    """A sentence with each entity on a coloured background, its type in small capitals after it."""
    spans = {start: (end, kind) for start, end, kind in entity_spans(tokens, tags)}
    parts, i = [], 0
    while i < len(tokens):
        if i in spans:
            end, kind = spans[i]
            color = ENTITY_COLORS.get(kind, "#dddddd")
            parts.append(f"<span style='background:{color};padding:1px 4px;border-radius:3px'>"
                         f"{html.escape(' '.join(tokens[i:end]))} <small><b>{html.escape(kind)}</b></small></span>")
            i = end
        else:
            parts.append(html.escape(tokens[i]))
            i += 1
    return "<div style='line-height:2'>" + " ".join(parts) + "</div>"


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _spans_cases():
    return [(["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-LOC"],), (["O", "B-ORG", "B-ORG", "O"],),
            (["B-MISC"],), (["O", "O"],)]


def _spans_reference(tags):
    from seqeval.metrics.sequence_labeling import get_entities

    return [(start, end + 1, kind) for kind, start, end in get_entities(list(tags))]


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("entity_spans", _spans_cases, _spans_reference, "seqeval's get_entities")

# the study guide's questions: question id -> (its opening words, options, the right letter, why)
STUDY = {
    "q1": ("What is named-entity recognition for?", 4, "c",
           "NER finds the spans of text that name something (a person, an organisation, a place, ...) and "
           "labels each span with its type: a decision per token, where classification made one per text."),
    "q2": ("What do the B- and I- prefixes of a tag say?", 4, "a",
           "B- marks the first token of an entity, I- a token that continues the entity begun before it: "
           "\"New York\" is B-LOC I-LOC, and two entities of one type side by side stay two (the second "
           "starts with B-)."),
}
