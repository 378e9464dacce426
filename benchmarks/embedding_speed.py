"""Sentences per second for each way of embedding lab 06's sentences with the frozen encoder, side by side.

    .venv/bin/python benchmarks/embedding_speed.py [--sentences 4000] [--model packaged:all-MiniLM-L6-v2] [--docs 150]

Run it on a quiet machine (nothing else training): the figures are wall-clock. Every option embeds the same
sentences, drawn evenly from the project's transcripts (cleaned, as lab 06 cleans them), and is compared with the
fp32 reference vectors (cosine similarity). The last part prices the quantized and bf16 vectors where they are used:
a ridge / logistic head on each transcript's mean sentence vector, validation score with each precision (--docs
transcripts, every sentence)."""

from __future__ import annotations

import argparse
import warnings
import os
import tempfile
import time

import numpy as np
import pandas as pd
import torch
from transformers import AutoModel, AutoTokenizer

from labs_lib import embeddings, models, runtime, transcripts
from labs_lib.labs import lab06_long_transcripts as lab06

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--sentences", type=int, default=4000)
parser.add_argument("--model", default="packaged:all-MiniLM-L6-v2")
parser.add_argument("--max-length", type=int, default=128)
parser.add_argument("--docs", type=int, default=150, help="transcripts for the downstream check (0: skip it)")
args = parser.parse_args()
runtime.quiet_logs()
warnings.filterwarnings("ignore", message=".*quantiz")   # torch 2.13 announces the move to torchao on every call

frame = pd.read_parquet("assets/transcripts/transcripts.parquet")
aliases = [transcripts.speaker_aliases(g) for g in frame["group"]]
frame["clean"] = [lab06.clean_transcript(t, a) for t, a in zip(frame["text"], aliases)]
pieces = embeddings.sentence_pieces(frame["clean"])
sentences = [s for _, _, s in pieces]
sample = [sentences[i] for i in np.linspace(0, len(sentences) - 1, min(args.sentences, len(sentences))).astype(int)]
path = models.model_path(args.model)
tokenizer, encoder = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()
cores = torch.get_num_threads()
print(f"fast_precision() here: {embeddings.fast_precision()}; {len(sample):,} sentences (of {len(sentences):,} in {len(frame)} transcripts), {args.model}, max_length "
      f"{args.max_length}, torch {torch.__version__}, {cores} threads, {os.cpu_count()} CPUs")


def run(precision="fp32", batch_size=128, sort=True, threads=cores, cache=None, texts=sample):
    torch.set_num_threads(threads)
    start = time.perf_counter()
    vectors, _ = embeddings.embed_sentences(texts, tokenizer, encoder, args.max_length, batch_size=batch_size,
                                            sort=sort, precision=precision, cache=cache, progress=False)
    seconds = time.perf_counter() - start
    torch.set_num_threads(cores)
    return vectors, seconds


run(batch_size=64, texts=sample[:256])   # warm-up: first calls allocate
reference, _ = run()
options = [("unsorted, batch 32", dict(sort=False, batch_size=32)),
           ("sorted by length, batch 32", dict(batch_size=32)),
           ("sorted, batch 128 (fp32)", dict()),
           ("sorted, batch 512", dict(batch_size=512)),
           (f"sorted, batch 128, 1 thread", dict(threads=1)),
           ("sorted, batch 128, bf16 autocast", dict(precision="bf16")),
           ("sorted, batch 128, int8 dynamic quantization", dict(precision="int8"))]
rows = []
for name, kw in options:
    vectors, seconds = run(**kw)
    cosine = torch.nn.functional.cosine_similarity(vectors, reference, dim=-1)
    rows.append({"option": name, "seconds": seconds, "sentences/s": len(sample) / seconds,
                 "cosine to fp32: mean": cosine.mean().item(), "cosine to fp32: min": cosine.min().item()})
with tempfile.TemporaryDirectory() as cache:
    run(cache=cache)   # first call: computes and stores
    vectors, seconds = run(cache=cache)
    rows.append({"option": "sorted, batch 128, rerun from the disk cache", "seconds": seconds,
                 "sentences/s": len(sample) / seconds, "cosine to fp32: mean": 1.0,
                 "cosine to fp32: min": torch.nn.functional.cosine_similarity(vectors, reference).min().item()})
table = pd.DataFrame(rows)
table["speed-up"] = table["sentences/s"] / table.loc[table["option"] == "sorted, batch 128 (fp32)", "sentences/s"].item()
pd.set_option("display.width", 200)
print(table.round({"seconds": 1, "sentences/s": 0, "cosine to fp32: mean": 5, "cosine to fp32: min": 4,
                   "speed-up": 2}).to_string(index=False))

if args.docs:
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.metrics import f1_score, mean_absolute_error

    parts = transcripts.grouped_split(frame.head(args.docs).reset_index(drop=True) if args.docs < len(frame) else frame,
                                      "group", "label", seed=42)
    used = pd.concat([parts["train"], parts["validation"]])
    doc_pieces = embeddings.sentence_pieces(used["clean"])
    doc_of = np.array([used.index[i] for i, _, _ in doc_pieces])
    print(f"\ndownstream: {len(used)} transcripts (train {len(parts['train'])}, validation "
          f"{len(parts['validation'])}), {len(doc_pieces):,} sentences, mean sentence vector -> ridge / logistic")
    down = []
    for precision in ("fp32", "bf16", "int8"):
        vectors, seconds = run(precision=precision, texts=[s for _, _, s in doc_pieces])
        doc = {i: vectors[doc_of == i].mean(0).numpy() for i in used.index}
        X = {name: np.stack([doc[i] for i in part.index]) for name, part in parts.items() if name != "test"}
        clf = LogisticRegression(max_iter=3000, C=10.0).fit(X["train"], parts["train"]["label"])
        reg = Ridge(alpha=1.0).fit(X["train"], parts["train"]["score"])
        down.append({"precision": precision, "embed seconds": round(seconds, 1),
                     "validation macro-F1": f1_score(parts["validation"]["label"], clf.predict(X["validation"]),
                                                     average="macro"),
                     "validation MAE": mean_absolute_error(parts["validation"]["score"], reg.predict(X["validation"]))})
    print(pd.DataFrame(down).round(3).to_string(index=False))
