import pytest

from labs_lib.labs import LABS, lab_config, show_config, table
from labs_lib.profiles import PROFILES, ConfigError, resolve_profile


def test_explicit_profile_wins_over_env(monkeypatch):
    monkeypatch.setenv("LABS_PROFILE", "cpu")
    assert resolve_profile("smoke") == "smoke"


def test_env_is_the_fallback(monkeypatch):
    monkeypatch.setenv("LABS_PROFILE", "smoke")
    assert resolve_profile(None) == "smoke"


def test_no_env_picks_cpu_without_gpu(monkeypatch):
    import torch

    monkeypatch.delenv("LABS_PROFILE", raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_profile(None) == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert resolve_profile(None) == "full"


def test_unknown_profile_lists_the_valid_ones():
    with pytest.raises(ValueError) as err:
        resolve_profile("gpu")
    assert "'gpu'" in str(err.value) and all(p in str(err.value) for p in PROFILES)


def test_every_lab_defines_every_profile_with_the_same_keys():
    for lab in LABS:
        rows = table(lab).rows
        assert set(rows) == set(PROFILES), lab
        keys = {p: set(row) for p, row in rows.items()}
        assert keys["smoke"] == keys["cpu"] == keys["full"], lab


def test_full_profile_uses_owner_prefixed_hub_ids():
    for lab in LABS:
        # labs 06-07 have no public dataset with rated transcripts: full runs on the project's corpus (or the learner's)
        keys = {"06_long_transcripts": ("model", "embed_model", "long_models"),
                "07_honest_evaluation": ("model",)}.get(lab, ("model", "data"))
        for key in keys:
            value = table(lab)["full"][key]
            for one in value.values() if isinstance(value, dict) else [value]:  # lab 02: one dataset per task
                assert one.count("/") == 1 and not one.startswith("assets"), (lab, key, one)


def test_lab_config_gives_attributes():
    cfg = lab_config("01_classification", "smoke")
    assert cfg.profile == "smoke" and cfg.batch_size > 0 and cfg.lab == "01_classification"


def test_show_config_puts_the_config_in_use_first_and_marks_overrides():
    shown = show_config(lab_config("01_classification", "cpu", {"epochs": 1}))
    assert list(shown.columns) == ["in use (cpu + overrides)", "smoke", "cpu", "full", "meaning"]
    assert shown.loc["epochs", "in use (cpu + overrides)"] == "1 *"
    assert shown.loc["batch_size", "in use (cpu + overrides)"] == str(table("01_classification")["cpu"]["batch_size"])
    assert shown.loc["patience", "meaning"].startswith("evaluations (3 per epoch)")
    assert list(show_config("01_classification", "smoke").columns)[0] == "in use (smoke)"


@pytest.mark.parametrize("lab", list(LABS))
def test_every_lab_takes_an_override_and_refuses_an_unknown_key(lab):
    key = next(k for k in ("epochs", "batch_size", "steps") if k in table(lab)["cpu"])
    cfg = lab_config(lab, "cpu", {key: 7})
    assert getattr(cfg, key) == 7 and cfg.overridden == [key] and not cfg.own_data
    assert table(lab)["cpu"][key] != 7, "the table itself is not changed"
    with pytest.raises(ConfigError) as err:
        lab_config(lab, "cpu", {"epochz": 1})
    assert "'epochz'" in str(err.value) and key in str(err.value)


def test_none_means_all_and_named_none_means_the_profiles():
    cfg = lab_config("01_classification", "cpu", {"train_size": None}, data_path=None, columns=None)
    assert cfg.train_size is None and cfg.data == table("01_classification")["cpu"]["data"]
    cfg = lab_config("01_classification", "cpu", data_path="mine.csv", columns={"text": "review"})
    assert cfg.data == "mine.csv" and cfg.columns == {"text": "review"} and cfg.own_data


def test_per_task_data_merges_and_drops_the_profiles_columns_for_that_task():
    cfg = lab_config("02_summarization", "full", data_path={"document": "mine.csv"})
    assert cfg.data == {"dialogue": "knkarthick/dialogsum", "document": "mine.csv"}
    assert cfg.columns["document"] is None and cfg.hub_config["document"] is None
    with pytest.raises(ConfigError):
        lab_config("02_summarization", "cpu", data_path="mine.csv")
    with pytest.raises(ConfigError):
        lab_config("01_classification", "cpu", overrides=["epochs", 1])


def test_env_overrides_apply_under_the_notebooks_own_and_are_marked(monkeypatch):
    monkeypatch.setenv("LABS_OVERRIDES", '{"03_setfit": {"n_seeds": 2, "shots": [4]}, "01_classification": {"epochs": 1}}')
    cfg = lab_config("03_setfit", "full", {"shots": [8]})
    assert cfg.n_seeds == 2 and cfg.shots == [8], "the notebook's overrides win over the environment's"
    assert cfg.overridden == ["n_seeds", "shots"]
    assert lab_config("05_ner", "smoke").overridden == []


def test_env_overrides_that_are_not_json_or_name_an_unknown_key_are_named(monkeypatch):
    monkeypatch.setenv("LABS_OVERRIDES", "{epochs: 1}")
    with pytest.raises(ConfigError, match="LABS_OVERRIDES is not valid JSON"):
        lab_config("01_classification", "smoke")
    monkeypatch.setenv("LABS_OVERRIDES", '{"01_classification": {"epoch": 1}}')
    with pytest.raises(ConfigError, match=r"unknown setting\(s\) \['epoch'\]"):
        lab_config("01_classification", "smoke")
