"""Lab 01: fine-tuning an encoder for classification (full fine-tuning, a frozen body, LoRA).

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from labs_lib import exercises, profiles
from labs_lib.checks import lora_added_parameters, verdict
from labs_lib.metrics import padded_tokens
from labs_lib.plots import COLORS
from labs_lib.sources import MINILM, REVIEWS, TINY_BERT


NAME = "01_classification"

# -- Settings ----------------------------------------------------------------------------------------------------
# batch_size x grad_accum examples per optimizer step; patience: evaluations (3 per epoch) without a
# lower validation loss before training stops, the best checkpoint kept (None: never stop early); smoke runs 8 x 2
# without early stopping (the random tiny body's validation loss sits at ln 2 for the first epochs, so patience 2
# stopped full fine-tuning at step 65 of 200 before its training loss fell, once accumulation was scaled right).
# cpu runs 16 x 1: at 8 x 2 (2026-12-04, accumulation fixed) LoRA (q, v) at 5e-3 diverged (loss .697 -> .778) and
# stopped at step 63; lab 06's cpu row is where accumulation acts offline. lr_lora_all: the rate for
# LoRA on every Linear layer (lab 08 found 1e-3 beat 5e-3 for it on the MiniLM).
# cpu's budget is ~6 min for five trainings on 2 cores: 800 / 200 rows and no middle point in the freeze sweep took
# 361 s (2026-12-04); 1,000 / 300 rows with freeze_sweep=[3] took 581 s (k=3: validation .787 in 131 s).
MEANING = dict(
    patience="evaluations (3 per epoch) without a lower validation loss before training stops, best kept (None: never)",
    lr_head='learning rate with the body frozen (the head alone learns)',
    lr_lora_all='learning rate of LoRA on every Linear layer',
    freeze_sweep='numbers of bottom encoder layers to freeze, one training each (empty: no sweep)',
    pretrained="whether the body is pretrained (False on smoke's random body: the pretraining lessons are skipped)",
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(columns=None, split="stratified 70/15/15"),
    smoke=dict(model=TINY_BERT, data=REVIEWS, train_size=640, eval_size=96, epochs=5, batch_size=8, grad_accum=2,
        patience=None, max_length=128, lr_full=2e-3, lr_head=5e-3, lr_lora=5e-3, lr_lora_all=5e-3,
        lora_targets=["query", "value"], head_modules=["pooler"], freeze_sweep=[1], pretrained=False),
    cpu=dict(model=MINILM, data=REVIEWS, train_size=800, eval_size=200, epochs=2, batch_size=16, grad_accum=1,
        patience=2, max_length=64, lr_full=1e-4, lr_head=3e-3, lr_lora=5e-3, lr_lora_all=1e-3,
        lora_targets=["query", "value"], head_modules=["pooler"], freeze_sweep=[], pretrained=True),
    full=dict(model="distilbert/distilbert-base-uncased", data="stanfordnlp/imdb", train_size=10_000, eval_size=2000,
        epochs=2, batch_size=32, grad_accum=1, patience=2, max_length=256, lr_full=5e-5, lr_head=1e-3, lr_lora=5e-4,
        lr_lora_all=3e-4, lora_targets=["q_lin", "v_lin"], head_modules=["pre_classifier"], freeze_sweep=[2, 4],
        pretrained=True),
)


# -- Lesson checks -------------------------------------------------------------------------------------------------
def check_lora_params(answer, model, r: int, targets) -> bool:
    """Exercise: how many parameters does LoRA with rank ``r`` on ``targets`` add to ``model``'s body?"""
    expected, layers = lora_added_parameters(model, r, targets)
    shapes = sorted({(m.in_features, m.out_features) for _, m in layers})
    return verdict(
        answer, expected,
        hint=f"count the Linear layers named {list(targets)} (print(model) shows them), and for each "
             "Linear(in, out) add r*in (matrix A) + out*r (matrix B).",
        wrong=f"This model has {len(layers)} targeted Linear layers with (in, out) shapes {shapes}; "
              f"each adds r*(in + out) with r={r}. (The classifier head, also trainable, is not part of the count.)")


def check_dynamic_padding(answer, lengths, batch_size: int) -> bool:
    """Exercise: how many PAD tokens does dynamic padding add to ``lengths`` batched in order?"""
    expected = padded_tokens(lengths, batch_size) - sum(lengths)
    return verdict(
        answer, expected,
        hint=f"split the lengths into batches of {batch_size} in order; in each batch every sequence is padded "
             "up to the longest one in that batch.",
        wrong="For each batch: (batch size x longest length) - (sum of its lengths). "
              f"The first batch is {list(lengths)[:batch_size]}.")


# -- Figures -------------------------------------------------------------------------------------------------------
def plot_freeze_sweep(frozen_layers, accuracy, trainable, n_layers: int):
    """Accuracy and trainable parameters against how many of the first layers are frozen."""
    fig, ax1 = plt.subplots(figsize=(6, 3.4))
    ax1.plot(frozen_layers, accuracy, "o-", color=COLORS[0])
    ax1.set(xlabel=f"first k of {n_layers} layers frozen (embeddings frozen when k > 0)",
            ylabel="validation accuracy", xticks=list(frozen_layers))
    ax1.yaxis.label.set_color(COLORS[0])
    ax2 = ax1.twinx()
    ax2.plot(frozen_layers, np.array(trainable) / 1e6, "s--", color=COLORS[1])
    ax2.set_ylabel("trainable params (M)", color=COLORS[1])
    ax1.set_title("Freezing more layers: cheaper, and how much worse?")
    fig.tight_layout()
    return fig


def plot_padding(tokens: dict, seconds: dict):
    """Tokens per epoch for each padding strategy, and seconds per training step for those timed."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.2), gridspec_kw={"width_ratios": [len(tokens), len(seconds)]})
    for ax, values, title, fmt in ((axes[0], tokens, "Tokens the model processes in one epoch", "{:,.0f}"),
                                   (axes[1], seconds, "Seconds per training step", "{:.3f}")):
        names = list(values)
        ax.bar(names, [values[n] for n in names], color=COLORS[: len(names)])
        for i, n in enumerate(names):
            ax.text(i, values[n], fmt.format(values[n]), ha="center", va="bottom")
        ax.set_title(title)
        ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    return fig


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _pad_cases():
    return [([[101, 7, 8, 102], [101, 9, 102]], 0), ([[5], [5, 6, 7], [5, 6]], 3), ([[1, 2]], 0)]


def _pad_reference(sequences, pad_id):
    import torch
    from torch.nn.utils.rnn import pad_sequence

    ids = pad_sequence([torch.tensor(s) for s in sequences], batch_first=True, padding_value=pad_id)
    mask = pad_sequence([torch.ones(len(s), dtype=torch.long) for s in sequences], batch_first=True)
    return ids.tolist(), mask.tolist()


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("pad_batch", _pad_cases, _pad_reference, "torch's pad_sequence")

# the study guide's questions: question id -> (its opening words, options, the right letter, why)
STUDY = {
    "q1": ("What separates the frozen-body run from full fine-tuning?", 4, "b",
           "With the body frozen, the encoder is a fixed feature extractor and only the new head learns; full "
           "fine-tuning updates the pretrained weights together with the head, so the features themselves "
           "become specific to the task. The results table shows what that was worth here."),
    "q2": ("Freezing the first k encoder layers trades what for what?", 4, "c",
           "Frozen layers need no gradients or optimizer state: steps are cheaper and memory smaller. The price "
           "is less room to adapt: the more layers are frozen, the more the model depends on features learnt "
           "for other text, and accuracy can fall below training every layer."),
}
