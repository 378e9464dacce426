"""The steps every data reader shares, one function each: resolve the source (a file, a folder or a hub id), read a
table or a hub dataset, rename and check columns, split by a policy, cap the splits, and report what was done
(``DataReport``). ``data.load`` is the one door the labs use; the readers of each kind (``data``: classification
and plain text, ``ner``, ``summaries``, ``transcripts``) are built from these steps, so this module imports none of
them. Every problem with the input is a ``DataError`` naming the problem and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
READERS = {".csv": pd.read_csv, ".tsv": lambda p: pd.read_csv(p, sep="\t"), ".parquet": pd.read_parquet,
           ".jsonl": lambda p: pd.read_json(p, lines=True), ".json": lambda p: _read_json(p)}
MIN_PER_CLASS = 7  # 15% of 7 rounds to one example per class in validation and in test
SPLIT_NAMES = {"train": ("train",), "validation": ("validation", "valid", "val", "dev"), "test": ("test",)}
SPLIT_KINDS = {  # the split policies each reader knows, the first is what a single file gets by default
    "classification": ("stratified",), "texts": ("random",), "summaries": ("random",), "ner": ("random",),
    "transcripts": ("grouped", "stratified"),
}


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
        raise not_utf8(path, err) from err
    except Exception as err:  # pandas raises many types; the learner needs the file name and the reason
        delimiter = other_delimiter(path)
        if delimiter:
            raise DataError(delimiter) from err
        quotes = " A text holding the delimiter must be in double quotes." if "fields in line" in str(err) else ""
        raise DataError(f"{path}: could not be read as {path.suffix[1:].upper()} ({type(err).__name__}: "
                        f"{' '.join(str(err).split())}).{quotes}") from err
    if len(frame) == 0:
        raise DataError(f"{path}: the file holds no rows.")
    if len(frame.columns) == 1 and (delimiter := other_delimiter(path)):
        raise DataError(delimiter)
    if path.suffix.lower() in (".csv", ".tsv") and not isinstance(frame.index, pd.RangeIndex):
        # pandas takes the extra leading fields as an index when every line has more fields than the header
        raise DataError(f"{path}: every line has more fields than the header ({list(frame.columns)}), so a text "
                        "holds the delimiter. Put such texts in double quotes (pandas' to_csv does), or name every "
                        "column in the header.")
    return frame


def not_utf8(path: Path, err: UnicodeDecodeError, text: bool = False) -> DataError:
    """The DataError for a file that is not UTF-8: where (the line, for a file read whole as ``text``) and the fix."""
    where = f"line {err.object[:err.start].count(10) + 1}" if text else f"byte {err.start}"   # 10: the newline byte
    how = ("pd.read_csv(path, encoding='latin-1').to_csv(new_path, index=False)" if path.suffix.lower() == ".csv"
           else "Path(new_path).write_text(Path(path).read_text(encoding='latin-1'), encoding='utf-8')")
    return DataError(f"{path}: the text encoding is not UTF-8 ({err.reason} at {where}); it may be Latin-1 / "
                     f"Windows-1252. Save the file with UTF-8 encoding (e.g. {how}).")


def read_text(path: str | Path) -> str:
    """A text file's content (UTF-8), or a DataError naming the line that is not UTF-8 and the fix: the readers of
    plain-text formats (one text per line, CoNLL, JSONL) share it with read_table's message."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise not_utf8(path, err, text=True) from err


def other_delimiter(path: Path) -> str | None:
    """For a .csv (.tsv) whose first lines all split into the same number (> 1) of fields on another delimiter
    than its name promises, or whose header holds only another one: the one-line problem and fix; else None."""
    expected = {".csv": ",", ".tsv": "\t"}.get(path.suffix.lower())
    if expected is None:
        return None
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            lines = [line.rstrip("\r\n") for line, _ in zip(file, range(50)) if line.strip()]
    except OSError:
        return None
    for delimiter in (";", "\t", "|", ","):
        counts = {line.count(delimiter) for line in lines}
        header = lines[0].count(delimiter) if lines else 0
        if delimiter != expected and header and (counts == {header} or expected not in lines[0]):
            break
    else:
        return None
    name = {"\t": "tab", ",": "comma"}.get(delimiter, delimiter)
    fix = ("rename it to .tsv, or save it with commas" if delimiter == "\t" else
           "rename it to .csv, or save it with tabs" if delimiter == "," else
           "save it with commas, or as .tsv with tabs")
    return (f"{path}: looks {name}-separated ({header + 1} fields in the header), not "
            f"{'comma' if expected == ',' else 'tab'}-separated: {fix} (e.g. pandas: pd.read_csv(path, "
            f"sep={delimiter!r}).to_csv(new_path, index=False)).")


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


def clean_labels(frames: dict[str, pd.DataFrame], col: str, where: str, report: DataReport | None = None) -> dict:
    """Labels as the learner meant them: spaces around a text label stripped (counted in ``report``: 'positive '
    and 'positive' are one class), and a DataError naming labels that differ only in case or inner spacing."""
    out, stripped, example = {}, 0, None
    for name, frame in frames.items():
        labels = frame[col].map(lambda v: v.strip() if isinstance(v, str) else v)
        changed = labels.ne(frame[col]) & frame[col].notna()
        if labels.eq("").any():
            raise DataError(f"{where} [{name}]: {int(labels.eq('').sum())} row(s) whose label is blank, e.g. rows "
                            f"{list(frame.index[labels.eq('')][:5])}. Label them or drop them.")
        if changed.any():
            stripped, example = stripped + int(changed.sum()), example or frame[col][changed].iloc[0]
        out[name] = frame.assign(**{col: labels})
    if stripped and report is not None:
        report.notes.append(f"labels: stripped spaces around {stripped:,} label(s), e.g. {example!r}")
    alike = {}
    for label in pd.unique(pd.concat([f[col] for f in out.values()])):
        if isinstance(label, str):
            alike.setdefault(" ".join(label.split()).casefold(), []).append(label)
    clashes = [sorted(group) for group in alike.values() if len(group) > 1]
    if clashes:
        more = f" ({len(clashes)} such groups)" if len(clashes) > 1 else ""
        raise DataError(f"{where}: the labels {' and '.join(map(repr, clashes[0]))} differ only in case or spacing"
                        f"{more}, so they would be trained as different classes. Write each class one way in every "
                        f"file (e.g. pandas: df['{col}'] = df['{col}'].str.lower().str.split().str.join(' ')).")
    return out


def shared_rows(texts: dict[str, list], report: DataReport | None = None) -> dict[str, int]:
    """Rows of a later split whose text (spaces collapsed) is also in an earlier one: {"train/test": rows, ...}, only
    the pairs that share some. With ``report``, each pair becomes a NOTE with two examples: a score on copies of
    training rows measures memory, not what was learnt."""
    seen, shared = {}, {}
    for name, values in texts.items():
        normal = [" ".join(str(text).split()) for text in values]
        for earlier, known in seen.items():
            copies = [text for text in normal if text in known]
            if copies:
                shared[f"{earlier}/{name}"] = len(copies)
                if report is not None:
                    examples = ", ".join(repr(t[:60] + ("..." if len(t) > 60 else "")) for t in copies[:2])
                    report.notes.append(
                        f"NOTE: {len(copies):,} {name} row(s) also in {earlier} (same text once spaces are "
                        f"collapsed), e.g. {examples}: scores on {name} overstate what the model learnt. Remove the "
                        "copies from one split (a single file: drop its duplicates, e.g. pandas drop_duplicates).")
        seen[name] = set(normal)
    if report is not None:
        report.shared = shared
    return shared


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


def sampled_datasets(frames: dict[str, pd.DataFrame], sizes: dict, seed: int = 0, report: DataReport | None = None):
    """DatasetDict of ``frames``, each split a random sample of at most ``sizes[split] = (setting, n)`` rows."""
    from datasets import Dataset, DatasetDict

    frames = cap_frames(frames, sizes, report, seed=seed)
    return DatasetDict({name: Dataset.from_pandas(frame.reset_index(drop=True), preserve_index=False)
                        for name, frame in frames.items()})


def carve(train: pd.DataFrame, seed: int, share: float = 0.15):
    return _stratified(train, "label", seed,
                       f"Cannot carve a stratified 15% validation split from {len(train)} training rows",
                       "Add a validation.* file or more training examples.", test_size=share)


def looks_like_hub_id(source) -> bool:
    """owner/name, where no local folder called `owner` exists (else it is a mistyped local path)."""
    text = str(source)
    return (text.count("/") == 1 and not text.startswith((".", "/", "~")) and Path(text).suffix == ""
            and resolve_path(text.split("/")[0]) is None)


def load_hub_dataset(source: str, split: str | None = None, config: str | None = None, streaming: bool = False):
    """``datasets.load_dataset(source, config)`` at the revision ``sources.HUB_REVISIONS`` pins (one ``split``, or
    all as a DatasetDict that must hold train and test; ``streaming``: read rows as they are needed instead of
    downloading the split); any failure becomes a DataError naming the id (and split)."""
    import datasets
    from labs_lib.sources import HUB_REVISIONS

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


@dataclass
class DataReport:
    """What a lab loaded: the source, the split policy, rows per split before and after capping, the labels, and
    the rows splits share (``shared``)."""

    source: str
    kind: str
    own: bool = False
    split: str = ""
    rows: dict = field(default_factory=dict)   # split -> (rows available, rows used, the size setting that caps it)
    labels: list | None = None
    tasks: list | None = None
    notes: list = field(default_factory=list)
    shared: dict = field(default_factory=dict)   # "train/test" -> rows of test whose text is also in train

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
                "rows": {s: {"available": a, "used": u} for s, (a, u, _) in self.rows.items()},
                "shared_rows": self.shared}


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
