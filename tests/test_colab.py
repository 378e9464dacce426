"""The Colab set-up cell's helper (labs_lib.colab), with pip faked: what it does when pip fails, when it succeeds,
when versions differ from the pins, and when the runtime must restart."""

import subprocess
import sys
import types

import pytest

from labs_lib import colab


def fake_pip(returncode=0, stderr=""):
    calls = []

    def run(cmd, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, returncode, stdout="", stderr=stderr)

    return run, calls


def test_every_lab_notebook_installs_through_colab_with_its_own_name():
    import json
    from pathlib import Path

    for path in sorted(Path(colab.REPO, "notebooks").glob("*.ipynb")):
        first_code = next(c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
        assert f'colab.install("{path.stem}")' in "".join(first_code["source"]), path.name
        assert path.stem in colab.PACKAGES, path.name
    for packages in colab.PACKAGES.values():
        assert set(packages) <= set(colab.pins()), "every package Colab installs is pinned in requirements.txt"


def test_failed_pip_stops_with_its_message_and_leaves_no_stamp(tmp_path):
    run, calls = fake_pip(returncode=1, stderr="ERROR: No matching distribution found for peft==0.21.2")
    with pytest.raises(RuntimeError, match=r"(?s)pip install failed .*run this cell again.*No matching distribution"):
        colab.install("01_classification", stamp_dir=tmp_path, run=run)
    assert len(calls) == 1 and not list(tmp_path.iterdir())


def test_success_writes_the_stamp_and_a_second_run_skips_pip(tmp_path, capsys):
    run, calls = fake_pip()
    colab.install("02_summarization", stamp_dir=tmp_path, run=run)   # the pins are what this venv has
    assert calls[0][:4] == [sys.executable, "-m", "pip", "install"]
    assert f"rouge-score=={colab.pins()['rouge-score']}" in calls[0]
    stamps = list(tmp_path.iterdir())
    assert len(stamps) == 1 and "02_summarization" in stamps[0].name
    colab.install("02_summarization", stamp_dir=tmp_path, run=run)
    assert len(calls) == 1, "an install already stamped is not repeated"
    assert "ready: 02_summarization" in capsys.readouterr().out


def test_versions_that_differ_from_the_pins_are_named(tmp_path, monkeypatch):
    real = colab.installed
    monkeypatch.setattr(colab, "installed", lambda name: "0.0.1" if name == "peft" else real(name))
    run, _ = fake_pip()
    with pytest.raises(RuntimeError, match=r"peft: 0\.21\.2, 0\.0\.1"):
        colab.install("01_classification", stamp_dir=tmp_path, run=run)
    assert not list(tmp_path.iterdir())


def test_a_package_upgraded_after_it_was_imported_asks_for_a_restart(tmp_path, monkeypatch):
    import pyarrow  # noqa: F401  (imported by this kernel, as Colab's kernel has it)

    real, upgraded = colab.installed, {}

    def pip_upgrades_pyarrow(cmd, **kwargs):
        upgraded["pyarrow"] = "99.0.0"
        return subprocess.CompletedProcess(cmd, 0, stdout="", stderr="")

    monkeypatch.setattr(colab, "installed", lambda name: upgraded.get(name) or real(name))
    with pytest.raises(RuntimeError, match=r"pyarrow \(.* -> 99\.0\.0\).*Restart session"):
        colab.install("01_classification", stamp_dir=tmp_path, run=pip_upgrades_pyarrow)
    assert list(tmp_path.iterdir()), "the install itself succeeded: after the restart the cell does not reinstall"
    colab.install("01_classification", stamp_dir=tmp_path, run=pip_upgrades_pyarrow)   # after the restart: ready


def test_old_torch_is_refused(tmp_path, monkeypatch):
    real = colab.installed
    monkeypatch.setattr(colab, "installed", lambda name: "2.5.1+cu121" if name == "torch" else real(name))
    run, _ = fake_pip()
    with pytest.raises(RuntimeError, match="torch 2.5.1.*needs >= 2.6"):
        colab.install("01_classification", stamp_dir=tmp_path, run=run)


def test_unknown_lab_is_named():
    with pytest.raises(ValueError, match="Unknown lab '09_x'"):
        colab.install("09_x")
