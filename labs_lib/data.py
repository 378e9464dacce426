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

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
READERS = {".csv": pd.read_csv, ".tsv": lambda p: pd.read_csv(p, sep="\t"), ".parquet": pd.read_parquet,
           ".jsonl": lambda p: pd.read_json(p, lines=True), ".json": lambda p: _read_json(p)}
MIN_PER_CLASS = 7  # 15% of 7 rounds to one example per class in validation and in test
SPLIT_NAMES = {"train": ("train",), "validation": ("validation", "valid", "val", "dev"), "test": ("test",)}


class DataError(ValueError):
    """The input data cannot be used as it is; the message says what is wrong and how to fix it."""


def _read_json(path):
    try:
        return pd.read_json(path, lines=True)
    except ValueError:
        return pd.read_json(path)


def resolve_path(path: str | Path) -> Path | None:
    """``path`` as given if it exists, else relative to the repository root (labs run from notebooks/), else None."""
    for candidate in (Path(path).expanduser(), REPO_ROOT / path):
        if candidate.exists():
            return candidate
    return None


def read_table(path: str | Path) -> pd.DataFrame:
    """Read one CSV / TSV / JSONL / JSON / Parquet file into a DataFrame, or raise a DataError saying why not."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DataError(f"{path}: unsupported file type {path.suffix!r}; use one of {', '.join(READERS)}.")
    try:
        frame = reader(path)
    except UnicodeDecodeError as err:
        raise DataError(f"{path}: the text encoding is not UTF-8 ({err.reason} at byte {err.start}); it may be "
                        "Latin-1 / Windows-1252. Save the file with UTF-8 encoding (e.g. pandas: "
                        "pd.read_csv(path, encoding='latin-1').to_csv(new_path, index=False)).") from err
    except Exception as err:  # pandas raises many types; the learner needs the file name and the reason
        raise DataError(f"{path}: could not be read as {path.suffix[1:].upper()} ({type(err).__name__}: {err}).") from err
    if len(frame) == 0:
        raise DataError(f"{path}: the file holds no rows.")
    if path.suffix.lower() == ".csv" and len(frame.columns) == 1:
        header = str(frame.columns[0])
        other = next((d for d in (";", "\t", "|") if d in header), None)
        if other:
            raise DataError(f"{path}: read as one column {header!r}: the delimiter looks like {other!r}, not ','. "
                            f"Save it comma-separated, or as .tsv when the delimiter is a tab (e.g. pandas: "
                            f"pd.read_csv(path, sep={other!r}).to_csv(new_path, index=False)).")
    return frame


def read_splits(source: str | Path) -> dict[str, pd.DataFrame]:
    """A file -> {'all': frame}; a folder -> {'train': .., 'test': .., optionally 'validation': ..}."""
    path = resolve_path(source)
    if path is None:
        raise DataError(f"{source}: no such file or folder (looked in the current folder and in {REPO_ROOT}).")
    if path.is_file():
        return {"all": read_table(path)}
    frames = {}
    for split, names in SPLIT_NAMES.items():
        found = [f for name in names for f in sorted(path.glob(f"{name}.*")) if f.suffix.lower() in READERS]
        if found:
            frames[split] = read_table(found[0])
    missing = [s for s in ("train", "test") if s not in frames]
    if missing:
        raise DataError(f"{path}: a data folder needs files named train.* and test.* (and optionally validation.*); "
                        f"missing: {', '.join(missing)}. Found: {sorted(p.name for p in path.iterdir())}.")
    return frames


def rename_columns(frame: pd.DataFrame, columns: dict[str, str] | None, needed: list[str], where: str) -> pd.DataFrame:
    """Rename the learner's columns to the lab's names (``columns={'text': 'review'}``) and check they exist."""
    columns = dict(columns or {})
    unknown = set(columns) - set(needed)
    if unknown:
        raise DataError(f"columns= maps {sorted(unknown)}, but this lab only uses {needed}.")
    for ours, theirs in columns.items():
        if ours != theirs and ours in frame.columns and theirs in frame.columns:
            raise DataError(f"{where}: columns= maps {theirs!r} to {ours!r}, but the file already has a column "
                            f"{ours!r}. Rename or drop one of them.")
    absent = [theirs for ours, theirs in columns.items() if theirs not in frame.columns]
    if absent:
        raise DataError(f"{where}: columns= names {absent} (for {[o for o, t in columns.items() if t in absent]}), "
                        f"but the file has no such column. Columns found: {list(frame.columns)}.")
    frame = frame.rename(columns={theirs: ours for ours, theirs in columns.items()})
    for col in needed:
        if col not in frame.columns:
            hint = f"Pass columns={{'{col}': '<your column name>'}}."
            raise DataError(f"{where}: no column {col!r}. Columns found: {list(frame.columns)}. {hint}")
    return frame[needed]


def check_text(frame: pd.DataFrame, col: str, where: str) -> pd.DataFrame:
    """Fail on missing or blank text, naming the rows (row numbers count from 0, as in pandas)."""
    text = frame[col]
    bad = text.isna() | (text.astype(str).str.strip() == "")
    if bad.any():
        rows = list(frame.index[bad][:5])
        raise DataError(f"{where}: {int(bad.sum())} row(s) with empty {col!r}, e.g. rows {rows}. "
                        "Remove them or fill them in.")
    return frame.assign(**{col: text.astype(str)})


def stratified_split(frame: pd.DataFrame, label: str, seed: int = 0, sizes=(0.70, 0.15, 0.15)) -> dict:
    """Split one frame 70/15/15 (train/validation/test), keeping class shares, with a fixed seed."""
    counts = frame[label].value_counts()
    if counts.min() < MIN_PER_CLASS:
        raise DataError(f"Class {counts.idxmin()!r} has only {counts.min()} example(s); a 70/15/15 split needs at "
                        f"least {MIN_PER_CLASS} per class so that each split holds some. Add examples or drop the class.")
    fix = f"Cannot split {len(frame)} rows of {len(counts)} classes 70/15/15 with every class in every split"
    hint = "Add examples, or give train/validation/test files yourself."
    train, rest = _stratified(frame, label, seed, fix, hint, train_size=sizes[0])
    val, test = _stratified(rest, label, seed, fix, hint, train_size=sizes[1] / (sizes[1] + sizes[2]))
    return {"train": train, "validation": val, "test": test}


def _stratified(frame: pd.DataFrame, label: str, seed: int, problem: str, hint: str, **size):
    """sklearn's stratified train_test_split, its ValueError on too-rare classes turned into a DataError."""
    from sklearn.model_selection import train_test_split

    try:
        return train_test_split(frame, **size, stratify=frame[label], random_state=seed)
    except ValueError as err:
        raise DataError(f"{problem} ({err}). {hint}") from err


def subsample(frame: pd.DataFrame, n: int | None, label: str | None = None, seed: int = 0) -> pd.DataFrame:
    """At most ``n`` rows, class shares kept where possible; ``None`` keeps everything."""
    if n is None or n >= len(frame):
        return frame
    from sklearn.model_selection import train_test_split

    try:
        kept, _ = train_test_split(frame, train_size=n, stratify=frame[label] if label else None, random_state=seed)
    except ValueError:  # a class too rare to stratify: plain random sample
        kept = frame.sample(n=n, random_state=seed)
    return kept


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
    if resolve_path(source) is None and _looks_like_hub_id(source):
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
    if "all" in frames:
        frames = stratified_split(frames["all"], "label", seed, sizes=shares)
        report.split = f"{split} (seed {seed})"
    elif "validation" not in frames:
        frames["train"], frames["validation"] = _carve(frames["train"], seed)
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
    if resolve_path(source) is None and _looks_like_hub_id(source):
        frames = _read_hub_texts(source, hub_splits or {"train": "train", "test": "test"})
    else:
        path = resolve_path(source)
        if path is not None and path.is_file() and path.suffix.lower() == ".txt":
            lines = path.read_text(encoding="utf-8").splitlines()
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


def sampled_datasets(frames: dict[str, pd.DataFrame], sizes: dict, seed: int = 0, report: DataReport | None = None):
    """DatasetDict of ``frames``, each split a random sample of at most ``sizes[split] = (setting, n)`` rows."""
    from datasets import Dataset, DatasetDict

    frames = cap_frames(frames, sizes, report, seed=seed)
    return DatasetDict({name: Dataset.from_pandas(frame.reset_index(drop=True), preserve_index=False)
                        for name, frame in frames.items()})


def _read_hub_texts(source: str, splits: dict[str, str]):
    return {ours: load_hub_dataset(source, split=theirs).to_pandas() for ours, theirs in splits.items()}


def sample_per_class(dataset, n: int, seed: int = 0):
    """``n`` examples of every class from a Dataset (a few-shot training set), drawn with ``seed``, shuffled."""
    import numpy as np

    labels = np.array(list(dataset["label"]))
    rng = np.random.default_rng(seed)
    picked = []
    for label in np.unique(labels):
        rows = np.flatnonzero(labels == label)
        if len(rows) < n:
            name = dataset.features["label"].int2str(int(label)) if hasattr(dataset.features["label"], "int2str") \
                else label
            raise DataError(f"Class {name!r} has only {len(rows)} training example(s); cannot draw {n} per class. "
                            "Ask for fewer shots or add examples.")
        picked.extend(rng.choice(rows, size=n, replace=False).tolist())
    return dataset.select(rng.permutation(picked).tolist())


def _carve(train: pd.DataFrame, seed: int, share: float = 0.15):
    return _stratified(train, "label", seed,
                       f"Cannot carve a stratified 15% validation split from {len(train)} training rows",
                       "Add a validation.* file or more training examples.", test_size=share)


def _looks_like_hub_id(source) -> bool:
    """owner/name, where no local folder called `owner` exists (else it is a mistyped local path)."""
    text = str(source)
    return (text.count("/") == 1 and not text.startswith((".", "/", "~")) and Path(text).suffix == ""
            and resolve_path(text.split("/")[0]) is None)


def load_hub_dataset(source: str, split: str | None = None, config: str | None = None, streaming: bool = False):
    """``datasets.load_dataset(source, config)`` at the revision ``profiles.HUB_REVISIONS`` pins (one ``split``, or
    all as a DatasetDict that must hold train and test; ``streaming``: read rows as they are needed instead of
    downloading the split); any failure becomes a DataError naming the id (and split)."""
    import datasets
    from labs_lib.profiles import HUB_REVISIONS

    where = f"{source} [{split}]" if split else source
    try:
        ds = datasets.load_dataset(source, *([config] if config else []), revision=HUB_REVISIONS.get(source),
                                   **({"split": split} if split else {}), **({"streaming": True} if streaming else {}))
    except Exception as err:  # not found, offline, needs a config name, ...
        raise DataError(f"{where}: could not load it from the Hugging Face hub ({type(err).__name__}: {err}). "
                        f"Check the owner-prefixed id{', the split name' if split else ''} and the network, "
                        "or use a local file instead.") from err
    if split is None and ("train" not in ds or "test" not in ds):
        raise DataError(f"{source}: a hub dataset needs 'train' and 'test' splits; it has {list(ds)}.")
    return ds


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

SPLIT_KINDS = {  # the split policies each reader knows, the first is what a single file gets by default
    "classification": ("stratified",), "texts": ("random",), "summaries": ("random",), "ner": ("random",),
    "transcripts": ("grouped", "stratified"),
}


@dataclass
class DataReport:
    """What a lab loaded: the source, the split policy, rows per split before and after capping, the labels."""

    source: str
    kind: str
    own: bool = False
    split: str = ""
    rows: dict = field(default_factory=dict)   # split -> (rows available, rows used, the size setting that caps it)
    labels: list | None = None
    tasks: list | None = None
    notes: list = field(default_factory=list)

    def count(self, split: str, available: int, used: int, setting: str | None) -> None:
        self.rows[split] = (int(available), int(used), setting)

    def caps(self) -> list[str]:
        """One line per split a size setting cut, naming the setting that lifts the cap."""
        whose = "your" if self.own else "the"
        return [f"using {used:,} of {whose} {available:,} {split} rows ({setting}); set overrides = "
                f"{{'{setting}': None}} to use all" for split, (available, used, setting) in self.rows.items()
                if used < available]

    def __str__(self) -> str:
        rows = " · ".join(f"{split} {used:,}" + (f" of {available:,}" if used < available else "")
                          for split, (available, used, _) in self.rows.items())
        lines = [f"data:   {self.source} ({'your data' if self.own else 'the profile default'}; {self.kind})",
                 f"split:  {self.split}", f"rows:   {rows}"]
        if self.labels is not None:
            lines.append("labels: " + ", ".join(f"{i}={name}" for i, name in enumerate(self.labels)))
        if self.tasks is not None:
            lines.append("tasks:  " + ", ".join(self.tasks))
        return "\n".join(lines + self.notes + self.caps())

    def as_dict(self) -> dict:
        """For the results file."""
        return {"source": self.source, "own": self.own, "split": self.split, "labels": self.labels,
                "rows": {s: {"available": a, "used": u} for s, (a, u, _) in self.rows.items()}}


def parse_split(policy: str, kind: str) -> tuple[str, tuple[float, ...]]:
    """ "stratified 70/15/15" -> ("stratified", (0.7, 0.15, 0.15)); a DataError names what is wrong."""
    allowed = SPLIT_KINDS[kind]
    try:
        word, shares = str(policy).split()
        numbers = tuple(float(x) / 100 for x in shares.split("/"))
    except ValueError:
        word, numbers = None, ()
    if word not in allowed or len(numbers) != (2 if kind == "texts" else 3) or abs(sum(numbers) - 1) > 1e-9 \
            or min(numbers) <= 0:
        parts = "90/10" if kind == "texts" else "70/15/15"
        raise DataError(f"split={policy!r}: this lab's data splits as one of {list(allowed)} followed by train/"
                        f"{'test' if kind == 'texts' else 'validation/test'} percentages summing to 100, "
                        f"e.g. '{allowed[0]} {parts}'.")
    return word, numbers


def cap_frames(frames: dict, sizes: dict, report: DataReport | None, label: str | None = None, seed: int = 0):
    """Each split capped at ``sizes[split] = (setting name, n)`` rows (``n`` None: all), counted in ``report``."""
    out = {}
    for name, frame in frames.items():
        setting, n = sizes.get(name, (None, None))
        out[name] = subsample(frame, n, label, seed)
        if report is not None:
            report.count(name, len(frame), len(out[name]), setting)
    return out


def _setting(cfg, key: str, task: str | None = None):
    value = getattr(cfg, key, None)
    return value[task] if task is not None and isinstance(value, dict) else value


def load(cfg, kind: str, task: str | None = None, seed: int = 0, source: str = "data"):
    """The lab's data -> (splits, DataReport). ``kind``: "classification" (text + label), "texts" (unlabelled
    text; lab 04's corpus: ``source="corpus"``), "summaries" (one ``task`` of lab 02), "ner", "transcripts".

    Reads ``cfg.<source>`` (and ``cfg.columns``, or ``cfg.corpus_columns``), splits by ``cfg.split`` and caps the
    splits by ``cfg.train_size`` / ``cfg.eval_size`` (lab 04's corpus: ``corpus_train_size`` / ``corpus_eval_size``;
    lab 06: ``docs`` transcripts before the split). Returns a DatasetDict (train / validation / test, or train /
    test for "texts"), except "transcripts": a dict of DataFrames that keep their row numbers.
    """
    from labs_lib.profiles import LABS

    if kind not in SPLIT_KINDS:
        raise ValueError(f"Unknown data kind {kind!r}; use one of {list(SPLIT_KINDS)}.")
    prefix = "" if source == "data" else f"{source}_"
    where = _setting(cfg, source, task)
    default = _setting(SimpleNamespace(**LABS[cfg.lab][cfg.profile]), source, task)
    report = DataReport(str(where), kind, own=where != default)
    columns = _setting(cfg, f"{prefix}columns", task)
    sizes = {"train": (f"{prefix}train_size", getattr(cfg, f"{prefix}train_size", None))}
    for split in ("validation", "test"):
        sizes[split] = (f"{prefix}eval_size", getattr(cfg, f"{prefix}eval_size", None))
    if kind == "texts":
        splits = load_texts(where, columns=columns, seed=seed, hub_splits=getattr(cfg, "corpus_splits", None),
                            sizes=sizes, report=report)
    elif kind == "classification":
        splits, _ = load_text_classification(where, columns=columns, seed=seed, split=cfg.split, sizes=sizes,
                                             report=report)
    elif kind == "summaries":
        from labs_lib.summaries import load_summaries

        splits = load_summaries(where, task, columns=columns, seed=seed, hub_config=_setting(cfg, "hub_config", task),
                                split=cfg.split, sizes=sizes, report=report)
    elif kind == "ner":
        from labs_lib.ner import load_ner

        splits, _ = load_ner(where, columns=columns, seed=seed, split=cfg.split, sizes=sizes, report=report)
    else:
        from labs_lib.transcripts import load_transcript_splits

        splits = load_transcript_splits(where, columns=columns, seed=seed, split=cfg.split, docs=cfg.docs,
                                        report=report)
    return splits, report
