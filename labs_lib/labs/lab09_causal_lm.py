"""Lab 09: a causal LM fine-tuned on prompt-completion pairs.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import warnings

from labs_lib import exercises, profiles
from labs_lib.sources import REVIEWS, SMALL_LLAMA, TINY_LLAMA


NAME = "09_causal_lm"

# -- Settings ----------------------------------------------------------------------------------------------------
SENTIMENT_TASK = "Classify the sentiment of this movie review."   # the instruction, before the allowed answers

# Lab 09: a causal LM answers with the label's word. lora_targets: Llama-family attention projections.
# draws: few-shot prompts drawn (one solved training example per class each), compared on the first draw_rows
# validation rows (None: all); ppl_texts: documents for the forgetting check; qlora: the LoRA run again on a 4-bit
# (NF4) base with bitsandbytes; smoke accumulates (grad_accum=2) so CI runs that path; task: the instruction's
# first sentence (your data: your task, e.g. "Which team should answer this ticket?").
# lora_r=None trains every weight: cpu's 4M-parameter scratch decoder, where LoRA stayed at chance on validation
# and full fine-tuning reached .65 (benchmarks/causal_lm_cpu_candidates.py).
MEANING = dict(
    lora_r="LoRA's rank (None: train every weight, as cpu's small scratch decoder does)",
    draws='few-shot prompts drawn (one solved training example per class each), compared on validation',
    draw_rows='validation rows the draws are compared on (None: all)',
    eval_batch_size='prompts per batch when scoring the labels',
    ppl_texts='documents for the forgetting check (perplexity before and after)',
    qlora='whether the LoRA run is repeated on a 4-bit (NF4) base with bitsandbytes',
    task="the instruction's first sentence (your data: your task, e.g. 'Which team should answer this ticket?')",
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(columns=None, split="stratified 70/15/15", task=SENTIMENT_TASK),
    smoke=dict(model=TINY_LLAMA, data=REVIEWS, train_size=160, eval_size=32, max_length=192, batch_size=4,
        grad_accum=2, epochs=2, lr=3e-3, lora_r=8, lora_targets=["q_proj", "v_proj"], draws=2, draw_rows=None,
        eval_batch_size=16, ppl_texts=8, qlora=True),
    cpu=dict(model=SMALL_LLAMA, data=REVIEWS, train_size=800, eval_size=200, max_length=192, batch_size=8,
        grad_accum=1, epochs=3, lr=1e-3, lora_r=None, lora_targets=["q_proj", "v_proj"], draws=3, draw_rows=None,
        eval_batch_size=16, ppl_texts=50, qlora=False),
    full=dict(model="HuggingFaceTB/SmolLM2-360M-Instruct", data="stanfordnlp/imdb", train_size=4000, eval_size=1000,
        max_length=512, batch_size=8, grad_accum=2, epochs=1, lr=2e-4, lora_r=16,
        lora_targets=["q_proj", "k_proj", "v_proj", "o_proj"], draws=3, draw_rows=200, eval_batch_size=32,
        ppl_texts=200, qlora=True),
)


# -- Helpers -------------------------------------------------------------------------------------------------------
# Prompt–completion pairs for a causal LM: labels masked to the completion, label words checked, labels scored.
#
# Taught in the causal-LM lab, where ``encode_pair`` is written out in a cell; this copy is the one the tests pin and
# the later cells reuse. Loss goes on the completion only: every prompt (and pad) position carries ``IGNORE``, the
# value PyTorch's cross-entropy skips, so the model is never trained to reproduce the review it is given.
IGNORE = -100  # label value that torch.nn.CrossEntropyLoss (and every transformers LM loss) leaves out


def completion_ids(tokenizer, prompt: str, completion: str) -> tuple[list[int], list[int]]:
    """(prompt ids, completion ids) with the completion tokenized IN CONTEXT: the pair is tokenized as one text and
    split where the prompt's own tokens end, as TRL's SFTTrainer does (a tokenizer can write a word differently at
    the start of a text than after a newline). The prompt string carries its own special tokens, as a chat template
    writes them: none are added. ValueError when the completion tokenizes to nothing, or when the prompt's tokens
    change once the completion follows (end the prompt at a boundary: a newline, a space, a marker)."""
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(prompt + completion, add_special_tokens=False)["input_ids"]
    if full_ids[:len(prompt_ids)] != prompt_ids:
        raise ValueError(f"the prompt's last tokens change when {completion!r} follows it: end the prompt where a "
                         "token must end (a newline, a space or a marker such as the chat template's)")
    if len(full_ids) == len(prompt_ids):
        raise ValueError(f"the completion {completion!r} tokenizes to nothing after this prompt")
    return prompt_ids, full_ids[len(prompt_ids):]


def encode_pair(tokenizer, prompt: str, completion: str, max_length: int) -> dict:
    """``input_ids``, ``attention_mask`` and ``labels`` for one pair: prompt, completion (in context), EOS; labels are
    ``IGNORE`` on the prompt and the completion's ids and EOS after it. A pair longer than ``max_length`` loses
    tokens from the START of the prompt (its end holds the question the completion answers: TRL's
    ``truncation_mode="keep_end"``); a completion that alone does not fit is an error, never silently cut."""
    prompt_ids, answer_ids = completion_ids(tokenizer, prompt, completion)
    answer_ids = answer_ids + [tokenizer.eos_token_id]
    room = max_length - len(answer_ids)
    if room < 1:
        raise ValueError(f"the completion {completion!r} takes {len(answer_ids)} tokens with EOS; "
                         f"max_length={max_length} leaves no room for a prompt")
    prompt_ids = prompt_ids[-room:]                                   # room >= 1: the last `room` tokens, or all
    input_ids = prompt_ids + answer_ids
    return {"input_ids": input_ids, "attention_mask": [1] * len(input_ids),
            "labels": [IGNORE] * len(prompt_ids) + answer_ids}


def label_token_ids(tokenizer, labels: list[str], context: str = "") -> dict[str, list[int]]:
    """Each label's tokens as a completion after ``context`` (the end of a prompt, e.g. the chat template's opening
    of the assistant turn). Raises a ValueError naming a label that is empty, that tokenizes to nothing, or that
    two labels share; warns when one label's tokens begin another's (scoring without EOS then favours neither
    reliably)."""
    ids = {}
    for label in labels:
        if not str(label).strip():
            raise ValueError(f"label {label!r} is empty: every class needs a word the model can write")
        tokens = completion_ids(tokenizer, context, str(label))[1]   # its errors name the label
        same = [other for other, seen in ids.items() if seen == tokens]
        if same:
            raise ValueError(f"labels {same[0]!r} and {label!r} tokenize the same: rename one")
        ids[str(label)] = tokens
    for a, ta in ids.items():
        for b, tb in ids.items():
            if a != b and tb[:len(ta)] == ta:
                warnings.warn(f"label {a!r}'s tokens begin label {b!r}'s: score with EOS, or rename one")
    return ids


def parse_label(generated: str, labels: list[str]) -> str | None:
    """The label a free generation names: the longest label the text starts with (case and surrounding spaces and
    punctuation ignored), else None — an answer that is no valid label."""
    text = generated.strip().strip("\"'.:,;!").lower()
    for label in sorted(labels, key=len, reverse=True):
        if text.startswith(label.lower()):
            rest = text[len(label):]
            if not rest or not rest[0].isalnum():
                return label
    return None


def score_labels(model, tokenizer, prompts: list[str], labels: list[str], batch_size: int = 16):
    """Log-likelihood of each label's tokens (in context) AND the EOS after them, after each prompt: a (prompts x
    labels) tensor of summed log-probs, the same number as the model's own loss on prompt + label + EOS with the prompt
    masked, times the answer's token count. ``argmax`` over labels is always a valid label, unlike free generation.

    Why EOS: without it a label is scored as the *start* of an answer, so a label whose tokens begin another's (or any
    shorter label) gets a free ride; with it, the score is "this label, and then stop".
    Memory: only the answer positions reach the output layer (``logits_to_keep`` with each row's own positions), and
    everything stays on the model's device: a batch holds batch x (longest answer + 1) x vocabulary logits, not
    batch x sequence x vocabulary: (sequence length) / (longest answer + 1) times fewer floats."""
    import torch

    names = [str(label) for label in labels]
    eos = tokenizer.eos_token_id
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos
    pairs = [(p, name) for p in prompts for name in names]
    scores = []
    model.eval()
    with torch.inference_mode():
        for start in range(0, len(pairs), batch_size):
            split = [completion_ids(tokenizer, p, name) for p, name in pairs[start:start + batch_size]]
            if any(not p_ids for p_ids, _ in split):
                raise ValueError("an empty prompt: nothing predicts the answer's first token")
            rows = [p_ids + l_ids + [eos] for p_ids, l_ids in split]
            width, k = max(map(len, rows)), max(len(l_ids) + 1 for _, l_ids in split)
            ids = torch.full((len(rows), width), pad)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            # right-aligned in k slots: the positions whose logits predict the answer + EOS (logits at t predict token
            # t + 1), the tokens they predict, and which slots count (a shorter answer repeats a position, not counted)
            at, target = torch.zeros((len(rows), k), dtype=torch.long), torch.zeros((len(rows), k), dtype=torch.long)
            counts = torch.zeros((len(rows), k), dtype=torch.bool)
            for i, row in enumerate(rows):                                     # right padding: positions stay put
                ids[i, :len(row)], mask[i, :len(row)] = torch.tensor(row), 1
                n = len(split[i][1]) + 1
                at[i] = len(row) - n - 1
                at[i, k - n:] = torch.arange(len(row) - n - 1, len(row) - 1)
                target[i, k - n:], counts[i, k - n:] = torch.tensor(row[-n:]), True
            device = model.device
            logits = model(input_ids=ids.to(device), attention_mask=mask.to(device),
                           logits_to_keep=at.to(device)).logits                # (rows, k, vocabulary)
            logp = logits.float().log_softmax(-1).gather(-1, target.to(device)[..., None])[..., 0]
            scores.append(torch.where(counts.to(device), logp, 0.0).sum(-1))
    return torch.cat(scores).cpu().view(len(prompts), len(names))


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _answer_cases():
    import torch

    generator = torch.Generator().manual_seed(0)
    return [(torch.randn(6, 9, generator=generator), [1, 4, 2, 7, 3, 8], 4),
            (torch.randn(3, 5, generator=generator), [0, 2, 4], 1)]


def _answer_reference(logits, ids, prompt_length):
    import torch
    import torch.nn.functional as F

    ids = torch.tensor(ids)
    # the logits at position t predict token t + 1: the answer's tokens are read one position earlier
    return -F.cross_entropy(logits[prompt_length - 1:-1], ids[prompt_length:], reduction="sum").item()


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("answer_log_likelihood", _answer_cases, _answer_reference, "torch's cross_entropy")
