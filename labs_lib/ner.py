"""Named-entity data for lab 05: read CoNLL-style or JSONL files, check the BIO tags, align tags to sub-tokens.

Every problem with the input raises ``labs_lib.data.DataError`` naming the file, the sentence and the fix.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from labs_lib.reading import (SPLIT_NAMES, DataError, DataReport, looks_like_hub_id, load_hub_dataset, parse_split,
                           read_text, resolve_path)

SUFFIXES = (".conll", ".txt", ".tsv", ".jsonl")


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """One token per line with its tag in the LAST column (space or tab separated), a blank line between
    sentences; ``-DOCSTART-`` lines are skipped. Returns [(tokens, tags), ...]."""
    path = Path(path)
    sentences, tokens, tags = [], [], []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        fields = line.split()
        if not fields:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        if fields[0] == "-DOCSTART-":
            continue
        if len(fields) < 2:
            raise DataError(f"{path}, line {number}: {line.strip()!r} has no tag. CoNLL lines are 'TOKEN TAG' "
                            "(the tag in the last column), with a blank line between sentences.")
        tokens.append(fields[0])
        tags.append(fields[-1])
    if tokens:
        sentences.append((tokens, tags))
    if not sentences:
        raise DataError(f"{path}: no sentences found.")
    return sentences


def read_tagged_jsonl(path: str | Path, columns: dict[str, str] | None = None) -> list[tuple[list[str], list[str]]]:
    """One JSON object per line with a list of ``tokens`` and a list of ``tags`` (names mapped by ``columns``)."""
    path = Path(path)
    columns = {"tokens": "tokens", "tags": "tags", **(columns or {})}
    sentences = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(f"{path}, line {number}: not valid JSON ({err}).") from err
        missing = [ours for ours, theirs in columns.items() if theirs not in row]
        if missing:
            raise DataError(f"{path}, line {number}: no {[columns[m] for m in missing]} field(s); found "
                            f"{sorted(row)}. Pass columns={{'tokens': ..., 'tags': ...}} to map yours.")
        sentences.append((list(map(str, row[columns["tokens"]])), list(map(str, row[columns["tags"]]))))
    if not sentences:
        raise DataError(f"{path}: no sentences found.")
    return sentences


def check_bio(sentences, where: str = "data") -> None:
    """Fail on: tokens and tags of different lengths, an empty sentence, a tag that is not O / B-TYPE / I-TYPE,
    and an I-TYPE that does not continue an entity of the same TYPE."""
    for index, (tokens, tags) in enumerate(sentences):
        if len(tokens) != len(tags):
            raise DataError(f"{where}, sentence {index}: {len(tokens)} tokens but {len(tags)} tags "
                            f"({' '.join(tokens[:8])} ...). Every token needs exactly one tag.")
        if not tokens:
            raise DataError(f"{where}, sentence {index}: empty sentence.")
        previous = "O"
        for position, (token, tag) in enumerate(zip(tokens, tags)):
            if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
                raise DataError(f"{where}, sentence {index}, token {position} ({token!r}): unknown tag {tag!r}. "
                                "Tags must be O, B-TYPE or I-TYPE (BIO scheme).")
            if tag.startswith("I-") and previous[2:] != tag[2:]:
                raise DataError(f"{where}, sentence {index}, token {position} ({token!r}): {tag} follows "
                                f"{previous}, but an I- tag must continue an entity of the same type. "
                                f"Start the entity with B-{tag[2:]}.")
            previous = tag


def _read_file(path: Path, columns) -> list:
    if path.suffix.lower() == ".jsonl":
        return read_tagged_jsonl(path, columns)
    if path.suffix.lower() in SUFFIXES:
        return read_conll(path)
    raise DataError(f"{path}: unsupported file type {path.suffix!r}; use CoNLL (.conll/.txt/.tsv) or .jsonl "
                    "with tokens and tags.")


def _read_hub(source: str) -> dict:
    import datasets

    ds = load_hub_dataset(source)
    splits = {}
    for split in ("train", "validation", "test"):
        if split not in ds:
            continue
        missing = {"tokens", "ner_tags"} - set(ds[split].column_names)
        if missing:
            raise DataError(f"{source} [{split}]: no {sorted(missing)} column(s); found {ds[split].column_names}.")
        inner = getattr(ds[split].features["ner_tags"], "feature", None)
        if isinstance(inner, datasets.ClassLabel):
            names = inner.names
        elif isinstance(inner, datasets.Value) and "int" in inner.dtype:
            # copies on the hub number CoNLL-2003's tags in different orders: a guess would silently mislabel
            raise DataError(f"{source} [{split}]: ner_tags are bare integers without tag names, and hub copies of "
                            "CoNLL-2003 number their tags in different orders. Use a copy whose ner_tags are a "
                            "ClassLabel (e.g. eriktks/conll2003 at revision refs/convert/parquet) or string tags.")
        else:
            names = None             # tags stored as strings already
        rows = [row for row in ds[split] if len(row["tokens"]) and row["tokens"][0] != "-DOCSTART-"]
        splits[split] = [(list(row["tokens"]), [names[t] for t in row["ner_tags"]] if names
                          else [str(t) for t in row["ner_tags"]]) for row in rows]
    return splits


def tag_names(sentences) -> list[str]:
    """The label list: O first, then B-/I- for each entity type in alphabetical order."""
    types = sorted({tag[2:] for _, tags in sentences for tag in tags if tag != "O"})
    return ["O"] + [f"{prefix}-{kind}" for kind in types for prefix in ("B", "I")]


def load_ner(source: str, columns: dict[str, str] | None = None, train_size: int | None = None,
             eval_size: int | None = None, seed: int = 0, split: str = "random 70/15/15", sizes: dict | None = None,
             report: DataReport | None = None):
    """Load token-classification data -> (DatasetDict with ``tokens`` and ``ner_tags`` (ids), tag names).

    ``source``: a CoNLL file or JSONL file (split 70/15/15 here with ``seed``), a folder with ``train.*`` and
    ``test.*`` (``validation.*`` optional, else 15% of train), or an owner-prefixed hub id with ``tokens`` and
    ``ner_tags``. Tags are checked (BIO, lengths) and tags seen only outside train are refused.
    """
    _, shares = parse_split(split, "ner")
    report = report or DataReport(str(source), "ner")
    report.split = "as given by the source's splits"
    path = resolve_path(source)
    if path is None and looks_like_hub_id(source):
        splits = _read_hub(source)
    elif path is None:
        raise DataError(f"{source}: no such file or folder.")
    elif path.is_file():
        sentences = _read_file(path, columns)
        if len(sentences) < 20:
            raise DataError(f"{path}: {len(sentences)} sentence(s) is too few to split 70/15/15; give at least 20.")
        order = list(range(len(sentences)))
        random.Random(seed).shuffle(order)
        n_train, n_val = int(shares[0] * len(order)), int(shares[1] * len(order))
        report.split = f"{split} of the sentences (seed {seed})"
        splits = {"train": [sentences[i] for i in order[:n_train]],
                  "validation": [sentences[i] for i in order[n_train:n_train + n_val]],
                  "test": [sentences[i] for i in order[n_train + n_val:]]}
    else:
        splits = {}
        for split, names in SPLIT_NAMES.items():
            found = [f for name in names for f in sorted(path.glob(f"{name}.*")) if f.suffix.lower() in SUFFIXES]
            if found:
                splits[split] = _read_file(found[0], columns)
        missing = [s for s in ("train", "test") if s not in splits]
        if missing:
            raise DataError(f"{path}: a data folder needs train.* and test.* (CoNLL or JSONL); missing: "
                            f"{', '.join(missing)}.")
    for split, sentences in splits.items():
        check_bio(sentences, f"{source} [{split}]")
    if "validation" not in splits:
        train = list(splits["train"])
        random.Random(seed).shuffle(train)
        cut = max(1, int(0.15 * len(train)))
        splits["validation"], splits["train"] = train[:cut], train[cut:]
        report.split += "; validation: 15% of train"
    names = tag_names(splits["train"])
    for split, sentences in splits.items():
        unknown = sorted({t for _, tags in sentences for t in tags} - set(names))
        if unknown:
            raise DataError(f"{source} [{split}]: tag(s) {unknown} never occur in train, so the model cannot learn "
                            "them. Add training examples or merge the type.")
    sizes = sizes or {"train": ("train_size", train_size), "validation": ("eval_size", eval_size),
                      "test": ("eval_size", eval_size)}
    report.labels = names
    return _to_datasets(splits, names, sizes, seed, report), names


def _to_datasets(splits, names, sizes, seed, report):
    from datasets import ClassLabel, Dataset, DatasetDict, Features, Sequence, Value

    features = Features({"tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})
    to_id = {name: i for i, name in enumerate(names)}
    out = {}
    for split in ("train", "validation", "test"):
        sentences, (setting, n) = splits[split], sizes[split]
        if n is not None and n < len(sentences):
            sentences = random.Random(seed).sample(sentences, n)
        report.count(split, len(splits[split]), len(sentences), setting)
        out[split] = Dataset.from_dict({"tokens": [t for t, _ in sentences],
                                        "ner_tags": [[to_id[x] for x in tags] for _, tags in sentences]},
                                       features=features)
    return DatasetDict(out)


