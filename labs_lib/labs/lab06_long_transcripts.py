"""Lab 06: models for long transcripts (windows, hierarchical poolers, long-context models).

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
the code its notebook teaches (copied from the notebook's #@save cells by scripts/export_taught.py; lab 07 and the
tests use it from here), its helpers, its lesson checks, its figures, its exercise and study key. The notebook
imports it as ``lab``.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from labs_lib import exercises, metrics, profiles
from labs_lib.checks import verdict
from labs_lib.embeddings import stack_sentences
from labs_lib.plots import COLORS, plot_method_comparison
from labs_lib.sources import EMBED_CACHE, MINILM, TINY_BERT, TINY_BIGBIRD, TINY_LONGFORMER, TRANSCRIPTS
from labs_lib.transcripts import TIMESTAMP, TURN_LABEL


NAME = "06_long_transcripts"

# -- Settings ----------------------------------------------------------------------------------------------------
# model: fine-tuned on token windows (head, head + tail, chunks); embed_model: frozen, embeds every sentence for
# the hierarchical models (sentences cut at embed_max_length tokens); long_models: the long-context models, name ->
# model (empty: none run, long_note says why). window/stride in tokens, special tokens included.
# max_windows_train/_eval: windows per transcript for training / predicting with the chunk model;
# max_train_examples: examples (windows or transcripts) one fine-tuning run sees at most over its epochs (None:
# every epoch), so a big set does not take longer; max_sentences_embed: sentences per transcript section to embed
# (None: all); embed_precision: "auto" (bf16 where the hardware has it, else fp32: embeddings.fast_precision),
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


# -- Taught in the notebook ----------------------------------------------------------------------------------------
# Generated by scripts/export_taught.py from the #@save definitions of notebooks/06_long_transcripts.ipynb:
# edit them there, then run the script.
from labs_lib import transcripts
from sklearn.feature_extraction.text import TfidfVectorizer
import torch


# notebooks/06_long_transcripts.ipynb, section "2. Cleaning"
def clean_transcript(text, aliases=(), speaker="Speaker"):
    """Remove what carries no evidence, normalise what varies; `aliases`: the rated speaker's turn labels."""
    text = transcripts.BOILERPLATE.sub("", str(text))  # whole lines "Transcript produced by ...", "Copyright ..."
    text = transcripts.TIMESTAMP.sub("", text)         # "[00:12:05] ", "(12:05) "
    text = transcripts.STAGE_DIRECTION.sub("", text)   # "(Laughter)", "[Applause]", "(crosstalk)", "[inaudible]"
    text = transcripts.FILLER.sub("", text)            # "um", "uhh", "erm"; "you know," and "like," only before a comma
    names = {a.lower() for a in aliases}

    def label(match):                                  # a turn label: up to 4 words and ": " at a line's start
        found = match.group(1)
        if found.lower() in names:                     # any name of the rated speaker -> one label
            return f"{speaker}: "
        if found.isupper() and len(found) > 3:         # "OPERATOR" -> "Operator"; "CEO", "Q&A" stay as written
            return found.title() + ": "
        return found + ": "                            # everyone else as written ("Analyst 2")

    text = transcripts.TURN_LABEL.sub(label, text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]  # runs of spaces -> one
    return "\n".join(line for line in lines if line)   # lines the rules emptied go


# notebooks/06_long_transcripts.ipynb, section "4. Windows and sections"
def token_windows(tokenizer, texts, window, stride, max_windows=None):
    """Windows of `window` tokens (special tokens included), each sharing `stride` tokens with the one before."""
    encoded = tokenizer(list(texts), max_length=window, stride=stride, truncation=True,
                        return_overflowing_tokens=True)    # the tokenizer cuts the windows itself
    doc = list(encoded.pop("overflow_to_sample_mapping"))  # which text each window came from
    keep = list(range(len(doc)))                           # max_windows=None: every window
    if max_windows:                                        # else the middle window of each of max_windows equal
        keep = []                                          # stretches (the first and last hold header and goodbyes)
        for d in sorted(set(doc)):
            keep += transcripts.spread([i for i, x in enumerate(doc) if x == d], max_windows)
    out = {key: [values[i] for i in keep] for key, values in encoded.items()}
    out["doc"] = [doc[i] for i in keep]
    return out


# notebooks/06_long_transcripts.ipynb, section "5.1 Baselines"
def tfidf_features(train, *others, column="clean"):
    """TF-IDF of word 1-2-grams: vocabulary and weights from the training transcripts only."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    # column: the text read, "clean" (every model here) or "text" (the raw transcript: what cleaning costs, below)
    return [vectorizer.fit_transform(train[column])] + [vectorizer.transform(part[column]) for part in others]


# notebooks/06_long_transcripts.ipynb, section "5.4 Chunk and aggregate"
def aggregate(out, doc, how="mean"):
    """Per-window predictions -> one per transcript: (transcripts in sorted order, their predictions)."""
    out, doc = np.asarray(out, dtype=float), np.asarray(doc)
    classes = out.ndim == 2                              # windows x classes probabilities, or one score per window
    allowed = ("mean", "vote") if classes else ("mean", "median")
    if how not in allowed:                               # named before any window is read
        raise ValueError(f"how={how!r}: use {allowed[0]!r} or {allowed[1]!r} for {'classes' if classes else 'scores'}")
    docs = np.unique(doc)
    per_doc = []
    for d in docs:
        mine = out[doc == d]                             # this transcript's windows
        if classes and how == "mean":                    # average the probabilities, then the likeliest class
            per_doc.append(int(mine.mean(axis=0).argmax()))
        elif classes:                                    # "vote": each window's likeliest class counts once;
            votes = np.bincount(mine.argmax(axis=1), minlength=mine.shape[1])
            tied = np.flatnonzero(votes == votes.max())  # a tie goes to the higher mean probability
            per_doc.append(int(tied[mine.mean(axis=0)[tied].argmax()]))
        elif how == "mean":                              # scores: the average window
            per_doc.append(mine.mean())
        else:                                            # scores, "median": the middle window
            per_doc.append(np.median(mine))
    return docs, np.array(per_doc)


# notebooks/06_long_transcripts.ipynb, section "5.5 Hierarchical: embed every sentence, learn how to combine them"
class Pooler(torch.nn.Module):
    """Sentence vectors (transcripts x sentences x dim, with a mask) -> one output per transcript."""

    def __init__(self, dim, n_out, hidden, kind="attention"):
        super().__init__()
        if kind not in ("mean", "attention", "bilstm"):   # any other name would silently train attention
            raise ValueError(f"pooler kind {kind!r}: use 'mean', 'attention' or 'bilstm'.")
        # "bilstm": project each vector to `hidden` values (an LSTM's cost grows with its width), then read them in
        # order, both ways; its outputs (hidden // 2 each way) replace the vectors
        bilstm = kind == "bilstm"
        self.project = torch.nn.Linear(dim, hidden) if bilstm else None
        self.lstm = torch.nn.LSTM(hidden, hidden // 2, batch_first=True, bidirectional=True) if bilstm else None
        width = 2 * (hidden // 2) if bilstm else dim
        self.score = torch.nn.Linear(width, 1) if kind != "mean" else None  # one learned weight per sentence
        self.mlp = torch.nn.Sequential(torch.nn.LayerNorm(width), torch.nn.Dropout(0.1), torch.nn.Linear(width, hidden),
                                       torch.nn.GELU(), torch.nn.Linear(hidden, n_out))

    def forward(self, x, mask):
        if self.lstm:  # packed, so the backward pass starts at each transcript's last sentence, not at its padding
            packed = torch.nn.utils.rnn.pack_padded_sequence(self.project(x), mask.sum(1).cpu(), batch_first=True,
                                                             enforce_sorted=False)
            x, _ = torch.nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True,
                                                          total_length=mask.shape[1])
        logits = self.score(x).squeeze(-1) if self.score else x.new_zeros(mask.shape)
        weights = logits.masked_fill(~mask, float("-inf")).softmax(-1)  # no score: the plain mean
        return self.mlp((weights.unsqueeze(-1) * x).sum(1))

# -- end of the taught code


# -- Helpers -------------------------------------------------------------------------------------------------------
def words(text: str) -> list[str]:
    """Section 2's check: the words of a text, lower-cased (letters, digits and apostrophes)."""
    return re.findall(r"[a-z0-9']+", text.lower())


def word_changes(raw: str, cleaned: str):
    """Section 2's check: the words cleaning removed and the words it added -> (removed, added), two Counters, from
    difflib's alignment of the two word lists."""
    import difflib
    from collections import Counter

    raw_words, clean_words = words(raw), words(cleaned)
    removed, added = Counter(), Counter()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, raw_words, clean_words, autojunk=False).get_opcodes():
        if op != "equal":
            removed.update(raw_words[i1:i2])
            added.update(clean_words[j1:j2])
    return removed, added


def windows_needed(n_tokens: int, window: int, stride: int) -> int:
    """How many windows of ``window`` content tokens, each overlapping the previous by ``stride``, cover n tokens."""
    if n_tokens <= window:
        return 1
    step = window - stride
    return 1 + -(-(n_tokens - window) // step)  # ceil


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


def score(task: str, y_true, y_pred) -> dict:
    """Section 5: one task's scores: accuracy and macro-F1 for classes; MAE, RMSE, R², Pearson, Spearman for scores."""
    return (metrics.classification_scores(y_true, y_pred) if task == "classification"
            else metrics.regression_scores(y_true, y_pred))


class Scoreboard:
    """Section 5's bookkeeping. ``targets(part, task)``: what a task predicts, as numbers (class ids in the order of
    ``label_names``, or scores); ``y[split][task]``: those of each split. ``record(method, task, pred)`` scores one
    method's predictions ({"validation": ..., "test": ...}, one per transcript), keeps them in
    ``predictions[task][method]``, adds its row (test scores, validation scores, cost) to ``rows`` and prints the
    test scores."""

    def __init__(self, split: dict, tasks, label_names):
        self.label_id = {name: i for i, name in enumerate(label_names)}
        self.y = {name: {task: self.targets(part, task) for task in tasks} for name, part in split.items()}
        self.rows, self.predictions = [], {task: {} for task in tasks}

    def targets(self, part, task: str):
        """What a task predicts, as numbers: class ids, or scores."""
        if task == "classification":
            return part["label"].map(self.label_id).to_numpy()
        return part["score"].to_numpy(float)

    def record(self, method, task, pred, baseline=False, train_seconds=0.0, trainable_params=0, tokens_seen=0):
        y = self.y
        for name, p in pred.items():
            assert len(p) == len(y[name][task]), f"{method}: {len(p)} predictions for {len(y[name][task])} transcripts"
        self.predictions[task][method] = {name: np.asarray(p) for name, p in pred.items()}
        scores = score(task, y["test"][task], pred["test"])
        self.rows.append(dict(method=method, task=task, baseline=baseline, **scores,
                              train_seconds=round(train_seconds, 1), trainable_params=int(trainable_params),
                              tokens_seen_per_doc=int(np.mean(tokens_seen)),
                              validation=score(task, y["validation"][task], pred["validation"])))
        print(f"{method:<28} {task:<14} test {({k: round(v, 3) for k, v in scores.items()})}")


def cleaning_cost(split: dict, y: dict, tasks) -> None:
    """Section 5.1 answers section 2's question: the same TF-IDF + linear model fitted on the raw text and on the
    cleaned text, scored on validation (macro-F1 for classes, MAE for scores); prints whether cleaning removed words
    that carried signal here."""
    from sklearn.metrics import f1_score, mean_absolute_error

    from labs_lib.transcripts import linear_model

    features = {text: tfidf_features(split["train"], split["validation"], column=column)
                for text, column in (("raw", "text"), ("cleaned", "clean"))}
    for task in tasks:
        kind, measure = ("macro-F1", lambda t, p: f1_score(t, p, average="macro")) if task == "classification" \
            else ("MAE", mean_absolute_error)
        got = {text: measure(y["validation"][task], linear_model(task).fit(Xt, y["train"][task]).predict(Xv))
               for text, (Xt, Xv) in features.items()}
        lost = got["cleaned"] < got["raw"] if task == "classification" else got["cleaned"] > got["raw"]
        print(f"{task}: TF-IDF + linear on validation, {kind}: raw text {got['raw']:.3f}, cleaned "
              f"{got['cleaned']:.3f} -> " + ("cleaning removed words that carried signal here" if lost
                                           else "cleaning cost this model nothing here"))


def free_memory() -> None:
    """Section 5.2: collect the previous model before the next one loads (GPU memory in ``full``)."""
    import gc

    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def finish_run(name: str, task: str, trainer, examples: int) -> list:
    """Section 5.2, after ``trainer.train()``: print the effective batch, the steps run of the budget (as epochs of
    the ``examples``), whether early stopping ended the run, and the step whose weights were reloaded (the best
    validation loss); delete the run's checkpoint folder. -> the run's log history, for the loss curves."""
    import shutil

    args, state = trainer.args, trainer.state
    batch, accumulated = args.per_device_train_batch_size, args.gradient_accumulation_steps
    per_step = batch * accumulated
    best = min((h for h in state.log_history if "eval_loss" in h), key=lambda h: h["eval_loss"])
    print(f"{name} ({task}): {batch} x {accumulated} accumulated = {per_step} examples per step; "
          f"{state.global_step} of {state.max_steps} steps = {state.global_step * per_step / examples:.2f} epochs "
          f"of {examples:,} examples ({'stopped early' if state.global_step < state.max_steps else 'ran to the end'}"
          f"); best validation loss at step {best['step']}, reloaded")
    shutil.rmtree(args.output_dir, ignore_errors=True)
    return state.log_history


def outputs(trainer, dataset, task: str):
    """Section 5.2: a fine-tuned model's outputs on ``dataset``, one row per input: class probabilities (the softmax
    of its logits), or the regression head's one value (still standardised)."""
    import torch

    out = trainer.predict(dataset).predictions
    if task == "classification":
        return torch.softmax(torch.tensor(out, dtype=torch.float32), dim=-1).numpy()
    assert out.shape == (len(dataset), 1), f"a regression head outputs one value per input, got {out.shape}"
    return out[:, 0]


def describe_embedding(cfg, transcripts: int, sentence_ids, seconds: float, precision: str) -> None:
    """Section 5.5: how many sentences the frozen model embedded (per transcript; the cap per section), their tokens,
    the seconds it took and the precision."""
    n = len(sentence_ids)
    print(f"embedded {n:,} sentences ({n / transcripts:.0f} per transcript"
          + (f", at most {cfg.max_sentences_embed} per section" if cfg.max_sentences_embed else "")
          + f"; {sum(map(len, sentence_ids)):,} tokens) with the frozen {cfg.embed_model} in {seconds:.0f} s, "
          + precision + (" (seconds near 0: loaded from the cache)" if cfg.embed_cache else ""))


def mean_and_max(vectors, sentence_doc, rows):
    """Section 5.5, the simplest head's input: the sentence vectors of each transcript in ``rows`` pooled two ways, side
    by side -> transcripts x (2 x dim): their mean (the typical sentence) and their max per dimension (the most
    extreme sentence on each feature)."""
    import torch

    x, mask = stack_sentences(vectors, sentence_doc, rows)
    mean = (x * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
    largest = x.masked_fill(~mask.unsqueeze(-1), float("-inf")).max(1).values
    return torch.cat([mean, largest], dim=1).numpy()


def linear_head_on_validation(task: str, X: dict, y: dict, strengths=(0.01, 0.1, 1.0, 10.0, 100.0)):
    """Section 5.5, the simplest head: standardised features into logistic regression (C = strength) for classes or
    ridge regression (alpha = 100 x strength) for scores, one fit on ``X["train"]`` per strength; prints each one's
    validation score (macro-F1 / MAE) and returns the fitted pipeline of the best."""
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    key, better = ("f1_macro", max) if task == "classification" else ("mae", min)
    grid = {}   # strength -> (validation score, fitted model)
    for strength in strengths:
        head = (make_pipeline(StandardScaler(), LogisticRegression(C=strength, max_iter=3000))
                if task == "classification" else make_pipeline(StandardScaler(), Ridge(alpha=strength * 100)))
        head.fit(X["train"], y["train"][task])
        grid[strength] = (score(task, y["validation"][task], head.predict(X["validation"]))[key], head)
    best = better(grid, key=lambda k: grid[k][0])
    print(f"{task}: validation {key} by strength " + ", ".join(f"{k:g}: {v[0]:.3f}" for k, v in grid.items())
          + f" -> {best:g}")
    return grid[best][1]


def minute_vectors(texts, aliases, pieces, vectors):
    """Section 5.5, one vector per minute of speech: each transcript's minutes (``minute_segments`` of its raw text),
    each cleaned as the whole transcript was (``clean_transcript`` with its ``aliases``), its sentences looked up
    among the embedded ``pieces`` (row, section, sentence) and their ``vectors`` averaged; no second pass through the
    encoder. -> (minute vectors, each one's transcript row, sentences found, sentences wanted). A minute none of whose
    sentences was embedded (``max_sentences_embed``) has no vector."""
    import torch

    from labs_lib.text import split_sentences

    index = {(row, sentence): k for k, (row, _, sentence) in enumerate(pieces)}   # the sentences embedded
    found_vectors, minute_doc, found, wanted = [], [], 0, 0
    for row, (text, names) in enumerate(zip(texts, aliases)):
        for _, segment in minute_segments(text):
            sentences = split_sentences(clean_transcript(segment, names))
            ids = [index[(row, s)] for s in sentences if (row, s) in index]
            found, wanted = found + len(ids), wanted + len(sentences)
            if ids:
                found_vectors.append(vectors[ids].mean(0))
                minute_doc.append(row)
    return (torch.stack(found_vectors) if found_vectors else None), np.array(minute_doc, dtype=int), found, wanted


def minutes_check(minute_doc, n_docs: int, found: int, wanted: int, every_sentence_embedded: bool) -> str | None:
    """Section 5.5: prints how many minutes were found; returns None when every transcript has at least one, else the
    NOTE saying why the per-minute models are skipped on this data and how to provide what they need."""
    per_doc = np.bincount(minute_doc, minlength=n_docs)
    if not (per_doc > 0).all():
        return (f"NOTE: per-minute models skipped: {int((per_doc == 0).sum()):,} of {n_docs:,} transcripts have no "
                "minute of speech (no line starts with a timestamp such as [00:12:05] or (12:05)). Give every "
                "transcript its timestamps to run them; the other methods do not need them.")
    print(f"{len(minute_doc):,} minutes with speech ({np.median(per_doc):.0f} per transcript, median); "
          f"{found / wanted:.0%} of their sentences found among the embedded ones")
    if every_sentence_embedded:   # then almost every minute's sentence must be found among the embedded ones
        assert found / wanted > 0.95, f"only {found / wanted:.0%} of the minutes' sentences matched an embedded one"
    return None


def long_models_skipped(cfg) -> dict:
    """Section 5.6: {} when the profile runs long-context models; else {"long-context models": why not} (the results
    file keeps it), printed with the models the full profile runs."""
    if cfg.long_models:
        return {}
    skipped = {"long-context models": f"not run in the {cfg.profile} profile: {cfg.long_note}"}
    print(f"Long-context models {skipped['long-context models']}. The smoke profile runs tiny ones; full runs "
          + ", ".join(TABLE["full"]["long_models"].values()) + ".")
    return skipped


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
def plot_split(split: dict, tasks, label_names):
    """Section 1: transcripts per class and split (classification), and the histogram of the scores (regression)."""
    scores = pd.concat(split.values())["score"] if "regression" in tasks else None
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.2))
    if "classification" in tasks:
        counts = pd.DataFrame({name: part["label"].value_counts() for name, part in split.items()}).reindex(label_names)
        counts.plot.bar(ax=axes[0], rot=0, title="Transcripts per class and split")
    if scores is not None:
        scores.plot.hist(ax=axes[1], bins=np.arange(scores.min() - 0.5, scores.max() + 1), title="Score", rwidth=0.9)
    fig.tight_layout()
    return fig


def show_side_by_side(raw: str, cleaned: str, chars: int = 1100) -> None:
    """Section 2: the first ``chars`` characters of a transcript, raw and cleaned, in two columns."""
    import html

    from IPython.display import HTML, display

    column = "<td style='vertical-align:top'><pre style='white-space:pre-wrap'>{}</pre></td>"
    display(HTML("<table><tr><th>raw</th><th>cleaned</th></tr><tr>" + column.format(html.escape(raw[:chars]))
                 + column.format(html.escape(cleaned[:chars])) + "</tr></table>"))


def show_turns(sections: dict | None) -> None:
    """Section 4: each speaker's turns and words in each section of one transcript (``sections``: {"opening": text,
    "qa": text} from ``transcripts.split_sections``, None without a Q&A header), as a table."""
    from IPython.display import display

    if not sections:
        display("no Q&A header in transcript 0: only fixed windows apply")
        return
    turns = pd.DataFrame([(name, line.split(": ", 1)[0], len(line.split()) - 1) for name, text in sections.items()
                          for line in text.splitlines() if TURN_LABEL.match(line)],
                         columns=["section", "speaker", "words"])
    display(turns.groupby(["section", "speaker"], sort=False)["words"].agg(turns="count", words="sum"))


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


def show_results(table, tasks, grouped: bool) -> None:
    """Section 6: for each task, the methods' test scores, training seconds and tokens read per transcript as a
    table, and their scores as bars (R² and Spearman for scores)."""
    from IPython.display import display

    shown_of = {"classification": ["accuracy", "f1_macro"], "regression": ["mae", "rmse", "r2", "spearman"]}
    for task, shown in shown_of.items():
        if task in tasks:
            part = table[table["task"] == task]
            display(part[shown + ["train_seconds", "tokens_seen_per_doc"]].round(3))
            bars = shown if task == "classification" else ["r2", "spearman"]
            low = 0 if task == "classification" else min(-0.2, part["r2"].min() - 0.05)
            fig = plot_method_comparison(part, bars, ylim=(low, 1))
            fig.axes[0].set_title(f"{task}: held-out test scores" + (" (speaker-grouped split)" if grouped else ""))


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
