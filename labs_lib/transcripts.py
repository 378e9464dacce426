"""Long transcripts (labs 06-07), the text side: load and check them, the cleaning rules' patterns, the speaker's
names, the sections (opening remarks, Q&A), the speaker-grouped split, ``spread`` (a few items evenly over a long list)
and the linear model both labs fit over TF-IDF. Lab 06 writes its own rules out in its cells (cleaning, windows,
aggregation, TF-IDF features, the pooler: ``labs_lib.labs.lab06_long_transcripts``); the frozen sentence-embedding
pipeline of the hierarchical models is ``labs_lib.embeddings``.

A transcript dataset has a ``text`` column and ``label`` (a class such as Low/Medium/High) and/or ``score`` (a number),
optionally a ``group`` (the rated speaker). With both targets the lab runs classification and regression.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from labs_lib.reading import DataError, DataReport, carve, check_text, parse_split, read_splits, rename_columns

GIVEN_SPLIT = "_split"   # the split a row's file names, for a folder with train.* / test.* (validation.*)
ORDERED_LABELS = (("Low", "Medium", "High"), ("low", "medium", "high"), ("L", "M", "H"))
MIN_PER_CLASS_WARNING = 30


# ---------------------------------------------------------------- loading and checking

def load_transcripts(source: str, columns: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Read a CSV / JSONL / Parquet file of transcripts, or a folder with train.* and test.* (and optionally
    validation.*) whose rows keep their file in the GIVEN_SPLIT column -> (frame, tasks, label_names).

    ``tasks`` is ``["classification", "regression"]``, or the one the data supports (``label`` / ``score``);
    ``label_names`` keeps a natural order when the labels have one (Low < Medium < High), else sorted.
    ``columns`` maps the lab's names (text, label, score, group, and the optional event: the kind of event, which lab
    07 leaves out of training one kind at a time) to yours. Raises DataError for: neither label nor
    score, a non-numeric score, a single class, an empty transcript.
    """
    frames = read_splits(source)
    # a folder's train/test (validation) files are kept as given: GIVEN_SPLIT records each row's file
    frame = frames["all"] if "all" in frames else pd.concat(
        [part.assign(**{GIVEN_SPLIT: name}) for name, part in frames.items()], ignore_index=True)
    mapped = dict(columns or {})
    present = set(frame.columns) | set(mapped)
    wanted = ["text"] + [c for c in ("label", "score", "group", "event") if c in present]
    if "label" not in wanted and "score" not in wanted:
        raise DataError(f"{source}: no 'label' and no 'score' column, so there is nothing to predict. Columns found: "
                        f"{list(frame.columns)}. Pass columns={{'label': '<class column>'}} and/or "
                        "{'score': '<numeric column>'}.")
    given = frame.pop(GIVEN_SPLIT) if GIVEN_SPLIT in frame else None
    frame = check_text(rename_columns(frame, mapped, wanted, source), "text", source)
    if given is not None:
        frame[GIVEN_SPLIT] = given.loc[frame.index]
    frame = frame.reset_index(drop=True)
    tasks, label_names = [], []
    if "score" in frame:
        numeric = pd.to_numeric(frame["score"], errors="coerce")
        bad = numeric.isna()
        if bad.any():
            rows = list(frame.index[bad][:5])
            raise DataError(f"{source}: {int(bad.sum())} row(s) whose score is not a number, e.g. rows {rows} "
                            f"({[frame['score'][r] for r in rows[:3]]}). Fix or drop them.")
        frame["score"] = numeric.astype(float)
        tasks.append("regression")
    if "label" in frame:
        if frame["label"].isna().any():
            rows = list(frame.index[frame["label"].isna()][:5])
            raise DataError(f"{source}: row(s) {rows} have no label. Label them or drop them.")
        frame["label"] = frame["label"].astype(str)
        label_names = ordered_labels(frame["label"])
        if len(label_names) < 2:
            raise DataError(f"{source}: every transcript has the label {label_names[0]!r}; a classifier needs at "
                            "least two classes.")
        tasks.insert(0, "classification")
    return frame, tasks, label_names


def load_transcript_splits(source: str, columns: dict[str, str] | None = None, seed: int = 0,
                           split: str = "grouped 70/15/15", docs: int | None = None, report: DataReport | None = None):
    """``load_transcripts``, at most ``docs`` transcripts (a random sample with ``seed``), then the split:
    "grouped" keeps each ``group`` (speaker) in one split (stratified by label as far as whole groups allow) and
    falls back to "stratified" when the data has no group column. -> {"train", "validation", "test"} frames with
    the row numbers of the (sampled) frame; ``report.tasks`` and ``report.labels`` say what the data supports."""
    kind, shares = parse_split(split, "transcripts")
    report = report or DataReport(str(source), "transcripts")
    frame, report.tasks, report.labels = load_transcripts(source, columns)
    if docs is not None and len(frame) > docs:
        report.notes.append(f"using {docs:,} of {'your' if report.own else 'the'} {len(frame):,} transcripts (docs); "
                            "set overrides = {'docs': None} to use all")
        frame = frame.sample(docs, random_state=seed).reset_index(drop=True)
    group = "group" if kind == "grouped" and "group" in frame else None
    stratify = "label" if "label" in frame else None
    if GIVEN_SPLIT in frame:   # a folder: its files are the splits; validation carved from train if it has none
        given = {name: part.drop(columns=GIVEN_SPLIT) for name, part in frame.groupby(GIVEN_SPLIT, sort=False)}
        splits = {"train": given["train"], "test": given["test"]}
        how = "as given by the folder's train/test files"
        if "validation" in given:
            splits["validation"] = given["validation"]
        else:
            splits["train"], splits["validation"] = carve_validation(given["train"], group, stratify, seed)
            how += f"; validation: 15% of train{' (whole speakers)' if group else ''}, seed {seed}"
        splits = {name: splits[name] for name in ("train", "validation", "test")}
        report.split = how
        if group:   # given splits are not re-split: say how many speakers they share
            shared = set(splits["train"]["group"]) & set(splits["test"]["group"])
            if shared:
                report.notes.append(f"{len(shared)} speaker(s) appear in both your train and test files; scores may "
                                    "be optimistic (lab 07 measures this leak)")
    else:
        splits = grouped_split(frame, group, stratify, seed=seed, sizes=shares)
        report.split = (f"{split}, grouped by speaker ({frame['group'].nunique()} speakers), seed {seed}" if group
                        else f"stratified {split.split()[1]} (seed {seed})"
                        + (" — no group column" if kind == "grouped" else ""))
    for name, part in splits.items():
        report.count(name, len(part), len(part), None)
    if not report.labels:
        report.labels = None
    return splits


def ordered_labels(labels) -> list[str]:
    """The label names in their natural order when they have one (Low < Medium < High), else sorted."""
    found = sorted(set(labels))
    for order in ORDERED_LABELS:
        if set(found) <= set(order):
            return [name for name in order if name in found]
    return found


def small_classes(labels, minimum: int = MIN_PER_CLASS_WARNING) -> dict[str, int]:
    """Classes with fewer than ``minimum`` examples (their scores will be noisy), with their counts."""
    counts = pd.Series(list(labels)).value_counts()
    return {str(k): int(v) for k, v in counts.items() if v < minimum}


# ---------------------------------------------------------------- cleaning: the patterns of lab 06's rule

TIMESTAMP = re.compile(r"[\[(]\d{1,2}:\d\d(?::\d\d)?[\])]\s*")
STAGE_DIRECTION = re.compile(r"\s*[\[(](?:laughter|applause|crosstalk|inaudible)[\])]", re.IGNORECASE)
FILLER = re.compile(r"(?<![\w'])(?:(?:um+|uh+|erm)\b,?|(?:you know|like),)\s*", re.IGNORECASE)
BOILERPLATE = re.compile(r"^\W*(?:transcript (?:produced|prepared) by|copyright\b).*$", re.IGNORECASE | re.MULTILINE)
TURN_LABEL = re.compile(r"^((?:[A-Z0-9][\w.'&-]*)(?: [A-Z0-9][\w.'&-]*){0,3}): ", re.MULTILINE)


def speaker_aliases(group: str) -> set[str]:
    """The labels the project's generated data uses for its rated speaker, from the ``group`` value
    "Talia Rainsford (CFO, Quarrington Freight)": full name, in capitals, role, initial + surname, title + surname."""
    match = re.match(r"^(.+?) \((.+?), .+\)$", str(group))
    if not match:
        return set()
    name, role = match.groups()
    first, last = name.split(" ", 1) if " " in name else (name, name)
    return {name, name.upper(), role, role.upper(), f"{first[0]}. {last}", f"{role} {last}"} | \
        {f"{title} {last}" for title in ("Ms.", "Mr.", "Mrs.", "Dr.")}


QA_HEADER = re.compile(r"^[ \t]*(?:questions? and answers|question-and-answer session|q ?& ?a(?: session)?)[ \t]*$",
                       re.IGNORECASE | re.MULTILINE)


def split_sections(text: str) -> dict[str, str] | None:
    """{"opening": everything before the Q&A header, "qa": everything after it}, or None when the text has no
    header line such as "QUESTIONS AND ANSWERS", "Question-and-answer session" or "Q&A session"."""
    match = QA_HEADER.search(text)
    if not match:
        return None
    return {"opening": text[:match.start()].strip(), "qa": text[match.end():].strip()}


# ---------------------------------------------------------------- splitting

def grouped_split(frame: pd.DataFrame, group: str | None, stratify: str | None, seed: int = 0,
                  sizes=(0.70, 0.15, 0.15)) -> dict[str, pd.DataFrame]:
    """Split 70/15/15. With ``group`` (e.g. the speaker) no group is in two splits, class shares kept as far as
    whole groups allow (sklearn's StratifiedGroupKFold); without it, a plain stratified split."""
    from sklearn.model_selection import StratifiedGroupKFold, train_test_split

    y = frame[stratify] if stratify else pd.Series(np.zeros(len(frame)))
    if group is None:
        train, rest = train_test_split(frame, train_size=sizes[0], stratify=y, random_state=seed)
        val, test = train_test_split(rest, test_size=sizes[2] / (sizes[1] + sizes[2]),
                                     stratify=rest[stratify] if stratify else None, random_state=seed)
        return {"train": train, "validation": val, "test": test}
    groups = frame[group]
    if groups.nunique() < 7:
        raise DataError(f"only {groups.nunique()} distinct {group!r} values; a grouped 70/15/15 split needs at least 7.")
    # test: one fold of round(1/0.15) ~ 7 folds; validation: one fold of the rest, same way
    folds = max(2, round(1 / sizes[2]))
    train_val_idx, test_idx = next(StratifiedGroupKFold(folds, shuffle=True, random_state=seed)
                                   .split(frame, y, groups))
    rest = frame.iloc[train_val_idx]
    folds = max(2, round((sizes[0] + sizes[1]) / sizes[1]))
    train_idx, val_idx = next(StratifiedGroupKFold(folds, shuffle=True, random_state=seed)
                              .split(rest, y.iloc[train_val_idx], rest[group]))
    return {"train": rest.iloc[train_idx], "validation": rest.iloc[val_idx], "test": frame.iloc[test_idx]}


def carve_validation(train: pd.DataFrame, group: str | None, stratify: str | None, seed: int = 0):
    """~15% of ``train`` as validation: whole groups (one fold of 7, class shares kept as far as groups allow) when
    ``group`` is given, else a stratified 15%. -> (train, validation)."""
    from sklearn.model_selection import StratifiedGroupKFold, train_test_split

    if group is None:   # the classification labs' carve (stratified by label, a named error on too-rare classes)
        return carve(train, seed) if stratify else tuple(train_test_split(train, test_size=0.15, random_state=seed))
    y = train[stratify] if stratify else pd.Series(np.zeros(len(train)), index=train.index)
    if train[group].nunique() < 7:
        raise DataError(f"only {train[group].nunique()} distinct {group!r} values in your train file; carving a "
                        "speaker-grouped validation split needs at least 7. Add a validation.* file.")
    keep, held = next(StratifiedGroupKFold(7, shuffle=True, random_state=seed).split(train, y, train[group]))
    return train.iloc[keep], train.iloc[held]


# ---------------------------------------------------------------- windows and sentences

def spread(items: list, k: int | None) -> list:
    """At most ``k`` of ``items``, evenly spread: the middle one of each of k equal stretches (None: all)."""
    if not k or len(items) <= k:
        return list(items)
    return [items[int((j + 0.5) * len(items) / k)] for j in range(k)]


# ---------------------------------------------------------------- the linear baseline (labs 06-07)

def linear_model(task: str):
    """The linear model over TF-IDF: logistic regression for classes, ridge regression for scores."""
    from sklearn.linear_model import LogisticRegression, Ridge

    return LogisticRegression(C=10, max_iter=2000) if task == "classification" else Ridge(alpha=1.0)
