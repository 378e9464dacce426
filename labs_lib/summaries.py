"""Summarization data (lab 02): load dialogues or documents with their reference summaries, and the lead-N baseline.

A task names its input column: ``dialogue`` (turns, one per line: ``#Person1#: ...``) or ``document`` (prose).
Every dataset comes back with two columns, the input and ``summary``, in train / validation / test.
"""

from __future__ import annotations

import pandas as pd

from labs_lib.reading import (DataError, DataReport, looks_like_hub_id, check_text, load_hub_dataset, parse_split,
                           read_splits, rename_columns, resolve_path, sampled_datasets)

TASKS = ("dialogue", "document")   # a task names its input column


def load_summaries(source: str, task: str, columns: dict[str, str] | None = None, train_size: int | None = None,
                   eval_size: int | None = None, seed: int = 0, hub_config: str | None = None,
                   split: str = "random 80/10/10", sizes: dict | None = None, report: DataReport | None = None):
    """Load ``source`` for summarization -> DatasetDict (train / validation / test) with columns ``task``,
    ``summary`` and ``references`` (every summary the source gives for that input; usually just ``[summary]``).

    ``source`` is a CSV / JSONL / Parquet file (split 80/10/10 here with ``seed``), a folder with ``train.*``,
    ``test.*`` and optionally ``validation.*`` (10% of train carved out if absent), or an owner-prefixed hub
    dataset id (``knkarthick/dialogsum``; ``hub_config`` names a configuration, e.g. ``"3.0.0"``).
    ``columns`` maps the lab's names to yours: ``{"document": "article", "summary": "highlights"}``.
    Empty inputs or summaries raise a DataError naming the rows; a repeated input keeps its first summary only.
    ``train_size`` / ``eval_size`` cap the train and each evaluation split (random samples with ``seed``).
    """
    if task not in TASKS:
        raise DataError(f"Unknown task {task!r}; this lab knows {list(TASKS)}.")
    _, shares = parse_split(split, "summaries")
    report = report or DataReport(str(source), "summaries")
    sizes = sizes or {"train": ("train_size", train_size), "validation": ("eval_size", eval_size),
                      "test": ("eval_size", eval_size)}
    if resolve_path(source) is None and looks_like_hub_id(source):
        # streamed: CNN/DailyMail's train split alone is 287k articles (~0.8 GB); only the rows used are read
        ds = load_hub_dataset(source, config=hub_config, streaming=True)
        frames = {}
        for split in ("train", "validation", "test"):
            if split in ds:
                n = sizes[split][1] and 2 * sizes[split][1]  # twice the need: dropping duplicates leaves enough
                part = ds[split].shuffle(seed=seed, buffer_size=10_000).take(n) if n else ds[split]
                frames[split] = pd.DataFrame(list(part))
                if n:
                    report.notes.append(f"{split}: {len(frames[split]):,} rows streamed from the hub (shuffled in a "
                                        "10,000-row buffer)")
    else:
        frames = read_splits(source)
    needed = [task, "summary"]
    for name, frame in frames.items():
        where = f"{source} [{name}]"
        frame = rename_columns(frame, columns, needed, where)
        # one row per input: DialogSum's test split repeats each dialogue with three reference summaries; the first is
        # the training target (`summary`), all of them are kept in `references` for scoring
        frame = check_text(check_text(frame, task, where), "summary", where)[[task, "summary"]]
        references = frame.groupby(task, sort=False)["summary"].agg(list)
        frame = frame.drop_duplicates(task)
        frames[name] = frame.assign(references=frame[task].map(references))
    if "all" in frames:
        if len(frames["all"]) < 30:
            raise DataError(f"{source}: {len(frames['all'])} example(s) is too few to split 80/10/10; give at least 30.")
        shuffled = frames["all"].sample(frac=1.0, random_state=seed)
        n_val, n_test = max(1, round(shares[1] * len(shuffled))), max(1, round(shares[2] * len(shuffled)))
        frames = {"validation": shuffled[:n_val], "test": shuffled[n_val:n_val + n_test],
                  "train": shuffled[n_val + n_test:]}

        report.split = f"{split} (seed {seed})"
    elif "validation" not in frames:
        validation = frames["train"].sample(frac=0.1, random_state=seed)
        frames["train"], frames["validation"] = frames["train"].drop(validation.index), validation
        report.split = "as given by the source's train/test splits; validation: 10% of train"
    else:
        report.split = "as given by the source's train/validation/test splits"
    return sampled_datasets({name: frames[name] for name in ("train", "validation", "test")}, sizes, seed, report)
