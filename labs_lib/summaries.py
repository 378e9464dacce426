"""Summarization data (lab 02): load dialogues or documents with their reference summaries, and the lead-N baseline.

A task names its input column: ``dialogue`` (turns, one per line: ``#Person1#: ...``) or ``document`` (prose).
Every dataset comes back with two columns, the input and ``summary``, in train / validation / test.
"""

from __future__ import annotations

import re

import pandas as pd

from labs_lib.data import (DataError, _looks_like_hub_id, check_text, load_hub_dataset, read_splits, rename_columns,
                           resolve_path, subsample)

TASKS = ("dialogue", "document")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9#])")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``: a break after . ! or ? followed by a capital, a digit or '#', and at every newline.
    A rule, not a parser ("Dr. Smith" splits); good enough for lead-N and for ROUGE-Lsum's sentence lines."""
    sentences = []
    for line in str(text).splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            sentences.append(line[start:end.end()].strip())
            start = end.end()
        sentences.append(line[start:].strip())
    return [s for s in sentences if s]


def lead_n(text: str, n: int, task: str) -> str:
    """The extractive baseline: the first ``n`` turns of a dialogue (lines) or sentences of a document."""
    if task not in TASKS:
        raise ValueError(f"Unknown task {task!r}; use one of {TASKS}.")
    units = [line.strip() for line in str(text).splitlines() if line.strip()] if task == "dialogue" \
        else split_sentences(text)
    return "\n".join(units[:n])


def load_summaries(source: str, task: str, columns: dict[str, str] | None = None, train_size: int | None = None,
                   eval_size: int | None = None, seed: int = 0, hub_config: str | None = None):
    """Load ``source`` for summarization -> DatasetDict (train / validation / test) with columns ``task`` and
    ``summary``.

    ``source`` is a CSV / JSONL / Parquet file (split 80/10/10 here with ``seed``), a folder with ``train.*``,
    ``test.*`` and optionally ``validation.*`` (10% of train carved out if absent), or an owner-prefixed hub
    dataset id (``knkarthick/dialogsum``; ``hub_config`` names a configuration, e.g. ``"3.0.0"``).
    ``columns`` maps the lab's names to yours: ``{"document": "article", "summary": "highlights"}``.
    Empty inputs or summaries raise a DataError naming the rows. ``train_size`` / ``eval_size`` cap the train and
    each evaluation split (random samples with ``seed``).
    """
    if task not in TASKS:
        raise DataError(f"Unknown task {task!r}; this lab knows {list(TASKS)}.")
    if resolve_path(source) is None and _looks_like_hub_id(source):
        ds = load_hub_dataset(source, config=hub_config)
        frames = {split: ds[split].to_pandas() for split in ("train", "validation", "test") if split in ds}
    else:
        frames = read_splits(source)
    needed = [task, "summary"]
    for name, frame in frames.items():
        where = f"{source} [{name}]"
        frame = rename_columns(frame, columns, needed, where)
        frames[name] = check_text(check_text(frame, task, where), "summary", where)
    if "all" in frames:
        if len(frames["all"]) < 30:
            raise DataError(f"{source}: {len(frames['all'])} example(s) is too few to split 80/10/10; give at least 30.")
        shuffled = frames["all"].sample(frac=1.0, random_state=seed)
        n_eval = max(1, round(0.1 * len(shuffled)))
        frames = {"validation": shuffled[:n_eval], "test": shuffled[n_eval:2 * n_eval], "train": shuffled[2 * n_eval:]}
    elif "validation" not in frames:
        validation = frames["train"].sample(frac=0.1, random_state=seed)
        frames["train"], frames["validation"] = frames["train"].drop(validation.index), validation
    from datasets import Dataset, DatasetDict

    sizes = {"train": train_size, "validation": eval_size, "test": eval_size}
    return DatasetDict({name: Dataset.from_pandas(subsample(frames[name], sizes[name], seed=seed)
                                                  .reset_index(drop=True), preserve_index=False)
                        for name in ("train", "validation", "test")})


def word_counts(texts) -> pd.Series:
    """Words per text (whitespace-separated), for the length plots."""
    return pd.Series([len(str(t).split()) for t in texts])
