"""Where and how a lab runs, decided once: the device, the precision (bf16 / fp16 / fp32) and quiet logging.

``rt = runtime.setup()`` in a lab's first code cell; ``TrainingArguments(..., bf16=rt.bf16, fp16=rt.fp16,
dataloader_pin_memory=rt.cuda, disable_tqdm=not rt.progress)``, ``model.to(rt.device)``.
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
