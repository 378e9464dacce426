"""Lab 04: continued masked-LM pretraining, then classification.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import html

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.sources import MINILM, REVIEWS, REVIEW_CORPUS, TINY_BERT


NAME = "04_mlm"

# -- Settings ----------------------------------------------------------------------------------------------------
# corpus: unlabelled text for masked-LM training; data: the labelled set for the downstream classifier.
# lora_*: lab 04's LoRA from the original and from one adapted body, the same budget for both. cpu: lora_lr 5e-3 had
# the best validation accuracy on the original body (seed 42, 30 steps: 2e-3 0.507, 5e-3 0.580, 1e-2 0.500);
# lora_steps 24 keeps the lab's cpu time near its budget (full fine-tuning gets 75 steps). smoke/full: not tuned.
MEANING = dict(
    corpus='unlabelled text for masked-LM training: a hub dataset id, or your own file or folder',
    corpus_columns="your corpus's column names where they differ, e.g. {'text': 'body'} (None: as is)",
    corpus_splits="the hub corpus's split names, {'train': ..., 'test': ...} (None: train and test)",
    corpus_train_size='corpus rows for masked-LM training at most (None: all)',
    corpus_eval_size='corpus rows for the masked-LM loss and perplexity at most (None: all)',
    block_size='tokens per masked-LM block (texts are joined, then cut into blocks)',
    mlm_probability='share of tokens the collator picks to predict',
    mlm_epochs='passes of masked-LM training over the corpus',
    mlm_batch_size='blocks per masked-LM batch',
    mlm_lr='learning rate of continued pretraining',
    head_lr='learning rate of a new masked-LM head trained alone first (the body frozen), when the model has none',
    lr='learning rate of the downstream classifier (full fine-tuning)',
    lora_lr='learning rate of LoRA from the original and from the adapted body',
    lora_steps='optimizer steps of each LoRA run (the same budget for both bodies)',
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(mlm_probability=0.15, head_lr=1e-3, n_seeds=3, lora_r=8, corpus_columns=None, columns=None,
        split="stratified 70/15/15"),
    smoke=dict(model=TINY_BERT, corpus=REVIEW_CORPUS, corpus_splits=None, corpus_train_size=400, corpus_eval_size=60,
        block_size=64, mlm_epochs=2, mlm_batch_size=16, mlm_lr=1e-3, data=REVIEWS, train_size=480, eval_size=96,
        epochs=5, batch_size=16, max_length=64, lr=1e-3, lora_lr=5e-3, lora_steps=24, lora_targets=["query", "value"],
        head_modules=["pooler"]),
    cpu=dict(model=MINILM, corpus=REVIEW_CORPUS, corpus_splits=None, corpus_train_size=600, corpus_eval_size=150,
        block_size=64, mlm_epochs=1, mlm_batch_size=16, mlm_lr=1e-4, data=REVIEWS, train_size=400, eval_size=300,
        epochs=3, batch_size=16, max_length=64, lr=3e-4, lora_lr=5e-3, lora_steps=75, lora_targets=["query", "value"],
        head_modules=["pooler"]),
    full=dict(model="distilbert/distilbert-base-uncased", corpus="stanfordnlp/imdb",
        corpus_splits={"train": "unsupervised", "test": "test"}, corpus_train_size=20_000, corpus_eval_size=1000,
        block_size=128, mlm_epochs=1, mlm_batch_size=32, mlm_lr=5e-5, data="stanfordnlp/imdb", train_size=2000,
        eval_size=2000, epochs=2, batch_size=32, max_length=256, lr=5e-5, lora_lr=5e-4, lora_steps=125,
        lora_targets=["q_lin", "v_lin"], head_modules=["pre_classifier"]),
)


# -- Lesson checks -------------------------------------------------------------------------------------------------
def check_mask_share(answer, mlm_probability: float, mask_replace_prob: float = 0.8) -> bool:
    """Exercise: what share of the input tokens becomes [MASK] under the 80/10/10 rule?"""
    expected = mlm_probability * mask_replace_prob
    return verdict(answer, expected, tolerance=1e-3,
                   hint="first the share of tokens chosen for the loss, then the share of those that are replaced by "
                        "[MASK].",
                   wrong=f"{mlm_probability:.0%} of the tokens are chosen; of those, {mask_replace_prob:.0%} become "
                         "[MASK] (the rest: random token or unchanged).",
                   correct=f"Correct: {expected:.3g} ({mlm_probability:.0%} chosen x {mask_replace_prob:.0%} "
                           "replaced by [MASK]).")


# -- Figures -------------------------------------------------------------------------------------------------------
MASK_STYLES = {  # what the collator did to a position it chose for the loss
    "[MASK]": "background:#f4a6a6",
    "random": "background:#f7d08a",
    "kept": "background:#b9e3b1",
}


def masked_positions(input_ids, labels, mask_token_id: int) -> list[str | None]:
    """Per position: None (not in the loss), '[MASK]', 'random' (replaced by another token) or 'kept'."""
    kinds = []
    for token, label in zip(list(input_ids), list(labels)):
        token, label = int(token), int(label)
        if label == -100:
            kinds.append(None)
        elif token == mask_token_id:
            kinds.append("[MASK]")
        elif token != label:
            kinds.append("random")
        else:
            kinds.append("kept")
    return kinds


def masked_tokens_html(tokenizer, input_ids, labels, title: str = "") -> str:
    """One row of tokens as the model sees them; chosen positions coloured, the original token underneath."""
    kinds = masked_positions(input_ids, labels, tokenizer.mask_token_id)
    shown = tokenizer.convert_ids_to_tokens([int(t) for t in input_ids])
    spans = []
    for token, label, kind in zip(shown, list(labels), kinds):
        if kind is None:
            spans.append(f"<span style='padding:1px 2px'>{html.escape(token)}</span>")
        else:
            original = tokenizer.convert_ids_to_tokens(int(label))
            spans.append(f"<span title='{kind}' style='{MASK_STYLES[kind]};padding:1px 2px;display:inline-block;"
                         f"text-align:center'>{html.escape(token)}<br><small>{html.escape(original)}</small></span>")
    legend = " ".join(f"<span style='{style};padding:1px 4px'>{html.escape(kind)}</span>"
                      for kind, style in MASK_STYLES.items())
    head = f"<b>{html.escape(title)}</b> &nbsp; " if title else ""
    return (f"<div style='font-family:monospace;line-height:2.2;margin-bottom:8px'>{head}{legend}<br>"
            + " ".join(spans) + "</div>")


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _mlm_cases():
    import torch

    generator = torch.Generator().manual_seed(0)
    logits = torch.randn(2, 5, 11, generator=generator)
    labels = torch.tensor([[-100, 3, -100, -100, 7], [1, -100, -100, 10, -100]])
    return [(logits, labels), (logits[:1], torch.tensor([[-100, -100, 4, -100, -100]]))]


def _mlm_reference(logits, labels):
    import torch.nn.functional as F

    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-100).item()


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("masked_lm_loss", _mlm_cases, _mlm_reference, "torch's cross_entropy with ignore_index=-100")

# the study guide's questions: question id -> (its opening words, options, the right letter, why)
STUDY = {
    "q1": ("Why continue masked-LM pretraining before fine-tuning a classifier?", 4, "d",
           "A model pretrained on general text may have seen little of your domain's words and style; more "
           "masked-LM training on unlabelled domain text adapts it to them before the (small) labelled set is "
           "used. Whether it paid off here is what the comparison of bodies in this lab measured."),
    "q2": ("How do token masking and whole-word masking differ?", 4, "a",
           "Token masking picks sub-word tokens one by one, so part of a word can be hidden while its other "
           "pieces give it away; whole-word masking hides every piece of a chosen word together, a harder task "
           "that asks for the word from its context."),
}
