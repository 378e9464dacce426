"""The hierarchical models' frozen sentence embeddings (labs 06-07): every sentence of a transcript, section by
section, through a frozen encoder once (``embed_sentences``: sorted by length, in the fastest precision the hardware
has, cached on disk), the vectors stacked per transcript (``stack_sentences``), and a small pooler trained on them full
batch with early stopping (``train_pooler``; the pooler class itself is lab 06's, written out in its notebook:
``labs_lib.labs.lab06_long_transcripts.Pooler``). The text side (loading, cleaning patterns, sections) is
``labs_lib.transcripts``.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import torch

from labs_lib.transcripts import split_sections, spread


def sentence_pieces(texts, max_sentences: int | None = None) -> list[tuple[int, str, str]]:
    """(text position, section, sentence) for every sentence to embed: each section's sentences ("opening" / "qa",
    or "all" without a Q&A header), at most ``max_sentences`` per section, evenly spread (``spread``)."""
    from labs_lib.text import split_sentences

    pieces = []
    for i, text in enumerate(texts):
        for section, part in (split_sections(text) or {"all": text}).items():
            pieces += [(i, section, s) for s in spread(split_sentences(part), max_sentences)]
    return pieces


def embed_sentences(sentences, tokenizer, encoder, max_length: int, device: str = "cpu", batch_size: int = 128,
                    sort: bool = True, precision: str = "fp32", cache: str | None = None,
                    progress: bool | None = None):
    """Each sentence -> one vector from a frozen encoder: the mean of its token embeddings (padding masked out),
    sentences cut at ``max_length`` tokens. -> (vectors: sentences x hidden, token ids).

    Speed (``benchmarks/embedding_speed.py`` measures each option on this machine): ``sort`` batches sentences of
    similar length, so batches carry little padding; ``precision`` "auto" (``fast_precision``), "fp32", "bf16"
    (autocast: bf16 matrix products on a CPU with AMX/AVX-512-BF16 or a GPU) or "int8" (CPU only:
    ``torch.ao.quantization.quantize_dynamic`` on a copy of the encoder's Linear layers; vectors move a little, the
    benchmark measures how much). ``cache``: a folder; the vectors are stored there under a key of the model's
    weights, ``max_length``, ``precision`` and every sentence, so a rerun on the same text loads them instead of
    recomputing (any change of text, model or setting makes a new key)."""
    from tqdm.auto import tqdm

    from labs_lib.runtime import show_progress

    progress = show_progress() if progress is None else progress   # None: the runtime's one switch

    if precision == "auto":
        precision = fast_precision(device)
    if precision not in ("fp32", "bf16", "int8"):
        raise ValueError(f"precision={precision!r}: use 'auto', 'fp32', 'bf16' or 'int8'.")
    if precision == "int8" and str(device).startswith("cuda"):
        raise ValueError("precision='int8' (dynamic quantization) runs on the CPU only; use 'bf16' on a GPU.")
    sentences = list(sentences)
    ids = tokenizer(sentences, truncation=True, max_length=max_length)["input_ids"]
    path = None
    if cache:
        path = Path(cache) / f"{_embedding_key(encoder, max_length, precision, sentences)}.pt"
        if path.exists():
            return torch.load(path), ids
    model = encoder
    if precision == "int8":
        import copy

        model = torch.ao.quantization.quantize_dynamic(copy.deepcopy(encoder).cpu(), {torch.nn.Linear},
                                                       dtype=torch.qint8)
    vectors = torch.zeros(len(ids), encoder.config.hidden_size)
    order = np.argsort([len(x) for x in ids], kind="stable") if sort else np.arange(len(ids))
    autocast = torch.autocast(device_type="cuda" if str(device).startswith("cuda") else "cpu", dtype=torch.bfloat16,
                              enabled=precision == "bf16")
    with torch.inference_mode(), autocast:
        for b in tqdm(range(0, len(order), batch_size), desc="embedding sentences", disable=not progress):
            idx = order[b:b + batch_size]
            batch = tokenizer.pad({"input_ids": [ids[i] for i in idx]}, return_tensors="pt").to(device)
            hidden = model(**batch).last_hidden_state.float()
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            vectors[idx] = ((hidden * mask).sum(1) / mask.sum(1)).cpu()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        torch.save(vectors, path.with_suffix(".tmp"))
        path.with_suffix(".tmp").replace(path)   # whole or absent: an interrupted run leaves no half file
    return vectors, ids


def fast_precision(device: str = "cpu") -> str:
    """"bf16" where the hardware multiplies bf16 natively (a GPU from Ampere on; a CPU with AVX-512-BF16 or AMX),
    else "fp32". benchmarks/embedding_speed.py: 1.85x the sentences per second of fp32 on this project's 2-core build
    machine (AVX-512-BF16), vectors at cosine 0.99998 to fp32's; without native support bf16 can be slower."""
    if str(device).startswith("cuda"):
        return "bf16" if torch.cuda.is_bf16_supported(including_emulation=False) else "fp32"
    native = [getattr(torch.cpu, name, lambda: False)() for name in ("_is_avx512_bf16_supported",
                                                                      "_is_amx_tile_supported")]
    return "bf16" if any(native) else "fp32"


def _embedding_key(encoder, max_length, precision, sentences) -> str:
    """A hash of the encoder's weights (all of them: ~0.2 s for MiniLM's 90 MB), the settings and the sentences."""
    import hashlib

    digest = hashlib.sha256(f"{type(encoder).__name__}|{max_length}|{precision}|{len(sentences)}".encode())
    for name, tensor in encoder.state_dict().items():
        digest.update(name.encode() + tensor.detach().float().cpu().contiguous().numpy().tobytes())
    for sentence in sentences:
        digest.update(sentence.encode() + b"\0")
    return digest.hexdigest()[:24]


def stack_sentences(vectors, sentence_doc, rows, keep=None):
    """The sentence vectors of each document in ``rows``, padded to the longest -> (docs x sentences x dim, mask).
    ``keep``: a boolean mask over all sentences (e.g. one section's)."""
    sentence_doc = np.asarray(sentence_doc)
    keep = np.ones(len(sentence_doc), bool) if keep is None else keep
    per_doc = [vectors[np.flatnonzero((sentence_doc == r) & keep)] for r in rows]
    n = max(len(v) for v in per_doc)
    x = torch.zeros(len(per_doc), n, vectors.shape[1])
    mask = torch.zeros(len(per_doc), n, dtype=torch.bool)
    for i, v in enumerate(per_doc):
        x[i, :len(v)], mask[i, :len(v)] = v, True
    return x, mask


def train_pooler(data: dict, task: str, n_out: int, kind: str, hidden: int, lr: float, epochs: int, *, pooler,
                 seed: int = 0, patience: int = 10, device: str = "cpu", loss: str = "mse"):
    """Train a pooler of ``kind`` (``pooler``: the class, called as ``pooler(dim, n_out, hidden, kind)``: lab 06's
    ``Pooler``; a shared module imports no lab, so the caller passes it) full batch with AdamW (weight decay
    0.01) on ``data["train"] = (x, mask, target)``; after every epoch the loss on ``data["validation"]``; keep the
    best epoch, stop after ``patience`` epochs without a better one. -> ({split: raw outputs, for every split but
    train}, seconds, trainable parameters). Cross-entropy for classes; for (standardised) scores ``loss`` "mse"
    (mean squared error: large misses weigh most) or "l1" (mean absolute error: every point of error the same)."""
    if task != "classification" and loss not in ("mse", "l1"):
        raise ValueError(f"loss={loss!r}: use 'mse' or 'l1' for scores.")

    def loss_fn(out, target):
        if task == "classification":
            return torch.nn.functional.cross_entropy(out, target)
        if loss == "l1":
            return torch.nn.functional.l1_loss(out[:, 0], target)
        return torch.nn.functional.mse_loss(out[:, 0], target)

    torch.manual_seed(seed)
    data = {name: tuple(t.to(device) for t in tensors) for name, tensors in data.items()}
    model = pooler(data["train"][0].shape[-1], n_out, hidden, kind).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    best, best_state, waited, start = float("inf"), None, 0, time.perf_counter()
    for _ in range(epochs):  # full batch: a few hundred documents fit at once
        model.train()
        batch_loss = loss_fn(model(*data["train"][:2]), data["train"][2])   # not `loss`: that names the kind
        optimizer.zero_grad()
        batch_loss.backward()
        optimizer.step()
        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(*data["validation"][:2]), data["validation"][2]).item()
        if val_loss < best:
            best, best_state, waited = val_loss, {k: v.clone() for k, v in model.state_dict().items()}, 0
        elif (waited := waited + 1) >= patience:
            break
    model.load_state_dict(best_state)
    with torch.no_grad():
        out = {name: model(*tensors[:2]).cpu() for name, tensors in data.items() if name != "train"}
    return out, time.perf_counter() - start, sum(p.numel() for p in model.parameters())
