"""Lab 10: training on more than one process (DDP, ZeRO, FSDP) and what each device holds.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

from labs_lib import exercises, profiles
from labs_lib.sources import MINILM, REVIEWS, TINY_BERT


NAME = "10_scaling_out"

# -- Settings ----------------------------------------------------------------------------------------------------
# Lab 10: lab 01's training as a script (scripts/train_classifier.py), one process vs many. steps: optimizer steps
# of every run (a fixed budget, so runs compare step by step); dropout is off in the script.
MEANING = dict(
    seed="seed of the script's model, data order and every process",
    lr='learning rate of every run',
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(columns=None, split="stratified 70/15/15", seed=42),
    smoke=dict(model=TINY_BERT, data=REVIEWS, train_size=160, eval_size=32, max_length=64, steps=10, lr=1e-3),
    cpu=dict(model=MINILM, data=REVIEWS, train_size=800, eval_size=100, max_length=64, steps=50, lr=2e-4),
    full=dict(model="distilbert/distilbert-base-uncased", data="stanfordnlp/imdb", train_size=8000, eval_size=1000,
        max_length=128, steps=60, lr=5e-5),
)


# -- Helpers -------------------------------------------------------------------------------------------------------
# Memory arithmetic for training on more than one device (lab 10): what each device holds of the model's states.
#
# Per parameter, Adam training keeps the weights, their gradients and two optimizer moments, and how many bytes each
# takes depends on the precision *scheme*, not only on "mixed precision or not":
#
# - ``"fp32"`` and ``"autocast"``: fp32 weights (4), fp32 gradients (4), two fp32 moments (8). The Trainer's
#   ``bf16=True`` / ``fp16=True`` is PyTorch autocast: the matrix products run in 16 bits, the weights and gradients
#   stay fp32, so the states are those of fp32 training.
# - ``"deepspeed-mixed"`` (Rajbhandari et al., ZeRO, 2020; DeepSpeed with bf16/fp16 enabled): 16-bit weights and
#   gradients (2 + 2) plus an fp32 master copy and the two moments in the optimizer (4 + 4 + 4 = 12).
#
# Both total 16 bytes, but they split differently, so sharding one part saves different amounts. Data parallel (DDP)
# keeps all of it on every device. ZeRO shards over N devices: stage 1 the optimizer states, stage 2 also the
# gradients, stage 3 also the weights; FSDP with full sharding shards like stage 3. Activations, buffers and the
# framework's own memory come on top: this is the part that decides whether a model's training *can* fit, not all
# that it needs.
STRATEGIES = ("ddp", "zero1", "zero2", "zero3", "fsdp")


SCHEMES = {"fp32": {"weights": 4, "gradients": 4, "optimizer": 8},
           "autocast": {"weights": 4, "gradients": 4, "optimizer": 8},   # fp32 states, 16-bit matrix products
           "deepspeed-mixed": {"weights": 2, "gradients": 2, "optimizer": 12}}   # + fp32 master copy in the optimizer


def bytes_per_parameter(scheme: str = "autocast") -> dict[str, int]:
    """Bytes of each kind of model state per parameter under Adam: weights, gradients, optimizer."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    return dict(SCHEMES[scheme])


def model_state_bytes(parameters: int, strategy: str = "ddp", devices: int = 1, scheme: str = "autocast") -> float:
    """Bytes of model states on each device when ``parameters`` are trained with Adam by ``strategy`` on
    ``devices`` devices under precision ``scheme`` (activations not included)."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; use one of {', '.join(STRATEGIES)}")
    if devices < 1 or parameters < 0:
        raise ValueError("devices must be >= 1 and parameters >= 0")
    b = bytes_per_parameter(scheme)
    sharded = {"ddp": (), "zero1": ("optimizer",), "zero2": ("optimizer", "gradients"),
               "zero3": ("optimizer", "gradients", "weights"), "fsdp": ("optimizer", "gradients", "weights")}[strategy]
    return parameters * sum(v / devices if k in sharded else v for k, v in b.items())


def fits(parameters: int, strategy: str, devices: int, gpu_gb: float, scheme: str = "autocast",
         headroom: float = 0.8) -> bool:
    """Whether the model states alone take at most ``headroom`` of a ``gpu_gb`` GB device (the rest is left for
    activations and the framework)."""
    return model_state_bytes(parameters, strategy, devices, scheme) <= headroom * gpu_gb * 1e9


def qlora_state_bytes(parameters: int, lora_parameters: int, unquantized: int = 0, bits: int = 4,
                      constant_bits: float = 0.127) -> float:
    """Bytes of model states for QLoRA (Dettmers et al., 2023) on one device: the frozen base's ``parameters``
    quantized to ``bits`` plus their quantization constants (``constant_bits`` per parameter: 0.127 for NF4 with
    double quantization, 0.5 without), except ``unquantized`` ones (embeddings, output head) kept in 16 bits; no
    gradients or optimizer states for the frozen base. The ``lora_parameters`` are trained with Adam in fp32:
    4 + 4 + 8 bytes each."""
    if not 0 <= unquantized <= parameters or lora_parameters < 0:
        raise ValueError("need 0 <= unquantized <= parameters and lora_parameters >= 0")
    adapters = lora_parameters * sum(SCHEMES["fp32"].values())   # trained like any fp32 weight
    return (parameters - unquantized) * (bits + constant_bits) / 8 + unquantized * 2 + adapters


def full_model_shapes() -> dict:
    """name -> (labs, config, auto class): the published configurations of the `full` profile's models, the fields
    that set their parameter counts (benchmarks/full_profile_memory.py and lab 10 build them on the meta device)."""
    from transformers import (AutoModelForCausalLM, AutoModelForMaskedLM, AutoModelForSeq2SeqLM,
                              AutoModelForSequenceClassification, AutoModelForTokenClassification, BertConfig,
                              DistilBertConfig, LlamaConfig, LongformerConfig, MPNetConfig, T5Config)

    return {
        "distilbert/distilbert-base-uncased": ("01, 06, 08, 10", DistilBertConfig(vocab_size=30522),
                                               AutoModelForSequenceClassification),
        "google/flan-t5-base": ("02", T5Config(vocab_size=32128, d_model=768, d_ff=2048, d_kv=64, num_layers=12,
                                               num_decoder_layers=12, num_heads=12, feed_forward_proj="gated-gelu",
                                               tie_word_embeddings=False), AutoModelForSeq2SeqLM),
        "sentence-transformers/paraphrase-mpnet-base-v2": ("03", MPNetConfig(vocab_size=30527),
                                                           AutoModelForSequenceClassification),
        "distilbert/distilbert-base-uncased (MLM)": ("04", DistilBertConfig(vocab_size=30522), AutoModelForMaskedLM),
        "google-bert/bert-base-cased": ("05", BertConfig(vocab_size=28996), AutoModelForTokenClassification),
        "allenai/longformer-base-4096": ("06", LongformerConfig(vocab_size=50265, max_position_embeddings=4098,
                                                                attention_window=512),
                                         AutoModelForSequenceClassification),
        "HuggingFaceTB/SmolLM2-360M-Instruct": ("09", LlamaConfig(vocab_size=49152, hidden_size=960,
                                                                  intermediate_size=2560, num_hidden_layers=32,
                                                                  num_attention_heads=15, num_key_value_heads=5,
                                                                  tie_word_embeddings=True),
                                                AutoModelForCausalLM),
    }


def parameter_count(config, auto) -> int:
    """Parameters of the model ``auto`` builds from ``config``, built on the meta device (no memory, no download)."""
    import torch

    with torch.device("meta"):
        model = auto.from_config(config)
    return sum(p.numel() for p in model.parameters())


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _zero_cases():
    return [(7_000_000_000, 8), (66_955_010, 2), (1_000, 1)]


def _zero_reference(parameters, devices):
    return model_state_bytes(parameters, "zero3", devices) / 1e9


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("zero3_gb", _zero_cases, _zero_reference, "model_state_bytes (hand-checked)")
