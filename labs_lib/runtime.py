"""Where and how a lab runs, decided once: the device, the precision (bf16 / fp16 / fp32) and quiet logging.

``rt = runtime.setup()`` in a lab's first code cell; ``model.to(rt.device)``. Lab 01 writes the Trainer's set-up out
in the open (``TrainingArguments(..., bf16=rt.bf16, fp16=rt.fp16, dataloader_pin_memory=rt.cuda, report_to="none",
disable_tqdm=not rt.progress)``, ``trainer.remove_callback(PrinterCallback)``, ``trainer.loss_is_scaled_for_ga``);
the later labs make the same set-up with two calls, ``rt.args(**lesson)`` and ``rt.trainer(Trainer, args, ...)``, so
their cells show only what the lesson chooses.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Runtime:
    device: str      # "cuda" or "cpu"
    cuda: bool
    bf16: bool       # bf16 mixed precision: a GPU that has it natively (Ampere and later; not a T4)
    fp16: bool       # fp16 mixed precision: a GPU without bf16 (a T4), unless the lab forbids it
    progress: bool = True   # live progress: the Trainer's bar and loss table, bars on long loops (show_progress)

    @property
    def precision(self) -> str:
        return "bf16" if self.bf16 else "fp16" if self.fp16 else "fp32"

    def args(self, args_class=None, **lesson):
        """Training arguments (``args_class``: TrainingArguments by default; Seq2SeqTrainingArguments, trl's
        SFTConfig, ...) with the plumbing every lab sets alike, as lab 01 writes it out: the runtime's precision,
        pinned memory on a GPU only, no experiment tracker, no progress bar when $LABS_PROGRESS=0. ``lesson``: what
        the lab chooses (rates, batch sizes, schedule, evaluation); it may override the plumbing too."""
        if args_class is None:
            from transformers import TrainingArguments as args_class
        plumbing = dict(bf16=self.bf16, fp16=self.fp16, dataloader_pin_memory=self.cuda, report_to="none",
                        disable_tqdm=not self.progress)
        return args_class(**{**plumbing, **lesson})

    def trainer(self, trainer_class, args, per_batch_mean_loss: bool = False, **kwargs):
        """``trainer_class(args=args, **kwargs)`` without the log dict it prints per logging step (the labs plot the
        losses). ``per_batch_mean_loss=True`` for a model whose loss is a mean over its batch (a classification head,
        T5): the Trainer then divides it by the accumulation steps (lab 01, section on gradient accumulation)."""
        from transformers import PrinterCallback

        trainer = trainer_class(args=args, **kwargs)
        trainer.remove_callback(PrinterCallback)
        if per_batch_mean_loss:
            trainer.loss_is_scaled_for_ga = False
        return trainer

    def __str__(self) -> str:
        return f"device: {self.device} | precision: {self.precision} | progress: {'on' if self.progress else 'off'}"


def setup(fp16: bool = True) -> Runtime:
    """Quiet the libraries and decide device and precision. ``fp16=False`` for a model that overflows in fp16
    (T5, lab 02): on a GPU without bf16 it then trains in fp32."""
    import torch

    quiet_logs()
    cuda = torch.cuda.is_available()
    bf16 = cuda and torch.cuda.is_bf16_supported(including_emulation=False)
    # $LABS_PRECISION=fp16 rehearses a T4's path on a GPU that has bf16 (scripts/gpu_check.sh); fp32 turns both off
    forced = os.environ.get("LABS_PRECISION", "").strip().lower()
    if forced and forced not in ("bf16", "fp16", "fp32"):
        raise ValueError(f"LABS_PRECISION={forced!r}: use bf16, fp16 or fp32 (or leave it unset)")
    if cuda and forced:
        bf16, fp16 = forced == "bf16", fp16 and forced == "fp16"
    return Runtime(device="cuda" if cuda else "cpu", cuda=cuda, bf16=bf16, fp16=cuda and not bf16 and fp16,
                   progress=show_progress())


def show_progress() -> bool:
    """Live progress in a session someone watches (Jupyter, Colab): on. ``$LABS_PROGRESS=0`` turns it off; the main
    job and the tests set it, so executed and tested notebooks keep results, not hundreds of bar updates."""
    value = os.environ.get("LABS_PROGRESS", "1").strip()
    if value not in ("0", "1"):
        raise ValueError(f"LABS_PROGRESS={value!r}: use 1 (show progress) or 0 (hide it)")
    return value == "1"


def quiet_logs() -> None:
    """Keep library chatter out of lessons: transformers' load reports ("classifier.weight MISSING ..."),
    weight-loading and ``datasets.map`` progress bars, and warnings about other libraries' internals."""
    import logging
    import warnings

    import datasets
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.disable_progress_bars()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    setfit = sys.modules.get("setfit")   # lab 03 imports it first; it sets its own loggers to INFO on import
    if setfit is not None:                # ("***** Running training *****"). Not imported here: ~1 s in every lab
        setfit.logging.set_verbosity_error()
        setfit.logging.disable_progress_bar()
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*")
    warnings.filterwarnings("ignore", message=".*`gradient_checkpointing` is deprecated.*")   # trl's SFTConfig, v5
    warnings.filterwarnings("ignore", message=".*pin_memory.*no accelerator.*")
