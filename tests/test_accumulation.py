"""Gradient accumulation with the Trainer of our pinned transformers (labs 01, 02, 06, 09).

transformers decides whether a model's loss is already normalised over the whole accumulated batch from the model's
forward signature: a forward that takes ``**kwargs`` (BERT's, DistilBERT's, T5's in 5.x) counts as "accepts loss
kwargs", so the Trainer does NOT divide each micro-batch loss by ``gradient_accumulation_steps``. Their
sequence-classification loss is a plain per-batch mean all the same, so with 2 accumulated batches the logged loss
reads twice the true value and the gradient is twice the mean one. ``trainer.loss_is_scaled_for_ga = False`` (a
documented Trainer attribute) tells it the truth. These tests pin both halves, so a transformers upgrade that
changes either shows up here rather than in a lab's curves."""

import numpy as np
import pytest
import torch
from datasets import Dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

from labs_lib import builders


@pytest.fixture(scope="module")
def tiny():
    return builders.build_tiny_bert()


def _train_one_step(model, rows, tmp_path, batch, accum, fix, grad_of, collator=None):
    """One optimizer step of `batch` x `accum` at learning rate 0: the logged loss and `grad_of`'s gradient."""
    args = TrainingArguments(output_dir=str(tmp_path), per_device_train_batch_size=batch,
                             gradient_accumulation_steps=accum, max_steps=1, learning_rate=0.0, logging_steps=1,
                             max_grad_norm=0.0, report_to="none", disable_tqdm=True, seed=0, data_seed=0,
                             dataloader_pin_memory=False)
    trainer = Trainer(model=model, args=args, train_dataset=rows, data_collator=collator)
    if fix:
        trainer.loss_is_scaled_for_ga = False   # lab 01's line: right for a per-batch mean, wrong for an LM's loss
    grads = {}
    for name, p in model.named_parameters():   # keep each parameter's gradient as it is before the step
        p.register_hook(lambda g, name=name: grads.__setitem__(name, grads.get(name, 0) + g.detach().clone()))
    trainer.train()
    loss = next(h["loss"] for h in trainer.state.log_history if "loss" in h)
    return loss, grads[grad_of]


def _first_step(path, tmp_path, batch, accum, fix):
    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_pretrained(   # no dropout: both runs see the same net
        path, num_labels=2, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    rng = np.random.default_rng(0)
    rows = Dataset.from_dict({"input_ids": rng.integers(5, 500, (16, 12)).tolist(),
                              "attention_mask": np.ones((16, 12), int).tolist(), "labels": [0, 1] * 8})
    return _train_one_step(model, rows, tmp_path, batch, accum, fix, "classifier.weight")


def test_without_the_fix_accumulating_two_batches_doubles_the_logged_loss_and_the_gradient(tiny, tmp_path):
    one_loss, one_grad = _first_step(tiny, tmp_path, 16, 1, fix=False)
    acc_loss, acc_grad = _first_step(tiny, tmp_path, 8, 2, fix=False)
    assert acc_loss == pytest.approx(2 * one_loss, rel=0.02)
    assert torch.allclose(acc_grad, 2 * one_grad, rtol=1e-3, atol=1e-6)


def test_with_loss_is_scaled_for_ga_false_8_x_2_matches_16_x_1(tiny, tmp_path):
    one_loss, one_grad = _first_step(tiny, tmp_path, 16, 1, fix=True)
    acc_loss, acc_grad = _first_step(tiny, tmp_path, 8, 2, fix=True)
    assert acc_loss == pytest.approx(one_loss, rel=0.02)
    assert torch.allclose(acc_grad, one_grad, rtol=1e-3, atol=1e-6)
    assert one_loss == pytest.approx(np.log(2), abs=0.1)   # a fresh 2-class head: near chance, not twice it


# --- A causal LM (lab 09): its loss is already averaged over the whole accumulated batch -----------------------------
# LlamaForCausalLM passes the Trainer's `num_items_in_batch` (the target tokens of ALL micro-batches of one optimizer
# step) to its loss, which sums token losses and divides by that count. So the Trainer must NOT divide again: the
# override that is right for a classification head halves a causal LM's loss and gradients.

@pytest.fixture(scope="module")
def tiny_llama():
    return builders.build_tiny_llama()


def _causal_rows(path):
    """16 prompt-completion rows whose answers differ in length (1-6 target tokens), so a mean per micro-batch and
    a mean per token differ."""
    from transformers import AutoConfig
    vocab = AutoConfig.from_pretrained(path).vocab_size
    rng = np.random.default_rng(1)
    rows = {"input_ids": [], "attention_mask": [], "labels": []}
    for i in range(16):
        prompt, answer = rng.integers(5, vocab, 4 + i % 5).tolist(), rng.integers(5, vocab, 1 + i % 6).tolist()
        rows["input_ids"].append(prompt + answer)
        rows["attention_mask"].append([1] * (len(prompt) + len(answer)))
        rows["labels"].append([-100] * len(prompt) + answer)
    return Dataset.from_dict(rows)


def _causal_first_step(path, tmp_path, batch, accum, override):
    from transformers import AutoModelForCausalLM, DataCollatorForSeq2Seq, PreTrainedTokenizerFast
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
    tokenizer = PreTrainedTokenizerFast.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return _train_one_step(model, _causal_rows(path), tmp_path, batch, accum, override,
                           "model.layers.0.self_attn.q_proj.weight",
                           collator=DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=-100))


def _token_mean_loss(path):
    """The loss over all 16 rows as one batch: every target token weighs the same."""
    from transformers import AutoModelForCausalLM
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32).eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for row in _causal_rows(path):
            ids, labels = torch.tensor([row["input_ids"]]), torch.tensor([row["labels"]])
            logits = model(input_ids=ids).logits[0, :-1]
            target = labels[0, 1:]
            keep = target != -100
            total += torch.nn.functional.cross_entropy(logits[keep], target[keep], reduction="sum").item()
            count += int(keep.sum())
    return total / count


def test_causal_lm_8_x_2_gives_the_loss_and_gradients_of_16_x_1_without_any_override(tiny_llama, tmp_path):
    one_loss, one_grad = _causal_first_step(tiny_llama, tmp_path, 16, 1, override=False)
    acc_loss, acc_grad = _causal_first_step(tiny_llama, tmp_path, 8, 2, override=False)
    assert acc_loss == pytest.approx(one_loss, rel=1e-3)
    assert torch.allclose(acc_grad, one_grad, rtol=1e-3, atol=1e-7)
    assert one_loss == pytest.approx(_token_mean_loss(tiny_llama), rel=1e-3)   # the mean over target tokens


def test_causal_lm_with_the_classification_override_halves_loss_and_gradients_under_accumulation(tiny_llama, tmp_path):
    right_loss, right_grad = _causal_first_step(tiny_llama, tmp_path, 8, 2, override=False)
    wrong_loss, wrong_grad = _causal_first_step(tiny_llama, tmp_path, 8, 2, override=True)
    assert wrong_loss == pytest.approx(right_loss / 2, rel=1e-3)
    assert torch.allclose(wrong_grad, right_grad / 2, rtol=1e-3, atol=1e-7)
