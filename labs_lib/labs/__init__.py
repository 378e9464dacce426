"""The table of contents: one module per lab, everything only that lab uses (``labs_lib/labs/labNN_<name>.py``).

A notebook imports its own as ``lab`` (``from labs_lib.labs import lab03_setfit as lab``): ``lab.x`` is this lab's,
``labs_lib.<module>.x`` is every lab's. Adding a lab: its notebook, its module, one line below, its row in
``labs_lib.colab.PACKAGES``. Modules load on first use, so reading the contents imports no lab.
"""

from __future__ import annotations

import importlib

LABS = {
    "01_classification": "lab01_classification",
    "02_summarization": "lab02_summarization",
    "03_setfit": "lab03_setfit",
    "04_mlm": "lab04_mlm",
    "05_ner": "lab05_ner",
    "06_long_transcripts": "lab06_long_transcripts",
    "07_honest_evaluation": "lab07_honest_evaluation",
    "08_peft_and_search": "lab08_peft_and_search",
    "09_causal_lm": "lab09_causal_lm",
    "10_scaling_out": "lab10_scaling_out",
}


def module(lab: str):
    """The lab's module, by the lab's name ("03_setfit")."""
    from labs_lib.profiles import ConfigError

    if lab not in LABS:
        raise ConfigError(f"Unknown lab {lab!r}. Known labs: {', '.join(LABS)}.")
    return importlib.import_module(f"labs_lib.labs.{LABS[lab]}")


def table(lab: str):
    """The lab's settings table (profiles.Table): ``table(lab)["cpu"]`` is the cpu row."""
    return module(lab).TABLE


def lab_config(lab: str, profile: str | None = None, overrides: dict | None = None, **named):
    """The lab's settings in ``profile`` with the learner's overrides: see ``labs_lib.profiles.lab_config``."""
    from labs_lib import profiles

    return profiles.lab_config(table(lab), profile, overrides, **named)


def show_config(cfg_or_lab, profile: str | None = None):
    """The lab's table beside the settings in use (a config, or a lab's name and a profile): see
    ``labs_lib.profiles.show_config``."""
    from labs_lib import profiles

    cfg = lab_config(cfg_or_lab, profile) if isinstance(cfg_or_lab, str) else cfg_or_lab
    return profiles.show_config(cfg)
