"""Load a lab's data -- the project's default files, a hub dataset, or the learner's own file -- check it, split it.

One way in for every lab: ``splits, report = data.load(cfg, kind)`` resolves the source named by the config
(``cfg.data``: a file, a folder or a hub id), reads it with the reader of ``kind`` (a table, CoNLL, transcripts),
renames and checks the columns, splits it by ``cfg.split`` (``"stratified 70/15/15"``, ``"random 80/10/10"``,
``"grouped 70/15/15"``; a folder's own train/validation/test files are used as given), caps the sizes the config
names, and returns the splits with a ``DataReport`` the lab prints: where the data came from, rows per split
before and after capping, the split policy and the labels. A cap that drops rows is never silent.

Every problem with the input raises ``DataError`` whose message names the problem and the fix,
instead of a stack trace from deep inside pandas or datasets. Nothing is written back to the input.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from labs_lib.ner import load_ner
from labs_lib.reading import (DataError, DataReport, cap_frames, carve, check_text, clean_labels, load_hub_dataset,
                              looks_like_hub_id, parse_split, read_splits, read_text, rename_columns, resolve_path,
                              sampled_datasets, shared_rows, stratified_split)
from labs_lib.summaries import load_summaries
from labs_lib.transcripts import load_transcript_splits


def load_text_classification(source: str, columns: dict[str, str] | None = None, train_size: int | None = None,
                             eval_size: int | None = None, seed: int = 0, split: str = "stratified 70/15/15",
                             sizes: dict | None = None, report: DataReport | None = None):
    """Load ``source`` for text classification -> (DatasetDict with train/validation/test, label_names).

    ``source`` is a CSV/JSONL/Parquet file (split 70/15/15 here, stratified, fixed seed), a folder with
    ``train.*``, ``test.*`` and optionally ``validation.*`` (used as given; validation carved from train
    if absent), or an owner-prefixed hub dataset id (``stanfordnlp/imdb``, needs network).
    Columns default to ``text`` and ``label``; ``columns={'text': 'review', 'label': 'stars'}`` maps others.
    Labels may be ints or strings; they are mapped to ids 0..K-1 in sorted order (hub ClassLabels keep theirs).
    ``train_size`` / ``eval_size`` cap the train and each evaluation split (stratified samples); ``sizes`` and
    ``report`` are how ``load()`` names the settings and collects the counts.
    """
    _, shares = parse_split(split, "classification")
    report = report or DataReport(str(source), "classification")
    label_order = None
    if resolve_path(source) is None and looks_like_hub_id(source):
        frames, label_order = _read_hub(source)
    else:
        frames = read_splits(source)
    frames = {name: check_text(rename_columns(f, columns, ["text", "label"], f"{source} [{name}]"), "text",
                               f"{source} [{name}]") for name, f in frames.items()}
    for name, frame in frames.items():
        missing = frame["label"].isna()
        if missing.any():
            raise DataError(f"{source} [{name}]: {int(missing.sum())} row(s) without a label, e.g. rows "
                            f"{list(frame.index[missing][:5])}. Label them or drop them.")
    frames = clean_labels(frames, "label", str(source), report)
    if "all" in frames:
        frames = stratified_split(frames["all"], "label", seed, sizes=shares)
        report.split = f"{split} (seed {seed})"
    elif "validation" not in frames:
        frames["train"], frames["validation"] = carve(frames["train"], seed)
        report.split = "as given by the folder's train/test files; validation: 15% of train, stratified"
    else:
        report.split = "as given by the folder's train/validation/test files"

    values = pd.concat([f["label"] for f in frames.values()])
    if values.map(type).nunique() > 1:  # e.g. 1 and "1" in one column: compare them as text
        frames = {name: f.assign(label=f["label"].astype(str)) for name, f in frames.items()}
    label_names = label_order or sorted(frames["train"]["label"].unique().tolist())
    if len(label_names) < 2:
        raise DataError(f"{source}: the training data holds a single class ({label_names[0]!r}); a classifier "
                        "needs at least two.")
    for name, frame in frames.items():
        unknown = sorted(set(frame["label"]) - set(label_names), key=str)
        if unknown:
            raise DataError(f"{source} [{name}]: unknown label(s) {unknown[:5]} not seen in train "
                            f"(train has {label_names}).")
    to_id = {name: i for i, name in enumerate(label_names)}
    sizes = sizes or {"train": ("train_size", train_size), "validation": ("eval_size", eval_size),
                      "test": ("eval_size", eval_size)}
    frames = cap_frames({name: frames[name] for name in ("train", "validation", "test")}, sizes, report, "label", seed)
    frames = {name: f.assign(label=f["label"].map(to_id)) for name, f in frames.items()}
    report.labels = [str(n) for n in label_names]
    return _to_datasets(frames, report.labels), report.labels


def load_texts(source: str, columns: dict[str, str] | None = None, train_size: int | None = None,
               eval_size: int | None = None, seed: int = 0, hub_splits: dict[str, str] | None = None,
               sizes: dict | None = None, report: DataReport | None = None):
    """Unlabelled text for language modelling -> DatasetDict with ``train`` and ``test``, one ``text`` column.

    ``source`` is a file (CSV / JSONL / Parquet / TXT with one text per line; 10% held out as test, fixed seed),
    a folder with ``train.*`` and ``test.*``, or a hub dataset id whose splits ``hub_splits`` names
    (``{"train": "unsupervised", "test": "test"}``); other columns, labels included, are ignored.
    ``train_size`` / ``eval_size`` cap the two splits (random samples with ``seed``).
    """
    if resolve_path(source) is None and looks_like_hub_id(source):
        frames = _read_hub_texts(source, hub_splits or {"train": "train", "test": "test"})
    else:
        path = resolve_path(source)
        if path is not None and path.is_file() and path.suffix.lower() == ".txt":
            lines = read_text(path).splitlines()
            frames = {"all": pd.DataFrame({"text": [line for line in lines if line.strip()]})}
            if frames["all"].empty:
                raise DataError(f"{path}: the file holds no text.")
        else:
            frames = read_splits(source)
    frames = {name: check_text(rename_columns(f, columns, ["text"], f"{source} [{name}]"), "text",
                               f"{source} [{name}]") for name, f in frames.items()}
    report = report or DataReport(str(source), "texts")
    if "all" in frames:
        if len(frames["all"]) < 20:
            raise DataError(f"{source}: {len(frames['all'])} text(s) is too little to hold 10% out; give at least 20.")
        test = frames["all"].sample(frac=0.1, random_state=seed)
        frames = {"train": frames["all"].drop(test.index), "test": test}
        report.split = f"random 90/10 (seed {seed})"
    else:
        report.split = "as given by the source's train/test splits"
    sizes = sizes or {"train": ("train_size", train_size), "test": ("eval_size", eval_size)}
    return sampled_datasets({name: frames[name] for name in ("train", "test")}, sizes, seed, report)


def _read_hub_texts(source: str, splits: dict[str, str]):
    return {ours: load_hub_dataset(source, split=theirs).to_pandas() for ours, theirs in splits.items()}


def _read_hub(source: str):
    """Train/test (and validation if present) of a hub dataset as DataFrames, labels as their names."""
    import datasets

    ds = load_hub_dataset(source)
    frames, names = {}, None
    for split in ("train", "validation", "test"):
        if split in ds:
            feature = ds[split].features.get("label")
            if isinstance(feature, datasets.ClassLabel):
                names = feature.names
            frames[split] = ds[split].to_pandas()
    if not names and "label_text" in frames["train"]:  # e.g. SetFit/sst2: int labels, names in `label_text`
        pairs = pd.concat(frames.values())[["label", "label_text"]].drop_duplicates().sort_values("label")
        if pairs["label"].is_unique:
            names = [str(t) for t in pairs["label_text"]]
            names = names if pairs["label"].tolist() == list(range(len(names))) else None
    if names:
        for frame in frames.values():
            frame["label"] = frame["label"].map(dict(enumerate(names)))
    return frames, names


def _to_datasets(frames: dict[str, pd.DataFrame], label_names: list[str]):
    from datasets import ClassLabel, Dataset, DatasetDict, Features, Value

    features = Features({"text": Value("string"), "label": ClassLabel(names=label_names)})
    return DatasetDict({name: Dataset.from_pandas(frames[name].reset_index(drop=True), features=features,
                                                  preserve_index=False)
                        for name in ("train", "validation", "test")})


# ---------------------------------------------------------------- the one way in: load(cfg, kind)


def _setting(cfg, key: str, task: str | None = None):
    value = getattr(cfg, key, None)
    return value[task] if task is not None and isinstance(value, dict) else value


def load(cfg, kind: str, task: str | None = None, seed: int = 0, source: str = "data"):
    """The lab's data -> (splits, DataReport). ``kind``: "classification" (text + label), "texts" (unlabelled
    text; lab 04's corpus: ``source="corpus"``), "summaries" (one ``task`` of lab 02), "ner", "transcripts".

    Reads ``cfg.<source>`` (and ``cfg.columns``, or ``cfg.corpus_columns``), splits by ``cfg.split`` and caps the
    splits by ``cfg.train_size`` / ``cfg.eval_size`` (lab 04's corpus: ``corpus_train_size`` / ``corpus_eval_size``;
    lab 06: ``docs`` transcripts before the split). Returns a DatasetDict (train / validation / test, or train /
    test for "texts"), except "transcripts": a dict of DataFrames that keep their row numbers. Rows whose input text
    is in two splits are counted in ``report.shared`` and named in a NOTE of the report.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown data kind {kind!r}; use one of {list(KINDS)}.")
    prefix = "" if source == "data" else f"{source}_"
    where = _setting(cfg, source, task)
    table = getattr(cfg, "table", None)   # the lab's own table, to tell the learner's data from the profile's
    default = _setting(SimpleNamespace(**table[cfg.profile]), source, task) if table is not None else None
    report = DataReport(str(where), kind, own=where != default)
    columns = _setting(cfg, f"{prefix}columns", task)
    sizes = {"train": (f"{prefix}train_size", getattr(cfg, f"{prefix}train_size", None))}
    for split in ("validation", "test"):
        sizes[split] = (f"{prefix}eval_size", getattr(cfg, f"{prefix}eval_size", None))
    splits = KINDS[kind](where, cfg, task, columns=columns, seed=seed, sizes=sizes, report=report)
    column = {"summaries": task, "ner": "tokens"}.get(kind, "text")   # the input a model reads
    shared_rows({name: [" ".join(x) if kind == "ner" else x for x in part[column]] for name, part in splits.items()},
                report)
    return splits, report


# The reading kinds, one line each: the reader that resolves, reads, checks and splits that kind of data (built from
# labs_lib.reading's steps), called with what the lab's settings say. load() above does the rest the same way for all.
KINDS = {
    "classification": lambda where, cfg, task, **common: load_text_classification(where, split=cfg.split, **common)[0],
    "texts": lambda where, cfg, task, **common: load_texts(where, hub_splits=getattr(cfg, "corpus_splits", None),
                                                           **common),
    "summaries": lambda where, cfg, task, **common: load_summaries(where, task, split=cfg.split,
                                                                   hub_config=_setting(cfg, "hub_config", task), **common),
    "ner": lambda where, cfg, task, **common: load_ner(where, split=cfg.split, **common)[0],
    "transcripts": lambda where, cfg, task, sizes, **common: load_transcript_splits(where, split=cfg.split,
                                                                                    docs=cfg.docs, **common),
}
