"""The memory floor of each lab's `full` training on a GPU: weights + gradients + AdamW states of the trainable
parameters, for the published shapes of the `full` models (built on the meta device: no download, no memory).

Activations (batch x sequence length) come on top and are not counted, so these are LOWER bounds; a T4 has ~14.7 GiB
usable and no bf16. The Trainer's fp16/bf16 is autocast over fp32 weights and gradients, so in every precision the
labs run the states are fp32's: 4 bytes per weight, 4 per gradient, 8 for Adam's two moments (labs_lib.labs.lab10_scaling_out,
scheme "autocast"; DeepSpeed's 16-bit weights would split the same 16 bytes as 2 + 2 + 12). Counts
are what transformers builds from these configurations (for FLAN-T5-base, transformers 5.23 ties lm_head to the
shared embeddings even with tie_word_embeddings=False, so it counts 223 M where the model card says 248 M).

    .venv/bin/python benchmarks/full_profile_memory.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from labs_lib.labs.lab10_scaling_out import bytes_per_parameter, full_model_shapes, parameter_count  # noqa: E402

GIB = 1024 ** 3


def main():
    print(f"{'model':50s} {'labs':14s} {'params':>8s} {'weights':>8s} {'+ grads + Adam':>22s}")
    b = bytes_per_parameter("autocast")   # fp32 training and fp16/bf16 autocast alike
    for name, (labs, config, auto) in full_model_shapes().items():
        n = parameter_count(config, auto)
        weights, states = b["weights"] * n / GIB, sum(b.values()) * n / GIB
        print(f"{name:50s} {labs:14s} {n / 1e6:7.0f}M {weights:7.2f}G {states:21.2f}G")


if __name__ == "__main__":
    main()
