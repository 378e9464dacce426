"""Lab 06: models for long transcripts (windows, hierarchical poolers, long-context models).

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.plots import COLORS
from labs_lib.sources import EMBED_CACHE, MINILM, TINY_BERT, TINY_BIGBIRD, TINY_LONGFORMER, TRANSCRIPTS
from labs_lib.transcripts import TIMESTAMP, spread


NAME = "06_long_transcripts"

# -- Settings ----------------------------------------------------------------------------------------------------
# model: fine-tuned on token windows (head, head + tail, chunks); embed_model: frozen, embeds every sentence for
# the hierarchical models (sentences cut at embed_max_length tokens); long_models: the long-context models, name ->
# model (empty: none run, long_note says why). window/stride in tokens, special tokens included.
# max_windows_train/_eval: windows per transcript for training / predicting with the chunk model;
# max_train_examples: examples (windows or transcripts) one fine-tuning run sees at most over its epochs (None:
# every epoch), so a big set does not take longer; max_sentences_embed: sentences per transcript section to embed
# (None: all); embed_precision: "auto" (bf16 where the hardware has it, else fp32: transcripts.fast_precision),
# "fp32", "bf16" or "int8"; embed_cache: where sentence vectors are kept (None: nowhere); docs: transcripts used
# (None: all). On 1,500 generated transcripts (2 cores, 2026-12-04) the lab took 31.2 min with the cap at 1,200,
# 31.0 min at 800 (a slower run of the same embedding) and 24.1 min at 600 (benchmarks/long_transcripts_scale.py);
# at every cap the window models learnt nothing there (all classes the majority; chunk regression Spearman .73 at
# 1,200 on test, ~0 below), the hierarchical models the same figures. cpu reads 128-token windows:
# MiniLM trains ~1.3 s per batch of 16 at 128 tokens and ~2.0 s at 256 on 2 cores. pooler_lr 3e-3 gave a lower
# validation loss than 1e-3 for both poolers and both tasks in cpu (the full profile's value is not tuned).
MEANING = dict(
    model='the encoder fine-tuned on token windows (head, head + tail, chunks)',
    data="the rated transcripts: the project's parquet, or your own file (no public dataset has them)",
    embed_model='the frozen encoder that embeds every sentence for the hierarchical models',
    long_models='long-context models, name -> model (empty: none run; long_note says why)',
    long_note='why no long-context model runs, shown when long_models is empty',
    window='tokens per window, special tokens included',
    stride='tokens two neighbouring windows share',
    max_windows_train='windows per transcript for training the chunk model',
    max_windows_eval='windows per transcript when the chunk model predicts (None: all)',
    max_train_examples='examples (windows or transcripts) one run sees at most over its epochs (None: every epoch)',
    pooler_epochs='full-batch epochs of the poolers',
    long_window='tokens a long-context model reads',
    long_batch_size='transcripts per batch for the long-context models',
    long_lr='learning rate of the long-context models',
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(data=TRANSCRIPTS, grad_accum=2, embed_precision="auto", embed_cache=EMBED_CACHE, pooler_lr=3e-3,
        columns=None, split="grouped 70/15/15"),
    smoke=dict(model=TINY_BERT, embed_model=TINY_BERT,
        long_models={"Longformer": TINY_LONGFORMER, "BigBird": TINY_BIGBIRD}, long_note=None, docs=140, window=64,
        stride=16, max_windows_train=2, max_windows_eval=6, epochs=3, max_train_examples=None, batch_size=8, lr=1e-3,
        embed_max_length=48, max_sentences_embed=30, pooler_epochs=100, hidden=32, long_window=1024,
        long_batch_size=4, long_lr=1e-3),
    cpu=dict(model=MINILM, embed_model=MINILM, long_models={},
        long_note="no pretrained long-context model ships offline (the packaged MiniLM reads at most 512 tokens)",
        docs=None, window=128, stride=16, max_windows_train=2, max_windows_eval=8, epochs=2, max_train_examples=600,
        batch_size=8, lr=2e-4, embed_max_length=128, max_sentences_embed=None, pooler_epochs=300, hidden=64,
        long_window=None, long_batch_size=None, long_lr=None),
    full=dict(model="distilbert/distilbert-base-uncased", embed_model="sentence-transformers/all-mpnet-base-v2",
        long_models={"Longformer": "allenai/longformer-base-4096", "BigBird": "google/bigbird-roberta-base"},
        long_note=None, docs=None, window=512, stride=64, max_windows_train=4, max_windows_eval=None, epochs=4,
        max_train_examples=None, batch_size=16, lr=5e-5, embed_max_length=128, max_sentences_embed=None,
        pooler_epochs=300, hidden=128, long_window=4096, long_batch_size=2, long_lr=3e-5),
)


# -- Helpers -------------------------------------------------------------------------------------------------------
def token_windows(tokenizer, texts, window: int, stride: int, max_windows: int | None = None):
    """Cut each text into windows of ``window`` tokens (special tokens included) that overlap by ``stride`` tokens,
    with the tokenizer's own overflow support. Returns the encoding (input_ids, attention_mask, ...) plus
    ``doc`` (which text each window came from). ``max_windows`` keeps at most that many per text: the middle
    window of each of ``max_windows`` equal stretches (so 2 of 10 are windows 2 and 7, not the first and the last,
    which in a transcript hold the header and the goodbyes). Taught in lab 06, section 4 (written out there)."""
    encoded = tokenizer(list(texts), max_length=window, stride=stride, truncation=True,
                        return_overflowing_tokens=True)
    doc = list(encoded.pop("overflow_to_sample_mapping"))
    keep = list(range(len(doc)))
    if max_windows:
        keep = []
        for d in sorted(set(doc)):
            rows = [i for i, x in enumerate(doc) if x == d]
            keep += spread(rows, max_windows)
    out = {key: [values[i] for i in keep] for key, values in encoded.items()}
    out["doc"] = [doc[i] for i in keep]
    return out


def windows_needed(n_tokens: int, window: int, stride: int) -> int:
    """How many windows of ``window`` content tokens, each overlapping the previous by ``stride``, cover n tokens."""
    if n_tokens <= window:
        return 1
    step = window - stride
    return 1 + -(-(n_tokens - window) // step)  # ceil


def aggregate(out, doc, how: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """Per-window predictions -> one per document: class probabilities (windows x classes) by ``mean`` (average the
    probabilities, then the likeliest class) or ``vote`` (each window's likeliest class counts once; a tie goes to
    the higher mean probability); scores (one per window) by ``mean`` or ``median``. Returns (document ids in sorted
    order, one prediction per document). Taught in lab 06, section 5.4 (written out there)."""
    out, doc = np.asarray(out, dtype=float), np.asarray(doc)
    classes = out.ndim == 2
    allowed = ("mean", "vote") if classes else ("mean", "median")
    if how not in allowed:
        raise ValueError(f"how={how!r}; use {allowed[0]!r} or {allowed[1]!r}.")
    docs = np.unique(doc)
    per_doc = []
    for d in docs:
        mine = out[doc == d]
        if classes and how == "mean":
            per_doc.append(int(mine.mean(axis=0).argmax()))
        elif classes:
            votes = np.bincount(mine.argmax(axis=1), minlength=mine.shape[1])
            tied = np.flatnonzero(votes == votes.max())
            per_doc.append(int(tied[mine.mean(axis=0)[tied].argmax()]))
        elif how == "mean":
            per_doc.append(mine.mean())
        else:
            per_doc.append(np.median(mine))
    return docs, np.array(per_doc)


def aggregate_probabilities(probs, doc, how: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """``aggregate`` for per-window class probabilities (``mean`` or ``vote``)."""
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 2:
        raise ValueError(f"probabilities must be windows x classes; got shape {probs.shape}.")
    return aggregate(probs, doc, how)


def aggregate_scores(scores, doc, how: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """``aggregate`` for per-window predicted scores (``mean`` or ``median``)."""
    return aggregate(np.asarray(scores, dtype=float).reshape(-1), doc, how)


def minute_segments(text: str) -> list[tuple[int, str]]:
    """A timestamped transcript -> (minute, text) per minute of speech that has any: every line from a timestamp
    ("[00:12:05]", "(12:05)") up to the next one goes to that timestamp's minute; untimed lines stay with the line
    before them; text before the first timestamp (the header) is dropped. [] when the text has no timestamp. The text
    is left raw: clean each segment as the whole transcript is cleaned (lines keep their turn labels). Lab 06, 4."""
    minutes, current = {}, None
    for line in str(text).splitlines():
        stamp = TIMESTAMP.match(line.lstrip())
        if stamp:
            parts = [int(p) for p in re.findall(r"\d+", stamp.group(0))]
            current = parts[0] * 60 + parts[1] if len(parts) == 3 else parts[0]   # h:m:s, or m:s
        if current is not None:
            minutes.setdefault(current, []).append(line)
    return [(minute, "\n".join(lines)) for minute, lines in sorted(minutes.items())]


# -- Lesson checks -------------------------------------------------------------------------------------------------
def check_windows(answer, n_tokens: int, window: int, stride: int) -> bool:
    """Exercise: how many windows of ``window`` tokens, each overlapping the last by ``stride``, cover n_tokens."""
    return verdict(answer, windows_needed(n_tokens, window, stride),
                    hint="the first window covers `window` tokens; each further window adds window - stride new ones. "
                         "Round up.",
                    wrong="Count what the first window covers, then how many new tokens each next one adds.")


def check_aggregate(answer, probabilities, label_names) -> bool:
    """Exercise: the class that averaging the windows' probabilities gives (a name from ``label_names``)."""
    import numpy as np

    expected = label_names[int(np.asarray(probabilities, dtype=float).mean(axis=0).argmax())]
    return verdict(answer, expected, hint="average each column (class) over the windows, then take the largest.",
                    wrong="Average each class's probability over the windows; a majority vote can disagree.")


# -- Figures -------------------------------------------------------------------------------------------------------
def plot_token_lengths(lengths, limits: dict):
    """Histogram of document lengths in tokens with each model's limit drawn as a vertical line
    (``limits`` maps a label such as "MiniLM window" to a token count)."""
    lengths = np.asarray(lengths)
    fig, ax = plt.subplots(figsize=(8, 3.4))
    ax.hist(lengths, bins=40, color=COLORS[0], alpha=0.8)
    for i, (name, limit) in enumerate(limits.items()):
        seen = np.minimum(lengths, limit).sum() / lengths.sum()
        ax.axvline(limit, color=COLORS[(i + 1) % len(COLORS)], lw=2,
                   label=f"{name}: {limit:,} tokens ({seen:.0%} of all text)")
    ax.set(title="Transcript length against the model's window", xlabel="tokens", ylabel="transcripts", xlim=(0, None))
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _window_cases():
    return [(list(range(10)), 4, 1), (list(range(7)), 3, 0), (list(range(5)), 8, 2), (list(range(13)), 5, 2)]


def _window_reference(ids, window, stride):
    """The fast tokenizer's own overflow: windows of ``window`` tokens, each repeating the last ``stride`` tokens of
    the one before, on a word-level tokenizer whose ids are the words."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    tok = Tokenizer(models.WordLevel({str(i): i for i in range(100)}, unk_token="0"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.enable_truncation(window, stride=stride)
    first = tok.encode(" ".join(map(str, ids)))
    return [e.ids for e in [first, *first.overflowing]]


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("windows", _window_cases, _window_reference, "the fast tokenizer's overflowing windows")
