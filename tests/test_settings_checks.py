"""Settings are checked when the lab's config is made, before any data is read: each mistake is one ConfigError line
naming the lab, the key, the value, what is expected and the profile's own value as an example; a results folder
that cannot be written stops the lab there too, not after training."""

import json
import os
import re
from pathlib import Path

import pytest

from labs_lib import profiles, results
from labs_lib.labs import LABS, lab_config, table
from labs_lib.profiles import PROFILES, ConfigError

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lab", list(LABS))
def test_every_shipped_value_passes_the_checks_of_every_profile(lab):
    rows = table(lab).rows
    per_task = isinstance(rows["smoke"]["data"], dict)
    for profile in PROFILES:
        for key, value in rows[profile].items():
            assert profiles.check_setting(table(lab), profile, key, value, per_task) == value, (lab, profile, key)
        for other in PROFILES:   # another profile's whole row as overrides: every value the tables hold is accepted
            cfg = lab_config(lab, profile, dict(rows[other]))
            assert {key: getattr(cfg, key) for key in rows[other]} == rows[other], (lab, profile, other)


@pytest.mark.parametrize("lab, profile, overrides, named, expected", [
    ("01_classification", "cpu", {"epochs": "two"}, {},
     "01_classification: epochs must be a whole number, at least 1 (the cpu profile uses 2); got 'two'."),
    ("01_classification", "smoke", {"train_size": -5}, {},
     "01_classification: train_size must be a whole number, at least 1 or None (the smoke profile uses 640); got -5."),
    ("08_peft_and_search", "smoke", {"lrs": {"lora": 0.005}}, {},
     "08_peft_and_search: lrs['lora'] must be a list (the smoke profile uses [0.005, 0.02]); got 0.005."),
    ("08_peft_and_search", "cpu", {"steps": 0}, {},
     "08_peft_and_search: steps must be a whole number, at least 1 (the cpu profile uses 75); got 0."),
    ("01_classification", "cpu", {"eval_size": 0}, {},
     "01_classification: eval_size must be a whole number, at least 1 or None (the cpu profile uses 200); got 0."),
    ("01_classification", "cpu", {}, {"columns": ["review", "sentiment"]},
     "01_classification: columns must be a dict from the lab's column names to yours, e.g. {'text': 'review', "
     "'label': 'stars'} (None: as is); got ['review', 'sentiment']."),
])
def test_the_issues_wrong_settings_get_one_line_naming_key_value_and_example(lab, profile, overrides, named, expected):
    with pytest.raises(ConfigError) as err:
        lab_config(lab, profile, overrides, **named)
    assert str(err.value) == expected


@pytest.mark.parametrize("lab, overrides, words", [
    ("01_classification", {"epochs": 2.5}, "epochs must be a whole number"),
    ("01_classification", {"epochs": True}, "epochs must be a whole number"),   # a bool is not a number
    ("01_classification", {"lr_full": 0}, "lr_full must be a number above 0"),
    ("01_classification", {"lr_full": float("nan")}, "lr_full must be a number above 0"),
    ("01_classification", {"lora_targets": "query"}, "lora_targets must be a list"),
    ("01_classification", {"split": 70}, "split must be a text (str)"),
    ("01_classification", {"freeze_sweep": [-1]}, "freeze_sweep[0] must be a whole number, at least 0"),
    ("04_mlm", {"mlm_probability": 1.5}, "mlm_probability must be a share above 0 and below 1"),
    ("08_peft_and_search", {"search_space": {"lora_dropout": [0.0, 1.0]}},
     "search_space['lora_dropout'][1] must be a share from 0"),
    ("08_peft_and_search", {"lrs": {"lora": [0.001, -0.01]}}, "lrs['lora'][1] must be a number above 0"),
    ("08_peft_and_search", {"ia3_targets": 3}, "ia3_targets must be a list or a text (str)"),
    ("02_summarization", {"lead_n": {"dialogue": 0}}, "lead_n['dialogue'] must be a whole number, at least 1"),
    ("02_summarization", {"columns": {"dialogue": ["a"]}}, "columns['dialogue'] must be a dict"),
    ("03_setfit", {"shots": [4, -1]}, "shots[1] must be a whole number, at least 1"),
    ("06_long_transcripts", {"long_models": {"Longformr": "x"}}, "long_models has no entry ['Longformr']"),
    ("09_causal_lm", {"qlora": 1}, "qlora must be True or False"),
    ("09_causal_lm", {"lora_r": 0}, "lora_r must be a whole number, at least 1 or None"),
])
def test_types_and_ranges_follow_the_profiles_and_the_names(lab, overrides, words):
    with pytest.raises(ConfigError) as err:
        lab_config(lab, "cpu", overrides)
    message = str(err.value)
    assert message.startswith(f"{lab}: {words}") and "\n" not in message
    assert "no entry" in words or "columns" in words or ("profile uses" in message and "; got " in message)


def test_what_fits_is_taken_and_made_plain():
    cfg = lab_config("01_classification", "cpu", {"epochs": 2.0, "train_size": None, "patience": 0},
                     data_path=Path("mine.csv"))
    assert cfg.epochs == 2 and isinstance(cfg.epochs, int), "a whole float becomes the int the profiles hold"
    assert cfg.train_size is None and cfg.patience == 0
    assert cfg.data == "mine.csv" and isinstance(cfg.data, str), "a path is kept as text (the results file is JSON)"
    assert lab_config("03_setfit", "cpu", {"contrast_data": None}).contrast_data is None, "its meaning names None"
    assert lab_config("09_causal_lm", "smoke", {"lora_r": None}).lora_r is None, "a profile holds None"
    cfg = lab_config("06_long_transcripts", "cpu", {"long_models": {"Longformer": "allenai/longformer-base-4096"}})
    assert cfg.long_models == {"Longformer": "allenai/longformer-base-4096"}, "an entry another profile names"
    assert lab_config("06_long_transcripts", "smoke", {"long_models": {}}).long_models == {}, "{}: none"


def rehearsal_overrides() -> dict:
    script = (ROOT / "scripts" / "rehearse_full.sh").read_text()
    return json.loads(re.search(r"export LABS_OVERRIDES='(\{.*?\})'", script, re.S).group(1))


def test_the_full_rehearsals_environment_overrides_pass_the_same_checks(monkeypatch):
    overrides = rehearsal_overrides()
    assert set(overrides) <= set(LABS) and len(overrides) >= 5
    monkeypatch.setenv("LABS_OVERRIDES", json.dumps(overrides))
    for lab, changes in overrides.items():
        cfg = lab_config(lab, "full")
        assert set(cfg.overridden) == set(changes), lab
    cfg = lab_config("08_peft_and_search", "full")   # dict settings: the named entries change, the others stay
    assert cfg.lrs["lora"] == [2e-3] and cfg.search_grid["lora_r"] == [4] and cfg.search_grid["lora_dropout"] == [0.1]


def test_a_wrong_value_from_the_environment_says_where_it_was_set(monkeypatch):
    monkeypatch.setenv("LABS_OVERRIDES", '{"01_classification": {"epochs": "2"}}')
    with pytest.raises(ConfigError, match=r"epochs must be a whole number.*got '2' \(set in \$LABS_OVERRIDES\)\.$"):
        lab_config("01_classification", "smoke")
    assert lab_config("01_classification", "smoke", {"epochs": 3}).epochs == 3, "the notebook's value wins"


def read_only(folder: Path, monkeypatch):
    """``folder`` made read-only; root may write anyway, so for root os.access is told the same."""
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(results.os, "access", lambda p, mode: False if Path(p) == folder else real(p, mode))


def test_a_read_only_results_folder_stops_the_lab_when_the_config_is_made(tmp_path, monkeypatch):
    folder = tmp_path / "results"
    folder.mkdir()
    read_only(folder, monkeypatch)
    try:
        for given in (folder, folder / "sub"):   # the folder itself, or one results would make inside it
            with pytest.raises(ConfigError) as err:
                lab_config("01_classification", "smoke", results_dir=str(given))
            message = str(err.value)
            assert message.startswith(f"01_classification: the results folder {given} is read-only")
            assert "set results_dir =" in message and "\n" not in message
        with pytest.raises(PermissionError, match="is read-only"):   # and at the end, in one line as well
            results.results_dir(folder)
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == [], "the check writes nothing"


def test_a_results_folder_that_is_a_file_or_writable(tmp_path, monkeypatch):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(ConfigError, match=r"cannot be made: .*taken is a file"):
        lab_config("01_classification", "smoke", results_dir=str(tmp_path / "taken" / "results"))
    cfg = lab_config("01_classification", "smoke", results_dir=str(tmp_path / "new" / "results"))
    assert "results_dir" not in vars(cfg), "checked, not a setting"
    assert not (tmp_path / "new").exists(), "nothing is created before the results are written"
    monkeypatch.setenv("LABS_RESULTS_DIR", str(tmp_path / "taken"))
    with pytest.raises(ConfigError, match="is a file"):
        lab_config("01_classification", "smoke", results_dir=None)   # None: the folder results would use


def test_lab02_names_a_misspelt_task_with_the_closest_one():
    from labs_lib.labs import lab02_summarization as lab

    assert lab.check_tasks(["document"]) == ["document"]
    with pytest.raises(ConfigError, match=r"unknown task 'dialog' \(did you mean 'dialogue'\?\)"):
        lab.check_tasks(["dialog"])
    with pytest.raises(ConfigError, match="must be a non-empty list"):
        lab.check_tasks("dialogue")
