"""Long transcripts (labs 06-07): load and check them, clean them, cut them into windows, split by speaker, turn
per-window predictions back into one prediction per transcript, and the hierarchical models' pieces (sentence
embeddings, the pooler and its training loop). Lab 06 writes its rules out (cleaning, windows, aggregation); the
functions here are the same ones, for lab 07 and the tests.

A transcript dataset has a ``text`` column and ``label`` (a class such as Low/Medium/High) and/or ``score`` (a number),
optionally a ``group`` (the rated speaker). With both targets the lab runs classification and regression.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch

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
    directions ("(Laughter)", "[inaudible]"), fillers ("um", "uh", "you know,", "like,"), and every turn label of
    the rated speaker (``aliases``) replaced by one label, ``speaker``. That normalises the turn structure; it does
    not anonymise (the name still appears in the header and the talk). Other turn labels in capitals longer than
    three letters become title case. Blank lines are dropped. Taught in lab 06, section 2 (written out there)."""
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


# ---------------------------------------------------------------- windows


def spread(items: list, k: int | None) -> list:
    """At most ``k`` of ``items``, evenly spread: the middle one of each of k equal stretches (None: all)."""
    if not k or len(items) <= k:
        return list(items)
    return [items[int((j + 0.5) * len(items) / k)] for j in range(k)]


# ---------------------------------------------------------------- aggregation


# ---------------------------------------------------------------- baseline and hierarchical models (labs 06-07)

def tfidf_features(train: pd.DataFrame, *others: pd.DataFrame, column: str = "clean") -> list:
    """TF-IDF of word 1-2-grams: vocabulary and weights from ``train`` only, applied to ``others``
    -> [train matrix, *other matrices]. Taught in lab 06, section 5.1."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    return [vectorizer.fit_transform(train[column])] + [vectorizer.transform(part[column]) for part in others]


def linear_model(task: str):
    """The linear model over TF-IDF: logistic regression for classes, ridge regression for scores."""
    from sklearn.linear_model import LogisticRegression, Ridge

    return LogisticRegression(C=10, max_iter=2000) if task == "classification" else Ridge(alpha=1.0)


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

    Speed (``scripts/bench_embed.py`` measures each option on this machine): ``sort`` batches sentences of similar
    length, so batches carry little padding; ``precision`` "auto" (``fast_precision``), "fp32", "bf16" (autocast: bf16 matrix products on a CPU
    with AMX/AVX-512-BF16 or a GPU) or "int8" (CPU only: ``torch.ao.quantization.quantize_dynamic`` on a copy of the
    encoder's Linear layers; vectors move a little, the benchmark measures how much). ``cache``: a folder; the vectors
    are stored there under a key of the model's weights, ``max_length``, ``precision`` and every sentence, so a rerun
    on the same text loads them instead of recomputing (any change of text, model or setting makes a new key)."""
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


class Pooler(torch.nn.Module):
    """Sentence vectors (docs x sentences x dim, with a mask) -> one output per document, through an MLP. ``kind``:
    "mean" (the plain mean of the vectors), "attention" (a learned weight per vector) or "bilstm" (the vectors projected to
    ``hidden`` values, then a bidirectional LSTM reads them in order, so each carries its neighbours; then attention). Taught in lab 06,
    section 5.5 (written out there)."""

    def __init__(self, dim, n_out, hidden, kind="attention"):
        super().__init__()
        if kind not in ("mean", "attention", "bilstm"):
            raise ValueError(f"pooler kind {kind!r}: use 'mean', 'attention' or 'bilstm'.")
        bilstm = kind == "bilstm"   # project to `hidden` first: an LSTM's cost grows with its width x the sentences
        self.project = torch.nn.Linear(dim, hidden) if bilstm else None
        self.lstm = torch.nn.LSTM(hidden, hidden // 2, batch_first=True, bidirectional=True) if bilstm else None
        width = 2 * (hidden // 2) if bilstm else dim
        self.score = torch.nn.Linear(width, 1) if kind != "mean" else None
        self.mlp = torch.nn.Sequential(torch.nn.LayerNorm(width), torch.nn.Dropout(0.1), torch.nn.Linear(width, hidden),
                                       torch.nn.GELU(), torch.nn.Linear(hidden, n_out))

    def forward(self, x, mask):
        if self.lstm:   # packed: the backward direction starts at each document's last real vector, not at padding
            packed = torch.nn.utils.rnn.pack_padded_sequence(self.project(x), mask.sum(1).cpu(), batch_first=True,
                                                             enforce_sorted=False)
            x, _ = torch.nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True,
                                                          total_length=mask.shape[1])
        logits = self.score(x).squeeze(-1) if self.score else x.new_zeros(mask.shape)
        weights = logits.masked_fill(~mask, float("-inf")).softmax(-1)
        return self.mlp((weights.unsqueeze(-1) * x).sum(1))


def train_pooler(data: dict, task: str, n_out: int, kind: str, hidden: int, lr: float, epochs: int,
                 seed: int = 0, patience: int = 10, device: str = "cpu", pooler=None, loss: str = "mse"):
    """Train a pooler of ``kind`` (``pooler``: the class, default ``Pooler``) full batch with AdamW (weight decay
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
    model = (pooler or Pooler)(data["train"][0].shape[-1], n_out, hidden, kind).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    best, best_state, waited, start = float("inf"), None, 0, time.perf_counter()
    for _ in range(epochs):  # full batch: a few hundred documents fit at once
        model.train()
        loss = loss_fn(model(*data["train"][:2]), data["train"][2])
        optimizer.zero_grad()
        loss.backward()
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
