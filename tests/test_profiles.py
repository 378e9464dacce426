import pytest

from labs_lib.profiles import LABS, PROFILES, lab_config, resolve_profile, show_config


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
    for lab, table in LABS.items():
        assert set(table) == set(PROFILES), lab
        keys = {p: set(row) for p, row in table.items()}
        assert keys["smoke"] == keys["cpu"] == keys["full"], lab


def test_full_profile_uses_owner_prefixed_hub_ids():
    for lab, table in LABS.items():
        # lab 06 has no public dataset with rated transcripts: full runs on the project's corpus (or the learner's)
        keys = ("model", "embed_model", "long_model") if lab == "06_long_transcripts" else ("model", "data")
        for key in keys:
            value = table["full"][key]
            for one in value.values() if isinstance(value, dict) else [value]:  # lab 02: one dataset per task
                assert one.count("/") == 1 and not one.startswith("assets"), (lab, key, one)


def test_lab_config_gives_attributes():
    cfg = lab_config("01_classification", "smoke")
    assert cfg.profile == "smoke" and cfg.batch_size > 0 and cfg.lab == "01_classification"


def test_show_config_marks_the_chosen_profile():
    table = show_config("01_classification", "cpu")
    assert list(table.columns) == ["smoke", "cpu (chosen)", "full"]
    assert "model" in table.index
