"""Gradient accumulation with the Trainer of our pinned transformers (labs 01, 02, 06).

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

from labs_lib import models


@pytest.fixture(scope="module")
def tiny():
    return models.build_tiny_bert()


def _first_step(path, tmp_path, batch, accum, fix):
    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_pretrained(   # no dropout: both runs see the same net
        path, num_labels=2, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    rng = np.random.default_rng(0)
    rows = Dataset.from_dict({"input_ids": rng.integers(5, 500, (16, 12)).tolist(),
                              "attention_mask": np.ones((16, 12), int).tolist(), "labels": [0, 1] * 8})
    args = TrainingArguments(output_dir=str(tmp_path), per_device_train_batch_size=batch,
                             gradient_accumulation_steps=accum, max_steps=1, learning_rate=0.0, logging_steps=1,
                             max_grad_norm=0.0, report_to="none", disable_tqdm=True, seed=0, data_seed=0,
                             dataloader_pin_memory=False)
    trainer = Trainer(model=model, args=args, train_dataset=rows)
    if fix:
        trainer.loss_is_scaled_for_ga = False   # the lab's line: BERT's loss is a per-batch mean, divide it
    grads = {}
    for name, p in model.named_parameters():   # keep each parameter's gradient as it is before the step
        p.register_hook(lambda g, name=name: grads.__setitem__(name, grads.get(name, 0) + g.detach().clone()))
    trainer.train()
    loss = next(h["loss"] for h in trainer.state.log_history if "loss" in h)
    return loss, grads["classifier.weight"]


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
