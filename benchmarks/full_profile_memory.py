"""The memory floor of each lab's `full` training on a GPU: weights + gradients + AdamW states of the trainable
parameters, for the published shapes of the `full` models (built on the meta device: no download, no memory).

Activations (batch x sequence length) come on top and are not counted, so these are LOWER bounds; a T4 has ~14.7 GiB
usable and no bf16, so its runs are fp32 (4 bytes per weight, 4 per gradient, 8 for Adam's two moments). Counts
are what transformers builds from these configurations (for FLAN-T5-base, transformers 5.23 ties lm_head to the
shared embeddings even with tie_word_embeddings=False, so it counts 223 M where the model card says 248 M).

    .venv/bin/python benchmarks/full_profile_memory.py
"""

import torch
from transformers import (AutoModelForMaskedLM, AutoModelForSeq2SeqLM, AutoModelForSequenceClassification,
                          AutoModelForTokenClassification, BertConfig, DistilBertConfig, LongformerConfig, MPNetConfig,
                          T5Config)

GIB = 1024 ** 3
# the published configuration of each full model (its config.json), the fields that set the parameter count
SHAPES = {
    "distilbert/distilbert-base-uncased": (DistilBertConfig(vocab_size=30522), AutoModelForSequenceClassification),
    "google/flan-t5-base": (T5Config(vocab_size=32128, d_model=768, d_ff=2048, d_kv=64, num_layers=12,
                                     num_decoder_layers=12, num_heads=12, feed_forward_proj="gated-gelu",
                                     tie_word_embeddings=False), AutoModelForSeq2SeqLM),
    "google-bert/bert-base-cased": (BertConfig(vocab_size=28996), AutoModelForTokenClassification),
    "sentence-transformers/paraphrase-mpnet-base-v2": (MPNetConfig(vocab_size=30527),
                                                       AutoModelForSequenceClassification),
    "allenai/longformer-base-4096": (LongformerConfig(vocab_size=50265, max_position_embeddings=4098,
                                                      attention_window=512), AutoModelForSequenceClassification),
    "distilbert/distilbert-base-uncased (MLM)": (DistilBertConfig(vocab_size=30522), AutoModelForMaskedLM),
}
USED_BY = {"distilbert/distilbert-base-uncased": "01, 06", "google/flan-t5-base": "02",
           "google-bert/bert-base-cased": "05", "sentence-transformers/paraphrase-mpnet-base-v2": "03",
           "allenai/longformer-base-4096": "06", "distilbert/distilbert-base-uncased (MLM)": "04"}


def main():
    print(f"{'model':50s} {'labs':6s} {'params':>8s} {'weights':>8s} {'+ grads + Adam (fp32)':>22s}")
    for name, (config, auto) in SHAPES.items():
        with torch.device("meta"):
            model = auto.from_config(config)
        n = sum(p.numel() for p in model.parameters())
        print(f"{name:50s} {USED_BY[name]:6s} {n / 1e6:7.0f}M {4 * n / GIB:7.2f}G {16 * n / GIB:21.2f}G")


if __name__ == "__main__":
    main()
