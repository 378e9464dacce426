"""Memory arithmetic for training on more than one device (lab 10): what each device holds of the model's states.

Per parameter, Adam training keeps the weights, their gradients and two optimizer moments. In fp32: 4 + 4 + 8 = 16
bytes. In mixed precision (Rajbhandari et al., ZeRO, 2020): 16-bit weights and gradients (2 + 2) plus an fp32 master
copy and the two moments (4 + 4 + 4 = 12): again 16 bytes. Data parallel (DDP) keeps all of it on every device.
ZeRO shards it across N devices: stage 1 the optimizer states, stage 2 also the gradients, stage 3 also the weights;
FSDP with full sharding shards like stage 3. Activations, buffers and the framework's own memory come on top: this
is the part that decides whether a model's training *can* fit, not all that it needs.
"""

from __future__ import annotations

STRATEGIES = ("ddp", "zero1", "zero2", "zero3", "fsdp")


def bytes_per_parameter(mixed_precision: bool = True) -> dict[str, int]:
    """Bytes of each kind of model state per parameter under Adam: weights, gradients, optimizer."""
    if mixed_precision:   # 16-bit weights and gradients; fp32 master weights + two fp32 moments in the optimizer
        return {"weights": 2, "gradients": 2, "optimizer": 12}
    return {"weights": 4, "gradients": 4, "optimizer": 8}


def model_state_bytes(parameters: int, strategy: str = "ddp", devices: int = 1, mixed_precision: bool = True) -> float:
    """Bytes of model states on each device when ``parameters`` are trained with Adam by ``strategy`` on
    ``devices`` devices (activations not included)."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; use one of {', '.join(STRATEGIES)}")
    if devices < 1 or parameters < 0:
        raise ValueError("devices must be >= 1 and parameters >= 0")
    b = bytes_per_parameter(mixed_precision)
    sharded = {"ddp": (), "zero1": ("optimizer",), "zero2": ("optimizer", "gradients"),
               "zero3": ("optimizer", "gradients", "weights"), "fsdp": ("optimizer", "gradients", "weights")}[strategy]
    return parameters * sum(v / devices if k in sharded else v for k, v in b.items())


def fits(parameters: int, strategy: str, devices: int, gpu_gb: float, mixed_precision: bool = True,
         headroom: float = 0.8) -> bool:
    """Whether the model states alone take at most ``headroom`` of a ``gpu_gb`` GB device (the rest is left for
    activations and the framework)."""
    return model_state_bytes(parameters, strategy, devices, mixed_precision) <= headroom * gpu_gb * 1e9


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
