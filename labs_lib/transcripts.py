"""Long transcripts (lab 06): load and check them, clean them, cut them into windows, split by speaker, and turn
per-window predictions back into one prediction per transcript.

A transcript dataset has a ``text`` column and ``label`` (a class such as Low/Medium/High) and/or ``score`` (a number),
optionally a ``group`` (the rated speaker). With both targets the lab runs classification and regression.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from labs_lib.data import DataError, DataReport, check_text, parse_split, read_splits, rename_columns

ORDERED_LABELS = (("Low", "Medium", "High"), ("low", "medium", "high"), ("L", "M", "H"))
MIN_PER_CLASS_WARNING = 30


# ---------------------------------------------------------------- loading and checking

def load_transcripts(source: str, columns: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Read a CSV / JSONL / Parquet file of transcripts -> (frame, tasks, label_names).

    ``tasks`` is ``["classification", "regression"]``, or the one the data supports (``label`` / ``score``);
    ``label_names`` keeps a natural order when the labels have one (Low < Medium < High), else sorted.
    ``columns`` maps the lab's names (text, label, score, group) to yours. Raises DataError for: neither label nor
    score, a non-numeric score, a single class, an empty transcript.
    """
    frames = read_splits(source)
    if "all" not in frames:
        raise DataError(f"{source}: give one file of transcripts; the lab makes its own (optionally speaker-grouped) "
                        "split.")
    frame = frames["all"]
    mapped = dict(columns or {})
    present = set(frame.columns) | set(mapped)
    wanted = ["text"] + [c for c in ("label", "score", "group") if c in present]
    if "label" not in wanted and "score" not in wanted:
        raise DataError(f"{source}: no 'label' and no 'score' column, so there is nothing to predict. Columns found: "
                        f"{list(frame.columns)}. Pass columns={{'label': '<class column>'}} and/or "
                        "{'score': '<numeric column>'}.")
    frame = check_text(rename_columns(frame, mapped, wanted, source), "text", source).reset_index(drop=True)
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
    splits = grouped_split(frame, group, "label" if "label" in frame else None, seed=seed, sizes=shares)
    report.split = (f"{split}, grouped by speaker ({frame['group'].nunique()} speakers), seed {seed}" if group else
                    f"stratified {split.split()[1]} (seed {seed})" + (" — no group column" if kind == "grouped" else ""))
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


# ---------------------------------------------------------------- cleaning

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


def clean_transcript(text: str, aliases=(), speaker: str = "Speaker") -> str:
    """Remove what carries no evidence and normalise what varies: credit/copyright lines, timestamps, stage
    directions ("(Laughter)", "[inaudible]"), fillers ("um", "uh", "you know,", "like,"), and every label of the
    rated speaker (``aliases``) replaced by one label, ``speaker`` -- which also hides the name, so a model cannot
    rate the person instead of the talk. Other turn labels in capitals become title case. Blank lines are dropped."""
    text = BOILERPLATE.sub("", str(text))
    text = TIMESTAMP.sub("", text)
    text = STAGE_DIRECTION.sub("", text)
    text = FILLER.sub("", text)
    names = {a.lower() for a in aliases}

    def label(match):
        found = match.group(1)
        if found.lower() in names:
            return f"{speaker}: "
        return (found.title() if found.isupper() and len(found) > 3 else found) + ": "

    text = TURN_LABEL.sub(label, text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


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


# ---------------------------------------------------------------- windows

def token_windows(tokenizer, texts, window: int, stride: int, max_windows: int | None = None):
    """Cut each text into windows of ``window`` tokens (special tokens included) that overlap by ``stride`` tokens,
    with the tokenizer's own overflow support. Returns the encoding (input_ids, attention_mask, ...) plus
    ``doc`` (which text each window came from). ``max_windows`` keeps at most that many per text: the middle
    window of each of ``max_windows`` equal stretches (so 2 of 10 are windows 2 and 7, not the first and the last,
    which in a transcript hold the header and the goodbyes)."""
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


def spread(items: list, k: int | None) -> list:
    """At most ``k`` of ``items``, evenly spread: the middle one of each of k equal stretches (None: all)."""
    if not k or len(items) <= k:
        return list(items)
    return [items[int((j + 0.5) * len(items) / k)] for j in range(k)]


def windows_needed(n_tokens: int, window: int, stride: int) -> int:
    """How many windows of ``window`` content tokens, each overlapping the previous by ``stride``, cover n tokens."""
    if n_tokens <= window:
        return 1
    step = window - stride
    return 1 + -(-(n_tokens - window) // step)  # ceil


# ---------------------------------------------------------------- aggregation

def aggregate_probabilities(probs, doc, how: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """Per-window class probabilities -> one prediction per document: ``mean`` averages the probabilities,
    ``vote`` takes the majority of the windows' argmax (ties: the higher mean probability). Returns
    (document ids in sorted order, predicted class per document)."""
    probs, doc = np.asarray(probs, dtype=float), np.asarray(doc)
    docs = np.unique(doc)
    preds = []
    for d in docs:
        p = probs[doc == d]
        mean = p.mean(axis=0)
        if how == "mean":
            preds.append(int(mean.argmax()))
        elif how == "vote":
            votes = np.bincount(p.argmax(axis=1), minlength=p.shape[1])
            best = np.flatnonzero(votes == votes.max())
            preds.append(int(best[mean[best].argmax()]))
        else:
            raise ValueError(f"how={how!r}; use 'mean' or 'vote'.")
    return docs, np.array(preds)


def aggregate_scores(scores, doc, how: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """Per-window predicted scores -> one per document (``mean`` or ``median``)."""
    scores, doc = np.asarray(scores, dtype=float).reshape(-1), np.asarray(doc)
    reduce = {"mean": np.mean, "median": np.median}.get(how)
    if reduce is None:
        raise ValueError(f"how={how!r}; use 'mean' or 'median'.")
    docs = np.unique(doc)
    return docs, np.array([reduce(scores[doc == d]) for d in docs])
