"""Prompt–completion pairs for a causal LM: labels masked to the completion, label words checked, labels scored.

Taught in the causal-LM lab, where ``encode_pair`` is written out in a cell; this copy is the one the tests pin and
the later cells reuse. Loss goes on the completion only: every prompt (and pad) position carries ``IGNORE``, the
value PyTorch's cross-entropy skips, so the model is never trained to reproduce the review it is given.
"""

from __future__ import annotations

import warnings

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
    """Log-likelihood of each label's tokens (in context) after each prompt: a (prompts x labels) tensor of summed
    log-probs. ``argmax`` over labels is always a valid label, unlike free generation."""
    import torch

    names = [str(label) for label in labels]
    pairs = [(p, name) for p in prompts for name in names]
    scores = []
    model.eval()
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    with torch.inference_mode():
        for start in range(0, len(pairs), batch_size):
            chunk = pairs[start:start + batch_size]
            split = [completion_ids(tokenizer, p, name) for p, name in chunk]
            rows = [p_ids + l_ids for p_ids, l_ids in split]
            width = max(map(len, rows))
            ids = torch.full((len(rows), width), pad)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            for i, row in enumerate(rows):                                     # right padding: positions stay put
                ids[i, :len(row)], mask[i, :len(row)] = torch.tensor(row), 1
            logp = model(input_ids=ids.to(model.device), attention_mask=mask.to(model.device)).logits.float()
            logp = logp.log_softmax(-1).cpu()
            for i, (row, (_, l_ids)) in enumerate(zip(rows, split)):
                n = len(l_ids)
                positions = torch.arange(len(row) - n - 1, len(row) - 1)     # logits at t predict token t + 1
                scores.append(logp[i, positions, torch.tensor(row[-n:])].sum().item())
    return torch.tensor(scores).view(len(prompts), len(names))
